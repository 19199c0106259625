/**
 * The verify building blocks as plain functions: version parsing, pool membership, each node check on
 * its own, the cloud-side comparison for both clouds, the network check, and the report's bounds.
 * No server, no file except the report sink's temp file.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudObservation } from '../src/providers/types.js';
import type { Config } from '../src/inputs.js';
import { AWS, GCP, POOL_LABELS } from '../src/reference.js';
import {
  NodeChecks,
  containerRuntimeCheck,
  kernelVersionCheck,
  kubernetesVersionCheck,
  maxPodsCheck,
  nodeLabelsCheck,
  nodePoolsCheck,
} from '../src/verify/checks.js';
import { checkCloudConfig } from '../src/verify/cloud-config.js';
import { checkNetwork } from '../src/verify/network.js';
import { poolOf, runtimeName, toNodeInfo } from '../src/verify/nodes.js';
import {
  FAILING_NODES_BUDGET,
  MARKDOWN_BUDGET,
  NodeSink,
  buildReport,
  mermaid,
  reportMarkdown,
} from '../src/verify/report.js';
import type { NodeInfo } from '../src/verify/types.js';
import { atLeast, parseVersion } from '../src/verify/versions.js';
import { fakeNode } from './fakes/kube-api.js';
import { configOf } from './fixtures.js';

const gcp = (extra = {}) => configOf({ provider: 'gcp', project: 'proj-123456', region: 'us-central1', ...extra });
const aws = (extra = {}) => configOf({ provider: 'aws', region: 'eu-west-1', ...extra });

/** A NodeInfo as toNodeInfo makes it from a fake Node in the given GKE pool. */
function gkeNode(
  config: Config,
  name: string,
  role: 'services' | 'workspaces' | 'default-pool',
  over: Partial<Parameters<typeof fakeNode>[0]> = {},
): NodeInfo {
  const pool = role === 'default-pool' ? role : config.pools[role].name;
  const labels = role === 'default-pool' ? {} : POOL_LABELS[role];
  return toNodeInfo(config, fakeNode({ name, labels: { [GCP.nodePoolLabel]: pool, ...labels }, ...over }));
}

describe('version parsing', () => {
  it.each([
    ['5.15.0-1049-gke', 'ok'],
    ['5.4.0-1078-gke', 'ok'],
    ['6.8.0-1015-aws', 'ok'],
    ['5.4', 'ok'],
    ['5.3.18-150300.59.93-default', 'below'],
    ['4.14.200', 'below'],
    ['4.14.200-116.320.amzn2.x86_64', 'below'],
    ['', 'unparsed'],
    ['linux', 'unparsed'],
  ])('kernel %j against 5.4 is %s', (kernel, verdict) => {
    expect(atLeast(kernel, '5.4')).toBe(verdict);
  });

  it.each([
    ['v1.33.2-gke.1000', [1, 33, 2]],
    ['v1.30.1-eks-abc', [1, 30, 1]],
    ['v1.21.14-eks-48e63af', [1, 21, 14]],
    ['1.22', [1, 22, 0]],
  ])('Kubernetes version %j parses as %j', (text, want) => {
    expect(parseVersion(text)).toEqual(want);
  });

  it('compares numerically, not as text (1.100 is above 1.21, 1.9 below)', () => {
    expect(atLeast('v1.100.0', '1.21')).toBe('ok');
    expect(atLeast('v1.9.11', '1.21')).toBe('below');
    expect(atLeast('v1.20.15-eks-1', '1.21')).toBe('below');
  });
});

