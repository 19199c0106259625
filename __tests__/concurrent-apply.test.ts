/**
 * Two applies on the same cluster at once (issue 8): two workflows, or one without a `concurrency` group,
 * start `apply` twice. Both runs go against the SAME fake world, each as its own runner would (its own
 * temp folder, gcloud configuration and kubeconfig):
 *
 *   GKE: the REAL gcloud and the real @google-cloud/container / REST clients against the FAKE GKE, IAM,
 *        Resource Manager and Kubernetes APIs;
 *   EKS: the eksctl TEST STAND-IN and the real AWS SDK against the FAKE EKS/CloudFormation API, and the
 *        FAKE Kubernetes API.
 *
 * Once started together, and once with the second started while the first is in the middle of a long
 * create (the fake holds the GKE operation RUNNING, or the CloudFormation stack CREATE_IN_PROGRESS, until
 * the test releases it). Whatever the interleaving: every resource is created exactly once at the fake,
 * both runs end well (the later one waits, or reports the step done by the other run), and the end state
 * is a clean single apply's.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type AwsApplyDeps, applyFlow as awsApply } from '../src/providers/aws/apply.js';
import { type GcpApplyDeps, applyFlow as gcpApply } from '../src/providers/gcp/apply.js';
import { connectKube, type KubeObject } from '../src/clients/kube.js';
import type { Config } from '../src/inputs.js';
import { clearSecrets } from '../src/log.js';
import { DONE_MEANWHILE, type StepRecord } from '../src/steps.js';
import { type FakeIO, fakeIO } from './fixtures.js';
import type { FakeEksApi } from './fakes/eks-api.js';
import type { FakeKubeApi } from './fakes/kube-api.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

interface Run {
  name: string;
  home: string;
  io: FakeIO;
  records?: StepRecord[];
  err?: unknown;
}

const tick = (ms = 10) => new Promise<void>((r) => setTimeout(r, ms));

/** Both runs ended well: no error, every step done or skipped. */
function expectBothWell(runs: readonly Run[]): void {
  for (const run of runs) {
    expect({ run: run.name, err: run.err ? String((run.err as Error).message) : undefined }).toEqual({
      run: run.name,
      err: undefined,
    });
    expect(run.records!.filter((r) => r.status !== 'done' && r.status !== 'skipped')).toEqual([]);
  }
}

function recordOf(run: Run, id: string): StepRecord {
  return run.records!.find((r) => r.id === id)!;
}

/** Kubernetes objects the fake accepted a create of (POST, or a server-side apply that made it). */
function countKubeCreates(kube: FakeKubeApi): Map<string, number> {
  const created = new Map<string, number>();
  kube.onWrite((obj, verb) => {
    if (verb !== 'create') return;
    const key = `${obj.kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}`;
    created.set(key, (created.get(key) ?? 0) + 1);
  });
  return created;
}

/** Writes to the Kubernetes API other than creates and the aws-node delete: there must be none. */
function kubeRewrites(kube: FakeKubeApi) {
  return kube
    .mutations()
    .filter((r) => r.method !== 'POST' && r.method !== 'DELETE')
    .map((r) => `${r.method} ${r.path}`);
}

/** The figures the report quotes, on one line per scenario. */
function figures(scenario: string, data: Record<string, unknown>): void {
  process.stdout.write(`[concurrent-apply] ${scenario}: ${JSON.stringify(data)}\n`);
}

// --- GKE -------------------------------------------------------------------------------------------------

const GCP_INPUTS = { 'services-extra-labels': 'gitpod.io/workload_services=true' };
/**
 * The steps of the GKE flow that create (or delete) something through gcloud, and how gcloud's argv names
 * them. The cluster is the action's own `clusters.create` request (counted by its requests below).
 */
const GKE_CREATES = {
  'service-account': /^iam service-accounts create /,
  'default-pool': /^--quiet container node-pools delete default-pool /,
  'services-pool': /^container node-pools create workload-services /,
  'workspaces-pool': /^container node-pools create workload-workspaces /,
} as const;
const GKE_STEPS = ['cluster', ...Object.keys(GKE_CREATES)];

