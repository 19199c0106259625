/**
 * The action's edge to the runner: outputs, job summary, log groups, exported variables. Commands take
 * an `ActionIO` so tests can hand them a fake; `coreIO` is the real one over @actions/core.
 */
import * as core from '@actions/core';
import { type Logger, redact, redacting } from './log.js';

export const OUTPUT_NAMES = [
  'plan',
  'eksctl-config',
  'kubeconfig',
  'context',
  'cluster-endpoint',
  'verified',
  'drift',
  'summary',
  'summary-markdown',
  'report-file',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface ActionIO {
  log: Logger;
  setOutput(name: OutputName, value: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Exports an environment variable to later steps (and this process). */
  exportVariable(name: string, value: string): void;
  /** Prepends a folder to PATH for this process and later steps. */
  addPath(dir: string): void;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/** GitHub's job summary limit is 1 MiB per step; stay below it with room for the runner. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 64 * 1024;

export function coreIO(signal: AbortSignal): ActionIO {
  const log = redacting({
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
  });
  return {
    log,
    setOutput: (name, value) => core.setOutput(name, redact(value)),
    appendSummary: async (markdown) => {
      // Without GITHUB_STEP_SUMMARY (a local run) there is no job summary to write.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      let text = redact(markdown);
      if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
        text = `${text.slice(0, SUMMARY_LIMIT_BYTES / 2)}\n\n_(job summary cut at GitHub's size limit; see the report file)_\n`;
      }
      await core.summary.addRaw(text, true).write();
    },
    group: (name, fn) => core.group(redact(name), fn),
    exportVariable: (name, value) => core.exportVariable(name, value),
    addPath: (dir) => core.addPath(dir),
    signal,
  };
}
