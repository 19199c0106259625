/**
 * `runFlow`: runs a flow's steps with the action's IO (log groups, progress lines, the `plan` output kept
 * current) and writes the job summary headed by the command that ran it (`apply`, `destroy`). The one
 * place that hands steps to the runner (src/steps.ts); the provider flows and `destroy` call it.
 */
import type { Config } from './inputs.js';
import type { ActionIO } from './io.js';
import { execArgv } from './exec.js';
import { settingsMarkdown } from './commands/plan.js';
import { CancelledError, type Step, type StepRecord, StepFailedError, runSteps, stepsMarkdown } from './steps.js';

/** The closing line of the apply (or destroy) summary, by how the run ended. */
export const APPLY_NEXT = {
  done:
    '**Next:** the verification report follows; later steps in this job reach the cluster through the exported ' +
    '`KUBECONFIG` (`kubectl`, `helm`).',
  failed:
    '**Next:** fix what the failed step says (README, "Troubleshooting") and re-run the same workflow: `apply` ' +
    'probes every step again and continues where it stopped.',
  destroyFailed: '**Next:** fix what the failed step says and re-run `destroy`: it continues with what is still there.',
} as const;

export interface FlowOptions {
  env?: Record<string, string>;
  heartbeatMs?: number;
  /** The summary's heading; default the command being run. */
  title?: string;
  /** Waits between runs of a CLI step that failed transiently; tests inject one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export async function runFlow<Ctx>(
  steps: readonly Step<Ctx>[],
  ctx: Ctx,
  config: Config,
  io: ActionIO,
  opts: FlowOptions = {},
): Promise<StepRecord[]> {
  const title = opts.title ?? config.command;
  let last: readonly StepRecord[] = [];
  const writeSummary = async (next?: string) => {
    const lines = [`## 🛠️ gitpod-cluster-action ${title}`, '', settingsMarkdown(config), '', '### Steps', ''];
    lines.push(stepsMarkdown(last), '', ...(next ? [next, ''] : []));
    await io.appendSummary(lines.join('\n'));
  };
  try {
    const records = await runSteps(steps, ctx, {
      log: io.log,
      signal: io.signal,
      heartbeatMs: opts.heartbeatMs,
      ...(opts.sleep ? { cliRetry: { sleep: opts.sleep } } : {}),
      group: (name, fn) => io.group(name, fn),
      exec: (argv, o) => execArgv(argv, { log: o.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
      onUpdate: (records) => {
        last = records;
        io.setOutput('plan', JSON.stringify(records));
      },
    });
    await writeSummary(title === 'apply' ? APPLY_NEXT.done : undefined);
    return records;
  } catch (err) {
    if (err instanceof StepFailedError || err instanceof CancelledError)
      await writeSummary(APPLY_NEXT[title === 'apply' ? 'failed' : 'destroyFailed']);
    throw err;
  }
}
