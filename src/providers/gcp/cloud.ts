/**
 * GKE as `verify` (and `apply`'s probes) see it: the cluster and its node pools from the GKE API, in
 * the provider-neutral terms of providers/types.ts, and access to the Kubernetes API built from the same
 * answer (endpoint, CA, an OAuth access token) without any CLI.
 */
import type { Config } from '../../inputs.js';
import type { Logger } from '../../log.js';
import { registerSecret } from '../../log.js';
import { POOL_ROLES, type PoolRole } from '../../reference.js';
import { type GcpCredentials, gcpCredentials } from './rest.js';
import type { Gke, GkeCluster, GkeNodePool } from './gke.js';
import type { CloudObservation, KubeAccess, ObservedPool, ProviderCloud } from '../types.js';

export interface GcpCloudDeps {
  env?: NodeJS.ProcessEnv;
  credentials?: GcpCredentials;
  /** An already connected GKE client (apply shares its own). */
  gke?: Gke;
}

/** The Gitpod role of a pool, by the pool names of the config. */
export function roleOfPool(config: Config, poolName: string): PoolRole | undefined {
  return POOL_ROLES.find((role) => config.pools[role].name === poolName);
}

/** One GKE node pool in the provider-neutral terms of the diff (src/desired.ts). */
export function observedPoolOf(config: Config, p: GkeNodePool): ObservedPool {
  return {
    name: p.name,
    role: roleOfPool(config, p.name),
    labels: p.labels,
    machineType: p.machineType || undefined,
    minNodes: p.minNodes,
    maxNodes: p.maxNodes,
    maxPods: p.maxPods,
    image: p.imageType || undefined,
    status: p.status || undefined,
    version: p.version || undefined,
  };
}

export function observationOf(config: Config, cluster: GkeCluster | undefined): CloudObservation {
  if (!cluster) return { found: false, pools: [], network: {} };
  const pools: ObservedPool[] = cluster.pools.map((p) => observedPoolOf(config, p));
  return {
    found: true,
    endpoint: cluster.endpoint ? `https://${cluster.endpoint}` : undefined,
    caData: cluster.caData || undefined,
    version: cluster.version || undefined,
    status: cluster.status || undefined,
    pools,
    network: { networkPolicy: cluster.networkPolicy },
  };
}

export function gcpCloud(config: Config, log: Logger, deps: GcpCloudDeps = {}): ProviderCloud {
  const env = deps.env ?? process.env;
  let creds: Promise<GcpCredentials> | undefined;
  const credentials = () => (creds ??= deps.credentials ? Promise.resolve(deps.credentials) : gcpCredentials(env));
  let gke: Promise<Gke> | undefined;
  const client = () =>
    (gke ??= deps.gke
      ? Promise.resolve(deps.gke)
      : (async () => {
          const { connectGke } = await import('./gke.js');
          return connectGke(
            { project: config.project, region: config.region },
            { log, credentials: await credentials(), env },
          );
        })());

  return {
    async observe() {
      return observationOf(config, await (await client()).getCluster(config.clusterName));
    },
    async versions(observation) {
      const { gkeVersionFacts } = await import('./versions.js');
      return gkeVersionFacts(config.clusterName, observation, await client());
    },
    async kubeAccess(observation) {
      if (!observation.found || !observation.endpoint) {
        throw new Error(`GKE cluster ${config.clusterName} in ${config.region} has no API endpoint yet`);
      }
      const token = await (await credentials()).token();
      registerSecret(token);
      const access: KubeAccess = { server: observation.endpoint, token };
      if (observation.caData) access.caData = observation.caData;
      return access;
    },
  };
}
