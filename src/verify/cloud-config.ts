/**
 * `cloud-config`: the node pools as the cloud API shows them (CloudObservation) against the desired ones,
 * through the one diff `apply` acts on (src/desired.ts). GKE: labels, max pods, machine type, autoscaling
 * bounds, image type. EKS: labels, instance types, scaling bounds, AMI type (eksctl keeps max pods and
 * disks in a launch template, which the node checks cover). Labels compared are the `gitpod.io/workload_*`
 * family and the extra labels; any other label on a pool is the user's business. Each difference says what
 * `apply` would do about it: "fixed in place by …" or "cannot change in place: …".
 */
import type { CloudObservation } from '../providers/types.js';
import { type PoolDiff, applyWouldDo, differenceLines, diffPools } from '../desired.js';
import type { Config } from '../inputs.js';
import { providerOf } from '../providers/index.js';
import { error, item } from './checks.js';
import type { CheckError, CheckItem } from './types.js';

export interface CloudConfigResult {
  item: CheckItem;
  diffs: PoolDiff[];
  /** What `apply` would do, one line per change (empty when the pools are as desired). */
  applyWouldDo: string[];
}

/** `cloud-config` with its diff: ERROR on any difference; an ERROR here also means `drift=true`. */
export function cloudConfigDiff(config: Config, observed: CloudObservation): CloudConfigResult {
  const provider = providerOf(config);
  const fixes = provider.fixes(config);
  const diffs = diffPools(provider.desiredPools(config), observed.pools, fixes);
  const errors: CheckError[] = [];
  for (const d of diffs) {
    if (!d.observed) errors.push(error(`${fixes.poolNoun} ${d.name} (${d.role}) does not exist; apply creates it`));
    else errors.push(...differenceLines(d).map((line) => error(line)));
  }
  errors.push(...provider.clusterDifferences(config, observed));
  return { item: item('cloud-config', errors), diffs, applyWouldDo: applyWouldDo(diffs, fixes) };
}

/** `cloud-config`: ERROR on any difference; an ERROR here also means `drift=true`. */
export function checkCloudConfig(config: Config, observed: CloudObservation): CheckItem {
  return cloudConfigDiff(config, observed).item;
}