describe('pool membership from the providers’ node labels', () => {
  it('maps GKE pool names to roles and everything else to other', () => {
    const c = gcp();
    expect(poolOf(c, { 'cloud.google.com/gke-nodepool': 'workload-services' })).toBe('services');
    expect(poolOf(c, { 'cloud.google.com/gke-nodepool': 'workload-workspaces' })).toBe('workspaces');
    expect(poolOf(c, { 'cloud.google.com/gke-nodepool': 'default-pool' })).toBe('other');
    // The EKS label means nothing on GKE, and a Gitpod label alone does not make a node a pool member.
    expect(poolOf(c, { 'eks.amazonaws.com/nodegroup': 'services', 'gitpod.io/workload_meta': 'true' })).toBe('other');
  });

  it('maps EKS managed nodegroups and eksctl’s own label', () => {
    const c = aws();
    expect(poolOf(c, { 'eks.amazonaws.com/nodegroup': 'services' })).toBe('services');
    expect(poolOf(c, { 'alpha.eksctl.io/nodegroup-name': 'workspaces' })).toBe('workspaces');
    expect(poolOf(c, { 'eks.amazonaws.com/nodegroup': 'ng-system' })).toBe('other');
    expect(poolOf(c, { 'cloud.google.com/gke-nodepool': 'services' })).toBe('other');
  });

  it('reads the reference document’s custom columns from a Node', () => {
    const c = aws();
    const info = toNodeInfo(
      c,
      fakeNode({
        name: 'ip-10-0-1-2.eu-west-1.compute.internal',
        labels: { 'eks.amazonaws.com/nodegroup': 'services' },
        runtime: 'containerd://1.7.12',
        pods: 110,
        kernel: '6.8.0-1021-aws',
        osImage: 'Ubuntu 24.04.1 LTS',
        kubelet: 'v1.30.1-eks-abc',
        providerID: 'aws:///eu-west-1a/i-0abc',
        ready: false,
      }),
    );
    expect(info).toMatchObject({
      name: 'ip-10-0-1-2.eu-west-1.compute.internal',
      pool: 'services',
      runtime: 'containerd://1.7.12',
      maxPods: 110,
      kernel: '6.8.0-1021-aws',
      osImage: 'Ubuntu 24.04.1 LTS',
      kubelet: 'v1.30.1-eks-abc',
      providerID: 'aws:///eu-west-1a/i-0abc',
      ready: false,
    });
    expect(runtimeName('containerd://1.7.12')).toBe('containerd');
    expect(runtimeName('docker://20.10.7')).toBe('docker');
  });
});

