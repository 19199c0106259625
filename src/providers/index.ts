/**
 * The registry: provider name → Provider, the way setup-node picks a distribution. Each provider module
 * loads only what `plan` needs; its SDK-bound parts (apply, the cloud view) are imported on first use.
 * The layers outside src/providers/ ask the Provider, never which provider they run on.
 */
import type { Config } from '../inputs.js';
import type { Provider as ProviderName } from '../reference.js';
import { awsProvider } from './aws/index.js';
import { gcpProvider } from './gcp/index.js';
import type { Provider } from './types.js';

export const PROVIDER_REGISTRY: Readonly<Record<ProviderName, Provider>> = { gcp: gcpProvider, aws: awsProvider };

/** The Provider of these inputs. */
export function providerOf(config: Pick<Config, 'provider'>): Provider {
  return PROVIDER_REGISTRY[config.provider];
}
