/** Typed fixtures shared by the tests: inputs as a runner would pass them, and a fake ActionIO. */
import type { Config, InputName, InputReader } from '../src/inputs.js';
import { parseConfig } from '../src/inputs.js';
import type { ActionIO, OutputName } from '../src/io.js';
import { memoryLogger } from '../src/log.js';

export type Inputs = Partial<Record<InputName, string>>;

export function reader(inputs: Inputs): InputReader {
  return (name) => (inputs[name] ?? '').trim();
}

export function configOf(inputs: Inputs, env: NodeJS.ProcessEnv = {}): Config {
  return parseConfig(reader(inputs), { RUNNER_TEMP: '/runner/temp', ...env });
}

export interface FakeIO extends ActionIO {
  outputs: Partial<Record<OutputName, string>>;
  summary: string[];
  exported: Record<string, string>;
  paths: string[];
  lines: string[];
}

export function fakeIO(signal: AbortSignal = new AbortController().signal): FakeIO {
  const log = memoryLogger();
  const io: FakeIO = {
    log,
    lines: log.lines,
    outputs: {},
    summary: [],
    exported: {},
    paths: [],
    setOutput: (name, value) => {
      io.outputs[name] = value;
    },
    appendSummary: async (md) => {
      io.summary.push(md);
    },
    group: async (name, fn) => {
      log.info(`::group::${name}`);
      try {
        return await fn();
      } finally {
        log.info('::endgroup::');
      }
    },
    exportVariable: (name, value) => {
      io.exported[name] = value;
    },
    addPath: (dir) => {
      io.paths.push(dir);
    },
    signal,
  };
  return io;
}