describe('each node check on its own', () => {
  const c = gcp();

  it('node-labels: per pool, and flags the reference document’s own GCP labels on both pools', () => {
    const check = nodeLabelsCheck(c);
    // The document's gcloud commands: workload_workspace_services on the services pool, missing on workspaces.
    const s = gkeNode(c, 's-1', 'services', {
      labels: {
        [GCP.nodePoolLabel]: 'workload-services',
        'gitpod.io/workload_meta': 'true',
        'gitpod.io/workload_ide': 'true',
        'gitpod.io/workload_workspace_services': 'true',
      },
    });
    const w = gkeNode(c, 'w-1', 'workspaces', {
      labels: {
        [GCP.nodePoolLabel]: 'workload-workspaces',
        'gitpod.io/workload_workspace_regular': 'true',
        'gitpod.io/workload_workspace_headless': 'true',
      },
    });
    expect(check.add(s)).toBe('ERROR');
    expect(check.add(w)).toBe('ERROR');
    expect(check.finish()).toMatchObject({
      status: 'ERROR',
      errors: [
        { type: 'ERROR', node: 's-1', message: 's-1 (services pool) lacks gitpod.io/workload_services=true' },
        {
          type: 'ERROR',
          node: 'w-1',
          message: 'w-1 (workspaces pool) lacks gitpod.io/workload_workspace_services=true',
        },
        { type: 'ERROR', message: 'no Ready node carries gitpod.io/workload_services=true' },
      ],
    });
  });

  it('node-labels: demands all six; a services node with the 2022 table (without workload_services) is an ERROR', () => {
    const check = nodeLabelsCheck(c);
    const s = gkeNode(c, 's-1', 'services', {
      labels: {
        [GCP.nodePoolLabel]: 'workload-services',
        'gitpod.io/workload_meta': 'true',
        'gitpod.io/workload_ide': 'true',
      },
    });
    const w = gkeNode(c, 'w-1', 'workspaces', {
      labels: {
        [GCP.nodePoolLabel]: 'workload-workspaces',
        'gitpod.io/workload_workspace_services': 'true',
        'gitpod.io/workload_workspace_regular': 'true',
        'gitpod.io/workload_workspace_headless': 'true',
      },
    });
    expect(check.add(s)).toBe('ERROR');
    expect(check.add(w)).toBe('OK');
    expect(check.finish()).toMatchObject({
      name: 'node-labels',
      status: 'ERROR',
      errors: [
        { type: 'ERROR', node: 's-1', message: 's-1 (services pool) lacks gitpod.io/workload_services=true' },
        { type: 'ERROR', message: 'no Ready node carries gitpod.io/workload_services=true' },
      ],
    });
    expect(check.finish().description).toContain('workload_services');
  });

  it('node-labels: a label only on nodes that are not Ready is missing from the cluster', () => {
    const check = nodeLabelsCheck(c);
    check.add(gkeNode(c, 's-1', 'services'));
    check.add(gkeNode(c, 'w-1', 'workspaces', { ready: false }));
    const item = check.finish();
    expect(item.errors.map((e) => e.message)).toEqual([
      'no Ready node carries gitpod.io/workload_workspace_services=true',
      'no Ready node carries gitpod.io/workload_workspace_regular=true',
      'no Ready node carries gitpod.io/workload_workspace_headless=true',
    ]);
  });

  it('node-labels: the extra labels are demanded on their pool only; other pools’ nodes are not judged', () => {
    const c2 = gcp({ 'services-extra-labels': 'example.com/tier=services' });
    const check = nodeLabelsCheck(c2);
    expect(check.add(gkeNode(c2, 's-1', 'services'))).toBe('ERROR');
    expect(check.add(gkeNode(c2, 'w-1', 'workspaces'))).toBe('OK');
    expect(check.add(gkeNode(c2, 'x-1', 'default-pool'))).toBe('OK');
    expect(check.finish().errors[0]!.message).toBe('s-1 (services pool) lacks example.com/tier=services');
  });

  it('max-pods: Gitpod nodes below max-pods are errors; other nodes are not judged', () => {
    const check = maxPodsCheck(gcp({ 'max-pods': '64' }));
    expect(check.add(gkeNode(c, 'w-1', 'workspaces', { pods: 64 }))).toBe('OK');
    expect(check.add(gkeNode(c, 'w-2', 'workspaces', { pods: 32 }))).toBe('ERROR');
    expect(check.add(gkeNode(c, 'x-1', 'default-pool', { pods: 8 }))).toBe('OK');
    const labelled = gkeNode(c, 'x-2', 'default-pool', { pods: 8 });
    labelled.labels['gitpod.io/workload_ide'] = 'true';
    expect(check.add(labelled)).toBe('ERROR');
    expect(check.finish().errors.map((e) => e.node)).toEqual(['w-2', 'x-2']);
  });

  it('container-runtime: docker is an error on any node, no runtime a warning', () => {
    const check = containerRuntimeCheck();
    expect(check.add(gkeNode(c, 'a', 'default-pool', { runtime: 'docker://20.10.7' }))).toBe('ERROR');
    expect(check.add(gkeNode(c, 'b', 'services', { runtime: '' }))).toBe('WARNING');
    expect(check.add(gkeNode(c, 'c', 'services'))).toBe('OK');
    expect(check.finish().status).toBe('ERROR');
  });

  it('kernel-version: 4.14 is an error, an unparsable kernel a warning', () => {
    const check = kernelVersionCheck();
    expect(check.add(gkeNode(c, 'a', 'services', { kernel: '5.4.0-1078-gke' }))).toBe('OK');
    expect(check.add(gkeNode(c, 'b', 'services', { kernel: 'mystery' }))).toBe('WARNING');
    expect(check.finish().status).toBe('WARNING');
    expect(check.add(gkeNode(c, 'c', 'services', { kernel: '4.14.200' }))).toBe('ERROR');
    expect(check.finish().errors.map((e) => `${e.type} ${e.message}`)).toEqual([
      "WARNING b: kernel version 'mystery' does not parse",
      'ERROR c runs kernel 4.14.200, below 5.4',
    ]);
  });

  it('kubernetes-version: the API server and every kubelet', () => {
    const old = kubernetesVersionCheck('v1.20.15-gke.1');
    expect(old.finish().errors.map((e) => e.message)).toEqual(['the API server runs v1.20.15-gke.1, below 1.21']);
    const check = kubernetesVersionCheck('v1.33.2-gke.1000');
    expect(check.add(gkeNode(c, 'a', 'services', { kubelet: 'v1.30.1-eks-abc' }))).toBe('OK');
    expect(check.add(gkeNode(c, 'b', 'services', { kubelet: 'v1.20.15' }))).toBe('ERROR');
    expect(check.add(gkeNode(c, 'c', 'services', { kubelet: 'unknown' }))).toBe('WARNING');
    expect(check.finish().status).toBe('ERROR');
    expect(kubernetesVersionCheck('weird').finish().status).toBe('WARNING');
  });

  it('node-pools: a role without a Ready node is an error; a not-Ready node beside Ready ones a warning', () => {
    const check = nodePoolsCheck(c);
    expect(check.add(gkeNode(c, 's-1', 'services'))).toBe('OK');
    expect(check.add(gkeNode(c, 's-2', 'services', { ready: false }))).toBe('WARNING');
    expect(check.add(gkeNode(c, 'w-1', 'workspaces', { ready: false }))).toBe('WARNING');
    expect(check.add(gkeNode(c, 'x-1', 'default-pool'))).toBe('WARNING');
    expect(check.finish().errors).toEqual([
      { type: 'WARNING', node: 's-2', message: 's-2 (services pool) is not Ready; the pool has 1 other Ready node(s)' },
      {
        type: 'ERROR',
        message: 'the workspaces role has no Ready node (pool workload-workspaces: 1 node(s), none Ready)',
      },
      { type: 'WARNING', message: '1 node(s) outside both Gitpod pools: x-1' },
    ]);
    const empty = nodePoolsCheck(c).finish();
    expect(empty.errors.map((e) => e.message)).toEqual([
      'the services role has no Ready node (pool workload-services: no nodes)',
      'the workspaces role has no Ready node (pool workload-workspaces: no nodes)',
    ]);
  });

  it('NodeChecks sets each node’s verdict to its worst finding and tallies pools', () => {
    const checks = new NodeChecks(c, 'v1.33.2');
    expect(checks.add(gkeNode(c, 's-1', 'services')).verdict).toBe('OK');
    expect(checks.add(gkeNode(c, 's-2', 'services', { kernel: 'x', pods: 16 })).verdict).toBe('ERROR');
    expect(checks.add(gkeNode(c, 'w-1', 'workspaces', { kernel: 'x' })).verdict).toBe('WARNING');
    expect(checks.add(gkeNode(c, 'o-1', 'default-pool')).verdict).toBe('WARNING');
    expect(checks.counts).toEqual({ services: 2, workspaces: 1, other: 1 });
    expect(checks.tally.services).toEqual({ nodes: 2, ready: 2, OK: 1, WARNING: 0, ERROR: 1 });
    expect(checks.finish().map((i) => [i.name, i.status])).toEqual([
      ['node-labels', 'OK'],
      ['max-pods', 'ERROR'],
      ['container-runtime', 'OK'],
      ['kernel-version', 'WARNING'],
      ['kubernetes-version', 'OK'],
      ['node-pools', 'WARNING'],
    ]);
  });
});

