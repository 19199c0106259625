/**
 * Command dispatch. One try/catch: every failure ends as one line, `gitpod-cluster-action failed: …`.
 * `plan` is loaded statically and stays light; the other commands (and with them the cloud SDKs and
 * the Kubernetes client) are imported only when asked for.
 */
import * as core from '@actions/core';
import { type Config, type InputName, parseConfig } from './inputs.js';
import { coreIO } from './io.js';
import { redact, registerSecret, setSecretHook } from './log.js';
import { plan } from './commands/plan.js';
import { errorMessage } from './steps.js';

const readInput = (name: InputName): string => core.getInput(name);

export async function run(): Promise<void> {
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    core.warning(`Received ${sig}: stopping after cleaning up the step in progress.`);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    setSecretHook((value) => core.setSecret(value));
    registerSecret(core.getInput('github-token'));
    registerSecret(process.env.CLOUDSDK_AUTH_ACCESS_TOKEN);
    registerSecret(process.env.AWS_SECRET_ACCESS_KEY);
    registerSecret(process.env.AWS_SESSION_TOKEN);
    const config: Config = parseConfig(readInput);
    const io = coreIO(controller.signal);
    switch (config.command) {
      case 'plan':
        await plan(config, io);
        break;
      case 'apply':
        await (await import('./commands/apply.js')).apply(config, io);
        break;
      case 'verify':
        await (await import('./commands/verify.js')).verify(config, io);
        break;
      case 'destroy':
        await (await import('./commands/destroy.js')).destroy(config, io);
        break;
    }
  } catch (err) {
    if (core.isDebug() && err instanceof Error && err.stack) core.debug(redact(err.stack));
    core.setFailed(`gitpod-cluster-action failed: ${redact(errorMessage(err))}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