function gkeRun(w: GcpWorld, name: string, deps: GcpApplyDeps = {}, io: FakeIO = fakeIO()): Promise<Run> {
  const home = path.join(w.dir, `runner-${name}`);
  mkdirSync(path.join(home, 'gcloud'), { recursive: true });
  const config: Config = {
    ...w.config({ ...GCP_INPUTS, 'kubeconfig-path': path.join(home, 'gitpod.kubeconfig') }),
    tempDir: home,
  };
  const run: Run = { name, home, io };
  return gcpApply(config, io, {
    env: { ...w.env, CLOUDSDK_CONFIG: path.join(home, 'gcloud'), RUNNER_TEMP: home },
    sleep: () => tick(),
    connectKube: (a, log) =>
      connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log, {
        attempts: 2,
        baseDelayMs: 0,
        sleep: async () => undefined,
      }),
    ...deps,
  }).then(
    (records) => ({ ...run, records }),
    (err: unknown) => ({ ...run, err, records: (err as { records?: StepRecord[] }).records }),
  );
}

/** What each GKE run attempted (its create steps that ran) and what the FAKE GKE/IAM APIs accepted. */
function gkeCreates(w: GcpWorld, runs: readonly Run[]) {
  const ok = (method: string, re: RegExp, body?: (b: unknown) => boolean) =>
    w.gcp.requests.filter((r) => r.method === method && re.test(r.path) && r.status === 200 && (!body || body(r.body)))
      .length;
  const pool = (n: string) => (b: unknown) => (b as { nodePool?: { name?: string } })?.nodePool?.name === n;
  const accepted = {
    'service-account': ok('POST', /\/serviceAccounts$/),
    cluster: ok('POST', /\/locations\/[^/]+\/clusters$/),
    'default-pool': ok('DELETE', /\/nodePools\/default-pool$/),
    'services-pool': ok('POST', /\/nodePools$/, pool('workload-services')),
    'workspaces-pool': ok('POST', /\/nodePools$/, pool('workload-workspaces')),
    'iam-policy': w.gcp.policyWrites.length,
  };
  const attempted = Object.fromEntries(
    runs.map((run) => [
      run.name,
      Object.fromEntries(GKE_STEPS.map((id) => [id, ['done', 'failed'].includes(recordOf(run, id).status) ? 1 : 0])),
    ]),
  );
  // The records agree with the gcloud processes actually started, and with the action's own cluster creates.
  const processes: Record<string, number> = {
    ...Object.fromEntries(
      Object.entries(GKE_CREATES).map(([id, re]) => [id, w.gcloudCalls().filter((c) => re.test(c)).length]),
    ),
    cluster: w.gcp.requests.filter((r) => r.method === 'POST' && /\/locations\/[^/]+\/clusters$/.test(r.path)).length,
  };
  return { attempted, processes, accepted };
}

/** What a first apply on an empty project makes: the cluster with both pools in one create, no pool step runs. */
const FRESH = {
  'service-account': 1,
  cluster: 1,
  'default-pool': 0,
  'services-pool': 0,
  'workspaces-pool': 0,
  'iam-policy': 1,
};

function expectGkeCreatedOnce(
  w: GcpWorld,
  runs: readonly Run[],
  kubeCreates: Map<string, number>,
  expected: Record<string, number> = FRESH,
) {
  const { attempted, processes, accepted } = gkeCreates(w, runs);
  expect(accepted).toEqual(expected);
  for (const id of GKE_STEPS) {
    expect([id, runs.reduce((n, run) => n + attempted[run.name]![id]!, 0)]).toEqual([id, processes[id]]);
  }
  expect(Object.fromEntries(kubeCreates)).toEqual({
    'ClusterRoleBinding cluster-admin-binding': 1,
    'ConfigMap kube-system/gitpod-cluster-action': 1,
  });
  expect(kubeRewrites(w.kube)).toEqual([]);
  return { attempted, processes, accepted };
}

