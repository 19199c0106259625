/**
 * The checks of the contract, one named function each. Node checks are fed a page at a time
 * (`NodeChecks.add`) and keep counters and findings only, so memory stays flat on large clusters.
 */
import type { CloudObservation } from '../cloud/types.js';
import type { Config } from '../inputs.js';
import { AWS, GCP, GITPOD_LABEL_KEYS, GITPOD_LABEL_PREFIX, MINIMUMS, POOL_ROLES, type PoolRole } from '../reference.js';
import { runtimeName } from './nodes.js';
import { type CheckError, type CheckItem, type CheckName, type CheckStatus, type NodeInfo } from './types.js';
import { atLeast } from './versions.js';

export const CHECK_DESCRIPTIONS: Record<CheckName, string> = {
  'node-labels':
    'Services-pool nodes carry gitpod.io/workload_meta and workload_ide; workspaces-pool nodes carry the three workload_workspace_* labels',
  'max-pods': 'Gitpod nodes can run at least max-pods pods (status.capacity.pods)',
  'container-runtime': 'Every node runs containerd',
  'kernel-version': `Every node's kernel is at least ${MINIMUMS.kernel}`,
  'kubernetes-version': `The API server and every kubelet are at least ${MINIMUMS.kubernetes}`,
  'node-pools': 'The services and the workspaces role each have a Ready node',
  'cloud-config': "The cloud's node pool configuration matches the desired one",
  network: 'Network policy enforcement as the reference architecture sets it up',
};

export function item(name: CheckName, errors: CheckError[]): CheckItem {
  const status: CheckStatus = errors.some((e) => e.type === 'ERROR') ? 'ERROR' : errors.length ? 'WARNING' : 'OK';
  return { name, description: CHECK_DESCRIPTIONS[name], status, errors };
}

const error = (message: string, node?: string): CheckError => ({ message, type: 'ERROR', ...(node ? { node } : {}) });
const warning = (message: string, node?: string): CheckError => ({
  message,
  type: 'WARNING',
  ...(node ? { node } : {}),
});

/** Accumulates the node checks over pages of nodes. */
export class NodeChecks {
  private readonly found: Record<Exclude<CheckName, 'cloud-config' | 'network' | 'kubernetes-version'>, CheckError[]> =
    {
      'node-labels': [],
      'max-pods': [],
      'container-runtime': [],
      'kernel-version': [],
      'node-pools': [],
    };
  private readonly versionErrors: CheckError[] = [];
  readonly counts: Record<PoolRole | 'other', number> = { services: 0, workspaces: 0, other: 0 };
  private readonly ready: Record<PoolRole | 'other', number> = { services: 0, workspaces: 0, other: 0 };
  /** Not-Ready nodes per pool; judged when every page is in. */
  private readonly notReady: Record<PoolRole | 'other', string[]> = { services: [], workspaces: [], other: [] };
  private readonly readyLabels = new Set<string>();
  private outside: string[] = [];
  private outsideCount = 0;

  constructor(private readonly config: Config) {}

  /** Checks one node; returns true when it fails (carries an ERROR or WARNING of its own). */
  add(node: NodeInfo): boolean {
    const { config } = this;
    const before = this.total();
    this.counts[node.pool]++;
    const gitpodLabelled = Object.keys(node.labels).some((k) => k.startsWith(GITPOD_LABEL_PREFIX));
    if (node.ready) {
      this.ready[node.pool]++;
      for (const key of GITPOD_LABEL_KEYS) if (node.labels[key] === 'true') this.readyLabels.add(key);
    } else {
      this.notReady[node.pool].push(node.name);
    }

    if (node.pool === 'other') {
      this.outsideCount++;
      if (this.outside.length < 10) this.outside.push(node.name);
    } else {
      const wanted = config.pools[node.pool].labels;
      const missing = Object.entries(wanted).filter(([k, v]) => node.labels[k] !== v);
      if (missing.length) {
        this.found['node-labels'].push(
          error(`${node.name} (${node.pool} pool) lacks ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`, node.name),
        );
      }
    }

    if ((node.pool !== 'other' || gitpodLabelled) && node.maxPods < config.maxPods) {
      this.found['max-pods'].push(
        error(
          `${node.name} can run ${node.maxPods} pods (status.capacity.pods), fewer than max-pods ${config.maxPods}`,
          node.name,
        ),
      );
    }

    const runtime = runtimeName(node.runtime);
    if (!runtime) this.found['container-runtime'].push(warning(`${node.name} reports no container runtime`, node.name));
    else if (runtime !== MINIMUMS.containerRuntime) {
      this.found['container-runtime'].push(
        error(`${node.name} runs ${node.runtime}, not ${MINIMUMS.containerRuntime}`, node.name),
      );
    }

    const kernel = atLeast(node.kernel, MINIMUMS.kernel);
    if (kernel === 'below') {
      this.found['kernel-version'].push(
        error(`${node.name} runs kernel ${node.kernel}, below ${MINIMUMS.kernel}`, node.name),
      );
    } else if (kernel === 'unparsed') {
      this.found['kernel-version'].push(
        warning(`${node.name}: kernel version '${node.kernel}' does not parse`, node.name),
      );
    }

    const kubelet = atLeast(node.kubelet, MINIMUMS.kubernetes);
    if (kubelet === 'below') {
      this.versionErrors.push(
        error(`${node.name} runs kubelet ${node.kubelet}, below ${MINIMUMS.kubernetes}`, node.name),
      );
    } else if (kubelet === 'unparsed') {
      this.versionErrors.push(warning(`${node.name}: kubelet version '${node.kubelet}' does not parse`, node.name));
    }
    return this.total() > before;
  }

