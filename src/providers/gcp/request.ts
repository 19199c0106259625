/**
 * The requests the GKE flow sends itself, as `plan` shows them and `apply` sends them (GcpRest.send: the
 * JSON on the wire is the body shown). First the one GKE request: `clusters.create` with both Gitpod node
 * pools and no default pool. gcloud cannot express it (`clusters create` always makes a default pool), so
 * each field is what the reference's
 * `gcloud container clusters create` and `node-pools create` flags send, in the API's own terms;
 * `__tests__/gke-request-fidelity.test.ts` runs the real gcloud with those flags and holds the two equal,
 * field by field.
 *
 * int64 fields (`maxPodsPerNode`) are JSON strings, as proto3 JSON writes them and gcloud sends them.
 */
import type { Config, PoolConfig } from '../../inputs.js';
import { GCP } from '../../reference.js';
import type { ApiRequest } from '../../steps.js';

export const CONTAINER_HOST = 'container.googleapis.com';

/** The email of the nodes' service account (GCP.serviceAccount) in the project of these inputs. */
export function serviceAccountEmail(config: Config): string {
  return `${GCP.serviceAccount.name}@${config.project}.iam.gserviceaccount.com`;
}

/**
 * Nodes per zone a new pool starts with: its `initialNodeCount` here, `--num-nodes` of a pool step, and what
 * preflight and the footprint count. Within the autoscaling bounds, and at least one so the pool serves.
 */
export function initialNodesPerZone(pool: { minNodes: number; maxNodes: number }): number {
  return Math.min(Math.max(pool.minNodes, 1), pool.maxNodes);
}

/** `projects/<p>/locations/<region>`: the parent of the cluster. */
export function clusterParent(config: Config): string {
  return `projects/${config.project}/locations/${config.region}`;
}

/** A node pool as `clusters.create` (and `nodePools.create`) take it: what `gcloud container node-pools create` sends. */
export function nodePoolBody(config: Config, pool: PoolConfig): Record<string, unknown> {
  const p = GCP.pool;
  return {
    name: pool.name,
    initialNodeCount: initialNodesPerZone(pool),
    ...(config.nodeLocations.length ? { locations: [...config.nodeLocations] } : {}),
    autoscaling: { enabled: true, minNodeCount: pool.minNodes, maxNodeCount: pool.maxNodes },
    // On a release channel GKE refuses autoUpgrade false; gcloud sends both on every pool.
    management: { autoRepair: p.autorepair, autoUpgrade: true },
    maxPodsConstraint: { maxPodsPerNode: String(config.maxPods) },
    upgradeSettings: { maxSurge: p.maxSurge },
    config: {
      machineType: pool.machineType,
      diskType: p.diskType,
      diskSizeGb: config.diskSizeGb,
      imageType: p.imageType,
      labels: { ...pool.labels },
      metadata: { ...p.metadata },
      oauthScopes: [...p.oauthScopes],
      serviceAccount: serviceAccountEmail(config),
    },
  };
}

/** The cluster itself, without its pools: what `gcloud container clusters create` sends at cluster level. */
export function clusterBody(config: Config, version: string): Record<string, unknown> {
  const c = GCP.cluster;
  return {
    name: config.clusterName,
    initialClusterVersion: version,
    releaseChannel: { channel: c.releaseChannel.toUpperCase() },
    ...(config.nodeLocations.length ? { locations: [...config.nodeLocations] } : {}),
    addonsConfig: structuredClone(c.addonsConfig),
    networkPolicy: { ...c.networkPolicy },
    ipAllocationPolicy: {
      useIpAliases: c.ipAlias,
      createSubnetwork: true,
      subnetworkName: `${c.subnetworkPrefix}${config.clusterName}`,
    },
    defaultMaxPodsConstraint: { maxPodsPerNode: String(config.maxPods) },
  };
}

/**
 * `POST /v1/projects/<p>/locations/<r>/clusters` with both Gitpod pools: one long operation makes the
 * cluster with the pools as they should be, and no default pool ever exists. `version` is the resolved
 * version in `apply`, the input (`latest`, `1.33`: GKE takes both) in `plan`.
 */
export function clusterCreateRequest(config: Config, version: string): ApiRequest {
  return {
    method: 'POST',
    host: CONTAINER_HOST,
    path: `/v1/${clusterParent(config)}/clusters`,
    body: {
      cluster: {
        ...clusterBody(config, version),
        nodePools: [nodePoolBody(config, config.pools.services), nodePoolBody(config, config.pools.workspaces)],
      },
    },
  };
}

export const CRM_HOST = 'cloudresourcemanager.googleapis.com';

/**
 * The write of the project policy's read-modify-write (GcpRest.ensureBindings): `setIamPolicy` with the
 * policy `getIamPolicy` returned (asked for version 3, so conditional bindings survive) and its etag, each
 * role's unconditional binding gaining the member. What only the read knows is named in angle brackets;
 * a role the member already holds is left as read, and nothing missing means no write at all.
 */
export function iamPolicyRequest(config: Config, member: string, roles: readonly string[]): ApiRequest {
  return {
    method: 'POST',
    host: CRM_HOST,
    path: `/v1/projects/${config.project}:setIamPolicy`,
    body: {
      policy: {
        version: '<the version getIamPolicy returned>',
        etag: '<the etag getIamPolicy returned>',
        bindings: [
          '<every other binding getIamPolicy returned, unchanged>',
          ...roles.map((role) => ({ role, members: ['<the members getIamPolicy returned for this role>', member] })),
        ],
      },
    },
  };
}
