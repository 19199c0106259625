/**
 * Transient faults, proven against the loopback fakes with the REAL clients (gcp-rest's fetch client,
 * @google-cloud/container, the AWS SDK, the Kubernetes client) and the REAL gcloud: the FAKE GKE / IAM /
 * Resource Manager / tokeninfo APIs, the FAKE EKS + CloudFormation APIs and the FAKE Kubernetes API
 * answer the first attempt of every distinct request the action's own clients send with a transient error
 * (429 with Retry-After, 500, 502, 503, a dropped connection), then serve it. apply and verify must come out
 * exactly as they do without faults, each fault retried once after a jittered, capped wait. Permanent
 * errors end the run at the first answer, in one line with the API's own message; a server that never
 * recovers is given up on within the policy's time bound, the error saying how many attempts were made.
 *
 * Set FAULT_FIGURES=1 to print the counts (distinct requests faulted, retries, waits) of each flow.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { applyFlow as applyAws } from '../src/providers/aws/apply.js';
import { applyFlow as applyGcp } from '../src/providers/gcp/apply.js';
import { GcpRest, gcpCredentials } from '../src/providers/gcp/rest.js';
import { eksApi } from '../src/providers/aws/eks.js';
import { connectGke } from '../src/providers/gcp/gke.js';
import { type KubeClient, type KubeRetry, connectKube } from '../src/clients/kube.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { gcpCloud } from '../src/providers/gcp/cloud.js';
import { verify } from '../src/commands/verify.js';
import type { Config } from '../src/inputs.js';
import { clearSecrets, memoryLogger } from '../src/log.js';
import { GCP } from '../src/reference.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../src/retry.js';
import type { StepRecord } from '../src/steps.js';
import { type FakeIO, fakeIO } from './fixtures.js';
import { isGcloud } from './fakes/gcp-api.js';
import { closeServer, listenLoopback } from './fakes/loopback.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { type FakeKubeApi, fakeNode } from './fakes/kube-api.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

/** An injected sleep that never waits, recording each wait it was asked for. */
function waits() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

/** A clock that moves only when the code under test sleeps. */
function clock() {
  const c = { now: 5_000_000, slept: 0 };
  const policy: Partial<RetryPolicy> = {
    now: () => c.now,
    sleep: async (ms) => {
      c.slept += ms;
      c.now += ms;
    },
  };
  return { c, policy };
}

/** The first `n` entries of `list` repeated: the statuses a fault mode hands out in turn. */
const cycle = <T>(list: T[], n: number) => Array.from({ length: n }, (_, i) => list[i % list.length]!);

const statuses = (records: readonly StepRecord[] | undefined) => (records ?? []).map((r) => [r.id, r.status]);
const oneLine = (err: unknown) => expect((err as Error).message).not.toContain('\n');
const figures = (line: string) => process.env.FAULT_FIGURES && console.log(line);

/** Every wait within [step/2, step] of the first retry's step, or exactly the Retry-After (capped). */
function expectJitteredWaits(delays: number[], baseDelayMs: number, retryAfterWait: number, retryAfterCount: number) {
  const jittered = delays.filter((d) => d !== retryAfterWait);
  expect(delays.length - jittered.length).toBe(retryAfterCount);
  for (const d of jittered) {
    expect(d).toBeGreaterThanOrEqual(baseDelayMs / 2);
    expect(d).toBeLessThanOrEqual(baseDelayMs);
  }
  // Jitter, not one fixed wait: concurrent runs spread out.
  if (jittered.length >= 5) expect(new Set(jittered).size).toBeGreaterThan(1);
  expect(Math.max(...delays)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
}

/** The FAKE Kubernetes API's faults, in turn: the GKE flow sends only a few requests, so the drop comes early. */
const KUBE_FAULTS: (number | 'drop')[] = [429, 'drop', 500, 502, 503];

/** The Kubernetes client's policy in these tests: its own defaults (500 ms base), the wait capped at 1.5 s. */
const KUBE_CAP_MS = 1_500;

function kubeRetry(sleep: (ms: number) => Promise<void>): KubeRetry {
  return { sleep, maxDelayMs: KUBE_CAP_MS };
}

/** The kube client's waits: jittered from 500 ms, a 429's Retry-After of 2 s capped at 1.5 s. */
function expectKubeWaits(kube: FakeKubeApi, delays: number[]) {
  expect(delays).toHaveLength(kube.transientFaults.length);
  const throttled = kube.transientFaults.filter((f) => f.status === 429).length;
  expectJitteredWaits(delays, 500, KUBE_CAP_MS, throttled);
  expect(Math.max(...delays)).toBeLessThanOrEqual(KUBE_CAP_MS);
}

// --- GKE ----------------------------------------------------------------------------------------------------

interface GcpRun {
  records?: StepRecord[];
  err?: unknown;
  io: FakeIO;
}

async function gcpApply(w: GcpWorld, config: Config, cloudSleep: (ms: number) => Promise<void>, kube: KubeRetry) {
  const io = fakeIO();
  w.activate();
  try {
    const records = await applyGcp(config, io, {
      env: w.env,
      sleep: cloudSleep,
      // The fake Kubernetes API speaks http on loopback; everything else about the access is the action's own.
      connectKube: (a, log) =>
        connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log, kube),
    });
    return { records, io } as GcpRun;
  } catch (err) {
    return { err, io } as GcpRun;
  }
}

