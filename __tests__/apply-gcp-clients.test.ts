/**
 * The GCP clients of the GKE flow against the FAKE GKE / IAM / Resource Manager APIs (no gcloud here):
 * endpoint and token rules, retries, the one read-modify-write of the project policy, operation waits,
 * and the observation `verify` reads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolveVersion } from '../src/providers/gcp/apply.js';
import { GcpApiError, GcpRest, gcpCredentials, gcpEndpoint, tokeninfoUrl } from '../src/providers/gcp/rest.js';
import { connectGke } from '../src/providers/gcp/gke.js';
import { gcpCloud } from '../src/providers/gcp/cloud.js';
import { memoryLogger, redact } from '../src/log.js';
import { configOf } from './fixtures.js';
import { FakeGcpApi } from './fakes/gcp-api.js';

describe('endpoints and credentials as gcloud reads them', () => {
  it('takes CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>, else the public endpoint', () => {
    expect(gcpEndpoint('iam', {}).toString()).toBe('https://iam.googleapis.com/');
    expect(
      gcpEndpoint('container', { CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER: 'http://127.0.0.1:9/' }).toString(),
    ).toBe('http://127.0.0.1:9/');
    expect(() => gcpEndpoint('iam', { CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM: 'not a url' })).toThrow(
      /^CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM is not a URL/,
    );
  });

  it('finds tokeninfo beside the token host gcloud uses', () => {
    expect(tokeninfoUrl({})).toBe('https://oauth2.googleapis.com/tokeninfo');
    expect(tokeninfoUrl({ CLOUDSDK_AUTH_TOKEN_HOST: 'http://127.0.0.1:8/token' })).toBe('http://127.0.0.1:8/tokeninfo');
  });
});

describe('resolveVersion (the REGULAR channel of the server config)', () => {
  const valid = ['1.32.9-gke.1108000', '1.33.4-gke.1172000', '1.33.5-gke.1201000'];
  it('latest → newest; a minor → its newest patch; an exact version must be offered', () => {
    expect(resolveVersion('latest', valid, 'x')).toBe('1.33.5-gke.1201000');
    expect(resolveVersion('1.33', valid, 'x')).toBe('1.33.5-gke.1201000');
    expect(resolveVersion('1.32', valid, 'x')).toBe('1.32.9-gke.1108000');
    expect(resolveVersion('1.33.4-gke.1172000', valid, 'x')).toBe('1.33.4-gke.1172000');
    expect(() => resolveVersion('1.33.4-gke.1', valid, 'REGULAR channel')).toThrow(
      "kubernetes-version '1.33.4-gke.1' is not offered by the REGULAR channel; available: 1.33, 1.32",
    );
  });
});

describe('clients against the FAKE APIs', () => {
  let gcp: FakeGcpApi;
  let env: Record<string, string>;
  beforeAll(async () => {
    gcp = await FakeGcpApi.start();
    env = gcp.gcloudEnv('/nonexistent');
  });
  afterAll(async () => gcp?.close());

  const rest = async (sleeps: number[] = []) =>
    new GcpRest({
      log: memoryLogger(),
      credentials: await gcpCredentials(env),
      env,
      sleep: async (ms) => void sleeps.push(ms),
    });

  it('tells the account of CLOUDSDK_AUTH_ACCESS_TOKEN through tokeninfo, token in the body, and masks the token', async () => {
    const creds = await gcpCredentials(env);
    expect(creds.source).toBe('CLOUDSDK_AUTH_ACCESS_TOKEN');
    expect(await creds.account()).toBe(gcp.account);
    const call = gcp.requests.find((r) => r.path === '/tokeninfo')!;
    expect(call.query.get('access_token')).toBeNull();
    expect(redact(`Bearer ${gcp.token}`)).toBe('Bearer ***');
  });

  it('retries 429/5xx with the injected sleep, the wait doubling with jitter (src/retry.ts)', async () => {
    const sleeps: number[] = [];
    gcp.failNext('POST :getIamPolicy$', 503, { times: 2 });
    const policy = await (await rest(sleeps)).getIamPolicy('fake-project');
    expect(policy.etag).toBeTruthy();
    expect(sleeps).toHaveLength(2);
    // Equal jitter: half the step plus a random half of it, the step doubling from 1 s.
    expect(sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(sleeps[0]).toBeLessThanOrEqual(1000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[1]).toBeLessThanOrEqual(2000);
  });

  it('binds roles in one write; on a concurrent change it re-reads and writes again; nothing missing → no write', async () => {
    const client = await rest();
    const member = 'serviceAccount:a@fake-project.iam.gserviceaccount.com';
    gcp.seedServiceAccount('a@fake-project.iam.gserviceaccount.com');
    const writes = () => gcp.requests.filter((r) => r.path.endsWith(':setIamPolicy')).length;
    const w0 = writes();
    // Someone else changes the policy between our read and our write.
    const stale = await client.getIamPolicy('fake-project');
    gcp.seedBinding('roles/viewer', 'user:someone@example.com');
    const res = await client.ensureBindings('fake-project', member, ['roles/a', 'roles/b'], stale);
    expect(res).toEqual({ added: ['roles/a', 'roles/b'], writes: 2 });
    expect(writes() - w0).toBe(2);
    expect(gcp.policy.bindings.find((b) => b.role === 'roles/viewer')!.members).toContain('user:someone@example.com');
    expect(await client.ensureBindings('fake-project', member, ['roles/a', 'roles/b'])).toEqual({
      added: [],
      writes: 0,
    });
    expect(writes() - w0).toBe(2);
  });

  it('turns an API refusal into one line with its status', async () => {
    gcp.failNext('POST :setIamPolicy$', 403, { message: 'Permission denied on project' });
    const err = await (await rest()).ensureBindings('fake-project', 'user:x@y.z', ['roles/c']).catch((e) => e);
    expect(err).toBeInstanceOf(GcpApiError);
    expect(err.message).toBe(
      'cloudresourcemanager POST /v1/projects/fake-project:setIamPolicy answered 403 PERMISSION_DENIED: Permission denied on project',
    );
  });

  it('reads GKE through the REST transport at the override, with the token; a missing cluster is undefined', async () => {
    const log = memoryLogger();
    const gke = await connectGke(
      { project: 'fake-project', region: 'us-central1' },
      { log, credentials: await gcpCredentials(env), env },
    );
    try {
      expect(await gke.getCluster('nope')).toBeUndefined();
      expect(gcp.requests.at(-1)).toMatchObject({
        method: 'GET',
        path: '/v1/projects/fake-project/locations/us-central1/clusters/nope',
      });
      const sc = await gke.serverConfig();
      expect(sc.channelVersions('regular')).toContain('1.33.5-gke.1201000');
    } finally {
      await gke.close();
    }
    const bad = { ...env, CLOUDSDK_AUTH_ACCESS_TOKEN: 'ya29.wrong-token-xxxxxxxx' };
    const denied = await connectGke(
      { project: 'fake-project', region: 'us-central1' },
      { log, credentials: await gcpCredentials(bad), env: bad },
    );
    try {
      const err = await denied.getCluster('gitpod').catch((e) => e as Error);
      expect(String((err as Error).message)).toMatch(/^GKE get cluster gitpod: .*invalid authentication credentials/);
    } finally {
      await denied.close();
    }
  });

  it('gives up waiting on an operation after its timeout, with a line that says it goes on', async () => {
    const log = memoryLogger();
    let clock = 0;
    gcp.seedCluster({ name: 'slow', nodePools: [{ name: 'p', config: {} }] });
    const opName = gcp.startOperation('slow', 'UPGRADE_MASTER', 1000);
    const gke = await connectGke(
      { project: 'fake-project', region: 'us-central1' },
      {
        log,
        credentials: await gcpCredentials(env),
        env,
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
        pollMs: 10_000,
      },
    );
    try {
      const [op] = await gke.runningOperations('slow');
      expect(op).toMatchObject({ name: opName, type: 'UPGRADE_MASTER', target: 'clusters/slow' });
      const err = await gke.waitForOperation(op!, { timeoutMs: 60_000, why: 'test' }).catch((e) => e as Error);
      expect((err as Error).message).toBe(
        `GKE operation ${opName} (UPGRADE_MASTER on clusters/slow) still RUNNING after 1m00s; it goes on in GKE, re-run apply to wait again`,
      );
      expect(log.lines.filter((l) => l.startsWith('… still waiting'))).toEqual([
        '… still waiting for UPGRADE_MASTER on clusters/slow (RUNNING), 30s elapsed',
      ]);
    } finally {
      await gke.close();
    }
  });

  it('observes pools in the terms verify uses, and builds Kubernetes access with a masked token', async () => {
    const config = configOf({
      provider: 'gcp',
      region: 'us-central1',
      project: 'fake-project',
      'cluster-name': 'observed',
    });
    gcp.seedCluster({
      name: 'observed',
      networkPolicy: { enabled: true, provider: 'CALICO' },
      nodePools: [
        {
          name: 'workload-services',
          config: { machineType: 'n2d-standard-8', imageType: 'UBUNTU_CONTAINERD', labels: { a: 'b' } },
          autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 50 },
          maxPodsConstraint: { maxPodsPerNode: '110' },
        },
        { name: 'other', config: { machineType: 'e2-small' } },
      ],
    });
    const cloud = gcpCloud(config, memoryLogger(), { env });
    const obs = await cloud.observe();
    expect(obs).toMatchObject({
      found: true,
      endpoint: 'https://10.0.0.2',
      status: 'RUNNING',
      network: { networkPolicy: true },
      pools: [
        {
          name: 'workload-services',
          role: 'services',
          labels: { a: 'b' },
          machineType: 'n2d-standard-8',
          image: 'UBUNTU_CONTAINERD',
          minNodes: 1,
          maxNodes: 50,
          maxPods: 110,
        },
        { name: 'other', role: undefined, machineType: 'e2-small' },
      ],
    });
    const access = await cloud.kubeAccess(obs);
    expect(access).toMatchObject({ server: 'https://10.0.0.2', token: gcp.token });
    expect(access.caData).toBeTruthy();
    expect(redact(access.token!)).toBe('***');
    expect((await gcpCloud({ ...config, clusterName: 'absent' }, memoryLogger(), { env }).observe()).found).toBe(false);
  });
});