describe('two GKE applies on one cluster (FAKE GKE/IAM/CRM/Kubernetes APIs, real gcloud)', () => {
  let clean: { gcp: unknown; kube: KubeObject[] };
  let w: GcpWorld;
  let kubeCreates: Map<string, number>;

  beforeAll(async () => {
    clearSecrets();
    const single = await gcpWorld();
    try {
      const run = await gkeRun(single, 'single');
      expectBothWell([run]);
      clean = { gcp: single.gcp.snapshot(), kube: single.kube.snapshot() };
    } finally {
      await single.close();
    }
  });
  beforeEach(async () => {
    w = await gcpWorld();
    kubeCreates = countKubeCreates(w.kube);
  });
  afterEach(async () => w?.close());

  it('started at the same moment: each resource is created once, both end well, the state is a single apply’s', async () => {
    const runs = await Promise.all([gkeRun(w, 'a'), gkeRun(w, 'b')]);
    expectBothWell(runs);
    const counts = expectGkeCreatedOnce(w, runs, kubeCreates);
    expect(w.gcp.snapshot()).toEqual(clean.gcp);
    expect(w.kube.snapshot()).toEqual(clean.kube);
    // Where both tried, the one that lost says the other run did it; nowhere did both "win".
    for (const id of ['service-account', 'cluster']) {
      const ran = runs.filter((r) => recordOf(r, id).status === 'done');
      const won = ran.filter((r) => !recordOf(r, id).detail?.startsWith(DONE_MEANWHILE));
      expect([id, won.length]).toEqual([id, 1]);
    }
    figures('GKE simultaneous', {
      ...counts,
      steps: Object.fromEntries(runs.map((r) => [r.name, r.records!.map((x) => `${x.id}:${x.status}`)])),
    });
  }, 240_000);

  it.each(['CREATE_CLUSTER', 'CREATE_NODE_POOL'])(
    'the second started while the first’s %s operation runs: it waits for that operation, creates nothing twice',
    async (type) => {
      // The pools come with the cluster: a pool is created only on a cluster that lacks it, here the one an
      // earlier version of the action leaves when cancelled after its `clusters create` (its default pool only).
      if (type === 'CREATE_NODE_POOL') {
        w.gcp.seedCluster({
          name: 'gitpod',
          networkPolicy: { enabled: true, provider: 'CALICO' },
          nodePools: [{ name: 'default-pool', initialNodeCount: 1, config: { machineType: 'e2-standard-2' } }],
        });
      }
      const hold = w.gcp.holdNext(type);
      const first = gkeRun(w, 'a');
      const op = await hold.started;
      // The first run is in the middle of its long step; the second starts now.
      const io = fakeIO();
      let released = false;
      const second = gkeRun(
        w,
        'b',
        {
          sleep: async () => {
            if (!released && io.lines.some((l) => l.startsWith(`Waiting for GKE operation ${op} `))) {
              released = true;
              hold.release();
            }
            await tick();
          },
        },
        io,
      );
      const b = await second;
      hold.release(); // never leave the first run hanging, whatever the second did
      const a = await first;
      expect(released).toBe(true);
      expectBothWell([a, b]);
      const counts = expectGkeCreatedOnce(
        w,
        [a, b],
        kubeCreates,
        type === 'CREATE_CLUSTER'
          ? FRESH
          : { ...FRESH, cluster: 0, 'default-pool': 1, 'services-pool': 1, 'workspaces-pool': 1 },
      );
      expect(w.gcp.snapshot()).toEqual(clean.gcp);
      expect(w.kube.snapshot()).toEqual(clean.kube);
      // The second run found the operation running and waited for it instead of racing into it.
      expect(io.lines.find((l) => l.startsWith(`Waiting for GKE operation ${op} `))).toMatch(
        new RegExp(`\\(${type} on clusters/gitpod`),
      );
      if (type === 'CREATE_CLUSTER') {
        expect(recordOf(b, 'cluster')).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^exists/) });
        expect(counts.attempted.b!.cluster).toBe(0);
      }
      // The design guarantees one accepted create of each pool and of the cluster-admin binding (both runs may
      // send one: the loser's ALREADY_EXISTS is "done by another run"), not one process or request.
      expect(counts.accepted['services-pool']).toBe(type === 'CREATE_CLUSTER' ? 0 : 1);
      expect(counts.accepted['workspaces-pool']).toBe(type === 'CREATE_CLUSTER' ? 0 : 1);
      expect(Object.fromEntries(kubeCreates)).toEqual({
        'ClusterRoleBinding cluster-admin-binding': 1,
        'ConfigMap kube-system/gitpod-cluster-action': 1,
      });
      figures(`GKE staggered (${type} held)`, {
        ...counts,
        steps: Object.fromEntries([a, b].map((r) => [r.name, r.records!.map((x) => `${x.id}:${x.status}`)])),
      });
    },
    240_000,
  );
});