const noWait = async () => undefined;
const GCP_INPUTS = { 'services-extra-labels': 'gitpod.io/workload_services=true', 'fail-on-drift': 'false' };
const CRB = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'cluster-admin-binding' };

/** The nodes GKE would start for the pools apply created: the pool's labels plus GKE's pool label. */
function seedGkeNodes(w: GcpWorld, config: Config) {
  for (const role of ['services', 'workspaces'] as const) {
    const name = config.pools[role].name;
    const labels = (w.gcp.pool(config.clusterName, name)!.config as { labels: Record<string, string> }).labels;
    w.kube.seed(fakeNode({ name: `${name}-node-0`, labels: { ...labels, [GCP.nodePoolLabel]: name } }));
  }
}

async function gcpVerify(w: GcpWorld, config: Config, cloudSleep: (ms: number) => Promise<void>, kube: KubeRetry) {
  const io = fakeIO();
  const credentials = await gcpCredentials(w.env, fetch, { sleep: cloudSleep });
  const gke = await connectGke(
    { project: config.project, region: config.region },
    { log: io.log, credentials, env: w.env, sleep: cloudSleep },
  );
  try {
    const client = await connectKube(w.kube.access(), io.log, kube);
    const report = await verify(config, io, {
      cloud: gcpCloud(config, io.log, { env: w.env, credentials, gke }),
      kube: client,
    });
    return { report, io };
  } finally {
    await gke.close();
  }
}

interface CleanGcp {
  gcp: unknown;
  kube: unknown;
  records: unknown;
  gcloud: string[];
  report: unknown;
}
let cleanGcpRun: Promise<CleanGcp> | undefined;

/** A clean apply and verify without faults, in a world of its own: what every faulted GKE run must reach. */
function cleanGcp(): Promise<CleanGcp> {
  return (cleanGcpRun ??= (async () => {
    const c = await gcpWorld();
    try {
      const cfg = c.config(GCP_INPUTS);
      const r = await gcpApply(c, cfg, noWait, { sleep: noWait });
      if (r.err) throw r.err;
      const state = {
        gcp: c.gcp.snapshot(),
        kube: c.kube.snapshot(),
        records: statuses(r.records),
        gcloud: c.gcloudCalls(),
      };
      seedGkeNodes(c, cfg);
      const { report } = await gcpVerify(c, cfg, noWait, { sleep: noWait });
      return { ...state, report };
    } finally {
      await c.close();
    }
  })());
}

