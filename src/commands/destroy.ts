/**
 * `destroy`: deletes the cluster (GKE: `gcloud container clusters delete`; EKS: `eksctl delete cluster`),
 * only when `confirm-destroy` equals `cluster-name` (checked with the other inputs, before anything runs).
 * A cluster that is already gone is a success. What the flow created outside the cluster and that other
 * clusters may share (the GKE service account and its project roles) is left alone and reported.
 */
import type { ProviderCloud } from '../providers/types.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { loadProvider, providerOf } from '../providers/index.js';
import { type Step, type StepSpec } from '../steps.js';
import { runFlow } from '../flow.js';

/** The destroy flow as data: what `destroy` runs, in the same shape as the apply flows (the provider's). */
export function destroySteps(config: Config): StepSpec<'delete-cluster'>[] {
  return providerOf(config).destroySteps(config);
}

/** What stays behind after a successful destroy, and how to remove it when nothing else needs it. */
export function leftovers(config: Config): string[] {
  return providerOf(config).leftovers(config);
}

export async function destroy(
  config: Config,
  io: ActionIO,
  deps: { cloud?: ProviderCloud; heartbeatMs?: number } = {},
): Promise<void> {
  const provider = await loadProvider(config);
  const cloud = deps.cloud ?? (await provider.cloud(config, io.log));
  const specs = destroySteps(config);
  // The first look at the cloud serves both the decision to install the CLI and the runner's first probe;
  // every later probe (the one after a failed delete, a re-run) looks again: a cached "exists" would be stale.
  const initial = cloud.observe();
  let first: typeof initial | undefined = initial;
  const steps: Step<undefined>[] = specs.map((spec) => ({
    ...spec,
    probe: async () => {
      const look = first ?? cloud.observe();
      first = undefined;
      const observed = await look;
      return observed.found
        ? { done: false, detail: `cluster ${config.clusterName} exists (${observed.status ?? 'status unknown'})` }
        : { done: true, detail: `no cluster ${config.clusterName} in ${config.region}: nothing to delete` };
    },
  }));
  const env: Record<string, string> = { CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
  const observed = await initial;
  if (observed.found) {
    const { installTools, pathWithTools } = await import('../tools/install.js');
    const tools = await installTools([provider.destroyTool], config, io);
    env.PATH = pathWithTools(Object.values(tools));
  }
  await runFlow(steps, undefined, config, io, {
    env,
    heartbeatMs: deps.heartbeatMs,
  });
  const left = leftovers(config);
  io.log.info(`Left behind on purpose:\n${left.map((l) => `  - ${l}`).join('\n')}`);
  await io.appendSummary(['### Left behind', '', ...left.map((l) => `- ${l}`), ''].join('\n'));
}
