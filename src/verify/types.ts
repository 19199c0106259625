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
  'version-support',
  'version-skew',
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
  /** The worst finding about this node across every check (OK when none). */
  verdict: CheckStatus;
}

export type PoolOrOther = PoolRole | 'other';

export interface Report {
  status: CheckStatus;
  provider: Provider;
  cluster: string;
  items: CheckItem[];
  /** Every failing node (within the summary's size budget) plus at most 50 others; the report file has all. */
  nodes: NodeInfo[];
  nodeCounts: Record<PoolOrOther, number>;
  /** Failing nodes left out of `summary` to keep it under GitHub's output limit (absent when none were). */
  failingNodesOmitted?: number;
  /** What `apply` would do about the cloud-side differences (`cloud-config`), one line per change. */
  applyWouldDo?: string[];
}
