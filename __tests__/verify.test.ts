/**
 * `verify` against the FAKE Kubernetes API (no kube-apiserver runs here) with fixture clusters, and a
 * fake ProviderCloud object for the cloud side (the real SDK paths are proven in the provider e2e tests).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectKube } from '../src/clients/kube.js';
import type { CloudObservation, ProviderCloud, VersionFacts } from '../src/providers/types.js';
import { verify } from '../src/commands/verify.js';
import type { Config } from '../src/inputs.js';
import { memoryLogger } from '../src/log.js';
import { POOL_LABELS } from '../src/reference.js';
import type { CheckName, Report } from '../src/verify/types.js';
import { FakeKubeApi, fakeNode } from './fakes/kube-api.js';
import { type Inputs, configOf, fakeIO } from './fixtures.js';

const GKE_POOL = 'cloud.google.com/gke-nodepool';

/** The clock of every verify here, and a support window well ahead of it (the e2e tests judge the dates). */
const NOW = Date.parse('2026-12-07T12:00:00Z');
const supported = async (): Promise<VersionFacts> => ({
  controlPlane: {
    name: 'control plane',
    kind: 'control-plane',
    version: '1.33.2-gke.1000',
    support: { endOfStandard: '2027-10-01T00:00:00Z', endOfExtended: '2028-10-01T00:00:00Z' },
  },
  pools: [],
});

function gcpConfig(extra: Inputs = {}): Config {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'verify-'));
  return configOf(
    { provider: 'gcp', project: 'proj-123456', region: 'us-central1', command: 'verify', ...extra },
    { RUNNER_TEMP: tmp },
  );
}

/** The cloud side of a conformant GKE cluster, as a plain fake ProviderCloud. */
function conformantCloud(
  config: Config,
  api: FakeKubeApi,
  change: (o: CloudObservation) => void = () => {},
): ProviderCloud & { calls: number } {
  const observation: CloudObservation = {
    found: true,
    endpoint: api.url,
    status: 'RUNNING',
    pools: (['services', 'workspaces'] as const).map((role) => ({
      name: config.pools[role].name,
      role,
      labels: { ...config.pools[role].labels, 'cloud.google.com/extra': 'x' },
      machineType: config.pools[role].machineType,
      minNodes: config.pools[role].minNodes,
      maxNodes: config.pools[role].maxNodes,
      maxPods: 110,
      image: 'UBUNTU_CONTAINERD',
      status: 'RUNNING',
    })),
    network: { networkPolicy: true },
  };
  change(observation);
  const cloud = {
    calls: 0,
    observe: async () => {
      cloud.calls++;
      return observation;
    },
    kubeAccess: async () => api.access(),
    versions: supported,
  };
  return cloud;
}

function node(name: string, pool: 'services' | 'workspaces', over: Parameters<typeof fakeNode>[0] | object = {}) {
  const poolName = pool === 'services' ? 'workload-services' : 'workload-workspaces';
  return fakeNode({ name, labels: { [GKE_POOL]: poolName, ...POOL_LABELS[pool] }, ...over });
}

function status(report: Report): Record<CheckName, string> {
  return Object.fromEntries(report.items.map((i) => [i.name, i.status])) as Record<CheckName, string>;
}

const ALL_OK = {
  'node-labels': 'OK',
  'max-pods': 'OK',
  'container-runtime': 'OK',
  'kernel-version': 'OK',
  'kubernetes-version': 'OK',
  'node-pools': 'OK',
  'cloud-config': 'OK',
  network: 'OK',
  'version-support': 'OK',
  'version-skew': 'OK',
};

