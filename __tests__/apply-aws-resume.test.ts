/**
 * EKS `apply` resumes: a failure at each step, then a re-run converges, creating nothing twice; and what
 * an earlier failed run leaves in the cloud is reported with what to do. FAKE EKS/CloudFormation and
 * Kubernetes APIs, eksctl TEST STAND-IN.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyFlow } from '../src/providers/aws/apply.js';
import { AWS, POOL_LABELS } from '../src/reference.js';
import { StepFailedError } from '../src/steps.js';
import { fakeIO } from './fixtures.js';
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

function expectConverged(w: AwsWorld, retried?: RegExp): void {
  expect(w.eks.cluster('gitpod')?.status).toBe('ACTIVE');
  expect(w.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'workspaces']);
  for (const role of ['services', 'workspaces'] as const) {
    expect(w.eks.nodegroups.get(`gitpod/${role}`)!.labels).toMatchObject(POOL_LABELS[role]);
  }
  expect(w.kube.object(awsNode)).toBeUndefined();
  expect(w.kube.object(installationRef)?.spec).toEqual(AWS.calico.installation.spec);
  // Nothing was created twice: one POST per object, but for the one whose first POST the fault refused.
  const posts = w.kube.mutations().filter((r) => r.method === 'POST');
  const counts = new Map<string, number>();
  for (const r of posts) {
    const key = `${r.path} ${(r.body as { metadata: { name: string } }).metadata.name}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  expect(repeated.filter((k) => !retried || !retried.test(k))).toEqual([]);
  expect(repeated.length).toBeLessThanOrEqual(1);
}

type Breaker = (w: AwsWorld) => { inputs?: Record<string, string>; heal?: () => void; retried?: RegExp };

const BREAKERS: Record<string, Breaker> = {
  cluster: (w) => {
    w.eks.failEksctl('create cluster', 'waiter state transitioned to Failure');
    return {};
  },
  kubeconfig: (w) => {
    const blocker = path.join(w.dir, 'not-a-dir');
    writeFileSync(blocker, '');
    return { inputs: { 'kubeconfig-path': path.join(blocker, 'kc') } };
  },
  'kube-system': (w) => {
    let failing = true;
    w.kube.failNext((r) => failing && r.method === 'GET' && r.path === '/api/v1/namespaces/kube-system/pods', 503, 1e6);
    return { heal: () => (failing = false) };
  },
  'remove-aws-node': (w) => {
    // A cluster created with the vpc-cni add-on (before disableDefaultAddons): its aws-node is there to remove.
    w.eks.onEksctl((event) => {
      if (event !== 'cluster-created') return;
      w.kube.seed({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'aws-node', namespace: 'kube-system' },
        spec: {},
      });
    });
    w.kube.failNext((r) => r.method === 'DELETE' && r.path.endsWith('/daemonsets/aws-node'), 403);
    return {};
  },
  'tigera-operator': (w) => {
    w.kube.failNext((r) => r.method === 'POST' && r.path.endsWith('/deployments'), 403);
    return { retried: /\/deployments tigera-operator$/ };
  },
  'calico-installation': (w) => {
    w.kube.failNext((r) => r.method === 'POST' && r.path.endsWith('/installations'), 403);
    return { retried: /\/installations default$/ };
  },
  'calico-ready': (w) => {
    let armed = false;
    w.kube.onWrite((obj) => {
      if (obj.kind === 'Installation') armed = true;
    });
    w.kube.failNext((r) => armed && r.method === 'GET' && r.path.endsWith('/installations/default'), 403);
    return {};
  },
  nodegroups: (w) => {
    // eksctl got the services nodegroup up, then failed on the workspaces one.
    w.eks.failEksctl(
      'create nodegroup',
      'waiting for CloudFormation stack "eksctl-gitpod-nodegroup-workspaces"',
      (api) => {
        api.nodegroups.set('gitpod/services', {
          nodegroupName: 'services',
          clusterName: 'gitpod',
          status: 'ACTIVE',
          labels: { ...POOL_LABELS.services },
          instanceTypes: ['m6i.xlarge'],
          scalingConfig: { minSize: 1, maxSize: 4, desiredSize: 2 },
          amiType: 'CUSTOM',
        });
      },
    );
    return {};
  },
  'service-accounts': (w) => {
    // eksctl created one role's stack, then failed on the next.
    w.eks.failEksctl('create iamserviceaccount', 'failed to create iamserviceaccount(s)', (api) => {
      const name = 'eksctl-gitpod-addon-iamserviceaccount-kube-system-aws-load-balancer-controller';
      api.stacks.set(name, { StackName: name, StackStatus: 'CREATE_COMPLETE' });
    });
    return {};
  },
};

describe('EKS apply after a failure at each step', () => {
  for (const [step, breaker] of Object.entries(BREAKERS)) {
    it(`fails cleanly at ${step}, and a re-run converges`, async () => {
      const broken = breaker(world);
      const io = fakeIO();
      const err = await applyFlow(world.config(broken.inputs), io, world.deps()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StepFailedError);
      expect((err as StepFailedError).step.id).toBe(step);
      const plan = JSON.parse(io.outputs.plan!) as { id: string; status: string }[];
      expect(plan.find((r) => r.id === step)!.status).toBe('failed');
      expect(plan.slice(plan.findIndex((r) => r.id === step) + 1).every((r) => r.status === 'planned')).toBe(true);

      broken.heal?.();
      const records = await applyFlow(world.config(), fakeIO(), world.deps());
      expect(records.every((r) => r.status === 'done' || r.status === 'skipped')).toBe(true);
      expect(world.eks.eksctlCalls.filter((c) => c.command === 'create cluster').length).toBe(
        step === 'cluster' ? 2 : 1,
      );
      expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'workspaces']);
      expectConverged(world, broken.retried);

      // And once converged, a third run writes nothing.
      const [eksWrites, kubeWrites] = [world.eks.writes().length, world.kube.mutations().length];
      await applyFlow(world.config(), fakeIO(), world.deps());
      expect([world.eks.writes().length, world.kube.mutations().length]).toEqual([eksWrites, kubeWrites]);
    });
  }
});

describe('EKS apply facing leftovers of an earlier failed run', () => {
  it.each(['ROLLBACK_COMPLETE', 'DELETE_FAILED'])(
    'a cluster stack in %s: one clear line saying what to delete, and eksctl never runs',
    async (status) => {
      world.eks.stacks.set('eksctl-gitpod-cluster', {
        StackName: 'eksctl-gitpod-cluster',
        StackStatus: status,
        StackStatusReason: 'The following resource(s) failed to create: [ControlPlane].',
      });
      const err = (await applyFlow(world.config(), fakeIO(), world.deps()).catch((e: unknown) => e)) as Error;
      expect(err.message).toContain(`CloudFormation stack eksctl-gitpod-cluster is ${status}`);
      expect(err.message).toContain('`eksctl delete cluster --name gitpod --region eu-west-1`');
      expect(err.message).not.toMatch(/AlreadyExists/);
      expect(err.message.split('\n')).toHaveLength(1);
      expect(world.eks.eksctlCalls).toEqual([]);
    },
  );

  it('a FAILED cluster: says to delete it (or use command: destroy)', async () => {
    world.eks.clusters.set('gitpod', { name: 'gitpod', status: 'FAILED', version: '1.33', endpoint: '', caData: '' });
    const err = (await applyFlow(world.config(), fakeIO(), world.deps()).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/EKS cluster gitpod is FAILED from an earlier run; delete it .*command: destroy/);
    expect(world.eks.eksctlCalls).toEqual([]);
  });

  it('a cluster still CREATING (an earlier run cancelled): waits for ACTIVE with progress lines, then goes on', async () => {
    world.eks.clusters.set('gitpod', {
      name: 'gitpod',
      status: 'CREATING',
      version: '1.33',
      endpoint: world.kube.url,
      caData: '',
    });
    let polls = 0;
    const io = fakeIO();
    const records = await applyFlow(
      world.config(),
      io,
      world.deps({
        sleep: async (ms) => {
          world.clock.now += ms;
          if (++polls === 12) world.eks.clusters.get('gitpod')!.status = 'ACTIVE';
        },
      }),
    );
    expect(records[0]).toMatchObject({
      id: 'cluster',
      status: 'skipped',
      detail: 'ACTIVE after waiting, Kubernetes 1.33',
    });
    expect(
      io.lines.filter((l) => l.includes('waiting for EKS cluster gitpod to be ACTIVE')).length,
    ).toBeGreaterThanOrEqual(4);
    expect(world.eks.eksctlCalls.map((c) => c.command)).toEqual(['create nodegroup', 'create iamserviceaccount']);
  });

  it('a nodegroup stack in ROLLBACK_COMPLETE: says what to delete before eksctl create nodegroup runs', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    world.eks.nodegroups.delete('gitpod/workspaces');
    world.eks.stacks.set('eksctl-gitpod-nodegroup-workspaces', {
      StackName: 'eksctl-gitpod-nodegroup-workspaces',
      StackStatus: 'ROLLBACK_COMPLETE',
    });
    const calls = world.eks.eksctlCalls.length;
    const err = (await applyFlow(world.config(), fakeIO(), world.deps()).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('eksctl-gitpod-nodegroup-workspaces is ROLLBACK_COMPLETE');
    expect(err.message).toContain('eksctl cannot create nodegroup workspaces while it exists');
    expect(world.eks.eksctlCalls).toHaveLength(calls);
  });
});
