/**
 * `cloud-config`: the node pools as the cloud API shows them (CloudObservation) against the desired ones
 * (Config + reference data). GKE: labels, max pods, machine type, autoscaling bounds, image type. EKS:
 * labels, instance types, scaling bounds, AMI type (eksctl keeps max pods and disks in a launch template,
 * which the node checks cover). Labels compared are the `gitpod.io/workload_*` family and the extra labels;
 * any other label on a pool is the user's business.
 */
import type { CloudObservation, ObservedPool } from '../cloud/types.js';
import type { Config } from '../inputs.js';
import { AWS, GCP, GITPOD_LABEL_PREFIX, POOL_ROLES, type PoolRole } from '../reference.js';
import { error, item } from './checks.js';
import type { CheckError, CheckItem } from './types.js';

/** The desired configuration of one pool, in the cloud API's terms (undefined: the API does not show it). */
export interface DesiredPool {
  name: string;
  labels: Record<string, string>;
  machineType: string;
  minNodes: number;
  maxNodes: number;
  maxPods?: number;
  image: string;
}

export function desiredPool(config: Config, role: PoolRole): DesiredPool {
  const pool = config.pools[role];
  const gcp = config.provider === 'gcp';
  return {
    name: pool.name,
    labels: pool.labels,
    machineType: pool.machineType,
    minNodes: pool.minNodes,
    maxNodes: pool.maxNodes,
    ...(gcp ? { maxPods: config.maxPods } : {}),
    image: gcp ? GCP.pool.imageType : AWS.nodegroup.amiType,
  };
}

/** What each compared field is called on each cloud, so a message reads like the console does. */
function fieldNames(config: Config) {
  const gcp = config.provider === 'gcp';
  return {
    pool: gcp ? 'node pool' : 'nodegroup',
    machineType: gcp ? 'machine type' : 'instance types',
    image: gcp ? 'image type' : 'AMI type',
  };
}

const shown = (v: unknown) => JSON.stringify(v ?? null);
const ABSENT = '(absent)';

/** Every difference between one observed pool and its desired configuration: field, wanted, found. */
export function poolDifferences(config: Config, want: DesiredPool, have: ObservedPool): CheckError[] {
  const names = fieldNames(config);
  const out: CheckError[] = [];
  const diff = (field: string, wanted: unknown, found: unknown) => {
    if (wanted !== undefined && wanted !== found) {
      out.push(error(`${want.name}: ${field} is ${shown(found)}, wanted ${shown(wanted)}`));
    }
  };
  const keys = new Set([
    ...Object.keys(want.labels),
    ...Object.keys(have.labels).filter((k) => k.startsWith(GITPOD_LABEL_PREFIX)),
  ]);
  for (const key of [...keys].sort()) diff(`label ${key}`, want.labels[key] ?? ABSENT, have.labels[key] ?? ABSENT);
  diff(names.machineType, want.machineType, have.machineType);
  diff('min nodes', want.minNodes, have.minNodes);
  diff('max nodes', want.maxNodes, have.maxNodes);
  diff('max pods per node', want.maxPods, have.maxPods);
  diff(names.image, want.image, have.image);
  return out;
}

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
  const errors: CheckError[] = [];
  for (const role of POOL_ROLES) {
    const want = desiredPool(config, role);
    const have = observed.pools.find((p) => p.name === want.name);
    if (!have) errors.push(error(`${fieldNames(config).pool} ${want.name} (${role}) does not exist`));
    else errors.push(...poolDifferences(config, want, have));
  }
  if (config.provider === 'aws') errors.push(...eksClusterDifferences(config, observed));
  return item('cloud-config', errors);
}