describe('verify against the fake Kubernetes API', () => {
  let api: FakeKubeApi;
  beforeEach(async () => {
    api = await FakeKubeApi.start({ token: 'kube-bearer-token-abcdef123', version: 'v1.33.2-gke.1000' });
  });
  afterEach(async () => {
    // verify is read-only: not one create, patch, apply or delete reached the API server in any test.
    expect(api.mutations()).toEqual([]);
    await api.close();
  });

  async function run(config: Config, cloud: ProviderCloud) {
    const io = fakeIO();
    const report = await verify(config, io, { cloud, now: () => NOW }).catch((e: unknown) => e);
    return { io, report };
  }

  it('finds a conformant cluster OK on every check, sends no write and writes every output', async () => {
    api.seed(node('s-1', 'services'), node('s-2', 'services'), node('w-1', 'workspaces'));
    const config = gcpConfig();
    const { io, report } = await run(config, conformantCloud(config, api));
    expect(status(report as Report)).toEqual(ALL_OK);
    expect(io.outputs.verified).toBe('true');
    expect(io.outputs.drift).toBe('false');
    const summary = JSON.parse(io.outputs.summary!) as Report;
    expect(summary).toMatchObject({
      status: 'OK',
      provider: 'gcp',
      cluster: 'gitpod',
      nodeCounts: { services: 2, workspaces: 1, other: 0 },
    });
    expect(summary.items.map((i) => i.name)).toEqual(Object.keys(ALL_OK));
    const full = JSON.parse(readFileSync(io.outputs['report-file']!, 'utf8')) as Report;
    expect(full.nodes.map((n) => n.name)).toEqual(['s-1', 's-2', 'w-1']);
    expect(statSync(io.outputs['report-file']!).mode & 0o777).toBe(0o600);
    expect(io.outputs['summary-markdown']).toContain('```mermaid');
    expect(io.summary.join('')).toContain(
      '| NAME | RUNTIME | MAXPODS | KERNEL | AMIFAMILY | K8S | AMI | POOL | VERDICT |',
    );
    expect(io.summary.join('')).toContain(
      '| s-1 | containerd://1.7.24 | 110 | 6.8.0-1015-gke | Ubuntu 24.04.1 LTS | v1.33.2 | fake://s-1 | services | ✅ OK |',
    );
    expect(io.outputs['summary-markdown']).toBe(io.summary.join(''));
    expect(io.lines.filter((l) => l.startsWith('error:') || l.startsWith('warning:'))).toEqual([]);
  });

  it('a services node missing only gitpod.io/workload_services (the 2022 table) ends node-labels in ERROR', async () => {
    api.seed(
      fakeNode({
        name: 's-1',
        labels: {
          [GKE_POOL]: 'workload-services',
          'gitpod.io/workload_meta': 'true',
          'gitpod.io/workload_ide': 'true',
        },
      }),
      node('w-1', 'workspaces'),
    );
    const config = gcpConfig();
    const { io, report } = await run(config, conformantCloud(config, api));
    expect((report as Error).message).toMatch(/^verification failed: node-labels ended in ERROR/);
    const item = (JSON.parse(io.outputs.summary!) as Report).items.find((i) => i.name === 'node-labels')!;
    expect(item.status).toBe('ERROR');
    expect(item.errors).toEqual([
      { type: 'ERROR', node: 's-1', message: 's-1 (services pool) lacks gitpod.io/workload_services=true' },
      { type: 'ERROR', message: 'no Ready node carries gitpod.io/workload_services=true' },
    ]);
    expect(io.outputs.verified).toBe('false');
  });

  it('flags a cluster built with the reference document’s own GCP labels', async () => {
    const docServices = {
      'gitpod.io/workload_meta': 'true',
      'gitpod.io/workload_ide': 'true',
      'gitpod.io/workload_workspace_services': 'true',
    };
    const docWorkspaces = {
      'gitpod.io/workload_workspace_regular': 'true',
      'gitpod.io/workload_workspace_headless': 'true',
    };
    api.seed(
      fakeNode({ name: 's-1', labels: { [GKE_POOL]: 'workload-services', ...docServices } }),
      fakeNode({ name: 'w-1', labels: { [GKE_POOL]: 'workload-workspaces', ...docWorkspaces } }),
    );
    const config = gcpConfig();
    const { io, report } = await run(config, conformantCloud(config, api));
    const labels = (report as Error).message;
    expect(labels).toBe(
      `verification failed: node-labels ended in ERROR (see the job summary and ${io.outputs['report-file']}; fail-on-drift: false keeps the step green)`,
    );
    const summary = JSON.parse(io.outputs.summary!) as Report;
    const item = summary.items.find((i) => i.name === 'node-labels')!;
    expect(item.errors).toEqual([
      { type: 'ERROR', node: 's-1', message: 's-1 (services pool) lacks gitpod.io/workload_services=true' },
      { type: 'ERROR', node: 'w-1', message: 'w-1 (workspaces pool) lacks gitpod.io/workload_workspace_services=true' },
      { type: 'ERROR', message: 'no Ready node carries gitpod.io/workload_services=true' },
    ]);
    expect(io.outputs.verified).toBe('false');
    expect(io.lines).toContain(
      'error: node-labels: s-1 (services pool) lacks gitpod.io/workload_services=true (and 2 more)',
    );
  });

  const single: [
    CheckName,
    (c: Config) => { nodes?: ReturnType<typeof fakeNode>[]; cloud?: (o: CloudObservation) => void; version?: string },
    RegExp,
  ][] = [
    [
      'max-pods',
      () => ({ nodes: [node('w-2', 'workspaces', { pods: 32 })] }),
      /w-2 can run 32 pods .* fewer than max-pods 110/,
    ],
    [
      'container-runtime',
      () => ({ nodes: [node('w-2', 'workspaces', { runtime: 'docker://20.10.7' })] }),
      /w-2 runs docker:\/\/20.10.7, not containerd/,
    ],
    [
      'kernel-version',
      () => ({ nodes: [node('w-2', 'workspaces', { kernel: '4.14.200' })] }),
      /w-2 runs kernel 4.14.200, below 5.4/,
    ],
    [
      'kubernetes-version',
      () => ({ nodes: [node('w-2', 'workspaces', { kubelet: 'v1.20.15' })] }),
      /w-2 runs kubelet v1.20.15, below 1.21/,
    ],
    ['kubernetes-version', () => ({ version: 'v1.20.0-gke.1' }), /the API server runs v1.20.0-gke.1, below 1.21/],
    [
      'cloud-config',
      () => ({ cloud: (o) => (o.pools[0]!.labels['gitpod.io/workload_ide'] = 'false') }),
      /workload-services: label gitpod.io\/workload_ide is "false", wanted "true"/,
    ],
    [
      'cloud-config',
      () => ({ cloud: (o) => (o.pools[1]!.machineType = 'e2-standard-4') }),
      /workload-workspaces: machine type is "e2-standard-4", wanted "n2d-standard-16"/,
    ],
    ['cloud-config', () => ({ cloud: (o) => (o.pools[1]!.maxPods = 64) }), /max pods per node is 64, wanted 110/],
    [
      'cloud-config',
      () => ({ cloud: (o) => (o.pools[0]!.maxNodes = 3) }),
      /workload-services: max nodes is 3, wanted 50/,
    ],
    [
      'cloud-config',
      () => ({ cloud: (o) => (o.pools[0]!.image = 'COS_CONTAINERD') }),
      /image type is "COS_CONTAINERD", wanted "UBUNTU_CONTAINERD"/,
    ],
    [
      'cloud-config',
      () => ({ cloud: (o) => o.pools.pop() }),
      /node pool workload-workspaces \(workspaces\) does not exist/,
    ],
    ['network', () => ({ cloud: (o) => (o.network.networkPolicy = false) }), /network policy enforcement is off/],
  ];
  it.each(single)('fails %s on its own', async (name, make, message) => {
    const config = gcpConfig({ 'fail-on-drift': 'false' });
    const m = make(config);
    if (m.version) {
      await api.close();
      api = await FakeKubeApi.start({ token: 'kube-bearer-token-abcdef123', version: m.version });
    }
    api.seed(node('s-1', 'services'), node('w-1', 'workspaces'), ...(m.nodes ?? []));
    const { io, report } = await run(config, conformantCloud(config, api, m.cloud));
    const r = report as Report;
    // A kubelet below 1.21 under a 1.33 API server (or the reverse) is out of the skew policy too.
    const skew = name === 'kubernetes-version' ? { 'version-skew': 'ERROR' } : {};
    expect(status(r)).toEqual({ ...ALL_OK, [name]: 'ERROR', ...skew });
    expect(
      r.items
        .find((i) => i.name === name)!
        .errors.map((e) => e.message)
        .join('\n'),
    ).toMatch(message);
    expect(io.outputs.verified).toBe('false');
    // Drift is what the cloud API shows: the pools, and GKE's network policy.
    expect(io.outputs.drift).toBe(name === 'cloud-config' || name === 'network' ? 'true' : 'false');
    expect(io.lines.filter((l) => l.startsWith('error:'))).toEqual([
      expect.stringMatching(new RegExp(`^error: ${name}: `)),
      ...Object.keys(skew).map((n) => expect.stringMatching(new RegExp(`^error: ${n}: `))),
    ]);
  });

  it('fails node-pools on its own: the services pool has nodes but none Ready', async () => {
    // The services labels are on a Ready node outside the pools, so node-labels still finds them.
    api.seed(
      node('s-1', 'services', { ready: false }),
      node('w-1', 'workspaces'),
      fakeNode({ name: 'x-1', labels: { [GKE_POOL]: 'system', ...POOL_LABELS.services } }),
    );
    const config = gcpConfig({ 'fail-on-drift': 'false' });
    const { io, report } = await run(config, conformantCloud(config, api));
    expect(status(report as Report)).toEqual({ ...ALL_OK, 'node-pools': 'ERROR' });
    expect(io.lines).toContain(
      'error: node-pools: the services role has no Ready node (pool workload-services: 1 node(s), none Ready) (and 1 more)',
    );
    expect(io.outputs['summary-markdown']).toContain(
      'services["services pool workload-services<br/>1 node(s), 0 Ready',
    );
  });

  it('needs a Ready node in each role, and warns about a not-Ready node when its pool has Ready ones', async () => {
    api.seed(
      node('s-1', 'services'),
      node('s-2', 'services', { ready: false }),
      node('w-1', 'workspaces', { ready: false }),
      fakeNode({ name: 'x-1', labels: { [GKE_POOL]: 'default-pool' } }),
    );
    const config = gcpConfig({ 'fail-on-drift': 'false' });
    const { report } = await run(config, conformantCloud(config, api));
    const pools = (report as Report).items.find((i) => i.name === 'node-pools')!;
    expect(pools.status).toBe('ERROR');
    expect(pools.errors).toEqual(
      expect.arrayContaining([
        {
          type: 'ERROR',
          message: 'the workspaces role has no Ready node (pool workload-workspaces: 1 node(s), none Ready)',
        },
        {
          type: 'WARNING',
          node: 's-2',
          message: 's-2 (services pool) is not Ready; the pool has 1 other Ready node(s)',
        },
        { type: 'WARNING', message: '1 node(s) outside both Gitpod pools: x-1' },
      ]),
    );
    expect(pools.errors).toHaveLength(3);
    // No Ready node carries the workspaces labels any more either.
    expect((report as Report).items.find((i) => i.name === 'node-labels')!.errors.map((e) => e.message)).toContain(
      'no Ready node carries gitpod.io/workload_workspace_regular=true',
    );
  });

  it('demands the extra labels on their pool', async () => {
    api.seed(node('s-1', 'services'), node('w-1', 'workspaces'));
    const config = gcpConfig({
      'workspaces-extra-labels': 'gitpod.io/workload_services=true',
      'fail-on-drift': 'false',
    });
    const { report } = await run(config, conformantCloud(config, api));
    expect((report as Report).items.find((i) => i.name === 'node-labels')!.errors[0]!.message).toBe(
      'w-1 (workspaces pool) lacks gitpod.io/workload_services=true',
    );
  });

  it('lists 1,234 nodes in 3 pages of 500, following the continue token', async () => {
    api.seed(
      ...Array.from({ length: 1234 }, (_, i) =>
        node(`n-${String(i).padStart(4, '0')}`, i % 2 ? 'workspaces' : 'services'),
      ),
    );
    const config = gcpConfig();
    const { io, report } = await run(config, conformantCloud(config, api));
    const lists = api.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/nodes');
    expect(lists.map((r) => [r.query.get('limit'), r.query.get('continue')])).toEqual([
      ['500', null],
      ['500', '500'],
      ['500', '1000'],
    ]);
    expect((report as Report).nodeCounts).toEqual({ services: 617, workspaces: 617, other: 0 });
    const full = JSON.parse(readFileSync(io.outputs['report-file']!, 'utf8')) as Report;
    expect(new Set(full.nodes.map((n) => n.name)).size).toBe(1234);
    expect(io.lines).toContain('… 1000 nodes checked');
  });

  it('keeps summary and Markdown bounded on 5,000 nodes that all fail, with every node in the report file', async () => {
    const long = 'gke-gitpod-workload-workspaces-0123456789abcdef';
    api.seed(
      ...Array.from({ length: 5000 }, (_, i) =>
        node(`${long}-${String(i).padStart(4, '0')}`, i % 2 ? 'workspaces' : 'services', {
          pods: 32,
          providerID: `gce://proj-123456/us-central1-a/${long}-${i}`,
        }),
      ),
    );
    const config = gcpConfig({ 'fail-on-drift': 'false' });
    const { io, report } = await run(config, conformantCloud(config, api));
    expect(api.requests.filter((r) => r.path === '/api/v1/nodes')).toHaveLength(10);
    const summary = io.outputs.summary!;
    expect(Buffer.byteLength(summary)).toBeLessThan(600 * 1024); // GitHub's limit is 1 MB per output
    const parsed = JSON.parse(summary) as Report;
    expect(parsed.nodeCounts).toEqual({ services: 2500, workspaces: 2500, other: 0 });
    expect(parsed.nodes.length).toBeGreaterThan(500);
    expect(parsed.nodes.length + parsed.failingNodesOmitted!).toBe(5000);
    expect(parsed.items.find((i) => i.name === 'max-pods')!.errors).toHaveLength(101);
    expect(Buffer.byteLength(io.outputs['summary-markdown']!)).toBeLessThan(300 * 1024); // job summary: 1 MiB
    expect(io.outputs['summary-markdown']).toContain('100 of 5000 shown');
    const full = JSON.parse(readFileSync(io.outputs['report-file']!, 'utf8')) as Report;
    expect(full.nodes).toHaveLength(5000);
    expect(full.nodes.every((n) => n.verdict === 'ERROR')).toBe(true);
    expect(full.items.find((i) => i.name === 'max-pods')!.errors).toHaveLength(5000);
    expect((report as Report).status).toBe('ERROR');
    expect(io.lines).toContain(
      `error: max-pods: ${long}-0000 can run 32 pods (status.capacity.pods), fewer than max-pods 110 (and 4999 more)`,
    );
  });

  it('sorts mixed pools on GKE: swapped labels, a third pool, a node without a pool label', async () => {
    api.seed(
      node('s-1', 'services'),
      // In the services pool, but labelled like a workspaces node.
      fakeNode({ name: 's-2', labels: { [GKE_POOL]: 'workload-services', ...POOL_LABELS.workspaces } }),
      node('w-1', 'workspaces'),
      fakeNode({ name: 'd-1', labels: { [GKE_POOL]: 'default-pool' } }),
      fakeNode({ name: 'd-2', labels: { [GKE_POOL]: 'default-pool' }, ready: false }),
      fakeNode({ name: 'bare' }),
    );
    const config = gcpConfig({ 'fail-on-drift': 'false' });
    const { io, report } = await run(config, conformantCloud(config, api));
    const r = report as Report;
    expect(r.nodeCounts).toEqual({ services: 2, workspaces: 1, other: 3 });
    expect(status(r)).toEqual({ ...ALL_OK, 'node-labels': 'ERROR', 'node-pools': 'WARNING' });
    expect(r.items.find((i) => i.name === 'node-labels')!.errors).toEqual([
      {
        type: 'ERROR',
        node: 's-2',
        message:
          's-2 (services pool) lacks gitpod.io/workload_meta=true, gitpod.io/workload_ide=true, gitpod.io/workload_services=true',
      },
    ]);
    expect(r.items.find((i) => i.name === 'node-pools')!.errors).toEqual([
      { type: 'WARNING', message: '3 node(s) outside both Gitpod pools (1 not Ready): d-1, d-2, bare' },
    ]);
    const summary = JSON.parse(io.outputs.summary!) as Report;
    expect(summary.nodes.map((n) => [n.name, n.pool, n.verdict])).toEqual([
      ['s-2', 'services', 'ERROR'],
      ['d-1', 'other', 'WARNING'],
      ['d-2', 'other', 'WARNING'],
      ['bare', 'other', 'WARNING'],
      ['s-1', 'services', 'OK'],
      ['w-1', 'workspaces', 'OK'],
    ]);
    expect(io.outputs['summary-markdown']).toContain(
      'other["outside both pools<br/>3 node(s), 2 Ready<br/>⚠️ WARNING"]',
    );
  });

  it('fails the step only after every output is written, and not at all with fail-on-drift false', async () => {
    api.seed(node('s-1', 'services'), node('w-1', 'workspaces', { pods: 16 }));
    const strict = gcpConfig();
    const failed = await run(strict, conformantCloud(strict, api));
    expect((failed.report as Error).message).toMatch(/^verification failed: max-pods ended in ERROR/);
    expect(Object.keys(failed.io.outputs).sort()).toEqual([
      'drift',
      'report-file',
      'summary',
      'summary-markdown',
      'verified',
    ]);
    expect(failed.io.summary.join('')).toContain('❌');
    const lenient = gcpConfig({ 'fail-on-drift': 'false' });
    const passed = await run(lenient, conformantCloud(lenient, api));
    expect(passed.report).not.toBeInstanceOf(Error);
    expect(passed.report).toMatchObject({ status: 'ERROR' });
    expect(passed.io.outputs.verified).toBe('false');
    expect(passed.io.lines).toContain(
      'error: max-pods: w-1 can run 16 pods (status.capacity.pods), fewer than max-pods 110',
    );
  });

  it('names a cluster the cloud does not know', async () => {
    const config = gcpConfig();
    const cloud = conformantCloud(config, api, (o) => (o.found = false));
    const { report } = await run(config, cloud);
    expect((report as Error).message).toBe(
      'GKE cluster gitpod not found in project proj-123456, region us-central1: check cluster-name, region and project',
    );
    expect(api.requests).toEqual([]); // nothing asked of the Kubernetes API
    const eks = configOf({ provider: 'aws', region: 'eu-west-1', command: 'verify' });
    const none: ProviderCloud = {
      observe: async () => ({ found: false, pools: [], network: {} }),
      kubeAccess: async () => api.access(),
      versions: supported,
    };
    await expect(verify(eks, fakeIO(), { cloud: none })).rejects.toThrow(
      'EKS cluster gitpod not found in region eu-west-1: check cluster-name, region',
    );
  });

  it('uses the kubeconfig input instead of the cloud credentials', async () => {
    api.seed(node('s-1', 'services'), node('w-1', 'workspaces'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-'));
    const config = gcpConfig({ kubeconfig: await api.writeKubeconfig(dir) });
    const cloud = conformantCloud(config, api);
    cloud.kubeAccess = async () => {
      throw new Error('kubeAccess must not be called when a kubeconfig is given');
    };
    const { report } = await run(config, cloud);
    expect((report as Report).status).toBe('OK');
    expect(cloud.calls).toBe(1); // the node pools still come from the cloud API
  });

  it('never writes the bearer token to a log line, an output or the summary', async () => {
    api.seed(node('s-1', 'services'), node('w-1', 'workspaces'));
    const config = gcpConfig();
    const { io } = await run(config, conformantCloud(config, api));
    const everything = [
      ...io.lines,
      ...Object.values(io.outputs),
      ...io.summary,
      readFileSync(io.outputs['report-file']!, 'utf8'),
    ].join('\n');
    expect(everything).not.toContain(api.token);
  });

  it('sorts EKS nodes by the managed nodegroup label or eksctl’s own, and skips the network reads for vpc-cni', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'verify-'));
    const config = configOf(
      { provider: 'aws', region: 'eu-west-1', command: 'verify', network: 'vpc-cni', 'fail-on-drift': 'false' },
      { RUNNER_TEMP: tmp },
    );
    api.seed(
      fakeNode({ name: 's-1', labels: { 'eks.amazonaws.com/nodegroup': 'services', ...POOL_LABELS.services } }),
      fakeNode({
        name: 'w-1',
        labels: { 'alpha.eksctl.io/nodegroup-name': 'workspaces', ...POOL_LABELS.workspaces },
      }),
      fakeNode({ name: 'w-2', labels: { 'alpha.eksctl.io/nodegroup-name': 'workspaces' }, pods: 58 }),
      fakeNode({ name: 'x-1', labels: { 'eks.amazonaws.com/nodegroup': 'ng-batch' } }),
    );
    const cloud: ProviderCloud = {
      observe: async () => ({
        found: true,
        pools: (['services', 'workspaces'] as const).map((role) => ({
          name: role,
          role,
          labels: { ...POOL_LABELS[role] },
          machineType: config.pools[role].machineType,
          minNodes: config.pools[role].minNodes,
          maxNodes: config.pools[role].maxNodes,
          image: 'CUSTOM',
        })),
        network: {},
      }),
      kubeAccess: async () => api.access(),
      versions: supported,
    };
    const report = await verify(config, fakeIO(), { cloud, now: () => NOW });
    expect(report.nodeCounts).toEqual({ services: 1, workspaces: 2, other: 1 });
    expect(status(report)).toEqual({ ...ALL_OK, 'node-labels': 'ERROR', 'max-pods': 'ERROR', 'node-pools': 'WARNING' });
    expect(report.items.find((i) => i.name === 'max-pods')!.errors.map((e) => e.node)).toEqual(['w-2']);
    expect(api.requests.some((r) => r.path.includes('daemonsets') || r.path.includes('tigera'))).toBe(false);
  });

  it('turns a refused Kubernetes API into one clear line without the token', async () => {
    api.failNext((r) => r.path === '/api/v1/nodes', 403);
    const config = gcpConfig();
    const { io, report } = await run(config, conformantCloud(config, api));
    const message = (report as Error).message;
    expect(message).toMatch(/^list nodes: Kubernetes API answered 403/);
    expect(message).not.toContain('\n');
    expect(message).not.toContain(api.token);
    expect(io.outputs).toEqual({});
    expect(readdirSync(config.tempDir)).toEqual([]); // no half-written node list left behind
  });

  it('checks the Calico network on EKS through the cluster', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'verify-'));
    const config = configOf(
      { provider: 'aws', region: 'eu-west-1', command: 'verify', 'fail-on-drift': 'false' },
      { RUNNER_TEMP: tmp },
    );
    const ng = 'eks.amazonaws.com/nodegroup';
    api.seed(
      fakeNode({ name: 's-1', labels: { [ng]: 'services', ...POOL_LABELS.services }, kernel: '6.8.0-1021-aws' }),
      fakeNode({ name: 'w-1', labels: { [ng]: 'workspaces', ...POOL_LABELS.workspaces } }),
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'aws-node', namespace: 'kube-system' } },
    );
    const cloud: ProviderCloud = {
      observe: async () => ({
        found: true,
        pools: (['services', 'workspaces'] as const).map((role) => ({
          name: role,
          role,
          labels: { ...POOL_LABELS[role] },
          machineType: config.pools[role].machineType,
          minNodes: config.pools[role].minNodes,
          maxNodes: config.pools[role].maxNodes,
          image: 'CUSTOM',
        })),
        network: {},
      }),
      kubeAccess: async () => api.access(),
      versions: supported,
    };
    const report = await verify(config, fakeIO(), {
      cloud,
      now: () => NOW,
      kube: await connectKube(api.access(), memoryLogger()),
    });
    expect(status(report)).toEqual({ ...ALL_OK, network: 'ERROR' });
    expect(report.items.find((i) => i.name === 'network')!.errors.map((e) => e.message)).toEqual([
      'the AWS VPC CNI daemonset kube-system/aws-node is still present',
      'no Calico Installation named default (operator.tigera.io/v1)',
    ]);
    const vpc = { ...config, network: 'vpc-cni' as const };
    expect(
      status(
        await verify(vpc, fakeIO(), { cloud, now: () => NOW, kube: await connectKube(api.access(), memoryLogger()) }),
      ).network,
    ).toBe('OK');
  });
});