describe('GKE apply and verify, the first attempt of every request failing transiently (FAKE GKE/IAM/CRM/Kubernetes APIs, real gcloud)', () => {
  let clean: CleanGcp;
  let w: GcpWorld;
  let config: Config;
  let run: GcpRun;
  const cloud = waits();
  const kube = waits();

  beforeAll(async () => {
    clearSecrets();
    clean = await cleanGcp();
    w = await gcpWorld();
    config = w.config(GCP_INPUTS);
    w.gcp.failFirstAttemptOfEach({ except: (r) => isGcloud(r.userAgent) });
    w.kube.failFirstAttemptOfEach({ statuses: KUBE_FAULTS });
    run = await gcpApply(w, config, cloud.sleep, kubeRetry(kube.sleep));
  });
  afterAll(async () => w?.close());

  it('converges to exactly the state of a clean apply, every step as in the clean run', () => {
    expect(run.err).toBeUndefined();
    expect(statuses(run.records)).toEqual(clean.records);
    expect(w.gcp.snapshot()).toEqual(clean.gcp);
    expect(w.kube.snapshot()).toEqual(clean.kube);
  });

  it('creates nothing twice: no "already exists", one policy write, the same gcloud processes as the clean run', () => {
    expect(w.gcp.requests.filter((r) => r.status === 409)).toEqual([]);
    expect(w.gcp.policyWrites).toHaveLength(1);
    expect(w.gcloudCalls()).toEqual(clean.gcloud);
    expect(w.kube.objects(CRB.apiVersion, CRB.kind)).toHaveLength(1);
    const crbPosts = w.kube.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/clusterrolebindings'));
    expect(crbPosts).toHaveLength(2); // the faulted attempt (answered before any write) and its retry
  });

  it("faults every API the action's own clients call, each fault retried; gcloud's requests are left alone", () => {
    const faults = w.gcp.transientFaults;
    expect(new Set(faults.map((f) => f.api))).toEqual(new Set(['oauth2', 'container', 'iam', 'cloudresourcemanager']));
    expect(faults.map((f) => f.status)).toEqual(cycle([429, 500, 502, 503], faults.length));
    expect(faults.filter((f) => !f.retried)).toEqual([]);
    const kubeFaults = w.kube.transientFaults;
    expect(kubeFaults.map((f) => f.status)).toEqual(cycle(KUBE_FAULTS, kubeFaults.length));
    expect(w.kube.transientFaults.filter((f) => !f.retried)).toEqual([]);
    const gcloud = w.gcp.requests.filter((r) => isGcloud(r.userAgent));
    expect(gcloud.length).toBeGreaterThan(0);
    expect(gcloud.filter((r) => r.status === 429 || (r.status ?? 0) >= 500)).toEqual([]);
    // Every request not from gcloud came from the action's own clients and had its first attempt faulted.
    const ours = w.gcp.requests.filter((r) => !isGcloud(r.userAgent));
    const distinct = new Set(ours.map((r) => `${r.method} ${r.path}?${r.query.toString()} ${JSON.stringify(r.body)}`));
    expect(faults).toHaveLength(distinct.size);
  });

  it('waited before every retry: one wait per fault, jittered from 1 s, a 429 waiting its Retry-After', () => {
    const faults = w.gcp.transientFaults;
    expect(cloud.delays).toHaveLength(faults.length);
    // gax does not expose the answer's headers: GKE's own 429s get the plain backoff.
    const honoured = faults.filter((f) => f.status === 429 && f.api !== 'container').length;
    expectJitteredWaits(cloud.delays, 1000, 2000, honoured);
    expectKubeWaits(w.kube, kube.delays);
    const retryLines = run.io.lines.filter((l) => /retrying in/.test(l));
    expect(retryLines.length).toBeGreaterThanOrEqual(faults.length);
    figures(
      `GKE apply faulted: ${[...faults, ...w.kube.transientFaults].map((f) => `${f.status} ${f.method} ${f.path}`).join('; ')}`,
    );
    figures(
      `GKE apply: ${faults.length} distinct cloud API requests faulted (${faults.filter((f) => f.status === 429).length}×429, ` +
        `${faults.filter((f) => f.status === 500).length}×500, ${faults.filter((f) => f.status === 502).length}×502, ` +
        `${faults.filter((f) => f.status === 503).length}×503), ${w.kube.transientFaults.length} Kubernetes requests faulted; ` +
        `${cloud.delays.length + kube.delays.length} retries, waits ${Math.min(...cloud.delays, ...kube.delays)}–` +
        `${Math.max(...cloud.delays, ...kube.delays)} ms; gcloud requests untouched: ${w.gcp.requests.filter((r) => isGcloud(r.userAgent)).length}`,
    );
  });

  it('verify under the same faults gives the same report as without them', async () => {
    seedGkeNodes(w, config);
    const before = { gcp: w.gcp.transientFaults.length, kube: w.kube.transientFaults.length };
    w.gcp.failFirstAttemptOfEach({ except: (r) => isGcloud(r.userAgent) });
    w.kube.failFirstAttemptOfEach({ statuses: KUBE_FAULTS });
    const vCloud = waits();
    const vKube = waits();
    const { report } = await gcpVerify(w, config, vCloud.sleep, kubeRetry(vKube.sleep));
    expect(report).toEqual(clean.report);
    const gcpFaults = w.gcp.transientFaults.slice(before.gcp);
    const kubeFaults = w.kube.transientFaults.slice(before.kube);
    expect(gcpFaults.length).toBeGreaterThan(0);
    expect(kubeFaults.length).toBeGreaterThanOrEqual(2); // the server version and the node pages
    expect([...gcpFaults, ...kubeFaults].filter((f) => !f.retried)).toEqual([]);
    expect(vCloud.delays).toHaveLength(gcpFaults.length);
    expect(vKube.delays).toHaveLength(kubeFaults.length);
    figures(`GKE verify: ${gcpFaults.length} cloud + ${kubeFaults.length} Kubernetes requests faulted and retried`);
  });
});

