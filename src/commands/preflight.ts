/**
 * `preflight`: the read-only checks `apply` runs before its first mutation (src/preflight.ts), alone. The
 * provider's checks and their SDK clients are loaded lazily, as apply's are; `plan` never loads them.
 * Exits non-zero (PreflightFailedError) when a check ends in ERROR, after the log, the job summary and the
 * `preflight` output have the whole report.
 *
 * A machine type outside the action's table is unknown in the offline footprint (`plan`); here the checks
 * have read its shape from the cloud's API, so `footprint` and `cost-estimate` are set again with it.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { type PreflightProvider, type PreflightReport, preflightWith } from '../preflight.js';
import { estimateOf } from '../providers/estimate.js';
import { loadProvider, providerOf } from '../providers/index.js';
import { publishEstimate } from './estimate.js';

export async function preflight(config: Config, io: ActionIO): Promise<PreflightReport> {
  // The provider's checks for this config, their module loaded only when asked for.
  const provider = await (await loadProvider(config)).preflight(config, io.log);
  try {
    return await preflightWith(provider, io);
  } finally {
    await republishWithReportedShapes(config, io, provider);
    await provider.close();
  }
}

/** `footprint` and `cost-estimate` again, when the cloud reported the shape of a type the table lacks. */
async function republishWithReportedShapes(config: Config, io: ActionIO, provider: PreflightProvider): Promise<void> {
  const doc = providerOf(config).estimateConfig(config);
  const unknown = estimateOf(config, doc).footprint.unknownMachineTypes;
  if (!unknown.length || !provider.machineShapes) return;
  const reported = await provider.machineShapes().catch(() => ({}));
  const found = unknown.filter((type) => type in reported);
  if (!found.length) return;
  io.log.info(`Machine shapes from the cloud's API for ${found.join(', ')}: footprint and cost estimate again`);
  publishEstimate(config, io, doc, reported);
}
