/**
 * Nodes as the report sees them: the reference document's custom columns (runtime, max pods, kernel,
 * OS image, kubelet, provider ID), readiness, and the pool — from the providers' node-pool labels matched
 * to the pool names the action creates.
 */
import type { KubeObject } from '../clients/kube.js';
import type { Config } from '../inputs.js';
import { AWS, GCP, GITPOD_LABEL_PREFIX, POOL_ROLES, type PoolRole } from '../reference.js';
import type { NodeInfo } from './types.js';

/** Node labels that name a node's pool, per provider. */
export const POOL_LABELS = {
  gcp: [GCP.nodePoolLabel],
  aws: [...AWS.nodegroupLabels],
} as const;

interface RawNode {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { providerID?: string };
  status?: {
    capacity?: { pods?: string };
    conditions?: { type?: string; status?: string }[];
    nodeInfo?: {
      containerRuntimeVersion?: string;
      kernelVersion?: string;
      osImage?: string;
      kubeletVersion?: string;
    };
  };
}

export function poolOf(config: Config, labels: Readonly<Record<string, string>>): PoolRole | 'other' {
  for (const key of POOL_LABELS[config.provider]) {
    const name = labels[key];
    if (name === undefined) continue;
    const role = POOL_ROLES.find((r) => config.pools[r].name === name);
    if (role) return role;
  }
  return 'other';
}

export function toNodeInfo(config: Config, node: KubeObject): NodeInfo {
  const n = node as unknown as RawNode;
  const labels = n.metadata?.labels ?? {};
  const info = n.status?.nodeInfo ?? {};
  const pods = Number.parseInt(n.status?.capacity?.pods ?? '', 10);
  return {
    name: n.metadata?.name ?? '(unnamed)',
    pool: poolOf(config, labels),
    runtime: info.containerRuntimeVersion ?? '',
    maxPods: Number.isFinite(pods) ? pods : 0,
    kernel: info.kernelVersion ?? '',
    osImage: info.osImage ?? '',
    kubelet: info.kubeletVersion ?? '',
    providerID: n.spec?.providerID ?? '',
    labels,
    ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    // Set by the node checks (NodeChecks.add) once every check has seen the node.
    verdict: 'OK',
  };
}

/** The labels worth keeping in the bounded summary: Gitpod's and the pool labels. */
export function summaryLabels(config: Config, labels: Readonly<Record<string, string>>): Record<string, string> {
  const keep = new Set<string>([
    ...POOL_LABELS[config.provider],
    ...POOL_ROLES.flatMap((r) => Object.keys(config.pools[r].labels)),
  ]);
  return Object.fromEntries(Object.entries(labels).filter(([k]) => keep.has(k) || k.startsWith(GITPOD_LABEL_PREFIX)));
}

/** `containerd://1.7.24` → `containerd`. */
export function runtimeName(runtime: string): string {
  return runtime.split('://')[0]!.trim();
}
