/**
 * What a provider's cloud API tells about a cluster, in provider-neutral terms. `verify` compares it
 * with the reference architecture (src/verify/cloud-config.ts); `apply` probes read the same facts.
 * Each provider fills it in its own module (src/providers/gcp/cloud.ts, src/providers/aws/cloud.ts), loaded lazily.
 */
import type { DesiredPools, InPlaceFixes } from '../desired.js';
import type { ProviderEstimateData } from './estimate.js';
import type { ClusterConfigDoc } from './aws/plan.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import type { Logger } from '../log.js';
import type { PoolRole, Provider as ProviderName } from '../reference.js';
import type { PreflightProvider } from '../preflight.js';
import type { StepRecord, StepSpec } from '../steps.js';
import type { ToolName } from '../tools/types.js';
import type { KubeClient } from '../clients/kube.js';
import type { NetworkFacts } from '../verify/network.js';
import type { CheckError, CheckItem } from '../verify/types.js';

/** A node pool (GKE) or managed nodegroup (EKS) as the cloud API reports it. */
export interface ObservedPool {
  name: string;
  /** The Gitpod role this pool's name maps to, or undefined for a pool the action does not manage. */
  role?: PoolRole;
  /** Node labels configured on the pool (GKE config.labels; EKS nodegroup labels). */
  labels: Record<string, string>;
  /** GKE machineType; EKS the instance types joined with ','. */
  machineType?: string;
  minNodes?: number;
  maxNodes?: number;
  /** EKS scalingConfig.desiredSize (GKE: undefined, the autoscaler owns the size). */
  desiredNodes?: number;
  /** GKE maxPodsConstraint.maxPodsPerNode; undefined where the API does not show it (EKS). */
  maxPods?: number;
  /** GKE config.imageType (UBUNTU_CONTAINERD); EKS amiType (CUSTOM for eksctl's Ubuntu AMIs). */
  image?: string;
  /** GKE status (RUNNING, PROVISIONING, ERROR …) / EKS status (ACTIVE, CREATING, CREATE_FAILED …). */
  status?: string;
  /** The pool's Kubernetes version (GKE `version`, EKS nodegroup `version`). */
  version?: string;
}

export interface ClusterNetworkFacts {
  /** GKE: network policy enforcement enabled (networkPolicy.enabled and the addon not disabled). */
  networkPolicy?: boolean;
  /** EKS: the `vpc-cni` EKS add-on as DescribeAddon shows it, when ListAddons lists it. */
  vpcCniAddon?: { version?: string; status?: string };
}

/** EKS cluster settings DescribeCluster shows that the ClusterConfig sets. */
export interface EksClusterFacts {
  /** upgradePolicy.supportType: STANDARD or EXTENDED; undefined when the API does not show it. */
  supportType?: string;
  /** accessConfig.authenticationMode: CONFIG_MAP, API_AND_CONFIG_MAP or API. */
  authenticationMode?: string;
}

export interface CloudObservation {
  /** false when the cloud has no such cluster. */
  found: boolean;
  /** API server URL (https://…). */
  endpoint?: string;
  /** Base64 PEM of the cluster CA. */
  caData?: string;
  /** Control-plane version as the cloud reports it. */
  version?: string;
  /** Cluster status (RUNNING / ACTIVE / …). */
  status?: string;
  pools: ObservedPool[];
  network: ClusterNetworkFacts;
  /** EKS only. */
  eks?: EksClusterFacts;
}

/** The support window of one Kubernetes minor, as the cloud states it (ISO 8601 dates or timestamps). */
export interface SupportWindow {
  endOfStandard?: string;
  endOfExtended?: string;
  /** EKS versionStatus: STANDARD_SUPPORT, EXTENDED_SUPPORT or UNSUPPORTED (GKE states dates only). */
  status?: string;
}

/** A part of the cluster that runs a Kubernetes version: the control plane, or a pool. */
export interface VersionedPart {
  /** `control plane`, or the pool's name. */
  name: string;
  kind: 'control-plane' | 'pool';
  version: string;
  /** Absent when the cloud states no window for this version. */
  support?: SupportWindow;
}

/** What the cloud says about the cluster's versions over time (`version-support`, `version-skew`). */
export interface VersionFacts {
  controlPlane: VersionedPart;
  pools: VersionedPart[];
  /**
   * What the cloud does next, or what it costs, once standard support is ending or has ended, in the
   * provider's words (EKS: by the upgrade policy and its price; GKE: the auto-upgrade status and target).
   */
  consequence?: Partial<Record<'standard-ending' | 'extended', string>>;
  /** true when that consequence is the cluster's and so holds for a pool too (EKS's upgrade policy). */
  consequenceForPools?: boolean;
}