describe("gcloud's own requests (FAKE GKE API, real gcloud)", () => {
  let w: GcpWorld;
  beforeAll(async () => {
    w = await gcpWorld();
  });
  afterAll(async () => w?.close());

  it('a 503 on the action’s own `clusters.create` POST: its REST client retries it once, and one cluster is made', async () => {
    const create = (r: { method: string; path: string }) =>
      r.method === 'POST' && /\/locations\/[^/]+\/clusters$/.test(r.path);
    w.gcp.failNext(create, 503, { message: 'The service is currently unavailable.' });
    const config = w.config(GCP_INPUTS);
    const waits: number[] = [];
    const run = await gcpApply(w, config, async (ms) => void waits.push(ms), { sleep: noWait });
    expect(run.err).toBeUndefined();
    expect(w.gcp.requests.filter(create).map((r) => [isGcloud(r.userAgent), r.status])).toEqual([
      [false, 503],
      [false, 200],
    ]);
    expect(w.gcloudCalls().filter((c) => c.startsWith('container clusters create'))).toEqual([]);
    expect(
      run.io.lines.some((l) =>
        /^container POST \/v1\/projects\/fake-project\/locations\/us-central1\/clusters: .*503.*; retrying in [\d.]+s \(attempt 2 of \d+\)$/.test(
          l,
        ),
      ),
    ).toBe(true);
    // The API retry policy's waits: 5 s at the most here (the CLI re-run's 10 s step is not taken).
    expect(waits.filter((ms) => ms > 5_000)).toEqual([]);
    const clean = await cleanGcp();
    expect(w.gcp.snapshot()).toEqual(clean.gcp);
    expect(w.kube.snapshot()).toEqual(clean.kube);
    expect(w.gcp.requests.filter((r) => r.status === 409)).toEqual([]);
  });

  it('a 503 on gcloud’s `service-accounts create` POST: the action probes, finds nothing made, and runs gcloud again', async () => {
    const w2 = await gcpWorld();
    try {
      const create = (r: { method: string; path: string }) => r.method === 'POST' && /\/serviceAccounts$/.test(r.path);
      w2.gcp.failNext(create, 503, { message: 'The service is currently unavailable.' });
      const waits: number[] = [];
      const run = await gcpApply(w2, w2.config(GCP_INPUTS), async (ms) => void waits.push(ms), { sleep: noWait });
      expect(run.err).toBeUndefined();
      const sent = w2.gcp.requests.filter(create).map((r) => [isGcloud(r.userAgent), r.status]);
      expect(sent.at(-1)).toEqual([true, 200]);
      expect(sent.filter(([, status]) => status === 503)).toHaveLength(1);
      expect(w2.gcp.serviceAccounts.size).toBe(1);
    } finally {
      await w2.close();
    }
  });
});

