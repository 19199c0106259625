/**
 * EKS `apply` end to end against FAKE EKS/CloudFormation and Kubernetes APIs (real AWS SDK and
 * @kubernetes/client-node clients over loopback), with the eksctl TEST STAND-IN in the tool cache.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { applyFlow } from '../src/providers/aws/apply.js';
import { planFlow } from '../src/commands/plan.js';
import { AWS, POOL_LABELS } from '../src/reference.js';
import { type FakeIO, fakeIO } from './fixtures.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

let world: AwsWorld;
beforeEach(async () => {
  world = await startAwsWorld();
});
afterEach(async () => {
  await world.close();
});

const awsNode = { apiVersion: 'apps/v1', kind: 'DaemonSet', ...AWS.calico.awsNode };
const installationRef = { apiVersion: 'operator.tigera.io/v1', kind: 'Installation', name: 'default' };

/** The cluster the reference architecture describes, as the fakes hold it. */
function expectConverged(w: AwsWorld): void {
  expect(w.eks.cluster('gitpod')?.status).toBe('ACTIVE');
  expect(w.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'workspaces']);
  for (const role of ['services', 'workspaces'] as const) {
    expect(w.eks.nodegroups.get(`gitpod/${role}`)!.labels).toMatchObject(POOL_LABELS[role]);
  }
  expect(w.kube.object(awsNode)).toBeUndefined();
  expect(w.kube.object(installationRef)?.spec).toEqual(AWS.calico.installation.spec);
  expect(
    w.kube.object({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'tigera-operator', namespace: 'tigera-operator' }),
  ).toBeDefined();
}

async function apply(w: AwsWorld, inputs = {}, io: FakeIO = fakeIO()) {
  const records = await applyFlow(w.config(inputs), io, w.deps());
  return { records, io };
}

