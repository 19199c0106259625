/**
 * The node checks of the contract, one named function each (`node-labels`, `max-pods`,
 * `container-runtime`, `kernel-version`, `kubernetes-version`, `node-pools`). Each is fed one node at a time
 * as the pages arrive and keeps counters and findings only, never the nodes, so memory stays flat on large
 * clusters. The cloud-side checks are in cloud-config.ts and network.ts.
 */
import type { Config } from '../inputs.js';
import { GITPOD_LABEL_KEYS, GITPOD_LABEL_PREFIX, MINIMUMS, POOL_ROLES } from '../reference.js';
import { runtimeName } from './nodes.js';
import {
  CHECK_NAMES,
  type CheckError,
  type CheckItem,
  type CheckName,
  type CheckStatus,
  type NodeInfo,
  type PoolOrOther,
} from './types.js';
import { atLeast } from './versions.js';

export const CHECK_DESCRIPTIONS: Record<CheckName, string> = {
  'node-labels':
    'Services-pool nodes carry gitpod.io/workload_meta, workload_ide and workload_services; workspaces-pool nodes carry the three workload_workspace_* labels; each of the six is on a Ready node',
  'max-pods': 'Gitpod nodes can run at least max-pods pods (status.capacity.pods)',
  'container-runtime': `Every node runs ${MINIMUMS.containerRuntime}`,
  'kernel-version': `Every node's kernel is at least ${MINIMUMS.kernel}`,
  'kubernetes-version': `The API server and every kubelet are at least ${MINIMUMS.kubernetes}`,
  'node-pools': 'The services and the workspaces role each have a Ready node',
  'cloud-config': "The cloud's node pool configuration matches the desired one",
  network: 'Network policy enforcement as the reference architecture sets it up',
  'version-support':
    "The control plane's and the pools' Kubernetes versions are supported, standard support for 90 days more",
  'version-skew': 'Every kubelet and pool is at most three minors older than the API server, never newer',
};

/** A check's item: ERROR when any finding is an error, WARNING when any finding at all, else OK. */
export function item(name: CheckName, errors: CheckError[]): CheckItem {
  const status: CheckStatus = errors.some((e) => e.type === 'ERROR') ? 'ERROR' : errors.length ? 'WARNING' : 'OK';
  return { name, description: CHECK_DESCRIPTIONS[name], status, errors };
}

export const error = (message: string, node?: string): CheckError => ({
  message,
  type: 'ERROR',
  ...(node ? { node } : {}),
});
export const warning = (message: string, node?: string): CheckError => ({
  message,
  type: 'WARNING',
  ...(node ? { node } : {}),
});

