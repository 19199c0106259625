/**
 * The action's edge to the runner: outputs, job summary, log groups, exported variables. Commands take
 * an `ActionIO` so tests can hand them a fake; `coreIO` is the real one over @actions/core.
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
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
  'footprint',
  'cost-estimate',
  'preflight',
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

/** A line the runner would take for a workflow command: `::` after leading blanks, as the runner trims them. */
const COMMAND_LINE = /^\s*::/m;

/**
 * Writes a log message as text, never as a workflow command. A plain line goes out as it is; one that holds a
 * line starting with `::` (a CLI's output, a user's eksctl-config shown by plan) is fenced with
 * `::stop-commands::` and a one-time token, so the runner shows it and obeys none of it (no `::add-mask::`,
 * `::set-output::` or `::error::` smuggled in). debug/warning/error need no fence: core escapes their text.
 */
export function infoAsText(message: string, write: (line: string) => void = (l) => core.info(l)): void {
  if (!COMMAND_LINE.test(message)) return write(message);
  const token = randomUUID();
  write(`::stop-commands::${token}`);
  write(message);
  write(`::${token}::`);
}

export function coreIO(signal: AbortSignal): ActionIO {
  const log = redacting({
    debug: (m) => core.debug(m),
    info: (m) => infoAsText(m),
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
