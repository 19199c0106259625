/**
 * `preflight`: the read-only checks `apply` runs before its first mutation (src/preflight.ts), alone. The
 * provider's checks and their SDK clients are loaded lazily, as apply's are; `plan` never loads them.
 * Exits non-zero (PreflightFailedError) when a check ends in ERROR, after the log, the job summary and the
 * `preflight` output have the whole report.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { type PreflightReport, preflightWith } from '../preflight.js';
import { providerOf } from '../providers/index.js';

export async function preflight(config: Config, io: ActionIO): Promise<PreflightReport> {
  // The provider's checks for this config, their module loaded only when asked for.
  const provider = await providerOf(config).preflight(config, io.log);
  try {
    return await preflightWith(provider, io);
  } finally {
    await provider.close();
  }
}
