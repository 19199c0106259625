/**
 * EKS as `verify` and the `apply` probes see it: the cluster and its managed nodegroups through the EKS
 * API (src/providers/aws/eks.ts), mapped to the provider-neutral CloudObservation; and access to the
 * Kubernetes API with the presigned STS token `aws eks get-token` would give (src/providers/aws/eks-token.ts).
 * Loaded lazily (src/providers/index.ts, src/providers/aws/apply.ts), with the SDK it pulls in.
 */
import type { Config } from '../../inputs.js';
import type { Logger } from '../../log.js';
import { AWS, POOL_ROLES, type PoolRole } from '../../reference.js';
import { type EksApi, type Nodegroup, eksApi } from './eks.js';
import { eksToken } from './eks-token.js';
import type { CloudObservation, KubeAccess, ObservedPool, ProviderCloud } from '../types.js';

export interface AwsCloudDeps {
  /** The EKS/CloudFormation reads; defaults to the SDK clients for config.region. */
  api?: EksApi;
  /** Signing time of the STS token (tests). */
  now?: () => Date;
}

export interface AwsCloud extends ProviderCloud {
  /** The API wrapper, shared with the apply probes. */
  api(): Promise<EksApi>;
}

/** Only a loopback test server speaks plain http; a real EKS endpoint is always https. */
export function isLoopbackHttp(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const u = new URL(endpoint);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

export function roleOfNodegroup(config: Config, name: string): PoolRole | undefined {
  return POOL_ROLES.find((role) => config.pools[role].name === name);
}

export function observedPool(config: Config, ng: Nodegroup): ObservedPool {
  const name = ng.nodegroupName ?? '';
  return {
    name,
    role: roleOfNodegroup(config, name),
    labels: { ...(ng.labels ?? {}) },
    machineType: ng.instanceTypes?.length ? ng.instanceTypes.join(',') : undefined,
    minNodes: ng.scalingConfig?.minSize,
    maxNodes: ng.scalingConfig?.maxSize,
    desiredNodes: ng.scalingConfig?.desiredSize,
    image: ng.amiType,
    status: ng.status,
    version: ng.version,
  };
}

export function awsCloud(config: Config, log: Logger, deps: AwsCloudDeps = {}): AwsCloud {
  let api: Promise<EksApi> | undefined = deps.api ? Promise.resolve(deps.api) : undefined;
  const getApi = () => (api ??= eksApi({ region: config.region }));

  return {
    api: getApi,

    async observe(): Promise<CloudObservation> {
      const eks = await getApi();
      const cluster = await eks.describeCluster(config.clusterName);
      if (!cluster) return { found: false, pools: [], network: {} };
      const names = await eks.listNodegroups(config.clusterName);
      const groups = await Promise.all(names.map((n) => eks.describeNodegroup(config.clusterName, n)));
      const pools = groups.filter((g): g is Nodegroup => !!g).map((g) => observedPool(config, g));
      const addons = await eks.listAddons(config.clusterName);
      const vpcCni = addons.includes(AWS.vpcCniAddon)
        ? await eks.describeAddon(config.clusterName, AWS.vpcCniAddon)
        : undefined;
      log.debug(`EKS cluster ${config.clusterName}: ${cluster.status}, nodegroups ${names.join(', ') || '(none)'}`);
      return {
        found: true,
        endpoint: cluster.endpoint,
        caData: cluster.certificateAuthority?.data,
        version: cluster.version,
        status: cluster.status,
        pools,
        network: vpcCni ? { vpcCniAddon: { version: vpcCni.addonVersion, status: vpcCni.status } } : {},
        eks: {
          supportType: cluster.upgradePolicy?.supportType,
          authenticationMode: cluster.accessConfig?.authenticationMode,
        },
      };
    },

    async versions(observation) {
      const { eksVersionFacts } = await import('./versions.js');
      return eksVersionFacts(config.clusterName, observation, await getApi());
    },

    async kubeAccess(observation: CloudObservation): Promise<KubeAccess> {
      if (!observation.endpoint) {
        throw new Error(`EKS cluster ${config.clusterName} has no API endpoint yet (status ${observation.status})`);
      }
      const eks = await getApi();
      const token = await eksToken({
        clusterName: config.clusterName,
        region: config.region,
        credentials: await eks.credentials(),
        now: deps.now?.(),
      });
      return {
        server: observation.endpoint,
        caData: observation.caData,
        token,
        ...(isLoopbackHttp(observation.endpoint) ? { insecureSkipTlsVerify: true } : {}),
      };
    },
  };
}
