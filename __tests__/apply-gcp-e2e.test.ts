/**
 * GKE `apply` end to end: the REAL gcloud (from this machine's SDK, through a pre-seeded tool cache) and
 * the REAL @google-cloud/container client against the FAKE GKE / IAM / Resource Manager / Service Usage
 * APIs, and the FAKE Kubernetes API. These tests fail, never skip, when gcloud is missing.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { statSync, readFileSync } from 'node:fs';
import { applyFlow, type GcpApplyDeps } from '../src/providers/gcp/apply.js';
import { connectKube, type KubeObject } from '../src/clients/kube.js';
import type { KubeAccess } from '../src/providers/types.js';
import { execArgv } from '../src/exec.js';
import type { Config } from '../src/inputs.js';
import { clearSecrets } from '../src/log.js';
import { GCP } from '../src/reference.js';
import { type StepRecord, StepFailedError } from '../src/steps.js';
import { type FakeIO, fakeIO } from './fixtures.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { realSdkRoot } from './support/tool-cache.js';

const CRB = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'cluster-admin-binding' };
const noSleep = async () => undefined;

interface Run {
  records?: StepRecord[];
  err?: unknown;
  io: FakeIO;
  access: KubeAccess[];
}

async function apply(w: GcpWorld, config: Config, deps: GcpApplyDeps = {}): Promise<Run> {
  const io = fakeIO();
  const access: KubeAccess[] = [];
  w.activate();
  try {
    const records = await applyFlow(config, io, {
      env: w.env,
      sleep: noSleep,
      // The fake Kubernetes API speaks http on loopback; everything else about the access is the action's own.
      connectKube: (a, log) => {
        access.push(a);
        return connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log, {
          attempts: 2,
          baseDelayMs: 0,
          sleep: noSleep,
        });
      },
      ...deps,
    });
    return { records, io, access };
  } catch (err) {
    return { err, io, access };
  }
}

const statuses = (records: readonly StepRecord[] | undefined) =>
  Object.fromEntries((records ?? []).map((r) => [r.id, r.status]));

/** The fake's state after a clean first apply, to compare converged runs with. */
let referenceSnapshot: unknown;

/** The clean state, from the first describe, or built here when that one was filtered out (`-t`). */
async function cleanSnapshot(inputs: Parameters<GcpWorld['config']>[0]): Promise<unknown> {
  if (referenceSnapshot) return referenceSnapshot;
  const w = await gcpWorld();
  try {
    expect((await apply(w, w.config(inputs))).err).toBeUndefined();
    return (referenceSnapshot = w.gcp.snapshot());
  } finally {
    await w.close();
  }
}

it('runs the real gcloud of this machine (fails when gcloud is missing)', async () => {
  const sdk = realSdkRoot();
  const res = await execArgv([`${sdk}/bin/gcloud`, 'version', '--format=value(core)'], { silent: true });
  expect(res.stdout.trim()).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
});