// --- EKS -------------------------------------------------------------------------------------------------

function eksRun(w: AwsWorld, name: string, deps: Partial<AwsApplyDeps> = {}, io: FakeIO = fakeIO()): Promise<Run> {
  const home = path.join(w.dir, `runner-${name}`);
  mkdirSync(home, { recursive: true });
  const config: Config = { ...w.config({ 'kubeconfig-path': path.join(home, 'gitpod.kubeconfig') }), tempDir: home };
  const run: Run = { name, home, io };
  return awsApply(config, io, w.deps(deps)).then(
    (records) => ({ ...run, records }),
    (err: unknown) => ({ ...run, err, records: (err as { records?: StepRecord[] }).records }),
  );
}

/** The cloud side of an EKS world, without what differs between two worlds (the fake's URL). */
function eksState(eks: FakeEksApi) {
  return {
    clusters: [...eks.clusters.values()].map(({ endpoint: _e, ...c }) => c),
    nodegroups: [...eks.nodegroups.values()].sort((x, y) => x.nodegroupName.localeCompare(y.nodegroupName)),
    stacks: [...eks.stacks.values()].sort((x, y) => x.StackName.localeCompare(y.StackName)),
  };
}

/** Accepted creates at the FAKE EKS/CloudFormation API, counted as eksctl's effects land. */
function countEksCreates(eks: FakeEksApi): Map<string, number> {
  const made = new Map<string, number>();
  eks.onEksctl((event, { name }) => {
    const key = event === 'cluster-created' ? 'cluster stack' : `nodegroup ${name}`;
    made.set(key, (made.get(key) ?? 0) + 1);
  });
  return made;
}

function eksAttempts(w: AwsWorld, runs: readonly Run[]) {
  return Object.fromEntries(
    runs.map((run) => {
      const calls = w.eks.eksctlCalls.filter((c) => c.argv.some((a) => a.includes(run.home)));
      return [
        run.name,
        {
          'create cluster': calls.filter((c) => c.command === 'create cluster').length,
          'create nodegroup': calls.filter((c) => c.command === 'create nodegroup').length,
        },
      ];
    }),
  );
}

function expectEksCreatedOnce(w: AwsWorld, eksCreates: Map<string, number>, kubeCreates: Map<string, number>) {
  expect(Object.fromEntries(eksCreates)).toEqual({
    'cluster stack': 1,
    'nodegroup services': 1,
    'nodegroup workspaces': 1,
  });
  const repeated = [...kubeCreates].filter(([, n]) => n !== 1);
  expect(repeated).toEqual([]);
  expect(kubeCreates.size).toBeGreaterThanOrEqual(8); // 2 CRDs, the operator's objects, the Installation
  // An object found existing and equal is not written again (no server-side apply of what is there).
  expect(kubeRewrites(w.kube)).toEqual([]);
}

