/**
 * Command dispatch. One try/catch: every failure ends as one line, `gitpod-cluster-action failed: …`.
 * `plan` is loaded statically and stays light; the other commands (and with them the cloud SDKs and
 * the Kubernetes client) are imported only when asked for.
 *
 * Cancellation: GitHub sends this process (not its children) SIGINT, SIGTERM 7.5 s later, then SIGKILL.
 * The first signal aborts the run: the step in progress stops its processes (SIGTERM, SIGKILL after 5 s),
 * the `plan` output and the job summary say what was done, and the run fails with one line naming the
 * step. Any later signal kills what is still running at once; none ends this process before its report.
 */
import * as core from '@actions/core';
import { type Config, type InputName, parseConfig } from './inputs.js';
import { coreIO } from './io.js';
import { killAllNow } from './exec.js';
import { redact, registerSecret, setSecretHook } from './log.js';
import { plan } from './commands/plan.js';
import { publishEstimate } from './commands/estimate.js';
import { loadProvider, providerOf } from './providers/index.js';
import { registerMirrorCredentials } from './tools/mirror.js';
import { CancelledError, cancelReason, errorMessage } from './steps.js';

const readInput = (name: InputName): string => core.getInput(name);

/**
 * `footprint` and `cost-estimate` for the commands other than `plan` (which publishes its own): on AWS
 * from the ClusterConfig with the user's overlay merged; an overlay that does not pass is left to the
 * command to report, and the rendered ClusterConfig stands in.
 */
function publishConfigEstimate(config: Config, io: ReturnType<typeof coreIO>): void {
  publishEstimate(config, io, providerOf(config).estimateConfig(config));
}

export async function run(): Promise<void> {
  const controller = new AbortController();
  let first: NodeJS.Signals | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (first) {
      const killed = killAllNow();
      core.warning(`Received ${sig} after ${first}: killed ${killed} process group(s) still running at once.`);
      return;
    }
    first = sig;
    core.warning(`Received ${sig}: stopping the step in progress and its processes, then reporting.`);
    controller.abort(new Error(`cancelled by ${sig}`));
  };
  // Kept for the life of the process: a signal after the run ended must not kill it before it exits.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    setSecretHook((value) => core.setSecret(value));
    registerSecret(core.getInput('github-token'));
    registerSecret(process.env.CLOUDSDK_AUTH_ACCESS_TOKEN);
    // aws-actions/configure-aws-credentials masks the key id too: a signed request's echo shows it.
    registerSecret(process.env.AWS_ACCESS_KEY_ID);
    registerSecret(process.env.AWS_SECRET_ACCESS_KEY);
    registerSecret(process.env.AWS_SESSION_TOKEN);
    registerMirrorCredentials(core.getInput('tool-mirror'));
    const config: Config = parseConfig(readInput);
    // The one provider these inputs name: the other's modules are never loaded.
    await loadProvider(config);
    const io = coreIO(controller.signal);
    switch (config.command) {
      case 'plan':
        await plan(config, io);
        break;
      case 'preflight':
        await (await import('./commands/preflight.js')).preflight(config, io);
        break;
      case 'apply':
        publishConfigEstimate(config, io);
        await (await import('./commands/apply.js')).apply(config, io);
        break;
      case 'verify':
        publishConfigEstimate(config, io);
        await (await import('./commands/verify.js')).verify(config, io);
        break;
      case 'destroy':
        publishConfigEstimate(config, io);
        await (await import('./commands/destroy.js')).destroy(config, io);
        break;
    }
  } catch (err) {
    if (core.isDebug() && err instanceof Error && err.stack) core.debug(redact(err.stack));
    // Cancelled outside the steps (installing the tools, reading the cloud): say so before what broke off.
    const cancelled = controller.signal.aborted && !(err instanceof CancelledError);
    const message = `${cancelled ? `${cancelReason(controller.signal)}: ` : ''}${errorMessage(err)}`;
    core.setFailed(`gitpod-cluster-action failed: ${redact(message)}`);
  }
}