describe('first apply, then a no-op re-apply (FAKE GKE/IAM/CRM/Kubernetes APIs, real gcloud)', () => {
  let w: GcpWorld;
  let config: Config;
  let first: Run;

  beforeAll(async () => {
    clearSecrets();
    w = await gcpWorld();
    config = w.config();
    first = await apply(w, config);
  });
  afterAll(async () => w?.close());

  it('runs every step; the pool steps find the pools made with the cluster', () => {
    expect(first.err).toBeUndefined();
    expect(statuses(first.records)).toEqual({
      'service-account': 'done',
      'iam-roles': 'done',
      cluster: 'done',
      'default-pool': 'skipped',
      'services-pool': 'skipped',
      'workspaces-pool': 'skipped',
      kubeconfig: 'done',
      'cluster-admin-binding': 'done',
      'record-desired-state': 'done',
    });
  });

  it('runs exactly one long GKE operation: the cluster with both pools, no default pool ever', () => {
    const ops = [...w.gcp.operations.values()].map(
      (o) => `${String(o.op.operationType)} ${String(o.op.targetLink).replace(/^.*\/clusters\//, '')}`,
    );
    expect(ops).toEqual(['CREATE_CLUSTER gitpod']);
    const creates = w.gcp.requests.filter((r) => r.method === 'POST' && r.api === 'container');
    expect(creates).toHaveLength(1);
    const sent = creates[0]!.body as { cluster: { nodePools: { name: string }[]; nodeConfig?: unknown } };
    expect(sent.cluster.nodePools.map((p) => p.name)).toEqual(['workload-services', 'workload-workspaces']);
    expect(sent.cluster.nodeConfig).toBeUndefined();
  });

  it('sends the clusters.create request that plan shows, byte for byte the same JSON', () => {
    const step = first.records!.find((r) => r.id === 'cluster')!;
    expect(step.request).toMatchObject({
      method: 'POST',
      host: 'container.googleapis.com',
      path: '/v1/projects/fake-project/locations/us-central1/clusters',
    });
    const sent = w.gcp.requests.find((r) => r.method === 'POST' && r.path.endsWith('/clusters'))!;
    expect(sent.path).toBe(step.request!.path);
    expect(JSON.stringify(sent.body)).toBe(JSON.stringify(step.request!.body));
  });

  it('builds exactly the reference architecture', () => {
    const cluster = w.gcp.cluster('gitpod')!;
    expect(cluster.status).toBe('RUNNING');
    expect(cluster.currentMasterVersion).toBe('1.33.5-gke.1201000'); // newest of the REGULAR channel
    expect(cluster.networkPolicy).toEqual({ enabled: true, provider: 'CALICO' });
    const pools = cluster.nodePools as { name: string; config: Record<string, unknown>; [k: string]: unknown }[];
    expect(pools.map((p) => p.name)).toEqual(['workload-services', 'workload-workspaces']); // default pool gone
    for (const role of ['services', 'workspaces'] as const) {
      const pool = pools.find((p) => p.name === config.pools[role].name)!;
      expect(pool.config.labels).toEqual(config.pools[role].labels);
      expect(pool.config.machineType).toBe(GCP.seed.pools[role].machineType);
      expect(pool.config.imageType).toBe('UBUNTU_CONTAINERD');
      expect(pool.config.serviceAccount).toBe('gitpod-gke@fake-project.iam.gserviceaccount.com');
      expect(pool.maxPodsConstraint).toEqual({ maxPodsPerNode: '110' });
      expect(pool.autoscaling).toEqual({ enabled: true, minNodeCount: 1, maxNodeCount: 50 });
    }
    // The six labels: the table's services meta+ide plus workload_services, workspaces all three workspace labels.
    expect(pools[0]!.config.labels).toEqual({
      'gitpod.io/workload_meta': 'true',
      'gitpod.io/workload_ide': 'true',
      'gitpod.io/workload_services': 'true',
    });
    expect(pools[1]!.config.labels).toEqual({
      'gitpod.io/workload_workspace_services': 'true',
      'gitpod.io/workload_workspace_regular': 'true',
      'gitpod.io/workload_workspace_headless': 'true',
    });

    expect([...w.gcp.serviceAccounts.keys()]).toEqual(['gitpod-gke@fake-project.iam.gserviceaccount.com']);
    const member = 'serviceAccount:gitpod-gke@fake-project.iam.gserviceaccount.com';
    const roles = w.gcp.policy.bindings.filter((b) => b.members.includes(member)).map((b) => b.role);
    expect(roles.sort()).toEqual([...GCP.serviceAccount.roles].sort());
    expect(w.gcp.policyWrites).toHaveLength(1); // one read-modify-write, not four
    referenceSnapshot = w.gcp.snapshot();
  });

  it('writes the project policy with the setIamPolicy that plan shows: its path, and every binding it names', () => {
    const step = first.records!.find((r) => r.id === 'iam-roles')!;
    expect(step.request).toMatchObject({ method: 'POST', host: 'cloudresourcemanager.googleapis.com' });
    const writes = w.gcp.requests.filter((r) => r.method === 'POST' && r.path.endsWith(':setIamPolicy'));
    expect(writes.map((r) => r.path)).toEqual([step.request!.path]);
    type Binding = { role: string; members: string[] };
    const shown = (step.request!.body as { policy: { bindings: unknown[] } }).policy.bindings.filter(
      (b): b is Binding => typeof b === 'object',
    );
    expect(shown.map((b) => b.role)).toEqual([...GCP.serviceAccount.roles]);
    const sent = (writes[0]!.body as { policy: { bindings: Binding[]; etag?: string } }).policy;
    for (const b of shown) {
      const member = b.members.at(-1)!;
      expect(sent.bindings.find((x) => x.role === b.role)?.members).toContain(member);
    }
    // What plan names in angle brackets is what the read returned: the owner's binding is kept, the etag sent.
    expect(sent.bindings.find((x) => x.role === 'roles/owner')?.members).toEqual([`user:${w.gcp.account}`]);
    expect(sent.etag).toBeTruthy();
  });

  it('runs exactly the argv that plan shows, one gcloud process per gcloud step that ran', () => {
    const ran = first.records!.filter((r) => r.argv && r.status === 'done').map((r) => r.argv!.slice(1).join(' '));
    expect(w.gcloudCalls()).toEqual(ran);
    expect(ran).toEqual(['iam service-accounts create gitpod-gke --display-name=gitpod-gke --project=fake-project']);
  });

  it('creates the cluster-admin binding for the account of the credentials in use, with the GKE token', () => {
    const crb = w.kube.object(CRB)!;
    expect(crb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
    expect(crb.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: w.gcp.account }]);
    expect(first.access[0]).toMatchObject({ server: 'https://10.0.0.2', token: w.gcp.token });
    expect(first.access[0]!.caData).toBeTruthy();
  });

  it('writes a 0600 kubeconfig with an exec credential (no token) and sets the outputs', () => {
    const file = config.kubeconfigPath;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('gke-gcloud-auth-plugin');
    expect(text).toContain('server: https://10.0.0.2');
    expect(text).not.toContain(w.gcp.token);
    expect(first.io.exported.KUBECONFIG).toBe(file);
    expect(first.io.outputs).toMatchObject({
      kubeconfig: file,
      context: 'gke_fake-project_us-central1_gitpod',
      'cluster-endpoint': 'https://10.0.0.2',
    });
    const plan = JSON.parse(first.io.outputs.plan!) as StepRecord[];
    expect(plan.map((r) => r.status)).toEqual([
      'done',
      'done',
      'done',
      'skipped',
      'skipped',
      'skipped',
      'done',
      'done',
      'done',
    ]);
    expect(first.io.summary.join('\n')).toContain('✅ done');
  });

  it('never logs or outputs the token', () => {
    const everything = [...first.io.lines, ...Object.values(first.io.outputs), ...first.io.summary].join('\n');
    expect(everything).not.toContain(w.gcp.token);
  });

  it('a second apply sends zero mutating requests and starts zero gcloud processes', async () => {
    const gcpBefore = w.gcp.mutations().length;
    const kubeBefore = w.kube.mutations().length;
    const callsBefore = w.gcloudCalls().length;
    const second = await apply(w, config);
    expect(second.err).toBeUndefined();
    expect(statuses(second.records)).toEqual({
      'service-account': 'skipped',
      'iam-roles': 'skipped',
      cluster: 'skipped',
      'default-pool': 'skipped',
      'services-pool': 'skipped',
      'workspaces-pool': 'skipped',
      kubeconfig: 'done', // a local file, rewritten so the outputs are set
      'cluster-admin-binding': 'skipped',
      'record-desired-state': 'skipped',
    });
    expect(w.gcp.mutations().length).toBe(gcpBefore);
    expect(w.kube.mutations().length).toBe(kubeBefore);
    expect(w.gcloudCalls().length).toBe(callsBefore);
    expect(w.gcp.snapshot()).toEqual(referenceSnapshot);
  });
});

