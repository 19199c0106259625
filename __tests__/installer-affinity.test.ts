/**
 * Gitpod installer's `validate cluster` affinity check, ported, run against the clusters `apply` builds.
 *
 * The label lists are copied by hand from github.com/gitpod-io/gitpod, install/installer/pkg/cluster/affinity.go:
 *   - today's: commit 4f45d02eac95a253e9031c5f651e62585f6c9d3b (main, 2026-07-24), unchanged there since
 *     28be549be0de708e24b7f93985eff3c895c14b9e "Change services node label" (authored 2022-12-02);
 *   - 2022's: commit 1c5296e0f59024b16652ffd09e18b591c1d37da6, the parent of that change (the lists the
 *     reference document's label table was written for).
 * The check is install/installer/pkg/config/v1/validation.go `checkAffinityLabels` with
 * `getAffinityListByKind` (same in both commits): for each label of the list, the label is found when the
 * LAST node (in list order) that carries it has the value "true"; each label not found is one
 * "Affinity label not found in cluster: <label>" error. Kind Meta checks AffinityListMeta, kind
 * Workspace AffinityListWorkspace, kind Full (and anything else) both.
 *
 * The nodes are taken from what `apply` left in the fakes (GKE: each pool's node config labels, which
 * GKE puts on the pool's nodes; EKS: the Node objects the fake cluster holds), never from src/reference.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFlow as applyAws } from '../src/providers/aws/apply.js';
import { applyFlow as applyGcp } from '../src/providers/gcp/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { planFlow } from '../src/commands/plan.js';
import { parse } from 'yaml';
import { configOf, fakeIO } from './fixtures.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

type Kind = 'Meta' | 'Workspace' | 'Full';

const INSTALLER = {
  /** affinity.go at 4f45d02eac95a253e9031c5f651e62585f6c9d3b */
  today: {
    AffinityListMeta: ['gitpod.io/workload_meta', 'gitpod.io/workload_ide', 'gitpod.io/workload_services'],
    AffinityListWorkspace: [
      'gitpod.io/workload_services',
      'gitpod.io/workload_workspace_regular',
      'gitpod.io/workload_workspace_headless',
    ],
  },
  /** affinity.go at 1c5296e0f59024b16652ffd09e18b591c1d37da6 */
  y2022: {
    AffinityListMeta: ['gitpod.io/workload_meta', 'gitpod.io/workload_ide'],
    AffinityListWorkspace: [
      'gitpod.io/workload_workspace_services',
      'gitpod.io/workload_workspace_regular',
      'gitpod.io/workload_workspace_headless',
    ],
  },
} as const;

type Generation = keyof typeof INSTALLER;

/** `getAffinityListByKind`: AffinityList is AffinityListMeta followed by AffinityListWorkspace. */
function affinityListByKind(generation: Generation, kind: Kind): string[] {
  const lists = INSTALLER[generation];
  if (kind === 'Meta') return [...lists.AffinityListMeta];
  if (kind === 'Workspace') return [...lists.AffinityListWorkspace];
  return [...lists.AffinityListMeta, ...lists.AffinityListWorkspace];
}

interface Node {
  name: string;
  labels: Record<string, string>;
}

/** `checkAffinityLabels`, line by line: the error messages it returns, sorted (Go's map order is random). */
function checkAffinityLabels(targetAffinityList: readonly string[], nodes: readonly Node[]): string[] {
  const affinityList = new Map<string, boolean>();
  for (const affinity of targetAffinityList) affinityList.set(affinity, false);
  for (const node of nodes) {
    for (const [k, v] of Object.entries(node.labels)) {
      if (affinityList.has(k)) affinityList.set(k, v === 'true');
    }
  }
  return [...affinityList]
    .filter(([, found]) => !found)
    .map(([k]) => `Affinity label not found in cluster: ${k}`)
    .sort();
}

const KINDS: Kind[] = ['Meta', 'Workspace', 'Full'];
const GENERATIONS: Generation[] = ['y2022', 'today'];

/** A cluster built to the reference document's label table alone (2022), as hand-written nodes. */
const TABLE_2022_CLUSTER: Node[] = [
  { name: 'services-1', labels: { 'gitpod.io/workload_meta': 'true', 'gitpod.io/workload_ide': 'true' } },
  {
    name: 'workspaces-1',
    labels: {
      'gitpod.io/workload_workspace_services': 'true',
      'gitpod.io/workload_workspace_regular': 'true',
      'gitpod.io/workload_workspace_headless': 'true',
    },
  },
];