const RANK: Record<CheckStatus, number> = { OK: 0, WARNING: 1, ERROR: 2 };
export function worst(a: CheckStatus, b: CheckStatus): CheckStatus {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Items in the contract's order, whatever order they were computed in. */
export function inContractOrder(items: readonly CheckItem[]): CheckItem[] {
  return [...items].sort((a, b) => CHECK_NAMES.indexOf(a.name) - CHECK_NAMES.indexOf(b.name));
}

/** A check over nodes, fed one node at a time. */
export interface NodeCheck {
  readonly name: CheckName;
  /** Judges one node and keeps the finding; returns the node's status for this check. */
  add(node: NodeInfo): CheckStatus;
  /** The check's item, once every page is in. */
  finish(): CheckItem;
}

/** One finding per node at most: records it and answers the node's status. */
function keep(findings: CheckError[], finding: CheckError | undefined): CheckStatus {
  if (!finding) return 'OK';
  findings.push(finding);
  return finding.type;
}

const isGitpodNode = (node: NodeInfo) =>
  node.pool !== 'other' || Object.keys(node.labels).some((k) => k.startsWith(GITPOD_LABEL_PREFIX));

/**
 * `node-labels`: each pool's nodes carry that pool's labels (the reference table plus the extra labels),
 * checked per pool, and every one of the six Gitpod labels (`POOL_LABELS`) is on at least one Ready node.
 */
export function nodeLabelsCheck(config: Config): NodeCheck {
  const findings: CheckError[] = [];
  const onReadyNode = new Set<string>();
  return {
    name: 'node-labels',
    add(node) {
      if (node.ready) for (const key of GITPOD_LABEL_KEYS) if (node.labels[key] === 'true') onReadyNode.add(key);
      if (node.pool === 'other') return 'OK';
      const missing = Object.entries(config.pools[node.pool].labels).filter(([k, v]) => node.labels[k] !== v);
      if (!missing.length) return 'OK';
      const what = missing.map(([k, v]) => `${k}=${v}`).join(', ');
      return keep(findings, error(`${node.name} (${node.pool} pool) lacks ${what}`, node.name));
    },
    finish() {
      const absent = GITPOD_LABEL_KEYS.filter((key) => !onReadyNode.has(key));
      return item('node-labels', [...findings, ...absent.map((key) => error(`no Ready node carries ${key}=true`))]);
    },
  };
}

/** `max-pods`: a Gitpod node (in a pool, or carrying a Gitpod label) can run at least `max-pods` pods. */
export function maxPodsCheck(config: Config): NodeCheck {
  const findings: CheckError[] = [];
  return {
    name: 'max-pods',
    add(node) {
      if (!isGitpodNode(node) || node.maxPods >= config.maxPods) return 'OK';
      const message = `${node.name} can run ${node.maxPods} pods (status.capacity.pods), fewer than max-pods ${config.maxPods}`;
      return keep(findings, error(message, node.name));
    },
    finish: () => item('max-pods', findings),
  };
}

/** `container-runtime`: every node runs containerd (`containerd://1.7.24`). */
export function containerRuntimeCheck(): NodeCheck {
  const findings: CheckError[] = [];
  const wanted = MINIMUMS.containerRuntime;
  return {
    name: 'container-runtime',
    add(node) {
      const runtime = runtimeName(node.runtime);
      if (runtime === wanted) return 'OK';
      if (!runtime) return keep(findings, warning(`${node.name} reports no container runtime`, node.name));
      return keep(findings, error(`${node.name} runs ${node.runtime}, not ${wanted}`, node.name));
    },
    finish: () => item('container-runtime', findings),
  };
}

/** `kernel-version`: every node's kernel is at least 5.4; distribution suffixes (`-1049-gke`) are fine. */
export function kernelVersionCheck(): NodeCheck {
  const findings: CheckError[] = [];
  const min = MINIMUMS.kernel;
  return {
    name: 'kernel-version',
    add(node) {
      const verdict = atLeast(node.kernel, min);
      if (verdict === 'ok') return 'OK';
      if (verdict === 'below')
        return keep(findings, error(`${node.name} runs kernel ${node.kernel}, below ${min}`, node.name));
      return keep(findings, warning(`${node.name}: kernel version '${node.kernel}' does not parse`, node.name));
    },
    finish: () => item('kernel-version', findings),
  };
}

/** `kubernetes-version`: the API server (`serverVersion`, read before the nodes) and every kubelet ≥ 1.21. */
export function kubernetesVersionCheck(serverVersion: string): NodeCheck {
  const min = MINIMUMS.kubernetes;
  const server = atLeast(serverVersion, min);
  const findings: CheckError[] = [];
  if (server === 'below') findings.push(error(`the API server runs ${serverVersion}, below ${min}`));
  if (server === 'unparsed') findings.push(warning(`the API server version '${serverVersion}' does not parse`));
  return {
    name: 'kubernetes-version',
    add(node) {
      const verdict = atLeast(node.kubelet, min);
      if (verdict === 'ok') return 'OK';
      if (verdict === 'below')
        return keep(findings, error(`${node.name} runs kubelet ${node.kubelet}, below ${min}`, node.name));
      return keep(findings, warning(`${node.name}: kubelet version '${node.kubelet}' does not parse`, node.name));
    },
    finish: () => item('kubernetes-version', findings),
  };
}

/** Names of nodes outside both pools shown in the `node-pools` warning; the count says how many more. */
export const OUTSIDE_NAMES_SHOWN = 10;

/**
 * `node-pools`: each role has a Ready node (ERROR otherwise). A node that is not Ready while its pool has
 * other Ready nodes, and nodes outside both pools, are WARNINGs.
 */
export function nodePoolsCheck(config: Config): NodeCheck {
  const nodes = { services: 0, workspaces: 0, other: 0 };
  const ready = { services: 0, workspaces: 0, other: 0 };
  // Only names are kept: which warning a not-Ready node gets depends on the nodes still to come.
  const notReady: Record<PoolOrOther, string[]> = { services: [], workspaces: [], other: [] };
  const outside: string[] = [];
  return {
    name: 'node-pools',
    add(node) {
      nodes[node.pool]++;
      if (node.ready) ready[node.pool]++;
      else notReady[node.pool].push(node.name);
      if (node.pool === 'other') {
        if (outside.length < OUTSIDE_NAMES_SHOWN) outside.push(node.name);
        return 'WARNING';
      }
      return node.ready ? 'OK' : 'WARNING';
    },
    finish() {
      const findings: CheckError[] = [];
      for (const role of POOL_ROLES) {
        const pool = config.pools[role].name;
        if (ready[role] === 0) {
          const seen = nodes[role] ? `${nodes[role]} node(s), none Ready` : 'no nodes';
          findings.push(error(`the ${role} role has no Ready node (pool ${pool}: ${seen})`));
          continue;
        }
        for (const name of notReady[role]) {
          findings.push(
            warning(`${name} (${role} pool) is not Ready; the pool has ${ready[role]} other Ready node(s)`, name),
          );
        }
      }
      if (nodes.other) {
        const more = nodes.other > outside.length ? ` and ${nodes.other - outside.length} more` : '';
        const notReadyNote = notReady.other.length ? ` (${notReady.other.length} not Ready)` : '';
        findings.push(
          warning(`${nodes.other} node(s) outside both Gitpod pools${notReadyNote}: ${outside.join(', ')}${more}`),
        );
      }
      return item('node-pools', findings);
    },
  };
}

/** Per pool: how many nodes, how many Ready, and how many ended in each verdict. */
export type PoolTally = Record<PoolOrOther, { nodes: number; ready: number } & Record<CheckStatus, number>>;

/** Runs every node check over the nodes as they stream in, and sets each node's verdict. */
export class NodeChecks {
  readonly tally: PoolTally = {
    services: { nodes: 0, ready: 0, OK: 0, WARNING: 0, ERROR: 0 },
    workspaces: { nodes: 0, ready: 0, OK: 0, WARNING: 0, ERROR: 0 },
    other: { nodes: 0, ready: 0, OK: 0, WARNING: 0, ERROR: 0 },
  };
  private readonly checks: NodeCheck[];

  /** The six node checks of the contract, then `extra` (the version-skew check, fed the same nodes). */
  constructor(config: Config, serverVersion: string, extra: readonly NodeCheck[] = []) {
    this.checks = [
      nodeLabelsCheck(config),
      maxPodsCheck(config),
      containerRuntimeCheck(),
      kernelVersionCheck(),
      kubernetesVersionCheck(serverVersion),
      nodePoolsCheck(config),
      ...extra,
    ];
  }

  /** Feeds one node to every check; returns it with its verdict set. */
  add(node: NodeInfo): NodeInfo {
    let verdict: CheckStatus = 'OK';
    for (const check of this.checks) verdict = worst(verdict, check.add(node));
    node.verdict = verdict;
    const t = this.tally[node.pool];
    t.nodes++;
    if (node.ready) t.ready++;
    t[verdict]++;
    return node;
  }

  get counts(): Record<PoolOrOther, number> {
    return {
      services: this.tally.services.nodes,
      workspaces: this.tally.workspaces.nodes,
      other: this.tally.other.nodes,
    };
  }

  finish(): CheckItem[] {
    return this.checks.map((c) => c.finish());
  }
}