describe('a permanent gcloud failure (FAKE GKE API, real gcloud)', () => {
  let w: GcpWorld;
  beforeAll(async () => {
    w = await gcpWorld();
  });
  afterAll(async () => w?.close());

  it('a 400 on `clusters.create` is not sent again: the step fails in one line with the API’s message', async () => {
    const create = (r: { method: string; path: string }) =>
      r.method === 'POST' && /\/locations\/[^/]+\/clusters$/.test(r.path);
    const message = 'Master version "1.99" is unsupported.';
    w.gcp.failNext(create, 400, { message });
    const waits: number[] = [];
    const run = await gcpApply(w, w.config(GCP_INPUTS), async (ms) => void waits.push(ms), { sleep: noWait });
    expect((run.err as Error).message).toMatch(/^step 'cluster' /);
    expect((run.err as Error).message).toContain(message);
    oneLine(run.err);
    expect(w.gcp.requests.filter(create).map((r) => r.status)).toEqual([400]);
    expect(waits.filter((ms) => ms > 5_000)).toEqual([]);
  });
});

describe('permanent errors fail fast, one line with the API’s own message (FAKE GKE/IAM/Kubernetes APIs)', () => {
  let w: GcpWorld;
  beforeEach(async () => {
    w = await gcpWorld();
  });
  afterEach(async () => w?.close());

  it('GKE 403 PERMISSION_DENIED on reading the cluster: one request, the run ends', async () => {
    const message =
      "Required 'container.clusters.get' permission for 'projects/fake-project/locations/us-central1/clusters/gitpod'.";
    w.gcp.failNext('GET /clusters/gitpod$', 403, { message });
    const run = await gcpApply(w, w.config(), noWait, { sleep: noWait });
    expect((run.err as Error).message).toContain(message);
    oneLine(run.err);
    expect(w.gcp.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/clusters/gitpod'))).toHaveLength(1);
    expect(w.gcloudCalls()).toEqual([]);
  });

  it('IAM 400 INVALID_ARGUMENT on the service account: one request, the step fails naming it', async () => {
    const message = 'Invalid form of account ID gitpod-gke. Should be [Gaia ID |Email |Unique ID |] of the account';
    w.gcp.failNext('GET /serviceAccounts/', 400, { message, reason: 'INVALID_ARGUMENT' });
    const run = await gcpApply(w, w.config(), noWait, { sleep: noWait });
    expect((run.err as Error).message).toMatch(
      new RegExp(`^step 'service-account' .*answered 400 INVALID_ARGUMENT: ${message.replace(/[|[\]]/g, '\\$&')}$`),
    );
    oneLine(run.err);
    expect(w.gcp.requests.filter((r) => r.api === 'iam')).toHaveLength(1);
  });

  it('Kubernetes 403 on creating the cluster-admin binding: one request, the step fails naming it', async () => {
    const message =
      'clusterrolebindings.rbac.authorization.k8s.io is forbidden: User "deployer@fake-project.iam.gserviceaccount.com" cannot create resource "clusterrolebindings"';
    const post = (r: { method: string; path: string }) =>
      r.method === 'POST' && r.path.endsWith('/clusterrolebindings');
    w.kube.failNext(post, 403, 1, message);
    const run = await gcpApply(w, w.config(), noWait, { sleep: noWait });
    expect((run.err as Error).message).toMatch(/^step 'cluster-admin-binding' /);
    expect((run.err as Error).message).toContain(`Kubernetes API answered 403: ${message}`);
    oneLine(run.err);
    expect(w.kube.requests.filter(post)).toHaveLength(1);
  });
});

describe('time bound: an API that always answers 503 (FAKE Kubernetes / Resource Manager / GKE APIs)', () => {
  const policy = { attempts: 100, baseDelayMs: 500, maxDelayMs: 8_000, maxElapsedMs: 60_000 };
  let w: GcpWorld;
  beforeAll(async () => {
    w = await gcpWorld();
  });
  afterAll(async () => w?.close());

  function expectBounded(err: unknown, slept: number, requests: number) {
    expect(slept).toBeLessThanOrEqual(policy.maxElapsedMs);
    expect(slept).toBeGreaterThan(policy.maxElapsedMs - policy.maxDelayMs); // it did use its budget
    const m = /\(after (\d+) attempts\)$/.exec((err as Error).message);
    expect(Number(m?.[1])).toBe(requests);
    expect(requests).toBeLessThan(policy.attempts); // time ended it, not the attempt count
    oneLine(err);
  }

  it('the Kubernetes client gives up within maxElapsedMs, saying how many attempts it made', async () => {
    const { c, policy: time } = clock();
    w.kube.failNext((r) => r.path === '/version', 503, 1000);
    const client: KubeClient = await connectKube(w.kube.access(), memoryLogger(), { ...policy, ...time });
    const err = await client.serverVersion().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /^get the server version: Kubernetes API answered 503: injected fault 503 \(after \d+ attempts\)$/,
    );
    expectBounded(err, c.slept, w.kube.requests.filter((r) => r.path === '/version').length);
  });

  it('the Resource Manager client gives up within maxElapsedMs, saying how many attempts it made', async () => {
    const { c, policy: time } = clock();
    w.gcp.failNext('POST :getIamPolicy$', 503, { times: 1000, message: 'The service is currently unavailable.' });
    const rest = new GcpRest({
      log: memoryLogger(),
      credentials: await gcpCredentials(w.env),
      env: w.env,
      retry: { ...policy, ...time },
    });
    const err = await rest.getIamPolicy('fake-project').catch((e: unknown) => e);
    w.gcp.clearFaults();
    expect((err as Error).message).toMatch(
      /^cloudresourcemanager POST \/v1\/projects\/fake-project:getIamPolicy answered 503 UNAVAILABLE: The service is currently unavailable\. \(after \d+ attempts\)$/,
    );
    expectBounded(err, c.slept, w.gcp.requests.filter((r) => r.path.endsWith(':getIamPolicy')).length);
  });

  it('the GKE client gives up within maxElapsedMs, saying how many attempts it made', async () => {
    const { c, policy: time } = clock();
    w.gcp.failNext('GET /clusters/gitpod$', 503, { times: 1000, message: 'The service is currently unavailable.' });
    const gke = await connectGke(
      { project: 'fake-project', region: 'us-central1' },
      { log: memoryLogger(), credentials: await gcpCredentials(w.env), env: w.env, retry: { ...policy, ...time } },
    );
    try {
      const err = await gke.getCluster('gitpod').catch((e: unknown) => e);
      w.gcp.clearFaults();
      expect((err as Error).message).toMatch(
        /^GKE get cluster gitpod: The service is currently unavailable\. \(after \d+ attempts\)$/,
      );
      expectBounded(err, c.slept, w.gcp.requests.filter((r) => r.path.endsWith('/clusters/gitpod')).length);
    } finally {
      await gke.close();
    }
  });
});

