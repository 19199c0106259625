// `node --import <this file>`: appends the URL of every module the process loads (ES modules, CommonJS files,
// node: builtins) to the file named by RECORD_LOADS_FILE, one a line, as Node's loader hands them over.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.RECORD_LOADS_FILE;
if (!file) throw new Error('record-loads.mjs: set RECORD_LOADS_FILE to the file that receives the URLs');
registerHooks({
  load(url, context, nextLoad) {
    appendFileSync(file, `${url}\n`);
    return nextLoad(url, context);
  },
});