/** How this action itself reaches the Kubernetes API (never written to a log). */
export interface KubeAccess {
  server: string;
  /** Base64 PEM CA bundle. */
  caData?: string;
  /** Bearer token (GKE OAuth access token, EKS presigned STS token); registered as a secret. */
  token?: string;
  /** Only for loopback test servers speaking http://. */
  insecureSkipTlsVerify?: boolean;
}

/** A provider's cloud, read-only: what `verify` needs (and `apply` reuses). */
export interface ProviderCloud {
  observe(): Promise<CloudObservation>;
  /** Credentials for the Kubernetes API, built from the cloud API (no CLI). */
  kubeAccess(observation: CloudObservation): Promise<KubeAccess>;
  /** The support windows of the control plane's and the pools' versions (reads only). */
  versions(observation: CloudObservation): Promise<VersionFacts>;
}

// --- the Provider: everything one cloud brings, picked by name from the registry (src/providers/index.ts) ---

/** The flow `plan` prints: the steps and, on EKS, the rendered ClusterConfig and what the overlay changed. */
export interface PlanResult {
  steps: StepSpec[];
  eksctlConfig?: string;
  /** What the user must act on (a Gitpod pool whose own image must set max pods), for the log and summary. */
  notes?: string[];
  /** Rendered fields dropped because eksctl refuses them for the overlay's choices. */
  dropped?: string[];
  /** AWS: the ClusterConfig eksctl is given (overlay merged), which the footprint reads. */
  clusterConfig?: ClusterConfigDoc;
}

/**
 * One cloud. Its module (src/providers/<name>/index.ts) imports only what `plan` may load: the SDK-bound
 * parts (apply, the cloud view) are imported when a command first needs them.
 */
export interface Provider {
  readonly name: ProviderName;
  /** `GKE`, `EKS`: how summaries and messages name the platform. */
  readonly platform: string;
  /** The CLI `destroy` runs (installed only when there is a cluster to delete). */
  readonly destroyTool: ToolName;
  /** Whether the cloud API's view of the cluster network (GKE network policy) counts as drift. */
  readonly networkIsDrift: boolean;
  /** The flow for these inputs, with the values only the cloud knows left unresolved. */
  plan(config: Config): PlanResult;
  /** `apply`: install the tools, then reconcile the cluster through the flow. */
  apply(config: Config, io: ActionIO): Promise<StepRecord[]>;
  /** The read-only checks `preflight` and `apply`'s first step run (loads the SDK clients they need). */
  preflight(config: Config, log: Logger): Promise<PreflightProvider & { close(): Promise<void> }>;
  /** The cloud as `verify` and `destroy` see it (loads the SDK). */
  cloud(config: Config, log: Logger): Promise<ProviderCloud>;
  /** The destroy flow as data, and what stays behind after it. */
  destroySteps(config: Config): StepSpec<'delete-cluster'>[];
  leftovers(config: Config): string[];
  /** The desired pools and how this cloud changes an existing pool (src/desired.ts). */
  desiredPools(config: Config): DesiredPools;
  fixes(config: Config): InPlaceFixes;
  /** Cluster-level differences `cloud-config` reports beside the pools'. */
  clusterDifferences(config: Config, observed: CloudObservation): CheckError[];
  /** Where the cluster is, for headings: `project/region` or `region`. */
  where(config: Config): string;
  /** The settings line of every job summary, after the cluster name and before the pool table. */
  settingsFacts(config: Config): { where: string; extra: string; perZone: string };
  /** The one line `verify` fails with when the cloud has no such cluster. */
  notFound(config: Config): string;
  /** `network`: the facts it needs (GETs only) and the check over them. */
  networkFacts(config: Config, observed: CloudObservation, kube: KubeClient): Promise<NetworkFacts>;
  checkNetwork(config: Config, facts: NetworkFacts): CheckItem;
  /**
   * The cluster config the footprint of a non-`plan` command reads (EKS: the ClusterConfig with the user's
   * overlay merged; an overlay that does not pass is left to the command to report): undefined, the inputs'.
   */
  estimateConfig(config: Config): ClusterConfigDoc | undefined;
  /** The footprint's layout rules, machine shapes, prices and regions (src/providers/estimate.ts). */
  readonly estimate: ProviderEstimateData;
  /** The Calico release running and the one pinned, when this cluster runs Calico (version support). */
  calicoPin(config: Config, facts: NetworkFacts): { installed?: string; pinned: string } | undefined;
}