describe('EKS apply on an empty account (FAKE EKS + Kubernetes APIs, eksctl TEST STAND-IN)', () => {
  it('runs the full flow in order, with exactly the argv plan shows', async () => {
    let installationBeforeNodegroups = false;
    world.eks.onEksctl((event) => {
      if (event === 'nodegroup-created') installationBeforeNodegroups = !!world.kube.object(installationRef);
    });
    const { records, io } = await apply(world);

    expect(records.map((r) => [r.id, r.status])).toEqual([
      ['cluster', 'done'],
      ['kubeconfig', 'done'],
      ['kube-system', 'skipped'],
      // eksctl installed no vpc-cni add-on (disableDefaultAddons), so there is no aws-node to remove.
      ['remove-aws-node', 'skipped'],
      ['tigera-operator', 'done'],
      ['calico-installation', 'done'],
      ['calico-ready', 'skipped'],
      ['nodegroups', 'done'],
      ['nodegroup-labels', 'skipped'],
      ['nodegroup-scaling', 'skipped'],
      ['service-accounts', 'done'],
      ['record-desired-state', 'done'],
    ]);
    // No node exists before the nodegroups: Calico rolls out as they join (eksctl waits for them to be Ready).
    expect(records.find((r) => r.id === 'calico-ready')!.detail).toMatch(/Installation served/);
    const planned = planFlow(world.config()).steps.filter((s) => s.argv);
    expect(world.eks.eksctlCalls.map((c) => ['eksctl', ...c.argv])).toEqual(planned.map((s) => s.argv));
    expect(installationBeforeNodegroups).toBe(true);

    // eksctl was given the rendered config, version resolved through DescribeClusterVersions: whole to
    // `create nodegroup` and `create iamserviceaccount`; to `create cluster` without what eksctl refuses
    // on a cluster without the VPC CNI (nodegroups, service accounts).
    const [create, nodegroups, serviceAccounts] = world.eks.eksctlCalls.map((c) => c.config as Record<string, unknown>);
    expect((nodegroups!.metadata as { version: string }).version).toBe('1.34');
    expect(parse(io.outputs['eksctl-config']!)).toEqual(nodegroups);
    expect(serviceAccounts).toEqual(nodegroups);
    expect(Object.keys(create!).sort()).toEqual([
      'accessConfig',
      'addons',
      'addonsConfig',
      'apiVersion',
      'cloudWatch',
      'iam',
      'kind',
      'metadata',
      'upgradePolicy',
      'vpc',
    ]);
    expect(create!.iam).toEqual({ withOIDC: true });
    expect(create!.addonsConfig).toEqual({ disableDefaultAddons: true });
    expect(create!.addons).toEqual([{ name: 'kube-proxy' }, { name: 'coredns' }]);
    expect(world.eks.addonNames('gitpod').sort()).toEqual(['coredns', 'kube-proxy']);
    expect([...world.eks.stacks.keys()].filter((k) => k.includes('iamserviceaccount')).sort()).toEqual([
      'eksctl-gitpod-addon-iamserviceaccount-cert-manager-cert-manager',
      'eksctl-gitpod-addon-iamserviceaccount-kube-system-aws-load-balancer-controller',
      'eksctl-gitpod-addon-iamserviceaccount-kube-system-cluster-autoscaler',
      'eksctl-gitpod-addon-iamserviceaccount-kube-system-ebs-csi-controller-sa',
    ]);

    // The Kubernetes writes, in order: the operator's CRDs, then its objects, then the Installation.
    const writes = world.kube.mutations().map((r) => `${r.method} ${r.path}`);
    expect(writes.slice(0, 2)).toEqual([
      'POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      'POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    ]);
    expect(writes.at(-2)).toBe('POST /apis/operator.tigera.io/v1/installations');
    // Last, the record of the desired state for later drift checks.
    expect(writes.at(-1)).toBe('POST /api/v1/namespaces/kube-system/configmaps');
    expect(writes).toHaveLength(2 + 5 + 1 + 1);
    expectConverged(world);

    // Kubeconfig: 0600, exec plugin of the AWS CLI, exported and announced.
    const kc = world.config().kubeconfigPath;
    expect(statSync(kc).mode & 0o777).toBe(0o600);
    const doc = parse(readFileSync(kc, 'utf8'));
    expect(doc.users[0].user.exec.command).toBe('aws');
    expect(doc.users[0].user.exec.args).toEqual([
      'eks',
      'get-token',
      '--cluster-name',
      'gitpod',
      '--region',
      'eu-west-1',
      '--output',
      'json',
    ]);
    expect(io.exported.KUBECONFIG).toBe(kc);
    expect(io.outputs['cluster-endpoint']).toBe(world.kube.url);
    expect(io.lines.join('\n')).toContain('eksctl TEST STAND-IN');
    // The operator manifests came through tool-mirror, from their upstream paths.
    expect(world.calico.requests).toEqual([
      '/projectcalico/calico/v3.32.1/manifests/operator-crds.yaml',
      '/projectcalico/calico/v3.32.1/manifests/tigera-operator.yaml',
    ]);
  });

  it('re-applied on the conformant cluster, sends no write at all: no eksctl, no EKS write, no Kubernetes write', async () => {
    await apply(world);
    const eksWrites = world.eks.writes().length;
    const kubeWrites = world.kube.mutations().length;
    const eksctlCalls = world.eks.eksctlCalls.length;

    const { records } = await apply(world);
    expect(world.eks.eksctlCalls).toHaveLength(eksctlCalls);
    expect(world.eks.writes()).toHaveLength(eksWrites);
    expect(world.kube.mutations()).toHaveLength(kubeWrites);
    expect(records.filter((r) => r.status !== 'skipped').map((r) => r.id)).toEqual(['kubeconfig']);
    expect(records.find((r) => r.id === 'calico-ready')!.detail).toBe('TigeraStatus calico Available');
  });

  it('repairs drift on a re-run by writing only the object that differs', async () => {
    await apply(world);
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'tigera-operator',
      namespace: 'tigera-operator',
    };
    const live = world.kube.object(deployment)!;
    (live.spec as { replicas: number }).replicas = 3;
    const before = world.kube.mutations().length;

    await apply(world);
    const writes = world.kube.mutations().slice(before);
    expect(writes.map((r) => `${r.method} ${r.path} ${r.contentType}`)).toEqual([
      'PATCH /apis/apps/v1/namespaces/tigera-operator/deployments/tigera-operator application/apply-patch+yaml',
    ]);
    expect((world.kube.object(deployment)!.spec as { replicas: number }).replicas).toBe(1);
  });

  it('fixes a nodegroup’s scaling bounds in place with eksctl scale nodegroup, its size brought within them', async () => {
    await apply(world, { 'workspaces-max-nodes': '6' });
    // Someone scaled the nodegroups by hand: services to 2-3 with 3 nodes, workspaces to 1-20.
    world.eks.nodegroups.get('gitpod/services')!.scalingConfig = { minSize: 2, maxSize: 3, desiredSize: 3 };
    world.eks.nodegroups.get('gitpod/workspaces')!.scalingConfig = { minSize: 1, maxSize: 20, desiredSize: 8 };
    const calls = world.eks.eksctlCalls.length;
    const { records } = await apply(world, { 'workspaces-max-nodes': '6' });
    expect(world.eks.eksctlCalls.slice(calls).map((c) => c.argv)).toEqual([
      [
        'scale',
        'nodegroup',
        '--cluster=gitpod',
        '--region=eu-west-1',
        '--name=services',
        '--nodes-min=1',
        '--nodes-max=4',
      ],
      [
        'scale',
        'nodegroup',
        '--cluster=gitpod',
        '--region=eu-west-1',
        '--name=workspaces',
        '--nodes=6',
        '--nodes-min=1',
        '--nodes-max=6',
      ],
    ]);
    expect(records.find((r) => r.id === 'nodegroup-scaling')).toMatchObject({
      status: 'done',
      detail: expect.stringMatching(/^fixed in place by `eksctl scale nodegroup --cluster=gitpod /),
    });
    expect(world.eks.nodegroups.get('gitpod/services')!.scalingConfig).toEqual({
      minSize: 1,
      maxSize: 4,
      desiredSize: 3,
    });
    expect(world.eks.nodegroups.get('gitpod/workspaces')!.scalingConfig).toEqual({
      minSize: 1,
      maxSize: 6,
      desiredSize: 6,
    });
  });
});

describe('EKS apply on a cluster built to the 2022 label table (FAKE EKS + Kubernetes APIs, eksctl TEST STAND-IN)', () => {
  const SIX = {
    services: {
      'gitpod.io/workload_meta': 'true',
      'gitpod.io/workload_ide': 'true',
      'gitpod.io/workload_services': 'true',
    },
    workspaces: {
      'gitpod.io/workload_workspace_services': 'true',
      'gitpod.io/workload_workspace_regular': 'true',
      'gitpod.io/workload_workspace_headless': 'true',
    },
  };

  /** The nodes' Gitpod labels by nodegroup, as the FAKE Kubernetes API holds them. */
  function nodeLabels(w: AwsWorld): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const node of w.kube.objects('v1', 'Node')) {
      const labels = node.metadata.labels as Record<string, string>;
      out[labels['eks.amazonaws.com/nodegroup']!] = Object.fromEntries(
        Object.entries(labels).filter(([k]) => k.startsWith('gitpod.io/')),
      );
    }
    return out;
  }

  /** Takes the cluster back to what the 2022 table gave: the services nodegroup and its nodes lack workload_services. */
  function to2022(w: AwsWorld, extra: Record<string, string> = {}): void {
    const ng = w.eks.nodegroups.get('gitpod/services')!;
    delete ng.labels['gitpod.io/workload_services'];
    Object.assign(ng.labels, extra);
    for (const node of w.kube.objects('v1', 'Node')) {
      const labels = node.metadata.labels as Record<string, string>;
      if (labels['eks.amazonaws.com/nodegroup'] !== 'services') continue;
      delete labels['gitpod.io/workload_services'];
      Object.assign(labels, extra);
    }
  }

  it('a fresh cluster carries the six labels on the right nodegroups and their nodes', async () => {
    await apply(world);
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).toEqual(SIX.services);
    expect(world.eks.nodegroups.get('gitpod/workspaces')!.labels).toEqual(SIX.workspaces);
    expect(nodeLabels(world)).toEqual(SIX);
  });

  it('relabels the existing services nodegroup in place with eksctl set labels, then a re-run runs no eksctl', async () => {
    await apply(world);
    to2022(world, { team: 'platform' });
    const before = world.eks.eksctlCalls.length;
    const eksWritesBefore = world.eks.writes().length;

    const { records } = await apply(world);
    expect(world.eks.eksctlCalls.slice(before).map((c) => c.argv)).toEqual([
      [
        'set',
        'labels',
        '--cluster=gitpod',
        '--region=eu-west-1',
        '--nodegroup=services',
        '--labels=gitpod.io/workload_services=true',
      ],
    ]);
    const step = records.find((r) => r.id === 'nodegroup-labels')!;
    expect(step.status).toBe('done');
    expect(records.filter((r) => r.status === 'done').map((r) => r.id)).toEqual(['kubeconfig', 'nodegroup-labels']);
    // A label someone else set stays; the nodes carry the six labels.
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).toEqual({ ...SIX.services, team: 'platform' });
    expect(nodeLabels(world)).toEqual({ services: SIX.services, workspaces: SIX.workspaces });

    // Conformant now: probed through DescribeNodegroup only, nothing written, no eksctl started.
    const calls = world.eks.eksctlCalls.length;
    const writes = world.eks.writes().length;
    const kubeWrites = world.kube.mutations().length;
    const again = await apply(world);
    expect(world.eks.eksctlCalls).toHaveLength(calls);
    expect(world.eks.writes()).toHaveLength(writes);
    expect(writes - eksWritesBefore).toBe(1); // the one eksctl set labels
    expect(world.kube.mutations()).toHaveLength(kubeWrites);
    expect(again.records.find((r) => r.id === 'nodegroup-labels')!.status).toBe('skipped');
  });

  it('removes a Gitpod label that is not for the nodegroup with eksctl unset labels (the document’s GCP commands put one there)', async () => {
    await apply(world);
    to2022(world, { 'gitpod.io/workload_workspace_services': 'true' });
    const before = world.eks.eksctlCalls.length;

    await apply(world);
    expect(world.eks.eksctlCalls.slice(before).map((c) => c.argv.join(' '))).toEqual([
      'set labels --cluster=gitpod --region=eu-west-1 --nodegroup=services --labels=gitpod.io/workload_services=true',
      'unset labels --cluster=gitpod --region=eu-west-1 --nodegroup=services --labels=gitpod.io/workload_workspace_services',
    ]);
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).toEqual(SIX.services);
    expect(nodeLabels(world)).toEqual(SIX);
  });

  it('a failed eksctl set labels fails the step; the re-run relabels and converges', async () => {
    await apply(world);
    to2022(world);
    world.eks.failEksctl('set labels', 'UpdateNodegroupConfig: ResourceInUseException: nodegroup is updating');
    await expect(apply(world)).rejects.toThrow(/step 'nodegroup-labels'.*ResourceInUseException|eksctl/);
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).not.toHaveProperty('gitpod.io/workload_services');
    await apply(world);
    expect(nodeLabels(world)).toEqual(SIX);
  });
});

describe('the FAKE EKS API plays eksctl set/unset labels as strictly as eksctl', () => {
  async function eksctl(...argv: string[]): Promise<{ ok: boolean; lines: string[] }> {
    const res = await fetch(`${world.eks.url}/__eksctl`, { method: 'POST', body: JSON.stringify({ argv }) });
    return (await res.json()) as { ok: boolean; lines: string[] };
  }

  beforeEach(async () => {
    await apply(world);
  });

  it.each([
    [
      ['set', 'labels', '--cluster=gitpod', '--nodegroup=services', '--labels=a=b', '--overwrite'],
      /unknown flag: --overwrite/,
    ],
    [['set', 'labels', '--cluster=gitpod', '--nodegroup=services'], /--labels must be set/],
    [['set', 'labels', '--nodegroup=services', '--labels=a=b'], /--cluster must be set/],
    [['set', 'labels', '--cluster=gitpod', '--labels=a=b'], /--nodegroup must be set/],
    [['set', 'labels', '--cluster=gitpod', '--nodegroup=services', '--labels=a'], /must be formatted as key=value/],
    [
      ['set', 'labels', 'services', '--cluster=gitpod', '--nodegroup=services', '--labels=a=b'],
      /name argument is not supported/,
    ],
    [['set', 'labels', '--cluster=gitpod', '--nodegroup=nope', '--labels=a=b'], /No node group found for name: nope/],
    [['set', 'labels', '--cluster=other', '--nodegroup=services', '--labels=a=b'], /No cluster found for name: other/],
    [['unset', 'labels', '--cluster=gitpod', '--nodegroup=services'], /required flag\(s\) "labels" not set/],
    [
      ['unset', 'labels', '--cluster=gitpod', '--nodegroup=services', '--labels=a', '--config-file=x'],
      /unknown flag: --config-file/,
    ],
  ])('refuses eksctl %j', async (argv, says) => {
    const before = structuredClone(world.eks.nodegroups.get('gitpod/services')!.labels);
    const out = await eksctl(...argv);
    expect(out.ok).toBe(false);
    expect(out.lines.join('\n')).toMatch(says);
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).toEqual(before);
  });

  it('accepts the short flags and a separate value, as pflag does', async () => {
    expect((await eksctl('set', 'labels', '-c', 'gitpod', '-n', 'services', '-l', 'a=b,c=d')).ok).toBe(true);
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).toMatchObject({ a: 'b', c: 'd' });
    expect((await eksctl('unset', 'labels', '--cluster', 'gitpod', '--nodegroup', 'services', '-l', 'a,c')).ok).toBe(
      true,
    );
    expect(world.eks.nodegroups.get('gitpod/services')!.labels).not.toHaveProperty('a');
  });
});