describe('cloud-config against the cloud’s view of the pools', () => {
  function observed(config: Config, change: (o: CloudObservation) => void = () => {}): CloudObservation {
    const o: CloudObservation = {
      found: true,
      pools: (['services', 'workspaces'] as const).map((role) => ({
        name: config.pools[role].name,
        role,
        labels: { ...config.pools[role].labels, 'team.example.com/owner': 'infra' },
        machineType: config.pools[role].machineType,
        minNodes: config.pools[role].minNodes,
        maxNodes: config.pools[role].maxNodes,
        ...(config.provider === 'gcp' ? { maxPods: 110, image: GCP.pool.imageType } : { image: AWS.nodegroup.amiType }),
      })),
      network: {},
    };
    change(o);
    return o;
  }

  it('is OK on both clouds when the pools match, whatever other labels they carry', () => {
    expect(checkCloudConfig(gcp(), observed(gcp())).status).toBe('OK');
    expect(checkCloudConfig(aws(), observed(aws())).status).toBe('OK');
  });

  it('names field, wanted and found for every GKE difference', () => {
    const c = gcp({ 'workspaces-extra-labels': 'gitpod.io/workload_services=true' });
    const item = checkCloudConfig(
      c,
      observed(c, (o) => {
        const [s, w] = o.pools;
        s!.labels['gitpod.io/workload_workspace_services'] = 'true'; // the reference document's own GCP labels
        delete w!.labels['gitpod.io/workload_workspace_services'];
        delete w!.labels['gitpod.io/workload_services'];
        s!.maxPods = 32;
        s!.machineType = 'e2-standard-4';
        w!.minNodes = 0;
        w!.maxNodes = undefined; // autoscaling off
        w!.image = 'COS_CONTAINERD';
        w!.labels['team.example.com/owner'] = 'someone-else';
      }),
    );
    expect(item.errors.map((e) => e.message)).toEqual([
      'workload-services: label gitpod.io/workload_workspace_services is "true", wanted "(absent)"; fixed in place by `gcloud container node-pools update workload-services`',
      'workload-services: machine type is "e2-standard-4", wanted "n2d-standard-8"; cannot change in place: GKE cannot change it on an existing node pool, and apply will not recreate the pool',
      'workload-services: max pods per node is 32, wanted 110; cannot change in place: GKE cannot change it on an existing node pool, and apply will not recreate the pool',
      'workload-workspaces: label gitpod.io/workload_services is "(absent)", wanted "true"; fixed in place by `gcloud container node-pools update workload-workspaces`',
      'workload-workspaces: label gitpod.io/workload_workspace_services is "(absent)", wanted "true"; fixed in place by `gcloud container node-pools update workload-workspaces`',
      'workload-workspaces: min nodes is 0, wanted 1; fixed in place by `gcloud container node-pools update workload-workspaces`',
      'workload-workspaces: max nodes is null, wanted 50; fixed in place by `gcloud container node-pools update workload-workspaces`',
      'workload-workspaces: image type is "COS_CONTAINERD", wanted "UBUNTU_CONTAINERD"; cannot change in place: GKE cannot change it on an existing node pool, and apply will not recreate the pool',
    ]);
    expect(item.status).toBe('ERROR');
  });

  it('names field, wanted and found for every EKS difference, and a missing nodegroup', () => {
    const c = aws({ 'services-max-nodes': '6' });
    const item = checkCloudConfig(
      c,
      observed(c, (o) => {
        o.pools[0]!.machineType = 'm5.xlarge';
        o.pools[0]!.image = 'AL2023_x86_64_STANDARD';
        o.pools[0]!.maxNodes = 4;
        o.pools[0]!.maxPods = 17; // EKS does not show max pods: it is not compared
        o.pools.pop();
      }),
    );
    expect(item.errors.map((e) => e.message)).toEqual([
      'services: instance types is "m5.xlarge", wanted "m6i.xlarge"; cannot change in place: EKS cannot change it on an existing nodegroup, and apply will not recreate the nodegroup',
      'services: max nodes is 4, wanted 6; fixed in place by `eksctl scale nodegroup`',
      'services: AMI type is "AL2023_x86_64_STANDARD", wanted "CUSTOM"; cannot change in place: EKS cannot change it on an existing nodegroup, and apply will not recreate the nodegroup',
      'nodegroup workspaces (workspaces) does not exist; apply creates it',
    ]);
  });
});

