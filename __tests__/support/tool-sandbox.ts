/**
 * `useToolSandbox`: fresh RUNNER_TOOL_CACHE and RUNNER_TEMP folders for installer tests, with
 * @actions/tool-cache's `::debug::` lines kept out of the test output. Jest only (it registers hooks).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The folders of the current sandbox (read them inside tests and hooks: they change with `scope: 'each'`). */
export interface ToolSandbox {
  cacheDir: string;
  tempDir: string;
}

/**
 * Registers jest hooks giving each test (`each`) or the whole describe (`all`) fresh RUNNER_TOOL_CACHE and
 * RUNNER_TEMP folders in process.env (which @actions/tool-cache reads), removed afterwards; the variables
 * and stdout are restored when the file's tests end.
 */
export function useToolSandbox(scope: 'each' | 'all' = 'each'): ToolSandbox {
  const box: ToolSandbox = { cacheDir: '', tempDir: '' };
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const make = async () => {
    box.cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tool-cache-'));
    box.tempDir = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'));
    process.env.RUNNER_TOOL_CACHE = box.cacheDir;
    process.env.RUNNER_TEMP = box.tempDir;
  };
  const remove = async () => {
    await rm(box.cacheDir, { recursive: true, force: true });
    await rm(box.tempDir, { recursive: true, force: true });
  };
  beforeAll(() => {
    // @actions/tool-cache reports through core.debug, which writes `::debug::` lines to stdout.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
      typeof chunk === 'string' && chunk.startsWith('::debug::')
        ? true
        : stdoutWrite(chunk, ...rest)) as typeof process.stdout.write;
  });
  if (scope === 'each') {
    beforeEach(make);
    afterEach(remove);
  } else {
    beforeAll(make);
    afterAll(remove);
  }
  afterAll(() => {
    process.stdout.write = stdoutWrite;
    process.env.RUNNER_TOOL_CACHE = saved.cache;
    process.env.RUNNER_TEMP = saved.temp;
  });
  return box;
}
