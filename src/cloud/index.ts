/** The provider's cloud, loaded lazily with its SDK (plan never loads it). */
import type { Config } from '../inputs.js';
import type { Logger } from '../log.js';
import type { ProviderCloud } from './types.js';

export async function providerCloud(config: Config, log: Logger): Promise<ProviderCloud> {
  if (config.provider === 'gcp') return (await import('./gcp.js')).gcpCloud(config, log);
  return (await import('./aws.js')).awsCloud(config, log);
}