describe('resuming after a failure at each mutating step (FAKE APIs, real gcloud)', () => {
  let w: GcpWorld;
  beforeAll(async () => {
    w = await gcpWorld();
  });
  afterAll(async () => w?.close());

  it('converges to the same state with no duplicates, whichever step failed', async () => {
    const inputs = { 'services-extra-labels': 'gitpod.io/workload_services=true' };
    const config = w.config(inputs);
    const quota = 'Insufficient regional quota to satisfy request: resource "CPUS": request requires 16.0';
    // The pool steps have nothing to do on a fresh project (the pools come with the cluster): their
    // failures are in 'a cluster without its Gitpod pools' below.
    const faults: [step: string, inject: () => void][] = [
      ['service-account', () => w.gcp.failNext('POST /serviceAccounts$', 403, { message: 'Permission denied' })],
      ['iam-roles', () => w.gcp.failNext('POST :setIamPolicy$', 403, { message: 'Permission denied' })],
      ['cluster', () => w.gcp.failNext('POST /locations/[^/]+/clusters$', 403, { message: quota })],
      [
        'cluster-admin-binding',
        () => w.kube.failNext((r) => r.method === 'POST' && r.path.endsWith('/clusterrolebindings'), 403),
      ],
    ];
    for (const [step, inject] of faults) {
      inject();
      const run = await apply(w, config);
      expect(run.err).toBeInstanceOf(StepFailedError);
      expect((run.err as StepFailedError).step.id).toBe(step);
      expect(statuses(run.records ?? (run.err as StepFailedError).records)[step]).toBe('failed');
      expect(w.gcp.pendingFaults()).toBe(0);
    }
    const last = await apply(w, config);
    expect(last.err).toBeUndefined();
    expect(w.gcp.snapshot()).toEqual(await cleanSnapshot(inputs));
    expect(w.kube.objects(CRB.apiVersion, CRB.kind)).toHaveLength(1);
    // Each gcloud step ran at most twice (the failed try and the one that worked), never more.
    const counts = new Map<string, number>();
    for (const c of w.gcloudCalls()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect(w.gcloudCalls()).toHaveLength(2); // the service account's failed try and the one that worked
    expect(w.gcp.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/clusters'))).toHaveLength(2);
    // And the converged cluster is left alone by one more run.
    const before = w.gcp.mutations().length;
    const calls = w.gcloudCalls().length;
    expect((await apply(w, config)).err).toBeUndefined();
    expect(w.gcp.mutations().length).toBe(before);
    expect(w.gcloudCalls().length).toBe(calls);
  });
});

/** The reference architecture as a finished apply leaves it, written straight into the fakes. */
function seedBuilt(w: GcpWorld, config: Config, pool: (role: 'services' | 'workspaces') => object = () => ({})) {
  const email = 'gitpod-gke@fake-project.iam.gserviceaccount.com';
  w.gcp.seedServiceAccount(email, 'gitpod-gke');
  for (const role of GCP.serviceAccount.roles) w.gcp.seedBinding(role, `serviceAccount:${email}`);
  const nodePools = (['services', 'workspaces'] as const).map((role) => ({
    name: config.pools[role].name,
    config: {
      machineType: config.pools[role].machineType,
      imageType: 'UBUNTU_CONTAINERD',
      diskType: 'pd-ssd',
      diskSizeGb: 100,
      labels: { ...config.pools[role].labels },
      serviceAccount: email,
    },
    autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 50 },
    maxPodsConstraint: { maxPodsPerNode: '110' },
    ...pool(role),
  }));
  w.gcp.seedCluster({ name: config.clusterName, networkPolicy: { enabled: true, provider: 'CALICO' }, nodePools });
  const crb: KubeObject = {
    apiVersion: CRB.apiVersion,
    kind: CRB.kind,
    metadata: { name: CRB.name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: w.gcp.account }],
  };
  w.kube.seed(crb);
}

