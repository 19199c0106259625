/**
 * The verification report, shaped like `gitpod-installer validate cluster` output (see the contract).
 */
import type { PoolRole, Provider } from '../reference.js';

export const CHECK_NAMES = [
  'node-labels',
  'max-pods',
  'container-runtime',
  'kernel-version',
  'kubernetes-version',
  'node-pools',
  'cloud-config',
  'network',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export type CheckStatus = 'OK' | 'WARNING' | 'ERROR';

export interface CheckError {
  message: string;
  type: 'ERROR' | 'WARNING';
  node?: string;
}

export interface CheckItem {
  name: CheckName;
  description: string;
  status: CheckStatus;
  errors: CheckError[];
}

/** One node as the report lists it (the reference document's custom columns, plus pool and verdict). */
export interface NodeInfo {
  name: string;
  pool: PoolRole | 'other';
  runtime: string;
  maxPods: number;
  kernel: string;
  osImage: string;
  kubelet: string;
  providerID: string;
  labels: Record<string, string>;
  ready: boolean;
}

export interface Report {
  status: CheckStatus;
  provider: Provider;
  cluster: string;
  items: CheckItem[];
  nodes: NodeInfo[];
  nodeCounts: Record<PoolRole | 'other', number>;
}