describe('two EKS applies on one cluster (FAKE EKS/CloudFormation + Kubernetes APIs, eksctl TEST STAND-IN)', () => {
  let clean: { eks: unknown; kube: KubeObject[] };
  let w: AwsWorld;
  let eksCreates: Map<string, number>;
  let kubeCreates: Map<string, number>;

  beforeAll(async () => {
    const single = await startAwsWorld();
    try {
      const run = await eksRun(single, 'single');
      expectBothWell([run]);
      clean = { eks: eksState(single.eks), kube: single.kube.snapshot() };
    } finally {
      await single.close();
    }
  });
  beforeEach(async () => {
    w = await startAwsWorld();
    eksCreates = countEksCreates(w.eks);
    kubeCreates = countKubeCreates(w.kube);
  });
  afterEach(async () => w?.close());

  it('started at the same moment: one cluster stack, one stack per nodegroup, each object created once', async () => {
    const runs = await Promise.all([eksRun(w, 'a'), eksRun(w, 'b')]);
    expectBothWell(runs);
    expectEksCreatedOnce(w, eksCreates, kubeCreates);
    expect(eksState(w.eks)).toEqual(clean.eks);
    expect(w.kube.snapshot()).toEqual(clean.kube);
    const attempts = eksAttempts(w, runs);
    // Both may have started eksctl create cluster; the loser's AlreadyExistsException is then "done by another run".
    const losers = runs.filter((r) => recordOf(r, 'cluster').detail?.startsWith(DONE_MEANWHILE));
    expect(losers.length).toBe(attempts.a!['create cluster']! + attempts.b!['create cluster']! - 1);
    for (const loser of losers) expect(loser.io.lines.join('\n')).toContain('AlreadyExistsException');
    figures('EKS simultaneous', {
      attempted: attempts,
      accepted: Object.fromEntries(eksCreates),
      kube: { posts: w.kube.mutations().filter((r) => r.method === 'POST').length, created: kubeCreates.size },
      steps: Object.fromEntries(runs.map((r) => [r.name, r.records!.map((x) => `${x.id}:${x.status}`)])),
    });
  }, 120_000);

  /** The first run's eksctl is held mid-create; the second starts then, and releases it once it waits. */
  async function staggered(command: 'create cluster' | 'create nodegroup', waitingFor: RegExp, midway?: () => void) {
    const hold = w.eks.holdEksctl(command);
    const first = eksRun(w, 'a');
    await hold.started;
    midway?.();
    const io = fakeIO();
    let released = false;
    const second = eksRun(
      w,
      'b',
      {
        sleep: async (ms) => {
          w.clock.now += ms;
          if (!released && io.lines.some((l) => waitingFor.test(l))) {
            released = true;
            hold.release();
          }
          await tick(5);
        },
      },
      io,
    );
    const b = await second;
    hold.release(); // never leave the first run hanging, whatever the second did
    const a = await first;
    expect(released).toBe(true);
    expectBothWell([a, b]);
    expectEksCreatedOnce(w, eksCreates, kubeCreates);
    expect(eksState(w.eks)).toEqual(clean.eks);
    expect(w.kube.snapshot()).toEqual(clean.kube);
    const attempts = eksAttempts(w, [a, b]);
    // The second never started eksctl for what the first was in the middle of (later steps may race: fine).
    expect(attempts.b![command]).toBe(0);
    figures(`EKS staggered (${command} held${midway ? ', stack only' : ''})`, {
      attempted: attempts,
      accepted: Object.fromEntries(eksCreates),
      kube: { posts: w.kube.mutations().filter((r) => r.method === 'POST').length, created: kubeCreates.size },
      steps: Object.fromEntries([a, b].map((r) => [r.name, r.records!.map((x) => `${x.id}:${x.status}`)])),
    });
    return { a, b, io };
  }

  it('the second started while the cluster is CREATING: it waits for ACTIVE and starts no eksctl', async () => {
    const { b } = await staggered('create cluster', /waiting for EKS cluster gitpod to be ACTIVE/);
    expect(recordOf(b, 'cluster')).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^ACTIVE after/) });
  }, 120_000);

  it('the second started while the cluster stack is CREATE_IN_PROGRESS and EKS has no cluster yet: it waits too', async () => {
    const { b } = await staggered('create cluster', /CloudFormation stack eksctl-gitpod-cluster/, () =>
      // eksctl's stack first builds the VPC: for minutes, EKS knows no cluster of that name.
      w.eks.clusters.delete('gitpod'),
    );
    expect(recordOf(b, 'cluster')).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^ACTIVE after/) });
  }, 120_000);

  it('the second started while the nodegroup stacks are CREATE_IN_PROGRESS: it waits for them, no second eksctl', async () => {
    const { b } = await staggered('create nodegroup', /CloudFormation stack eksctl-gitpod-nodegroup-/);
    expect(recordOf(b, 'nodegroups')).toMatchObject({
      status: 'skipped',
      detail: expect.stringMatching(/^nodegroups services, workspaces exist/),
    });
  }, 120_000);
});
