/**
 * `apply`: install the tools, reconcile the cluster through the provider's flow (probe each step, skip
 * what is done, run the rest), write the kubeconfig, then run `verify`. Safe to re-run after any failure.
 *
 * The Provider (src/providers/index.ts; its apply module loaded lazily with its SDK) builds the
 * steps with their probes; `runFlow` (src/flow.ts) is the one place that runs them and reports progress.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { loadProvider } from '../providers/index.js';

/**
 * Preflight first (read-only: quotas, permissions, versions, machine types; src/preflight.ts): when a check
 * ends in ERROR, apply stops before installing a tool or sending a single mutating request.
 */
export async function apply(config: Config, io: ActionIO): Promise<void> {
  await (await import('./preflight.js')).preflight(config, io);
  await (await loadProvider(config)).apply(config, io);
  const { verify } = await import('./verify.js');
  await verify(config, io);
}