// --- EKS ----------------------------------------------------------------------------------------------------

/** The FAKE EKS/CloudFormation state as compared between runs (the endpoint is each world's own Kubernetes fake). */
function eksSnapshot(world: AwsWorld) {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  const clusters = sorted(world.eks.clusters).map(([k, c]) => [
    k,
    { ...c, endpoint: c.endpoint.replace(world.kube.url, 'KUBE') },
  ]);
  return { clusters, nodegroups: sorted(world.eks.nodegroups), stacks: sorted(world.eks.stacks) };
}

/** The eksctl TEST STAND-IN's invocations, each world's own folder written DIR. */
const eksctlArgv = (world: AwsWorld) =>
  world.eks.eksctlCalls.map((x) => x.argv.map((a) => a.replace(world.dir, 'DIR')));

/** The faults of the FAKE EKS and CloudFormation APIs, in turn: throttling, 503, a proxy's 502 page, 500. */
const EKS_FAULTS = {
  eks: [
    { status: 429, code: 'ThrottlingException' },
    { status: 503, code: 'ServiceUnavailableException' },
    { status: 502 },
    { status: 500, code: 'ServerException' },
  ],
  cloudformation: [
    { status: 400, code: 'Throttling' },
    { status: 503, code: 'ServiceUnavailable' },
    { status: 502 },
    { status: 500, code: 'InternalFailure' },
  ],
};

