/**
 * `preflight`: the read-only checks `apply` runs before its first mutation (src/preflight.ts), alone. The
 * provider's checks and their SDK clients are loaded lazily, as apply's are; `plan` never loads them.
 * Exits non-zero (PreflightFailedError) when a check ends in ERROR, after the log, the job summary and the
 * `preflight` output have the whole report.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { type PreflightProvider, type PreflightReport, preflightWith } from '../preflight.js';

/** The provider's checks for this config (each module loaded only when asked for). */
async function providerChecks(config: Config, io: ActionIO): Promise<PreflightProvider & { close(): Promise<void> }> {
  if (config.provider === 'gcp') return (await import('../providers/gcp/preflight.js')).gcpPreflight(config, io.log);
  return (await import('../providers/aws/preflight.js')).awsPreflight(config, io.log);
}

export async function preflight(config: Config, io: ActionIO): Promise<PreflightReport> {
  const provider = await providerChecks(config, io);
  try {
    return await preflightWith(provider, io);
  } finally {
    await provider.close();
  }
}
