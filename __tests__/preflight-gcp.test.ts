/**
 * GKE preflight against the FAKE Compute / Service Usage / Resource Manager / GKE APIs, through the
 * action's real REST and GKE clients: the quota arithmetic pinned by hand-computed figures, each failure's
 * one line (what is short, by how much, the fix), denied reads as WARNINGs, and only reads sent.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { gcpEndpoint } from '../src/providers/gcp/rest.js';
import { memoryLogger } from '../src/log.js';
import { type PreflightReport, runChecks } from '../src/preflight.js';
import { gcpCpuQuotaMetric } from '../src/providers/gcp/machines.js';
import { gcpPreflight, gcpQuotaNeeds, shapeFromName } from '../src/providers/gcp/preflight.js';
import { configOf } from './fixtures.js';
import { DEFAULT_FAKE_MACHINE_TYPES, DEFAULT_FAKE_QUOTAS, FakeGcpApi } from './fakes/gcp-api.js';

const noSleep = async () => undefined;
const gcpConfig = (inputs: Record<string, string> = {}) =>
  configOf({ provider: 'gcp', command: 'preflight', project: 'fake-project', region: 'us-central1', ...inputs });

const item = (r: PreflightReport, name: string) => r.items.find((i) => i.name === name)!;
const messages = (r: PreflightReport, type: 'ERROR' | 'WARNING') =>
  r.items.flatMap((i) => i.errors.filter((e) => e.type === type).map((e) => e.message));

describe('the quota arithmetic (hand-computed figures)', () => {
  const quotas = [
    { metric: 'CPUS', limit: 24, usage: 4 },
    { metric: 'N2D_CPUS', limit: 24, usage: 0 },
    { metric: 'SSD_TOTAL_GB', limit: 500, usage: 0 },
    { metric: 'IN_USE_ADDRESSES', limit: 8, usage: 1 },
  ];
  const shapes = {
    'e2-standard-2': { vcpus: 2, fromApi: true },
    'n2d-standard-8': { vcpus: 8, fromApi: true },
    'n2d-standard-16': { vcpus: 16, fromApi: true },
  };

  it('a new cluster with the defaults: 6 nodes, 72 N2D vCPU, 600 GB pd-ssd; nothing on CPUS (no default pool)', () => {
    const needs = gcpQuotaNeeds({ config: gcpConfig(), quotas, zoneCount: 3, shapes });
    const by = Object.fromEntries(needs.map((q) => [q.quota, q]));
    // services 1 node/zone × 3 zones × 8 vCPU = 24; workspaces 3 × 16 = 48.
    expect(by.N2D_CPUS).toMatchObject({ need: 72, needAtMax: 3600, limit: 24, usage: 0 });
    // The cluster comes with its two pools only: no e2-standard-2 default pool counts on CPUS.
    expect(by.CPUS).toBeUndefined();
    // 6 nodes × 100 GB; at 50 nodes per zone per pool: 300 × 100.
    expect(by.SSD_TOTAL_GB).toMatchObject({ need: 600, needAtMax: 30000 });
    expect(by.IN_USE_ADDRESSES).toMatchObject({ need: 6, needAtMax: 300 });
  });

  it('an existing cluster counts only the pools still missing, and no temporary pool', () => {
    const needs = gcpQuotaNeeds({
      config: gcpConfig(),
      quotas,
      zoneCount: 3,
      shapes,
      existingPools: new Set(['workload-services']),
    });
    const by = Object.fromEntries(needs.map((q) => [q.quota, q]));
    expect(by.N2D_CPUS).toMatchObject({ need: 48 });
    expect(by.CPUS).toBeUndefined();
    expect(by.SSD_TOTAL_GB).toMatchObject({ need: 300 });
  });

  it('a zero-minimum pool still starts with one node per zone (gcloud --num-nodes)', () => {
    const needs = gcpQuotaNeeds({
      config: gcpConfig({ 'services-min-nodes': '0', 'workspaces-min-nodes': '2', 'workspaces-max-nodes': '4' }),
      quotas,
      zoneCount: 1,
      shapes,
    });
    expect(needs.find((q) => q.quota === 'N2D_CPUS')).toMatchObject({ need: 8 + 2 * 16, needAtMax: 50 * 8 + 4 * 16 });
  });

  it('maps a machine family to its quota metric, and reads vCPUs off a name when Compute cannot be read', () => {
    const metrics = new Set(['CPUS', 'N2D_CPUS', 'C3_CPUS']);
    expect(gcpCpuQuotaMetric('n2d-standard-8', metrics)).toBe('N2D_CPUS');
    expect(gcpCpuQuotaMetric('e2-standard-2', metrics)).toBe('CPUS');
    expect(gcpCpuQuotaMetric('n1-standard-4', metrics)).toBe('CPUS');
    expect(gcpCpuQuotaMetric('t2d-standard-4', metrics)).toBe('CPUS');
    expect(shapeFromName('n2d-highmem-32')).toEqual({ vcpus: 32, fromApi: false });
    expect(shapeFromName('c3-standard-8-lssd')).toEqual({ vcpus: 8, fromApi: false });
    expect(shapeFromName('e2-medium')).toBeUndefined();
  });

  it('finds Compute at its versioned path, by default and through the override', () => {
    expect(gcpEndpoint('compute', {}).toString()).toBe('https://compute.googleapis.com/compute/v1/');
    expect(
      gcpEndpoint('compute', { CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE: 'http://127.0.0.1:9/compute/v1/' }).toString(),
    ).toBe('http://127.0.0.1:9/compute/v1/');
  });
});

describe('the checks against the FAKE APIs', () => {
  let gcp: FakeGcpApi;
  let env: Record<string, string>;
  beforeAll(async () => {
    gcp = await FakeGcpApi.start();
    env = gcp.gcloudEnv('/nonexistent');
  });
  afterAll(async () => gcp?.close());
  beforeEach(() => {
    gcp.requests.length = 0;
    gcp.quotas = structuredClone(DEFAULT_FAKE_QUOTAS) as typeof gcp.quotas;
    gcp.machineTypes = structuredClone(DEFAULT_FAKE_MACHINE_TYPES) as typeof gcp.machineTypes;
    gcp.disabledServices.clear();
    gcp.deniedPermissions.clear();
    gcp.clusters.clear();
  });
  afterEach(() => gcp.clearFaults());

  const run = async (inputs: Record<string, string> = {}) => {
    const provider = await gcpPreflight(gcpConfig(inputs), memoryLogger(), { env, sleep: noSleep });
    try {
      return await runChecks(provider);
    } finally {
      await provider.close();
    }
  };

  it('passes on the defaults, with a WARNING that 50 nodes per zone would not fit; reads only', async () => {
    const r = await run();
    expect(r.items.map((i) => [i.name, i.status])).toEqual([
      ['apis-enabled', 'OK'],
      ['kubernetes-version', 'OK'],
      ['machine-types', 'OK'],
      ['quotas', 'WARNING'],
      ['permissions', 'OK'],
    ]);
    expect(r.status).toBe('WARNING');
    expect(messages(r, 'WARNING')).toContain(
      'N2D_CPUS in us-central1: the pools at their maximum size need 3600 vCPU, 600 free (limit 600, 0 in use): the autoscaler stops 3000 vCPU short. Request at least 3600 for N2D_CPUS in us-central1 (Compute Engine API) on https://console.cloud.google.com/iam-admin/quotas?project=fake-project',
    );
    expect(item(r, 'kubernetes-version').details).toEqual([
      'latest → 1.33.5-gke.1201000 (REGULAR release channel in us-central1)',
    ]);
    expect(gcp.mutations()).toEqual([]);
    // machineTypes.get in each of the 4 zones for the 2 types apply creates nodes of (no default pool's).
    expect(gcp.requests.filter((q) => /\/machineTypes\//.test(q.path))).toHaveLength(8);
  });

  it('an SSD quota too small is an ERROR naming the quota, the need, the limit and the fix', async () => {
    gcp.quotas.SSD_TOTAL_GB = { limit: 500, usage: 0 };
    const r = await run();
    expect(r.status).toBe('ERROR');
    expect(messages(r, 'ERROR')).toEqual([
      'SSD_TOTAL_GB in us-central1: need 600 GB (6 pd-ssd boot disks), 0 in use, limit 500: short by 100 GB. Request at least 600 for SSD_TOTAL_GB in us-central1 (Compute Engine API) on https://console.cloud.google.com/iam-admin/quotas?project=fake-project',
    ]);
  });

  it('a CPU quota too small, with some already in use', async () => {
    gcp.quotas.N2D_CPUS = { limit: 24, usage: 8 };
    const r = await run();
    expect(messages(r, 'ERROR')).toEqual([
      'N2D_CPUS in us-central1: need 72 vCPU (3 × 8 vCPU workload-services + 3 × 16 vCPU workload-workspaces), 8 in use, limit 24: short by 56 vCPU. Request at least 80 for N2D_CPUS in us-central1 (Compute Engine API) on https://console.cloud.google.com/iam-admin/quotas?project=fake-project',
    ]);
  });

  it('a denied regions.get is a WARNING naming compute.regions.get, never an ERROR', async () => {
    gcp.quotas.SSD_TOTAL_GB = { limit: 1, usage: 0 };
    gcp.failNext('GET /compute/v1/projects/fake-project/regions/', 403, {
      times: 10,
      message: "Required 'compute.regions.get' permission for 'projects/fake-project/regions/us-central1'",
    });
    const r = await run();
    expect(item(r, 'quotas').status).toBe('WARNING');
    expect(r.status).not.toBe('ERROR');
    expect(item(r, 'quotas').errors[0]!.message).toMatch(
      /^quotas: not checked, the credentials may not read it \(compute GET \/compute\/v1\/projects\/fake-project\/regions\/us-central1 answered 403 PERMISSION_DENIED: Required 'compute.regions.get' permission .*\); `compute.regions.get` would allow it$/,
    );
  });

  it('a disabled API is an ERROR with the gcloud command that enables it', async () => {
    gcp.disabledServices.add('compute.googleapis.com');
    const r = await run();
    expect(item(r, 'apis-enabled').errors).toEqual([
      {
        type: 'ERROR',
        message:
          'API compute.googleapis.com not enabled in project fake-project: `gcloud services enable compute.googleapis.com --project=fake-project`',
      },
    ]);
  });

  it('missing permissions are an ERROR naming them and the role to grant', async () => {
    gcp.deniedPermissions.add('container.clusters.create');
    gcp.deniedPermissions.add('iam.serviceAccounts.actAs');
    const r = await run();
    expect(item(r, 'permissions').errors.map((e) => [e.type, e.message.split(':')[0]])).toEqual([
      ['ERROR', `${gcp.account} lacks container.clusters.create on project fake-project`],
      [
        'WARNING',
        `${gcp.account} lacks iam.serviceAccounts.actAs on project fake-project; unless it has it on gitpod-gke@fake-project.iam.gserviceaccount.com itself, creating the node pools fails`,
      ],
    ]);
    expect(item(r, 'permissions').errors[0]!.message).toContain(
      `\`gcloud projects add-iam-policy-binding fake-project --member=serviceAccount:${gcp.account} --role=roles/container.admin\``,
    );
  });

  it('a machine type offered in fewer zones than GKE spreads pools over is an ERROR; in most, a WARNING', async () => {
    gcp.machineTypes['n2d-standard-16']!.zones = ['us-central1-a', 'us-central1-b'];
    gcp.machineTypes['n2d-standard-8']!.zones = ['us-central1-a', 'us-central1-b', 'us-central1-c'];
    const r = await run();
    expect(item(r, 'machine-types').errors.map((e) => e.type)).toEqual(['WARNING', 'ERROR']);
    expect(item(r, 'machine-types').errors[1]!.message).toMatch(
      /^machine type n2d-standard-16 is offered in only us-central1-a, us-central1-b of us-central1; GKE puts the pools in 3 zones/,
    );
  });

  it('node-locations: only those zones are asked, each must offer the types, and the quotas count them', async () => {
    gcp.machineTypes['n2d-standard-16']!.zones = ['us-central1-a', 'us-central1-b', 'us-central1-c'];
    gcp.quotas.N2D_CPUS = { limit: 40, usage: 0 };
    const r = await run({ 'node-locations': 'us-central1-a,us-central1-f' });
    expect(item(r, 'machine-types').errors.map((e) => e.message.split(';')[0])).toEqual([
      'machine type n2d-standard-16 is offered in only us-central1-a of us-central1',
    ]);
    // 2 zones × (1 × 8 + 1 × 16) = 48 vCPU.
    expect(messages(r, 'ERROR')).toContainEqual(
      expect.stringMatching(/^N2D_CPUS in us-central1: need 48 vCPU .* limit 40: short by 8 vCPU/),
    );
    const zonesAsked = new Set(
      gcp.requests.filter((q) => /\/machineTypes\//.test(q.path)).map((q) => q.path.split('/')[6]),
    );
    expect(zonesAsked).toEqual(new Set(['us-central1-a', 'us-central1-f']));
  });

  it('an unknown version is an ERROR listing what the channel offers', async () => {
    const r = await run({ 'kubernetes-version': '1.29' });
    expect(item(r, 'kubernetes-version').errors[0]!.message).toMatch(
      /^kubernetes-version '1.29' is not offered by the REGULAR release channel in us-central1; available: 1.33, 1.32/,
    );
  });

  it('on an existing cluster with both pools, nothing counts against the quotas', async () => {
    gcp.quotas.SSD_TOTAL_GB = { limit: 0, usage: 0 };
    gcp.seedCluster({
      name: 'gitpod',
      nodePools: [
        { name: 'workload-services', config: { machineType: 'n2d-standard-8' } },
        { name: 'workload-workspaces', config: { machineType: 'n2d-standard-16' } },
      ],
    });
    const r = await run();
    expect(item(r, 'quotas').status).toBe('OK');
    expect(item(r, 'kubernetes-version').details).toEqual(['cluster gitpod exists at 1.33.5-gke.1201000']);
    expect(gcp.requests.filter((q) => /\/machineTypes\//.test(q.path))).toHaveLength(0);
  });
});
