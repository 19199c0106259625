/**
 * `cloud-config`: the node pools as the cloud API shows them (CloudObservation) against the desired ones,
 * through the one diff `apply` acts on (src/desired.ts). GKE: labels, max pods, machine type, autoscaling
 * bounds, image type. EKS: labels, instance types, scaling bounds, AMI type (eksctl keeps max pods and
 * disks in a launch template, which the node checks cover). Labels compared are the `gitpod.io/workload_*`
 * family and the extra labels; any other label on a pool is the user's business. Each difference says what
 * `apply` would do about it: "fixed in place by …" or "cannot change in place: …".
 */
import type { CloudObservation } from '../cloud/types.js';
import { type PoolDiff, applyWouldDo, differenceLines, diffPools } from '../desired.js';
import type { Config } from '../inputs.js';
import { AWS } from '../reference.js';
import { awsDesiredPools, awsFixes } from '../providers/aws.js';
import { gcpDesiredPools, gcpFixes } from '../providers/gcp.js';
import { error, item } from './checks.js';
import type { CheckError, CheckItem } from './types.js';

/** The provider's desired pools and in-place fixes. */
function providerDiff(config: Config) {
  return config.provider === 'gcp'
    ? { desired: gcpDesiredPools(config), fixes: gcpFixes(config) }
    : { desired: awsDesiredPools(config), fixes: awsFixes(config) };
}

export interface CloudConfigResult {
  item: CheckItem;
  diffs: PoolDiff[];
  /** What `apply` would do, one line per change (empty when the pools are as desired). */
  applyWouldDo: string[];
}

/** `cloud-config` with its diff: ERROR on any difference; an ERROR here also means `drift=true`. */
export function cloudConfigDiff(config: Config, observed: CloudObservation): CloudConfigResult {
  const { desired, fixes } = providerDiff(config);
  const diffs = diffPools(desired, observed.pools, fixes);
  const errors: CheckError[] = [];
  for (const d of diffs) {
    if (!d.observed) errors.push(error(`${fixes.poolNoun} ${d.name} (${d.role}) does not exist; apply creates it`));
    else errors.push(...differenceLines(d).map((line) => error(line)));
  }
  if (config.provider === 'aws') errors.push(...eksClusterDifferences(config, observed));
  return { item: item('cloud-config', errors), diffs, applyWouldDo: applyWouldDo(diffs, fixes) };
}

const shown = (v: unknown) => JSON.stringify(v ?? null);

/**
 * The EKS cluster's own settings the ClusterConfig renders. The upgrade policy: eksctl (0.230) has no
 * command that changes it on an existing cluster and `apply` changes the cloud through eksctl only, so a
 * difference is reported here with the AWS CLI command that fixes it.
 */
export function eksClusterDifferences(config: Config, observed: CloudObservation): CheckError[] {
  const out: CheckError[] = [];
  const wanted = AWS.supportTypes[config.supportType];
  const found = observed.eks?.supportType;
  if (found !== undefined && found !== wanted) {
    out.push(
      error(
        `cluster ${config.clusterName}: upgrade policy support type is ${shown(found)}, wanted ${shown(wanted)} (eks-support-type: ${config.supportType}); ` +
          `run \`aws eks update-cluster-config --name ${config.clusterName} --region ${config.region} --upgrade-policy supportType=${wanted}\``,
      ),
    );
  }
  return out;
}

/** `cloud-config`: ERROR on any difference; an ERROR here also means `drift=true`. */
export function checkCloudConfig(config: Config, observed: CloudObservation): CheckItem {
  return cloudConfigDiff(config, observed).item;
}
