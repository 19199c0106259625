/**
 * `apply`: install the tools, reconcile the cluster through the provider's flow (probe each step, skip
 * what is done, run the rest), write the kubeconfig, then run `verify`. Safe to re-run after any failure.
 *
 * The provider modules (src/apply/gcp.ts, src/apply/aws.ts, loaded lazily with their SDKs) build the
 * steps with their probes; `runFlow` (src/flow.ts) is the one place that runs them and reports progress.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';

export async function apply(config: Config, io: ActionIO): Promise<void> {
  const flow = config.provider === 'gcp' ? await import('../apply/gcp.js') : await import('../apply/aws.js');
  await flow.applyFlow(config, io);
  const { verify } = await import('./verify.js');
  await verify(config, io);
}
