import './shim.js';
import { run } from './main.js';

void run();