async function awsApply(world: AwsWorld, kube: KubeRetry) {
  const io = fakeIO();
  const deps = world.deps({
    connect: async (access, log) => connectKube({ ...access, token: world.kube.token }, log, kube),
  });
  try {
    return { records: await applyAws(world.config(), io, deps), io };
  } catch (err) {
    return { err, io, records: undefined };
  }
}

async function awsVerify(world: AwsWorld, kube: KubeRetry) {
  const config = world.config({ command: 'verify', 'fail-on-drift': 'false' });
  const io = fakeIO();
  const client = await connectKube(world.kube.access(), memoryLogger(), kube);
  return verify(config, io, { cloud: awsCloud(config, io.log), kube: client });
}

describe('EKS apply and verify, the first attempt of every request failing transiently (FAKE EKS/CloudFormation/Kubernetes APIs, eksctl TEST STAND-IN)', () => {
  let clean: { eks: unknown; kube: unknown; records: unknown; eksctl: unknown; report: unknown };
  let world: AwsWorld;
  let run: Awaited<ReturnType<typeof awsApply>>;
  const kube = waits();

  beforeAll(async () => {
    const c = await startAwsWorld();
    try {
      const r = await awsApply(c, { sleep: noWait });
      expect(r.err).toBeUndefined();
      clean = {
        eks: eksSnapshot(c),
        kube: c.kube.snapshot(),
        records: statuses(r.records),
        eksctl: eksctlArgv(c),
        report: await awsVerify(c, { sleep: noWait }),
      };
    } finally {
      await c.close();
    }
    world = await startAwsWorld();
    world.eks.failFirstAttemptOfEach(EKS_FAULTS);
    world.kube.failFirstAttemptOfEach({ statuses: KUBE_FAULTS });
    run = await awsApply(world, kubeRetry(kube.sleep));
  });
  afterAll(async () => world?.close());

  it('converges to exactly the state of a clean apply, every step as in the clean run, eksctl run as often', () => {
    expect(run.err).toBeUndefined();
    expect(statuses(run.records)).toEqual(clean.records);
    expect(eksSnapshot(world)).toEqual(clean.eks);
    expect(world.kube.snapshot()).toEqual(clean.kube);
    expect(eksctlArgv(world)).toEqual(clean.eksctl);
  });

  it('faults EKS, CloudFormation and Kubernetes requests with typed transient errors, each retried by the SDK or the client', () => {
    const faults = world.eks.transientFaults;
    expect(new Set(faults.map((f) => f.service))).toEqual(new Set(['eks', 'cloudformation']));
    for (const service of ['eks', 'cloudformation'] as const) {
      const mine = faults.filter((f) => f.service === service);
      expect(mine.map(({ status, code }) => ({ status, ...(code ? { code } : {}) }))).toEqual(
        cycle(EKS_FAULTS[service], mine.length),
      );
      expect(mine.length).toBeGreaterThanOrEqual(3); // throttling, 503 and a 502 page at least
    }
    expect(faults.filter((f) => !f.retried)).toEqual([]);
    expect(world.kube.transientFaults.filter((f) => !f.retried)).toEqual([]);
    expect(new Set(world.kube.transientFaults.map((f) => f.status))).toEqual(new Set(KUBE_FAULTS));
    expect(world.kube.transientFaults.map((f) => f.status)).toEqual(
      cycle(KUBE_FAULTS, world.kube.transientFaults.length),
    );
    expectKubeWaits(world.kube, kube.delays);
    const apiRequests = world.eks.requests.filter((r) => r.service !== 'eksctl');
    figures(`EKS apply faulted: ${faults.map((f) => `${f.code ?? f.status} ${f.service} ${f.action}`).join('; ')}`);
    figures(
      `EKS apply: ${faults.length} distinct EKS/CloudFormation requests faulted ` +
        `(${faults.map((f) => f.code ?? f.status).join(', ')}) of ${apiRequests.length} sent, ` +
        `${world.kube.transientFaults.length} Kubernetes requests faulted; ${faults.length + kube.delays.length} retries`,
    );
  });

  it('verify under the same faults gives the same report as without them', async () => {
    const before = { eks: world.eks.transientFaults.length, kube: world.kube.transientFaults.length };
    world.eks.failFirstAttemptOfEach(EKS_FAULTS);
    world.kube.failFirstAttemptOfEach({ statuses: KUBE_FAULTS });
    const vKube = waits();
    const report = await awsVerify(world, kubeRetry(vKube.sleep));
    expect(report).toEqual(clean.report);
    const eksFaults = world.eks.transientFaults.slice(before.eks);
    const kubeFaults = world.kube.transientFaults.slice(before.kube);
    expect(eksFaults.length).toBeGreaterThanOrEqual(3); // DescribeCluster, ListNodegroups, DescribeNodegroup ×2
    expect(kubeFaults.length).toBeGreaterThanOrEqual(2);
    expect([...eksFaults, ...kubeFaults].filter((f) => !f.retried)).toEqual([]);
    expect(vKube.delays).toHaveLength(kubeFaults.length);
    figures(`EKS verify: ${eksFaults.length} EKS + ${kubeFaults.length} Kubernetes requests faulted and retried`);
  });
});