describe('the ported check itself', () => {
  it('is the installer’s: a label is found only when the last node carrying it says "true"', () => {
    const list = ['gitpod.io/workload_meta'];
    const yes = { name: 'a', labels: { 'gitpod.io/workload_meta': 'true' } };
    const no = { name: 'b', labels: { 'gitpod.io/workload_meta': 'false' } };
    expect(checkAffinityLabels(list, [yes])).toEqual([]);
    expect(checkAffinityLabels(list, [no, yes])).toEqual([]);
    expect(checkAffinityLabels(list, [yes, no])).toEqual([
      'Affinity label not found in cluster: gitpod.io/workload_meta',
    ]);
    expect(checkAffinityLabels(list, [])).toEqual(['Affinity label not found in cluster: gitpod.io/workload_meta']);
  });

  it('a cluster built to the 2022 table passes the 2022 lists and fails today’s on workload_services', () => {
    for (const kind of KINDS)
      expect(checkAffinityLabels(affinityListByKind('y2022', kind), TABLE_2022_CLUSTER)).toEqual([]);
    for (const kind of KINDS) {
      expect(checkAffinityLabels(affinityListByKind('today', kind), TABLE_2022_CLUSTER)).toEqual([
        'Affinity label not found in cluster: gitpod.io/workload_services',
      ]);
    }
  });
});

describe('the default plan, as nodes of each pool would carry its labels', () => {
  it('GKE: the --node-labels of the two pool steps pass both generations for every kind', () => {
    const { steps } = planFlow(configOf({ provider: 'gcp', project: 'my-project-123', command: 'plan' }));
    const nodes = ['services-pool', 'workspaces-pool'].map((id) => {
      const flag = steps.find((s) => s.id === id)!.argv!.find((a) => a.startsWith('--node-labels='))!;
      const labels = Object.fromEntries(
        flag
          .slice('--node-labels='.length)
          .split(',')
          .map((kv) => kv.split('=') as [string, string]),
      );
      return { name: id, labels };
    });
    for (const g of GENERATIONS)
      for (const kind of KINDS) expect(checkAffinityLabels(affinityListByKind(g, kind), nodes)).toEqual([]);
  });

  it('EKS: the managedNodeGroups labels of the rendered ClusterConfig pass both generations for every kind', () => {
    const { eksctlConfig } = planFlow(configOf({ provider: 'aws', command: 'plan' }));
    const groups = parse(eksctlConfig!).managedNodeGroups as { name: string; labels: Record<string, string> }[];
    expect(groups.map((g) => g.name)).toEqual(['services', 'workspaces']);
    for (const g of GENERATIONS)
      for (const kind of KINDS) expect(checkAffinityLabels(affinityListByKind(g, kind), groups)).toEqual([]);
  });
});

describe('GKE: the cluster `apply` builds (FAKE GKE APIs, real gcloud) passes both generations', () => {
  let w: GcpWorld;
  let nodes: Node[];
  beforeAll(async () => {
    w = await gcpWorld();
    const config = w.config();
    w.activate();
    await applyGcp(config, fakeIO(), {
      env: w.env,
      sleep: async () => undefined,
      connectKube: (a, log) =>
        connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log, {
          attempts: 2,
          baseDelayMs: 0,
          sleep: async () => undefined,
        }),
    });
    const pools = w.gcp.cluster('gitpod')!.nodePools as { name: string; config: { labels: Record<string, string> } }[];
    // Each pool's nodes carry the pool's node config labels, with the pool name GKE adds.
    nodes = pools.map((p) => ({
      name: `gke-gitpod-${p.name}-0`,
      labels: { ...p.config.labels, 'cloud.google.com/gke-nodepool': p.name },
    }));
  });
  afterAll(async () => w?.close());

  it.each(GENERATIONS.flatMap((g) => KINDS.map((k) => [g, k] as const)))('%s list, kind %s', (g, kind) => {
    expect(nodes.map((n) => n.labels['cloud.google.com/gke-nodepool'])).toEqual([
      'workload-services',
      'workload-workspaces',
    ]);
    expect(checkAffinityLabels(affinityListByKind(g, kind), nodes)).toEqual([]);
  });

  it('and would fail today’s list with the services pool’s workload_services taken away', () => {
    const without = nodes.map((n) => ({
      ...n,
      labels: Object.fromEntries(Object.entries(n.labels).filter(([k]) => k !== 'gitpod.io/workload_services')),
    }));
    expect(checkAffinityLabels(affinityListByKind('today', 'Full'), without)).toEqual([
      'Affinity label not found in cluster: gitpod.io/workload_services',
    ]);
  });
});

describe('EKS: the cluster `apply` builds (FAKE EKS + Kubernetes APIs, eksctl TEST STAND-IN) passes both generations', () => {
  let w: AwsWorld;
  let nodes: Node[];
  beforeAll(async () => {
    w = await startAwsWorld();
    await applyAws(w.config(), fakeIO(), w.deps());
    nodes = w.kube.objects('v1', 'Node').map((n) => ({
      name: String(n.metadata.name),
      labels: (n.metadata.labels ?? {}) as Record<string, string>,
    }));
  });
  afterAll(async () => w?.close());

  it.each(GENERATIONS.flatMap((g) => KINDS.map((k) => [g, k] as const)))('%s list, kind %s', (g, kind) => {
    expect(nodes.map((n) => n.labels['eks.amazonaws.com/nodegroup']).sort()).toEqual(['services', 'workspaces']);
    expect(checkAffinityLabels(affinityListByKind(g, kind), nodes)).toEqual([]);
  });
});
