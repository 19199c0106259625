/**
 * jest setupFiles, in every test file: @actions/core's `debug()` always writes a `::debug::` line to stdout (the
 * runner hides them unless debug logging is on). The action's own code and @actions/tool-cache call it on every
 * download and cache look-up, so the in-process apply and install tests printed thousands of such lines. Tests
 * see nothing of this: the bundle tests run dist/ in child processes, whose output they read themselves.
 */
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  if (typeof chunk === 'string' && chunk.startsWith('::debug::')) return true;
  if (chunk instanceof Uint8Array && Buffer.from(chunk.subarray(0, 9)).toString() === '::debug::') return true;
  return write(chunk, ...rest);
}) as typeof process.stdout.write;
