/**
 * The GKE flow as data: the ordered steps of the reference document's GCP section, each with the
 * exact gcloud argv it runs (or the API call it makes). `plan` prints this list; `apply` pairs it with
 * probes (src/providers/gcp/apply.ts) and runs it.
 */
import { type DesiredPool, type DesiredPools, type InPlaceFixes, desiredPoolsOf } from '../../desired.js';
import { wantedLabels } from '../../desired.js';
import type { Config, PoolConfig } from '../../inputs.js';
import { GCP } from '../../reference.js';
import { RECORD_STEP_ID, recordStep } from '../../record.js';
import type { StepSpec } from '../../steps.js';

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
  /** `--cluster-version`: the input as given in `plan`, the resolved version in `apply`. */
  clusterVersion: string;
  /** The identity that gets cluster-admin (the account of the credentials in use). */
  account: string;
}

export const GCP_PLAN_FACTS = (config: Config): GcpFacts => ({
  clusterVersion: config.kubernetesVersion,
  account: '<the account of the credentials in use>',
});

export function serviceAccountEmail(config: Config): string {
  return `${GCP.serviceAccount.name}@${config.project}.iam.gserviceaccount.com`;
}

/** `key=value,key=value` in a stable order: the reference labels first, then the extra labels. */
export function labelList(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

const MINUTE = 60_000;

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
    `--num-nodes=${Math.min(Math.max(pool.minNodes, 1), pool.maxNodes)}`,
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

export function gcpSteps(config: Config, facts: GcpFacts): StepSpec<GcpStepId>[] {
  const sa = GCP.serviceAccount;
  const c = GCP.cluster;
  const d = c.defaultPool;
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
      timeoutMs: 5 * MINUTE,
    },
    {
      id: 'cluster',
      description: `Regional GKE cluster ${config.clusterName} in ${config.region}, Kubernetes ${facts.clusterVersion}, with a temporary default pool`,
      argv: [
        'gcloud',
        'container',
        'clusters',
        'create',
        config.clusterName,
        ...location(config),
        ...nodeLocationsFlag(config),
        `--cluster-version=${facts.clusterVersion}`,
        `--release-channel=${c.releaseChannel}`,
        `--machine-type=${d.machineType}`,
        `--disk-type=${d.diskType}`,
        `--disk-size=${d.diskSizeGb}`,
        `--image-type=${GCP.pool.imageType}`,
        `--service-account=${email}`,
        `--num-nodes=${d.numNodes}`,
        '--enable-autoscaling',
        `--min-nodes=${d.minNodes}`,
        `--max-nodes=${d.maxNodes}`,
        '--enable-autorepair',
        '--enable-ip-alias',
        '--enable-network-policy',
        `--create-subnetwork=name=${c.subnetworkPrefix}${config.clusterName}`,
        `--metadata=${labelList(GCP.pool.metadata)}`,
        `--max-pods-per-node=${config.maxPods}`,
        `--default-max-pods-per-node=${config.maxPods}`,
        `--addons=${c.addons.join(',')}`,
      ],
      timeoutMs: 45 * MINUTE,
    },
    {
      id: 'default-pool',
      description: `Delete the temporary node pool ${d.name}`,
      argv: [
        'gcloud',
        '--quiet',
        'container',
        'node-pools',
        'delete',
        d.name,
        `--cluster=${config.clusterName}`,
        ...location(config),
      ],
      timeoutMs: 30 * MINUTE,
    },
    {
      id: 'services-pool',
      description: `Node pool ${services.name} (${services.machineType}, ${services.minNodes}-${services.maxNodes} nodes per zone, ${config.maxPods} pods per node) labelled ${labelList(services.labels)}`,
      argv: nodePoolArgv(config, services),
      timeoutMs: 30 * MINUTE,
    },
    {
      id: 'workspaces-pool',
      description: `Node pool ${workspaces.name} (${workspaces.machineType}, ${workspaces.minNodes}-${workspaces.maxNodes} nodes per zone, ${config.maxPods} pods per node) labelled ${labelList(workspaces.labels)}`,
      argv: nodePoolArgv(config, workspaces),
      timeoutMs: 30 * MINUTE,
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