describe('network', () => {
  it('GKE: network policy must be on', () => {
    expect(checkNetwork(gcp(), { networkPolicy: true }).status).toBe('OK');
    expect(checkNetwork(gcp(), { networkPolicy: false }).errors[0]!.message).toBe(
      'network policy enforcement is off on the GKE cluster',
    );
    expect(checkNetwork(gcp(), {}).status).toBe('ERROR');
  });

  it('EKS with Calico: aws-node gone and the Installation present; vpc-cni: nothing to check', () => {
    const c = aws();
    expect(checkNetwork(c, { awsNodePresent: false, calicoInstallation: true }).status).toBe('OK');
    expect(checkNetwork(c, { awsNodePresent: true, calicoInstallation: true }).errors.map((e) => e.message)).toEqual([
      'the AWS VPC CNI daemonset kube-system/aws-node is still present',
    ]);
    expect(checkNetwork(c, { awsNodePresent: false, calicoInstallation: false }).errors.map((e) => e.message)).toEqual([
      'no Calico Installation named default (operator.tigera.io/v1)',
    ]);
    expect(checkNetwork(aws({ network: 'vpc-cni' }), { awsNodePresent: true }).status).toBe('OK');
  });
});

describe('the report’s bounds', () => {
  /** Streams `n` nodes through the checks into a sink, like verify does. */
  async function stream(config: Config, n: number, make: (i: number) => NodeInfo) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'verify-units-'));
    const checks = new NodeChecks(config, 'v1.33.2');
    const sink = new NodeSink(config, path.join(dir, 'nodes.part'));
    for (let i = 0; i < n; i++) await sink.add(checks.add(make(i)));
    await sink.close();
    const items = checks.finish();
    return { checks, report: buildReport(config, items, sink, checks.counts) };
  }

  it('keeps every failing node plus at most 50 others when they fit', async () => {
    const c = gcp();
    const { report } = await stream(c, 400, (i) =>
      gkeNode(c, `n-${i}`, i % 2 ? 'workspaces' : 'services', i % 10 === 0 ? { pods: 32 } : {}),
    );
    expect(report.nodes.filter((n) => n.verdict === 'ERROR')).toHaveLength(40);
    expect(report.nodes.filter((n) => n.verdict === 'OK')).toHaveLength(50);
    expect(report.nodes[0]!.verdict).toBe('ERROR'); // failing first
    expect(report.failingNodesOmitted).toBeUndefined();
    // Only Gitpod's and the pool labels are kept in the summary; the report file has them all.
    expect(Object.keys(report.nodes[0]!.labels).sort()).toEqual(
      [GCP.nodePoolLabel, ...Object.keys(POOL_LABELS.services)].sort(),
    );
  });

  it('stays under budget when every one of 3,000 long-named nodes fails, errors before warnings', async () => {
    const c = gcp();
    const long = 'x'.repeat(200);
    const { report, checks } = await stream(c, 3000, (i) =>
      gkeNode(c, `${long}-${i}`, 'workspaces', {
        providerID: `gce://proj-123456/us-central1-a/${long}-${i}`,
        ...(i % 3 === 0 ? { kernel: 'weird' } : { pods: 8 }),
      }),
    );
    const summary = JSON.stringify(report);
    expect(Buffer.byteLength(summary)).toBeLessThan(FAILING_NODES_BUDGET + 128 * 1024);
    expect(report.failingNodesOmitted).toBeGreaterThan(0);
    expect(report.nodes.length + report.failingNodesOmitted!).toBe(3000);
    expect(report.nodes.every((n) => n.verdict === 'ERROR')).toBe(true); // the 1,000 warnings did not fit
    expect(report.items.find((i) => i.name === 'max-pods')!.errors.at(-1)!.message).toBe(
      '… and 1900 more (see report-file)',
    );
    const md = reportMarkdown(c, report, { drift: false, tally: checks.tally });
    expect(Buffer.byteLength(md)).toBeLessThan(MARKDOWN_BUDGET + 64 * 1024);
    expect(md).toContain('100 of 3000 shown');
  });

  it('draws both pools in Mermaid with their counts and verdicts, and escapes table cells', async () => {
    const c = gcp();
    const { report, checks } = await stream(c, 5, (i) =>
      i === 4
        ? gkeNode(c, 'x|1', 'default-pool', { osImage: 'evil | <b>os</b>\nnext' })
        : gkeNode(c, `n-${i}`, i % 2 ? 'workspaces' : 'services', i === 3 ? { pods: 8 } : {}),
    );
    const chart = mermaid(c, report, checks.tally);
    expect(chart).toContain('services["services pool workload-services<br/>2 node(s), 2 Ready<br/>✅ OK"]');
    expect(chart).toContain(
      'workspaces["workspaces pool workload-workspaces<br/>2 node(s), 2 Ready · 1 failing<br/>❌ ERROR"]',
    );
    expect(chart).toContain('other["outside both pools<br/>1 node(s), 1 Ready<br/>⚠️ WARNING"]');
    const md = reportMarkdown(c, report, { drift: true, tally: checks.tally });
    expect(md).toContain(
      '| x\\|1 | containerd://1.7.24 | 110 | 6.8.0-1015-gke | evil \\| &lt;b&gt;os&lt;/b&gt; next |',
    );
    expect(md).toContain('Cloud-side drift: **yes**');
  });
});
