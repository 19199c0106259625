/**
 * Imported first by the bundle's entry: some bundled CommonJS dependencies (google-gax) read
 * `__dirname`, `__filename` and `require`, which an ES module does not have. Defined here from
 * `import.meta.url` before any of them loads. The bundle test runs dist/index.js to prove it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as Record<string, unknown>;
const file = fileURLToPath(import.meta.url);
g.__filename ??= file;
g.__dirname ??= path.dirname(file);
g.require ??= createRequire(import.meta.url);
