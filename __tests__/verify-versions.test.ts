/**
 * `version-support` and `version-skew` on each cloud's fakes, through the action's real clients: GKE's
 * fetchClusterUpgradeInfo / fetchNodePoolUpgradeInfo over @google-cloud/container (REST) against the FAKE
 * GKE API, EKS's DescribeClusterVersions / DescribeCluster over the AWS SDK against the FAKE EKS API, the
 * kubelets from the FAKE Kubernetes API. The support dates are the fakes' data; the clock is injected.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectKube } from '../src/clients/kube.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { gcpCloud } from '../src/providers/gcp/cloud.js';
import { verify } from '../src/commands/verify.js';
import type { Config } from '../src/inputs.js';
import { memoryLogger } from '../src/log.js';
import { POOL_LABELS } from '../src/reference.js';
import type { CheckItem, Report } from '../src/verify/types.js';
import { configOf, fakeIO } from './fixtures.js';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../src/clients/kube.js';
import { OPERATOR_CRDS } from './fakes/calico-manifests.js';
import { epochSeconds } from './fakes/eks-api.js';
import { FakeGcpApi } from './fakes/gcp-api.js';
import { FakeKubeApi, fakeNode } from './fakes/kube-api.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

const at = (iso: string) => () => Date.parse(iso);
const find = (r: Report, name: string) => r.items.find((i) => i.name === name)!;
const messages = (i: CheckItem) => i.errors.map((e) => `${e.type}: ${e.message}`);

describe('GKE: version-support and version-skew (FAKE GKE and Kubernetes APIs)', () => {
  let gcp: FakeGcpApi;
  let kube: FakeKubeApi;
  let env: Record<string, string>;
  let config: Config;

  beforeAll(async () => {
    gcp = await FakeGcpApi.start({
      versions: ['1.34.1-gke.1100000', '1.33.5-gke.1201000', '1.32.9-gke.1108000'],
      support: {
        '1.30': { standard: '2025-09-30T00:00:00Z', extended: '2026-09-30T00:00:00Z' },
        '1.32': { standard: '2027-01-17T00:00:00Z', extended: '2028-01-17T00:00:00Z' },
        '1.34': { standard: '2027-11-02T00:00:00Z', extended: '2028-11-02T00:00:00Z' },
      },
    });
    kube = await FakeKubeApi.start({ token: gcp.token, version: 'v1.32.9-gke.1108000' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verify-versions-'));
    env = gcp.gcloudEnv(dir);
    config = configOf(
      {
        provider: 'gcp',
        project: gcp.opts.project,
        region: gcp.opts.region,
        command: 'verify',
        'fail-on-drift': 'false',
      },
      { RUNNER_TEMP: dir },
    );
    gcp.seedCluster({
      name: 'gitpod',
      initialClusterVersion: '1.32',
      networkPolicy: { enabled: true },
      nodePools: (['services', 'workspaces'] as const).map((role) => ({
        name: config.pools[role].name,
        config: { labels: { ...POOL_LABELS[role] } },
      })),
    });
  });
  afterAll(async () => {
    await gcp.close();
    await kube.close();
  });
  beforeEach(() => {
    kube.forget('v1', 'Node');
    kube.version = 'v1.32.9-gke.1108000';
  });

  function seedNodes(kubelets: Record<'services' | 'workspaces', string>) {
    for (const role of ['services', 'workspaces'] as const) {
      const name = config.pools[role].name;
      kube.seed(
        fakeNode({
          name: `${name}-0`,
          kubelet: kubelets[role],
          labels: { ...POOL_LABELS[role], 'cloud.google.com/gke-nodepool': name },
        }),
      );
    }
  }

  async function run(now: () => number) {
    const io = fakeIO();
    const before = gcp.mutations().length;
    const client = await connectKube(kube.access(), memoryLogger());
    const report = await verify(config, io, { cloud: gcpCloud(config, io.log, { env }), kube: client, now });
    expect(gcp.mutations().length).toBe(before); // read-only
    expect(kube.mutations()).toEqual([]);
    return { report, io };
  }

  it('a current cluster is OK, and the report shows the dates counted from the clock', async () => {
    seedNodes({ services: 'v1.32.9-gke.1108000', workspaces: 'v1.32.9-gke.1108000' });
    const { report, io } = await run(at('2026-07-01T09:30:00Z'));
    expect(find(report, 'version-support')).toMatchObject({
      status: 'OK',
      description:
        'Kubernetes 1.32: standard support ends in 200 days, on 2027-01-17; extended support ends in 565 days, on 2028-01-17',
    });
    expect(find(report, 'version-skew').status).toBe('OK');
    expect(io.outputs['summary-markdown']).toContain('standard support ends in 200 days, on 2027-01-17');
    expect(io.summary.join('')).toContain('standard support ends in 200 days, on 2027-01-17');
    expect(
      JSON.parse(io.outputs.summary!)
        .items.map((i: CheckItem) => i.name)
        .slice(-2),
    ).toEqual(['version-support', 'version-skew']);
    // GKE was asked through its upgrade-info method, by the cluster's full name.
    expect(gcp.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'GET /v1/projects/fake-project/locations/us-central1/clusters/gitpod:fetchClusterUpgradeInfo',
    );
  });

  it('past standard support: a WARNING with the date and GKE’s auto-upgrade target', async () => {
    seedNodes({ services: 'v1.32.9-gke.1108000', workspaces: 'v1.32.9-gke.1108000' });
    const { report, io } = await run(at('2027-02-01T00:00:00Z'));
    const item = find(report, 'version-support');
    expect(item.status).toBe('WARNING');
    expect(messages(item)).toEqual([
      'WARNING: the control plane (Kubernetes 1.32.9-gke.1108000) is in extended support: standard support ended 15 days ago, on 2027-01-17; extended support ends in 350 days, on 2028-01-17; GKE auto-upgrade ACTIVE, next target 1.33.5-gke.1201000',
    ]);
    expect(io.outputs['summary-markdown']).toContain('standard support ended 15 days ago, on 2027-01-17');
  });

  it('within 90 days of the end of standard support: a WARNING, in the report and the Markdown', async () => {
    seedNodes({ services: 'v1.32.9-gke.1108000', workspaces: 'v1.32.9-gke.1108000' });
    const { report, io } = await run(at('2026-12-07T09:30:00Z'));
    const line =
      'the control plane (Kubernetes 1.32.9-gke.1108000): standard support ends in 41 days, on 2027-01-17; extended support ends in 406 days, on 2028-01-17; GKE auto-upgrade ACTIVE, next target 1.33.5-gke.1201000';
    expect(messages(find(report, 'version-support'))).toEqual([`WARNING: ${line}`]);
    expect(io.outputs['summary-markdown']).toContain(line);
    expect(JSON.parse(io.outputs.summary!).items.find((i: CheckItem) => i.name === 'version-support').errors).toEqual([
      { type: 'WARNING', message: line },
    ]);
    expect(io.lines).toContain(`warning: version-support: ${line}`);
  });

  it('past all support: an ERROR', async () => {
    seedNodes({ services: 'v1.32.9-gke.1108000', workspaces: 'v1.32.9-gke.1108000' });
    const { report, io } = await run(at('2028-02-01T00:00:00Z'));
    const item = find(report, 'version-support');
    expect(item.status).toBe('ERROR');
    expect(messages(item)[0]).toMatch(
      /^ERROR: the control plane \(Kubernetes 1\.32\.9-gke\.1108000\) is past the end of all support: standard support ended 380 days ago, on 2027-01-17; extended support ended 15 days ago, on 2028-01-17$/,
    );
    expect(io.outputs.verified).toBe('false');
  });

  it('a pool two minors behind: WARNING; a kubelet four minors behind: ERROR; a pool past all support: ERROR', async () => {
    const cluster = gcp.cluster('gitpod')!;
    const pools = cluster.nodePools as { name: string; version: string }[];
    cluster.currentMasterVersion = '1.34.1-gke.1100000';
    pools[0]!.version = '1.32.9-gke.1108000';
    pools[1]!.version = '1.30.14-gke.1000';
    kube.version = 'v1.34.1-gke.1100000';
    seedNodes({ services: 'v1.32.9-gke.1108000', workspaces: 'v1.30.14-gke.1000' });
    try {
      const { report } = await run(at('2026-12-07T00:00:00Z'));
      const skew = find(report, 'version-skew');
      expect(skew.status).toBe('ERROR');
      expect(messages(skew)).toEqual([
        'WARNING: pool workload-services runs 1.32.9-gke.1108000, 2 minors behind the control plane 1.34.1-gke.1100000: upgrade it before the next control-plane upgrade',
        'ERROR: pool workload-workspaces runs 1.30.14-gke.1000, 4 minors behind the control plane 1.34.1-gke.1100000: the skew policy allows 3',
        'ERROR: workload-workspaces-0 runs kubelet v1.30.14-gke.1000, 4 minors behind the API server v1.34.1-gke.1100000: the skew policy allows 3',
        'WARNING: 1 node(s) run kubelets 2 or more minors behind the API server v1.34.1-gke.1100000: workload-services-0 (v1.32.9-gke.1108000)',
      ]);
      const support = find(report, 'version-support');
      expect(support.description).toBe(
        'Kubernetes 1.34: standard support ends in 330 days, on 2027-11-02; extended support ends in 696 days, on 2028-11-02',
      );
      // The 1.30 pool's window came from its own upgrade info (fetchNodePoolUpgradeInfo).
      expect(messages(support)).toEqual([
        'WARNING: pool workload-services (Kubernetes 1.32.9-gke.1108000): standard support ends in 41 days, on 2027-01-17; extended support ends in 406 days, on 2028-01-17',
        'ERROR: pool workload-workspaces (Kubernetes 1.30.14-gke.1000) is past the end of all support: standard support ended 433 days ago, on 2025-09-30; extended support ended 68 days ago, on 2026-09-30',
      ]);
      expect(report.nodes.find((n) => n.name === 'workload-workspaces-0')!.verdict).toBe('ERROR');
      expect(report.nodes.find((n) => n.name === 'workload-services-0')!.verdict).toBe('WARNING');
    } finally {
      cluster.currentMasterVersion = '1.32.9-gke.1108000';
      for (const p of pools) p.version = '1.32.9-gke.1108000';
    }
  });

  it('a kubelet newer than the API server: ERROR', async () => {
    seedNodes({ services: 'v1.33.5-gke.1201000', workspaces: 'v1.32.9-gke.1108000' });
    const { report } = await run(at('2026-12-07T00:00:00Z'));
    expect(messages(find(report, 'version-skew'))).toEqual([
      'ERROR: workload-services-0 runs kubelet v1.33.5-gke.1201000, newer than the API server v1.32.9-gke.1108000',
    ]);
  });
});

describe('EKS: version-support and version-skew (FAKE EKS and Kubernetes APIs)', () => {
  let world: AwsWorld;
  beforeEach(async () => {
    world = await startAwsWorld();
    world.eks.versions = [
      {
        clusterVersion: '1.29',
        versionStatus: 'UNSUPPORTED',
        endOfStandardSupportDate: epochSeconds('2025-03-23'),
        endOfExtendedSupportDate: epochSeconds('2026-03-23'),
      },
      {
        clusterVersion: '1.31',
        versionStatus: 'EXTENDED_SUPPORT',
        endOfStandardSupportDate: epochSeconds('2026-11-26'),
        endOfExtendedSupportDate: epochSeconds('2027-11-26'),
      },
      {
        clusterVersion: '1.33',
        versionStatus: 'STANDARD_SUPPORT',
        endOfStandardSupportDate: epochSeconds('2027-07-29'),
        endOfExtendedSupportDate: epochSeconds('2028-07-29'),
      },
    ];
  });
  afterEach(() => world.close());

  /** A cluster as EKS would show it, with both nodegroups at `pools` and one node each at their kubelet. */
  function seed(version: string, pools: string, kubelet: string, supportType?: 'STANDARD' | 'EXTENDED') {
    world.kube.version = `v${version}.4-eks-1234`;
    world.eks.clusters.set('gitpod', {
      name: 'gitpod',
      status: 'ACTIVE',
      version,
      endpoint: world.kube.url,
      caData: Buffer.from('FAKE CA').toString('base64'),
      ...(supportType ? { supportType } : {}),
    });
    const config = world.config();
    for (const role of ['services', 'workspaces'] as const) {
      const p = config.pools[role];
      world.eks.nodegroups.set(`gitpod/${p.name}`, {
        nodegroupName: p.name,
        clusterName: 'gitpod',
        status: 'ACTIVE',
        labels: { ...p.labels },
        instanceTypes: [p.machineType],
        scalingConfig: { minSize: p.minNodes, maxSize: p.maxNodes, desiredSize: p.minNodes },
        amiType: 'CUSTOM',
        version: pools,
      });
      world.kube.seed(
        fakeNode({ name: `${p.name}-0`, kubelet, labels: { ...p.labels, 'eks.amazonaws.com/nodegroup': p.name } }),
      );
    }
  }

  async function verifyAt(iso: string) {
    const config = world.config({ command: 'verify', 'fail-on-drift': 'false', network: 'vpc-cni' });
    const io = fakeIO();
    const kube = await connectKube(world.kube.access(), memoryLogger());
    const report = await verify(config, io, { cloud: awsCloud(config, io.log), kube, now: at(iso) });
    expect(world.eks.writes()).toEqual([]);
    return { report, io };
  }

  it('a current cluster is OK, with the dates', async () => {
    seed('1.33', '1.33', 'v1.33.4-eks-1234');
    const { report } = await verifyAt('2026-12-07T00:00:00Z');
    expect(find(report, 'version-support')).toMatchObject({
      status: 'OK',
      description:
        'Kubernetes 1.33: standard support ends in 234 days, on 2027-07-29; extended support ends in 600 days, on 2028-07-29',
    });
    expect(find(report, 'version-skew').status).toBe('OK');
    // DescribeClusterVersions asked for the cluster's minors, unsupported ones included.
    const asked = world.eks.requests.find((r) => r.action === 'DescribeClusterVersions');
    expect(asked).toBeDefined();
  });

  it('past standard support on the EXTENDED policy: a WARNING with the date and what extended support costs', async () => {
    seed('1.31', '1.31', 'v1.31.9-eks-1234', 'EXTENDED');
    const { report, io } = await verifyAt('2026-12-07T00:00:00Z');
    expect(messages(find(report, 'version-support'))).toEqual([
      'WARNING: the control plane (Kubernetes 1.31) is in extended support: standard support ended 11 days ago, on 2026-11-26; extended support ends in 354 days, on 2027-11-26; EKS bills extended support at $0.60 per cluster-hour instead of $0.10 (about $438 instead of $73 a month); upgrade to leave it',
    ]);
    expect(io.outputs['summary-markdown']).toContain('$0.60 per cluster-hour');
  });

  it('within 90 days on the STANDARD policy: a WARNING saying EKS upgrades it by itself', async () => {
    seed('1.33', '1.33', 'v1.33.4-eks-1234', 'STANDARD');
    const { report } = await verifyAt('2027-06-01T00:00:00Z');
    expect(messages(find(report, 'version-support'))).toEqual([
      'WARNING: the control plane (Kubernetes 1.33): standard support ends in 58 days, on 2027-07-29; extended support ends in 424 days, on 2028-07-29; the upgrade policy is STANDARD: EKS upgrades the control plane by itself at the end of standard support',
    ]);
  });

  it('an UNSUPPORTED version: an ERROR (listed by EKS only with includeAll)', async () => {
    seed('1.29', '1.29', 'v1.29.15-eks-1234');
    const { report, io } = await verifyAt('2026-12-07T00:00:00Z');
    const item = find(report, 'version-support');
    expect(item.status).toBe('ERROR');
    expect(messages(item)).toEqual([
      'ERROR: the control plane (Kubernetes 1.29) is past the end of all support: standard support ended 624 days ago, on 2025-03-23; extended support ended 259 days ago, on 2026-03-23',
    ]);
    expect(io.outputs.verified).toBe('false');
  });

  it('nodegroups four minors behind: ERROR, and the kubelets with them', async () => {
    seed('1.33', '1.29', 'v1.29.15-eks-1234');
    const { report } = await verifyAt('2026-12-07T00:00:00Z');
    const skew = find(report, 'version-skew');
    expect(skew.status).toBe('ERROR');
    expect(messages(skew)).toEqual([
      'ERROR: pool services runs 1.29, 4 minors behind the control plane 1.33: the skew policy allows 3',
      'ERROR: pool workspaces runs 1.29, 4 minors behind the control plane 1.33: the skew policy allows 3',
      'ERROR: services-0 runs kubelet v1.29.15-eks-1234, 4 minors behind the API server v1.33.4-eks-1234: the skew policy allows 3',
      'ERROR: workspaces-0 runs kubelet v1.29.15-eks-1234, 4 minors behind the API server v1.33.4-eks-1234: the skew policy allows 3',
    ]);
  });

  it('Calico older than the pinned release: a WARNING naming both and the supported lines', async () => {
    seed('1.33', '1.33', 'v1.33.4-eks-1234');
    // What apply leaves: the operator's CRDs (so the Installation kind is served), aws-node gone.
    world.kube.seed(...(parseAllDocuments(OPERATOR_CRDS).map((d) => d.toJS()) as KubeObject[]));
    world.kube.seed({
      apiVersion: 'operator.tigera.io/v1',
      kind: 'Installation',
      metadata: { name: 'default' },
      spec: {},
      status: { calicoVersion: 'v3.28.2' },
    });
    const config = world.config({ command: 'verify', 'fail-on-drift': 'false' });
    const io = fakeIO();
    const kube = await connectKube(world.kube.access(), memoryLogger());
    const report = await verify(config, io, { cloud: awsCloud(config, io.log), kube, now: at('2026-12-07T00:00:00Z') });
    expect(messages(find(report, 'version-support'))).toEqual([
      'WARNING: Calico v3.28.2 runs, older than the pinned v3.32.1, and outside the supported release lines (v3.32, v3.31: Calico supports the two newest minors); apply upgrades it',
    ]);
  });
});
