/**
 * `apply`: install the tools, reconcile the cluster through the provider's flow (probe each step, skip
 * what is done, run the rest), write the kubeconfig, then run `verify`. Safe to re-run after any failure.
 *
 * The provider modules (src/apply/gcp.ts, src/apply/aws.ts, loaded lazily with their SDKs) build the
 * steps with their probes; `runFlow` below is the one place that runs them and reports progress.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { execArgv } from '../exec.js';
import { CancelledError, type Step, type StepRecord, StepFailedError, runSteps, stepsMarkdown } from '../steps.js';
import { settingsMarkdown } from './plan.js';

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

/** Runs a flow's steps with the action's IO: log groups, progress, the `plan` output kept current. */
export async function runFlow<Ctx>(
  steps: readonly Step<Ctx>[],
  ctx: Ctx,
  config: Config,
  io: ActionIO,
  opts: {
    env?: Record<string, string>;
    heartbeatMs?: number;
    title?: string;
    /** Waits between runs of a CLI step that failed transiently; tests inject one that does not wait. */
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<StepRecord[]> {
  let last: readonly StepRecord[] = [];
  const command = opts.title ?? 'apply';
  const writeSummary = async (next?: string) => {
    const lines = [`## 🛠️ gitpod-cluster-action ${command}`, '', settingsMarkdown(config), '', '### Steps', ''];
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
      exec: (argv, o) => execArgv(argv, { log: io.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
      onUpdate: (records) => {
        last = records;
        io.setOutput('plan', JSON.stringify(records));
      },
    });
    await writeSummary(command === 'apply' ? APPLY_NEXT.done : undefined);
    return records;
  } catch (err) {
    if (err instanceof StepFailedError || err instanceof CancelledError)
      await writeSummary(APPLY_NEXT[command === 'apply' ? 'failed' : 'destroyFailed']);
    throw err;
  }
}

/**
 * Preflight first (read-only: quotas, permissions, versions, machine types; src/preflight.ts): when a check
 * ends in ERROR, apply stops before installing a tool or sending a single mutating request.
 */
export async function apply(config: Config, io: ActionIO): Promise<void> {
  await (await import('./preflight.js')).preflight(config, io);
  const flow = config.provider === 'gcp' ? await import('../apply/gcp.js') : await import('../apply/aws.js');
  await flow.applyFlow(config, io);
  const { verify } = await import('./verify.js');
  await verify(config, io);
}
