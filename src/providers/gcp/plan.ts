/**
 * The GKE flow as data: the ordered steps of the reference document's GCP section, each with the
 * exact gcloud argv it runs (or the API request it sends). `plan` prints this list; `apply` pairs it with
 * probes (src/providers/gcp/apply.ts) and runs it.
 *
 * The cluster comes with both Gitpod pools in one `clusters.create` (src/providers/gcp/request.ts): one
 * long operation where the reference runs four (the cluster with a default pool, its deletion, then
 * each pool). The pool steps stay for a cluster that lacks a pool (a cancelled run, an earlier version of
 * this action, someone's deletion): they create what is missing, both at once, and fix labels and
 * autoscaling in place; on a cluster this flow just made they find nothing to do.
 */
import { type DesiredPool, type DesiredPools, type InPlaceFixes, desiredPoolsOf } from '../../desired.js';
import { wantedLabels } from '../../desired.js';
import type { Config, PoolConfig } from '../../inputs.js';
import { GCP } from '../../reference.js';
import { RECORD_STEP_ID, recordStep } from '../../record.js';
import type { StepSpec } from '../../steps.js';
import { clusterCreateRequest, iamPolicyRequest, initialNodesPerZone, serviceAccountEmail } from './request.js';

export { serviceAccountEmail };

export const GCP_STEP_IDS = [
  'service-account',
  'iam-roles',
  'cluster',
  'default-pool',
  'services-pool',
  'workspaces-pool',
  'kubeconfig',
  'cluster-admin-binding',
  RECORD_STEP_ID,
] as const;
export type GcpStepId = (typeof GCP_STEP_IDS)[number];

/** Values only the cloud knows; `plan` shows the unresolved forms. */
export interface GcpFacts {
  /** `initialClusterVersion`: the input as given in `plan` (GKE takes `latest` and a minor too), the resolved version in `apply`. */
  clusterVersion: string;
  /** The identity that gets cluster-admin (the account of the credentials in use). */
  account: string;
}

export const GCP_PLAN_FACTS = (config: Config): GcpFacts => ({
  clusterVersion: config.kubernetesVersion,
  account: '<the account of the credentials in use>',
});

