/**
 * The registry: provider name → Provider, the way setup-node picks a distribution. A provider's module is
 * imported only when that provider is asked for, so a run on GKE loads nothing of EKS (the YAML library,
 * eksctl's schema and rules, the EKS plan) and a run on EKS nothing of GKE; in the bundle each provider is
 * its own chunk (dist/<id>.index.js). Each provider module in turn loads only what `plan` needs; its
 * SDK-bound parts (apply, the cloud view) are imported on first use.
 *
 * `loadProvider` imports the Provider of the inputs (main.ts and every command call it first); after that
 * `providerOf` hands it out synchronously. The layers outside src/providers/ ask the Provider, never which
 * provider they run on.
 */
import type { Config } from '../inputs.js';
import type { Provider as ProviderName } from '../reference.js';
import type { Provider } from './types.js';

export const PROVIDER_REGISTRY: Readonly<Record<ProviderName, () => Promise<Provider>>> = {
  gcp: async () => (await import('./gcp/index.js')).gcpProvider,
  aws: async () => (await import('./aws/index.js')).awsProvider,
};

const loaded: Partial<Record<ProviderName, Provider>> = {};

/** Imports the Provider of these inputs (once; later calls return the same one). */
export async function loadProvider(config: Pick<Config, 'provider'>): Promise<Provider> {
  return (loaded[config.provider] ??= await PROVIDER_REGISTRY[config.provider]());
}

/** The Provider of these inputs, once `loadProvider` has imported it. */
export function providerOf(config: Pick<Config, 'provider'>): Provider {
  const provider = loaded[config.provider];
  if (!provider) throw new Error(`provider ${config.provider} is not loaded: await loadProvider(config) first`);
  return provider;
}