describe('existing pools (FAKE APIs, real gcloud)', () => {
  let w: GcpWorld;
  beforeEach(async () => {
    w = await gcpWorld();
  });
  afterEach(async () => w?.close());

  it('fixes wrong labels in place with gcloud node-pools update, keeping labels from others', async () => {
    const config = w.config();
    seedBuilt(w, config, (role) =>
      role === 'services'
        ? {
            config: {
              machineType: 'n2d-standard-8',
              imageType: 'UBUNTU_CONTAINERD',
              // What the reference document's own command sets, plus a label someone else added.
              labels: {
                'gitpod.io/workload_meta': 'true',
                'gitpod.io/workload_ide': 'true',
                'gitpod.io/workload_workspace_services': 'true',
                team: 'platform',
              },
            },
          }
        : {},
    );
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    const rec = run.records!.find((r) => r.id === 'services-pool')!;
    expect(rec.status).toBe('done');
    expect(rec.detail).toContain(
      'gcloud container node-pools update workload-services --cluster=gitpod --project=fake-project --region=us-central1 --node-labels=gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true,team=platform',
    );
    expect(w.gcp.pool('gitpod', 'workload-services')!.config).toMatchObject({
      labels: {
        'gitpod.io/workload_meta': 'true',
        'gitpod.io/workload_ide': 'true',
        'gitpod.io/workload_services': 'true',
        team: 'platform',
      },
    });
    expect(w.gcloudCalls()).toHaveLength(1);
    expect(w.gcloudCalls()[0]).toMatch(/^container node-pools update workload-services /);
    expect(w.gcp.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /v1/projects/fake-project/locations/us-central1/clusters/gitpod/nodePools/workload-services',
    ]);
  });

  it('does not take a Group of the account’s name for the account: it adds the User to the binding', async () => {
    const config = w.config();
    seedBuilt(w, config);
    const group = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: w.gcp.account };
    w.kube.seed({
      apiVersion: CRB.apiVersion,
      kind: CRB.kind,
      metadata: { name: CRB.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [group],
    });
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    expect(run.records!.find((r) => r.id === 'cluster-admin-binding')).toMatchObject({
      status: 'done',
      detail: `${w.gcp.account} added to the existing binding`,
    });
    expect(w.kube.object(CRB)!.subjects).toEqual([
      group,
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: w.gcp.account },
    ]);
    expect(w.gcloudCalls()).toEqual([]);
  });

  it('relabels a services pool built to the 2022 table (no workload_services) in place; a re-run changes nothing', async () => {
    const config = w.config();
    seedBuilt(w, config, (role) =>
      role === 'services'
        ? {
            config: {
              machineType: 'n2d-standard-8',
              imageType: 'UBUNTU_CONTAINERD',
              labels: { 'gitpod.io/workload_meta': 'true', 'gitpod.io/workload_ide': 'true' },
            },
          }
        : {},
    );
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    const rec = run.records!.find((r) => r.id === 'services-pool')!;
    expect(rec.status).toBe('done');
    expect(w.gcloudCalls()).toEqual([
      'container node-pools update workload-services --cluster=gitpod --project=fake-project --region=us-central1 --node-labels=gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true',
    ]);
    expect((w.gcp.pool('gitpod', 'workload-services')!.config as { labels: unknown }).labels).toEqual({
      'gitpod.io/workload_meta': 'true',
      'gitpod.io/workload_ide': 'true',
      'gitpod.io/workload_services': 'true',
    });
    expect(run.records!.find((r) => r.id === 'workspaces-pool')!.status).toBe('skipped');

    const mutations = w.gcp.mutations().length;
    const again = await apply(w, config);
    expect(again.err).toBeUndefined();
    expect(w.gcloudCalls()).toHaveLength(1);
    expect(w.gcp.mutations()).toHaveLength(mutations);
    expect(again.records!.find((r) => r.id === 'services-pool')!.status).toBe('skipped');
  });

  it('fixes autoscaling bounds in place with gcloud node-pools update --enable-autoscaling', async () => {
    const config = w.config();
    seedBuilt(w, config, (role) =>
      role === 'workspaces' ? { autoscaling: { enabled: true, minNodeCount: 0, maxNodeCount: 10 } } : {},
    );
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    expect(run.records!.find((r) => r.id === 'workspaces-pool')!.detail).toContain(
      'node-pools update workload-workspaces --cluster=gitpod --project=fake-project --region=us-central1 --enable-autoscaling --min-nodes=1 --max-nodes=50',
    );
    expect(w.gcp.pool('gitpod', 'workload-workspaces')!.autoscaling).toMatchObject({
      minNodeCount: 1,
      maxNodeCount: 50,
    });
    expect(w.gcloudCalls()).toHaveLength(1);
  });

  it('reports an immutable difference (machine type, max pods) and recreates nothing', async () => {
    const config = w.config();
    seedBuilt(w, config, (role) =>
      role === 'workspaces'
        ? {
            config: {
              machineType: 'n2d-standard-8',
              imageType: 'UBUNTU_CONTAINERD',
              labels: { ...config.pools.workspaces.labels },
            },
            maxPodsConstraint: { maxPodsPerNode: '64' },
          }
        : {},
    );
    const run = await apply(w, config);
    expect(run.err).toBeInstanceOf(StepFailedError);
    const message = (run.err as Error).message;
    expect((run.err as StepFailedError).step.id).toBe('workspaces-pool');
    expect(message).toContain('workload-workspaces: machine type is "n2d-standard-8", wanted "n2d-standard-16"');
    expect(message).toContain('workload-workspaces: max pods per node is 64, wanted 110');
    expect(message).toContain(
      'cannot change in place: GKE cannot change it on an existing node pool, and apply will not recreate the pool',
    );
    expect(message).toContain(
      'gcloud container node-pools delete workload-workspaces --cluster=gitpod --region=us-central1',
    );
    expect(message).not.toContain('\n');
    expect(w.gcloudCalls()).toEqual([]);
    expect(w.gcp.mutations()).toEqual([]);
    expect(w.gcp.pool('gitpod', 'workload-workspaces')!.config).toMatchObject({ machineType: 'n2d-standard-8' });
  });

  it('waits for an operation a cancelled run left on the cluster, with progress, instead of starting another', async () => {
    const config = w.config();
    seedBuilt(w, config);
    const cluster = w.gcp.cluster('gitpod')!;
    cluster.status = 'PROVISIONING';
    const op = w.gcp.startOperation('gitpod', 'CREATE_CLUSTER', 3, () => (cluster.status = 'RUNNING'));
    let clock = 0;
    const run = await apply(w, config, {
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      pollMs: 20_000,
      heartbeatMs: 30_000,
    });
    expect(run.err).toBeUndefined();
    expect(statuses(run.records).cluster).toBe('skipped');
    const polls = w.gcp.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/operations/${op}`));
    expect(polls).toHaveLength(4);
    expect(run.io.lines.some((l) => /still waiting for CREATE_CLUSTER on clusters\/gitpod .*elapsed/.test(l))).toBe(
      true,
    );
    expect(w.gcp.mutations()).toEqual([]);
    expect(w.gcloudCalls()).toEqual([]);
  });

  it('refuses a kubernetes-version the REGULAR channel does not offer, in one line listing what it does', async () => {
    const run = await apply(w, w.config({ 'kubernetes-version': '1.29' }));
    const message = (run.err as Error).message;
    expect(message).toMatch(/kubernetes-version '1.29' is not offered by the REGULAR release channel in us-central1/);
    expect(message).toContain('available: 1.33, 1.32');
    expect(w.gcp.mutations()).toEqual([]);
    expect(w.gcloudCalls()).toEqual([]);
  });

  it('resolves a minor to its newest patch and creates the cluster with it', async () => {
    const config = w.config({ 'kubernetes-version': '1.32' });
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    const body = run.records!.find((r) => r.id === 'cluster')!.request!.body as { cluster: Record<string, unknown> };
    expect(body.cluster.initialClusterVersion).toBe('1.32.9-gke.1108000');
    expect(w.gcp.cluster('gitpod')!.currentMasterVersion).toBe('1.32.9-gke.1108000');
  });
});

describe('a cluster without its Gitpod pools (FAKE APIs, real gcloud)', () => {
  let w: GcpWorld;
  afterEach(async () => w?.close());

  /** Resolves when `p` does, or fails the test after `ms`: a step that should run beside another never waits forever. */
  const within = async <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen`)), ms);
    });
    try {
      return await Promise.race([p, late]);
    } finally {
      clearTimeout(timer);
    }
  };

  /** What an earlier version of this action leaves when cancelled after its `clusters create`: the cluster and its default pool. */
  function seedLeftCluster(config: Config) {
    const email = 'gitpod-gke@fake-project.iam.gserviceaccount.com';
    w.gcp.seedServiceAccount(email, 'gitpod-gke');
    for (const role of GCP.serviceAccount.roles) w.gcp.seedBinding(role, `serviceAccount:${email}`);
    w.gcp.seedCluster({
      name: config.clusterName,
      networkPolicy: { enabled: true, provider: 'CALICO' },
      nodePools: [{ name: 'default-pool', initialNodeCount: 1, config: { machineType: 'e2-standard-2' } }],
    });
  }

  it('deletes the default pool and creates both pools at the same time, then converges to the clean state', async () => {
    w = await gcpWorld();
    const config = w.config();
    seedLeftCluster(config);
    const holds = ['services', 'workspaces'].map(() => w.gcp.holdNext('CREATE_NODE_POOL'));
    const deletion = w.gcp.holdNext('DELETE_NODE_POOL');
    const running = apply(w, config);
    // All three pool operations are started before any of them ends: none waits for another.
    await within(
      Promise.all([...holds.map((h) => h.started), deletion.started]),
      60_000,
      'three concurrent pool operations',
    );
    for (const h of [...holds, deletion]) h.release();
    const run = await running;
    expect(run.err).toBeUndefined();
    expect(statuses(run.records)).toMatchObject({
      cluster: 'skipped',
      'default-pool': 'done',
      'services-pool': 'done',
      'workspaces-pool': 'done',
    });
    expect(w.gcp.snapshot()).toEqual(await cleanSnapshot({}));
    // The lines of the steps that ran at once are told apart by their step.
    const lines = run.io.lines.join('\n');
    expect(lines).toContain('[services-pool] $ gcloud container node-pools create workload-services');
    expect(lines).toContain('[workspaces-pool] $ gcloud container node-pools create workload-workspaces');
    const before = w.gcp.mutations().length;
    expect((await apply(w, config)).err).toBeUndefined();
    expect(w.gcp.mutations().length).toBe(before);
  });

  it('creates the one pool that is missing, and only it', async () => {
    w = await gcpWorld();
    const config = w.config();
    seedBuilt(w, config);
    w.gcp.cluster('gitpod')!.nodePools = (w.gcp.cluster('gitpod')!.nodePools as { name: string }[]).filter(
      (p) => p.name !== 'workload-workspaces',
    );
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    expect(statuses(run.records)).toMatchObject({ 'services-pool': 'skipped', 'workspaces-pool': 'done' });
    expect(w.gcloudCalls().map((c) => c.split(' ').slice(0, 4).join(' '))).toEqual([
      'container node-pools create workload-workspaces',
    ]);
    expect(w.gcp.pool('gitpod', 'workload-workspaces')!.config).toMatchObject({
      labels: config.pools.workspaces.labels,
      machineType: 'n2d-standard-16',
    });
  });

  it('retries a create GKE refuses while another pool operation runs ("incompatible operation"), after waiting for it', async () => {
    w = await gcpWorld({ serialNodePoolOperations: true });
    const config = w.config();
    seedLeftCluster(config);
    w.gcp.cluster('gitpod')!.nodePools = []; // no default pool either: the two creates alone
    const first = w.gcp.holdNext('CREATE_NODE_POOL');
    const running = apply(w, config);
    await within(first.started, 60_000, 'the first pool create');
    // The other create is refused while the first one runs, as GKE did before parallel pool operations.
    const refused = () =>
      w.gcp.requests.some((r) => r.path.endsWith('/nodePools') && r.method === 'POST' && r.status === 400);
    await within(
      (async () => {
        while (!refused()) await new Promise((r) => setTimeout(r, 50));
      })(),
      60_000,
      'a refused second create',
    );
    first.release();
    const run = await running;
    expect(run.err).toBeUndefined();
    expect(statuses(run.records)).toMatchObject({ 'services-pool': 'done', 'workspaces-pool': 'done' });
    expect(run.io.lines.join('\n')).toMatch(/running it again in/);
    expect((w.gcp.cluster('gitpod')!.nodePools as { name: string }[]).map((p) => p.name).sort()).toEqual([
      'workload-services',
      'workload-workspaces',
    ]);
  });

  it('retries a pool create that GKE answers with 429', async () => {
    w = await gcpWorld();
    const config = w.config();
    seedBuilt(w, config);
    w.gcp.cluster('gitpod')!.nodePools = [];
    w.gcp.failNext(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith('/nodePools') &&
        (r.body as { nodePool?: { name?: string } })?.nodePool?.name === 'workload-services',
      429,
      {
        message: 'Quota exceeded for quota metric container.googleapis.com/mutate_requests',
        reason: 'RESOURCE_EXHAUSTED',
      },
    );
    const run = await apply(w, config);
    expect(run.err).toBeUndefined();
    expect(w.gcp.pendingFaults()).toBe(0);
    expect(w.gcp.requests.some((r) => r.status === 429)).toBe(true);
    expect(w.gcp.pool('gitpod', 'workload-services')).toBeDefined();
    expect(w.gcp.pool('gitpod', 'workload-workspaces')).toBeDefined();
  });
});