describe('EKS permanent errors and the SDK’s bound (FAKE EKS/Kubernetes APIs)', () => {
  let world: AwsWorld;
  beforeEach(async () => {
    world = await startAwsWorld();
  });
  afterEach(async () => world?.close());

  it('AccessDeniedException from EKS: one request, the run ends in one line with the API’s message', async () => {
    const message =
      'User: arn:aws:iam::000000000000:user/ci is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:eu-west-1:000000000000:cluster/gitpod';
    world.eks.failApi('DescribeCluster', 403, 'AccessDeniedException', 1, message);
    const run = await awsApply(world, { sleep: noWait });
    expect((run.err as Error).message).toContain(`AccessDeniedException: ${message} (HTTP 403)`);
    oneLine(run.err);
    expect(world.eks.requests.filter((r) => r.action === 'DescribeCluster')).toHaveLength(1);
    expect(world.eks.eksctlCalls).toEqual([]);
  });

  it('Kubernetes 422 on writing the Installation: one request, the step fails naming it', async () => {
    const message = 'Installation.operator.tigera.io "default" is invalid: spec.cni.type: Unsupported value: "Calico"';
    const post = (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith('/installations');
    world.kube.failNext(post, 422, 1, message);
    const run = await awsApply(world, { sleep: noWait });
    expect((run.err as Error).message).toMatch(/^step 'calico-installation' /);
    expect((run.err as Error).message).toContain(`Kubernetes API answered 422: ${message}`);
    oneLine(run.err);
    expect(world.kube.requests.filter(post)).toHaveLength(1);
  });

  it('an EKS API that always answers 503: the SDK stops after its 3 attempts, and the error says so', async () => {
    world.eks.failApi('DescribeCluster', 503, 'ServiceUnavailableException', 1000);
    const api = await eksApi({ region: 'eu-west-1' });
    const err = await api.describeCluster('gitpod').catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'EKS DescribeCluster gitpod: ServiceUnavailableException: injected fault (HTTP 503, after 3 attempts)',
    );
    expect(world.eks.requests.filter((r) => r.action === 'DescribeCluster')).toHaveLength(3);
  });

  it('an EKS endpoint that accepts and never answers: each attempt times out and is retried, the call ends', async () => {
    let received = 0;
    const { server, url } = await listenLoopback(() => void received++); // never answers
    const saved = process.env.AWS_ENDPOINT_URL_EKS;
    process.env.AWS_ENDPOINT_URL_EKS = url;
    try {
      const api = await eksApi({ region: 'eu-west-1', requestTimeoutMs: 300 });
      const err = await api.describeCluster('gitpod').catch((e: unknown) => e);
      expect((err as Error).message).toMatch(
        /^EKS DescribeCluster gitpod: TimeoutError: .*300 ms requestTimeout.* \(after 3 attempts\)$/,
      );
      oneLine(err);
      expect(received).toBe(3);
    } finally {
      process.env.AWS_ENDPOINT_URL_EKS = saved;
      await closeServer(server);
    }
  });
});
