/**
 * EKS `apply` end to end against FAKE EKS/CloudFormation and Kubernetes APIs (real AWS SDK and
 * @kubernetes/client-node clients over loopback), with the eksctl TEST STAND-IN in the tool cache.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { applyFlow } from '../src/apply/aws.js';
import { planFlow } from '../src/commands/plan.js';
import { AWS, REFERENCE_LABELS } from '../src/reference.js';
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
    expect(w.eks.nodegroups.get(`gitpod/${role}`)!.labels).toMatchObject(REFERENCE_LABELS[role]);
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
      ['remove-aws-node', 'done'],
      ['tigera-operator', 'done'],
      ['calico-installation', 'done'],
      ['calico-ready', 'skipped'],
      ['nodegroups', 'done'],
      ['nodegroup-scaling', 'skipped'],
      ['record-desired-state', 'done'],
    ]);
    // No node exists before the nodegroups: Calico rolls out as they join (eksctl waits for them to be Ready).
    expect(records.find((r) => r.id === 'calico-ready')!.detail).toMatch(/Installation served/);
    const planned = planFlow(world.config()).steps.filter((s) => s.argv);
    expect(world.eks.eksctlCalls.map((c) => ['eksctl', ...c.argv])).toEqual(planned.map((s) => s.argv));
    expect(installationBeforeNodegroups).toBe(true);

    // eksctl was given the rendered config, version resolved through DescribeClusterVersions.
    const given = world.eks.eksctlCalls[0]!.config as { metadata: { version: string } };
    expect(given.metadata.version).toBe('1.34');
    expect(parse(io.outputs['eksctl-config']!)).toEqual(given);

    // The Kubernetes writes, in order: aws-node out, the operator's CRDs, then its objects, then the Installation.
    const writes = world.kube.mutations().map((r) => `${r.method} ${r.path}`);
    expect(writes[0]).toBe('DELETE /apis/apps/v1/namespaces/kube-system/daemonsets/aws-node');
    expect(writes.slice(1, 3)).toEqual([
      'POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      'POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    ]);
    expect(writes.at(-2)).toBe('POST /apis/operator.tigera.io/v1/installations');
    // Last, the record of the desired state for later drift checks.
    expect(writes.at(-1)).toBe('POST /api/v1/namespaces/kube-system/configmaps');
    expect(writes).toHaveLength(1 + 2 + 5 + 1 + 1);
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
      '/projectcalico/calico/v3.30.3/manifests/operator-crds.yaml',
      '/projectcalico/calico/v3.30.3/manifests/tigera-operator.yaml',
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
