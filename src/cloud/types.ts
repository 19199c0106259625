/**
 * What a provider's cloud API tells about a cluster, in provider-neutral terms. `verify` compares it
 * with the reference architecture (src/verify/cloud-config.ts); `apply` probes read the same facts.
 * Each provider fills it in its own module (src/cloud/gcp.ts, src/cloud/aws.ts), loaded lazily.
 */
import type { PoolRole } from '../reference.js';

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
}

export interface ClusterNetworkFacts {
  /** GKE: network policy enforcement enabled (networkPolicy.enabled and the addon not disabled). */
  networkPolicy?: boolean;
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
}