  private total(): number {
    return Object.values(this.found).reduce((n, e) => n + e.length, 0) + this.versionErrors.length;
  }

  /** The node checks' items, once every page is in. */
  finish(serverVersion: string): CheckItem[] {
    const labels = [...this.found['node-labels']];
    for (const key of GITPOD_LABEL_KEYS) {
      if (!this.readyLabels.has(key)) labels.push(error(`no Ready node carries ${key}=true`));
    }

    const pools = [...this.found['node-pools']];
    for (const role of POOL_ROLES) {
      const name = this.config.pools[role].name;
      if (this.ready[role] === 0) {
        const seen = this.counts[role] ? `${this.counts[role]} node(s), none Ready` : 'no nodes';
        pools.push(error(`the ${role} role has no Ready node (pool ${name}: ${seen})`));
      } else {
        for (const node of this.notReady[role]) {
          pools.push(
            warning(`${node} (${role} pool) is not Ready; the pool has ${this.ready[role]} other Ready node(s)`, node),
          );
        }
      }
    }
    if (this.outsideCount) {
      const more =
        this.outsideCount > this.outside.length ? ` and ${this.outsideCount - this.outside.length} more` : '';
      pools.push(warning(`${this.outsideCount} node(s) outside both Gitpod pools: ${this.outside.join(', ')}${more}`));
    }

    const versions = [...this.versionErrors];
    const server = atLeast(serverVersion, MINIMUMS.kubernetes);
    if (server === 'below')
      versions.unshift(error(`the API server runs ${serverVersion}, below ${MINIMUMS.kubernetes}`));
    if (server === 'unparsed') versions.unshift(warning(`the API server version '${serverVersion}' does not parse`));

    return [
      item('node-labels', labels),
      item('max-pods', this.found['max-pods']),
      item('container-runtime', this.found['container-runtime']),
      item('kernel-version', this.found['kernel-version']),
      item('kubernetes-version', versions),
      item('node-pools', pools),
    ];
  }
}

/** The desired configuration of one pool, in the terms of the cloud API. */
export function desiredPool(config: Config, role: PoolRole) {
  const pool = config.pools[role];
  return {
    name: pool.name,
    labels: pool.labels,
    machineType: pool.machineType,
    minNodes: pool.minNodes,
    maxNodes: pool.maxNodes,
    maxPods: config.provider === 'gcp' ? config.maxPods : undefined,
    image: config.provider === 'gcp' ? GCP.pool.imageType : AWS.nodegroup.amiType,
  };
}

/** Cloud-side drift: each difference names pool, field, wanted and found. */
export function checkCloudConfig(config: Config, observed: CloudObservation): CheckItem {
  const errors: CheckError[] = [];
  for (const role of POOL_ROLES) {
    const want = desiredPool(config, role);
    const have = observed.pools.find((p) => p.name === want.name);
    if (!have) {
      errors.push(error(`node pool ${want.name} (${role}) does not exist`));
      continue;
    }
    const diff = (field: string, wanted: unknown, found: unknown) => {
      if (wanted !== undefined && wanted !== found) {
        errors.push(
          error(`${want.name}: ${field} is ${JSON.stringify(found ?? null)}, wanted ${JSON.stringify(wanted)}`),
        );
      }
    };
    // Labels compared: the gitpod.io/workload_* family and the extra labels; other labels are the user's.
    const keys = new Set([
      ...Object.keys(want.labels),
      ...Object.keys(have.labels).filter((k) => k.startsWith(GITPOD_LABEL_PREFIX)),
    ]);
    for (const key of [...keys].sort())
      diff(`label ${key}`, want.labels[key] ?? '(absent)', have.labels[key] ?? '(absent)');
    diff('machine type', want.machineType, have.machineType);
    diff('min nodes', want.minNodes, have.minNodes);
    diff('max nodes', want.maxNodes, have.maxNodes);
    diff('max pods per node', want.maxPods, have.maxPods);
    diff(config.provider === 'gcp' ? 'image type' : 'AMI type', want.image, have.image);
  }
  return item('cloud-config', errors);
}

/** What the network check needs to know from the cluster (EKS) and the cloud (GKE). */
export interface NetworkFacts {
  networkPolicy?: boolean;
  awsNodePresent?: boolean;
  calicoInstallation?: boolean;
}

export function checkNetwork(config: Config, facts: NetworkFacts): CheckItem {
  const errors: CheckError[] = [];
  if (config.provider === 'gcp') {
    if (facts.networkPolicy !== true) errors.push(error('network policy enforcement is off on the GKE cluster'));
  } else if (config.network === 'calico') {
    const ds = AWS.calico.awsNode;
    if (facts.awsNodePresent)
      errors.push(error(`the AWS VPC CNI daemonset ${ds.namespace}/${ds.name} is still present`));
    if (!facts.calicoInstallation) {
      errors.push(
        error(`no Calico Installation named ${AWS.calico.installation.metadata.name} (operator.tigera.io/v1)`),
      );
    }
  }
  return item('network', errors);
}