/** `key=value,key=value` in a stable order: the reference labels first, then the extra labels. */
export function labelList(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

const MINUTE = 60_000;

/** The node-pool steps run at the same time (GKE runs one operation per node pool at a time). */
const NODE_POOLS = 'node-pools';

function location(config: Config): string[] {
  return [`--project=${config.project}`, `--region=${config.region}`];
}

/** `--node-locations=<zones>` when `node-locations` is given; without it GKE picks three zones of the region. */
export function nodeLocationsFlag(config: Config): string[] {
  return config.nodeLocations.length ? [`--node-locations=${config.nodeLocations.join(',')}`] : [];
}

/** The RBAC binding the reference document creates for the current identity. */
export const CLUSTER_ADMIN_BINDING = {
  name: 'cluster-admin-binding',
  clusterRole: 'cluster-admin',
  apiGroup: 'rbac.authorization.k8s.io',
} as const;

/** `gcloud container node-pools <verb> <pool> --cluster=… --project=… --region=…`, then the verb's flags. */
function nodePoolCommand(config: Config, verb: 'create' | 'update', pool: PoolConfig, flags: string[]): string[] {
  return [
    'gcloud',
    'container',
    'node-pools',
    verb,
    pool.name,
    `--cluster=${config.clusterName}`,
    ...location(config),
    ...flags,
  ];
}

/** In-place fix of a pool's labels: gcloud replaces the pool's whole label set with this list. */
export function nodePoolLabelsArgv(
  config: Config,
  pool: PoolConfig,
  labels: Readonly<Record<string, string>>,
): string[] {
  return nodePoolCommand(config, 'update', pool, [`--node-labels=${labelList(labels)}`]);
}

/** In-place fix of a pool's autoscaling bounds (gcloud takes them apart from the labels). */
export function nodePoolAutoscalingArgv(config: Config, pool: PoolConfig): string[] {
  return nodePoolCommand(config, 'update', pool, [
    '--enable-autoscaling',
    `--min-nodes=${pool.minNodes}`,
    `--max-nodes=${pool.maxNodes}`,
  ]);
}

export function nodePoolArgv(config: Config, pool: PoolConfig): string[] {
  const p = GCP.pool;
  return nodePoolCommand(config, 'create', pool, [
    ...nodeLocationsFlag(config),
    `--machine-type=${pool.machineType}`,
    `--disk-type=${p.diskType}`,
    `--disk-size=${config.diskSizeGb}`,
    `--image-type=${p.imageType}`,
    `--num-nodes=${initialNodesPerZone(pool)}`,
    '--enable-autoscaling',
    `--min-nodes=${pool.minNodes}`,
    `--max-nodes=${pool.maxNodes}`,
    '--enable-autorepair',
    `--metadata=${labelList(p.metadata)}`,
    `--scopes=${p.scopes.join(',')}`,
    `--service-account=${serviceAccountEmail(config)}`,
    `--node-labels=${labelList(pool.labels)}`,
    `--max-pods-per-node=${config.maxPods}`,
  ]);
}

function poolDescription(config: Config, pool: PoolConfig): string {
  return (
    `Node pool ${pool.name} (${pool.machineType}, ${pool.minNodes}-${pool.maxNodes} nodes per zone, ${config.maxPods} pods per node) ` +
    `labelled ${labelList(pool.labels)}: made with the cluster; created here when missing, relabelled or rescaled in place`
  );
}

export function gcpSteps(config: Config, facts: GcpFacts): StepSpec<GcpStepId>[] {
  const sa = GCP.serviceAccount;
  const c = GCP.cluster;
  const email = serviceAccountEmail(config);
  const { services, workspaces } = config.pools;
  return [
    {
      id: 'service-account',
      description: `Service account ${email} for the cluster's nodes`,
      argv: [
        'gcloud',
        'iam',
        'service-accounts',
        'create',
        sa.name,
        `--display-name=${sa.displayName}`,
        `--project=${config.project}`,
      ],
      timeoutMs: 5 * MINUTE,
    },
    {
      id: 'iam-roles',
      description: `Project roles for ${email}: ${sa.roles.join(', ')}`,
      api: `one read-modify-write of the IAM policy of project ${config.project} (getIamPolicy, then setIamPolicy with its etag) adding only the missing bindings`,
      request: iamPolicyRequest(config, `serviceAccount:${email}`, sa.roles),
      timeoutMs: 5 * MINUTE,
    },
    {
      id: 'cluster',
      description: `Regional GKE cluster ${config.clusterName} in ${config.region}, Kubernetes ${facts.clusterVersion}, with both Gitpod node pools (${services.name}, ${workspaces.name}) in one clusters.create, no default pool`,
      request: clusterCreateRequest(config, facts.clusterVersion),
      timeoutMs: 45 * MINUTE,
    },
    {
      id: 'default-pool',
      description: `Delete the node pool ${c.defaultPoolName} if the cluster has one (gcloud and the reference's commands make it; this flow does not)`,
      argv: [
        'gcloud',
        '--quiet',
        'container',
        'node-pools',
        'delete',
        c.defaultPoolName,
        `--cluster=${config.clusterName}`,
        ...location(config),
      ],
      timeoutMs: 30 * MINUTE,
      concurrent: NODE_POOLS,
    },
    {
      id: 'services-pool',
      description: poolDescription(config, services),
      argv: nodePoolArgv(config, services),
      timeoutMs: 30 * MINUTE,
      concurrent: NODE_POOLS,
    },
    {
      id: 'workspaces-pool',
      description: poolDescription(config, workspaces),
      argv: nodePoolArgv(config, workspaces),
      timeoutMs: 30 * MINUTE,
      concurrent: NODE_POOLS,
    },
    {
      id: 'kubeconfig',
      description: `Kubeconfig for ${config.clusterName} written to ${config.kubeconfigPath} (mode 0600), KUBECONFIG exported`,
      api: `GKE projects.locations.clusters.get for the endpoint and CA certificate`,
      timeoutMs: 2 * MINUTE,
    },
    {
      id: 'cluster-admin-binding',
      description: `ClusterRoleBinding ${CLUSTER_ADMIN_BINDING.name}: ${CLUSTER_ADMIN_BINDING.clusterRole} for ${facts.account}`,
      api: `Kubernetes API: create ${CLUSTER_ADMIN_BINDING.apiGroup}/v1 ClusterRoleBinding ${CLUSTER_ADMIN_BINDING.name} when missing`,
      timeoutMs: 2 * MINUTE,
    },
    recordStep(),
  ];
}

/** The Gitpod pools as the GKE API should show them. */
export function gcpDesiredPools(config: Config): DesiredPools {
  return desiredPoolsOf(config, { maxPods: config.maxPods, image: GCP.pool.imageType });
}

function poolOf(config: Config, want: DesiredPool): PoolConfig {
  return { ...config.pools[want.role], name: want.name, minNodes: want.minNodes, maxNodes: want.maxNodes };
}

/** What GKE changes on an existing node pool: labels and autoscaling in place; machine, pods, image never. */
export function gcpFixes(config: Config): InPlaceFixes {
  return {
    poolNoun: 'node pool',
    fieldName: {
      machineType: 'machine type',
      minNodes: 'min nodes',
      maxNodes: 'max nodes',
      maxPods: 'max pods per node',
      image: 'image type',
    },
    labels: (want, have) => ({
      kind: 'in-place',
      argvs: [nodePoolLabelsArgv(config, poolOf(config, want), wantedLabels(want.labels, have.labels))],
    }),
    scaling: (want) => ({ kind: 'in-place', argvs: [nodePoolAutoscalingArgv(config, poolOf(config, want))] }),
    immutable: (want) => ({
      why: 'GKE cannot change it on an existing node pool, and apply will not recreate the pool',
      todo: `set the inputs to match the pool, or delete it (gcloud container node-pools delete ${want.name} --cluster=${config.clusterName} --region=${config.region}) and re-run apply`,
    }),
  };
}
