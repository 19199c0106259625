/**
 * Preflight through the bundle (`node dist/index.js`, as a runner runs it), both clouds: `apply` against
 * fakes whose quota is too small fails before ANY mutating request (the fakes' request logs, and no CLI
 * process started), naming the quota, the need and the limit; `preflight` alone gives the same report and
 * exits non-zero; a denied quota read is a WARNING and apply goes on to a verified cluster.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import type { PreflightReport } from '../src/preflight.js';
import { type AwsBundleWorld, type GcpBundleWorld, awsBundleWorld, gcpBundleWorld } from './support/bundle-worlds.js';
import { type BundleRun, runAction } from './support/run-bundle.js';

const errorLines = (r: BundleRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const warningLines = (r: BundleRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
const report = (r: BundleRun): PreflightReport => JSON.parse(r.outputs().preflight ?? 'null') as PreflightReport;
/** The report without what differs between two runs of the same checks (none should). */
const findings = (p: PreflightReport) => p.items.map((i) => ({ name: i.name, status: i.status, errors: i.errors }));

describe('GKE (REAL gcloud in the tool cache, FAKE Google APIs)', () => {
  let w: GcpBundleWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('apply with too small an SSD quota creates nothing; preflight alone says the same and fails', async () => {
    w = await gcpBundleWorld();
    w.gcp.quotas.SSD_TOTAL_GB = { limit: 250, usage: 0 };
    const applied = await runAction({ ...w.inputs, command: 'apply' }, w.env);
    expect(applied.status).toBe(1);
    expect(w.gcp.mutations()).toEqual([]);
    expect(w.gcloudCalls()).toEqual([]);
    const line =
      '::error::SSD_TOTAL_GB in us-central1: need 600 GB (6 pd-ssd boot disks), 0 in use, limit 250: short by 350 GB. Request at least 600 for SSD_TOTAL_GB in us-central1 (Compute Engine API) on https://console.cloud.google.com/iam-admin/quotas?project=fake-project';
    expect(errorLines(applied)).toContain(line);
    expect(errorLines(applied).at(-1)).toMatch(
      /^::error::gitpod-cluster-action failed: preflight found 1 problem before anything was created: SSD_TOTAL_GB in us-central1: need 600 GB/,
    );
    expect(report(applied).status).toBe('ERROR');
    expect(applied.summary()).toContain('Preflight: ERROR');

    const alone = await runAction({ ...w.inputs, command: 'preflight' }, w.env);
    expect(alone.status).toBe(1);
    expect(errorLines(alone)).toContain(line);
    expect(findings(report(alone))).toEqual(findings(report(applied)));
    expect(w.gcp.mutations()).toEqual([]);
  }, 120_000);

  it('a denied regions.get is a WARNING naming compute.regions.get, and apply goes on to a verified cluster', async () => {
    w = await gcpBundleWorld();
    w.gcp.failNext('GET ^/compute/v1/projects/fake-project/regions/us-central1$', 403, {
      times: 100,
      message: "Required 'compute.regions.get' permission for 'projects/fake-project/regions/us-central1'",
    });
    const r = await runAction({ ...w.inputs, command: 'apply' }, w.env);
    expect([r.status, errorLines(r)]).toEqual([0, []]);
    expect(warningLines(r)).toContainEqual(
      expect.stringMatching(
        /^::warning::quotas: not checked, the credentials may not read it \(.*403.*\); `compute.regions.get` would allow it$/,
      ),
    );
    expect(report(r).items.find((i) => i.name === 'quotas')!.status).toBe('WARNING');
    expect(r.outputs().verified).toBe('true');
  }, 240_000);

  it('a machine type outside the table: unknown in plan, its shape read from Compute by preflight sets the footprint again', async () => {
    w = await gcpBundleWorld();
    w.gcp.machineTypes['t2d-standard-8'] = { guestCpus: 8, memoryMb: 32768 };
    const inputs = { ...w.inputs, 'services-machine-type': 't2d-standard-8' };
    const planned = await runAction({ ...inputs, command: 'plan' }, w.env);
    const offline = JSON.parse(planned.outputs().footprint!) as { unknownMachineTypes: string[]; min: { vcpus: null } };
    expect([offline.unknownMachineTypes, offline.min.vcpus]).toEqual([['t2d-standard-8'], null]);
    const r = await runAction({ ...inputs, command: 'preflight' }, w.env);
    expect([r.status, errorLines(r)]).toEqual([0, []]);
    const fp = JSON.parse(r.outputs().footprint!) as {
      unknownMachineTypes: string[];
      min: { vcpus: number; memoryGb: number };
    };
    // 3 zones × (1 × 8 vCPU / 32 GB t2d-standard-8 + 1 × 16 vCPU / 64 GB n2d-standard-16)
    expect([fp.unknownMachineTypes, fp.min.vcpus, fp.min.memoryGb]).toEqual([[], 72, 288]);
    expect(w.gcp.mutations()).toEqual([]);
  }, 120_000);
});

describe('EKS (eksctl TEST STAND-IN, FAKE EKS / EC2 / Service Quotas / SSM)', () => {
  let w: AwsBundleWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('apply with too small a vCPU quota creates nothing; preflight alone says the same and fails', async () => {
    w = await awsBundleWorld();
    w.quota.quotas['L-1216C47A']!.value = 16;
    const applied = await runAction({ ...w.inputs, command: 'apply' }, w.env);
    expect(applied.status).toBe(1);
    expect(w.eks.writes()).toEqual([]);
    expect(w.eksctlProcesses()).toEqual([]);
    const line =
      '::error::Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (L-1216C47A) in eu-west-1: need 24 vCPU (2 × 4 vCPU services + 2 × 8 vCPU workspaces), 0 in use, limit 16: short by 8 vCPU. Request more: `aws service-quotas request-service-quota-increase --service-code ec2 --quota-code L-1216C47A --desired-value 24 --region eu-west-1`';
    expect(errorLines(applied)).toContain(line);

    const alone = await runAction({ ...w.inputs, command: 'preflight' }, w.env);
    expect(alone.status).toBe(1);
    expect(errorLines(alone)).toContain(line);
    expect(findings(report(alone))).toEqual(findings(report(applied)));
    expect(w.eks.writes()).toEqual([]);
  }, 120_000);

  it('a denied GetServiceQuota is a WARNING naming servicequotas:GetServiceQuota, and apply goes on', async () => {
    w = await awsBundleWorld();
    w.quota.quotas['L-1216C47A']!.value = 1;
    w.quota.denied.add('GetServiceQuota');
    const r = await runAction({ ...w.inputs, command: 'apply' }, w.env);
    expect([r.status, errorLines(r)]).toEqual([0, []]);
    expect(warningLines(r)).toContainEqual(
      expect.stringMatching(
        /^::warning::quotas: Running On-Demand Standard instances \(vCPU\) \(L-1216C47A\) not checked, the credentials may not read it \(.*AccessDeniedException.*\); `servicequotas:GetServiceQuota` would allow it$/,
      ),
    );
    expect(w.eks.eksctlCalls.map((c) => c.command)).toEqual(
      expect.arrayContaining(['create cluster', 'create nodegroup']),
    );
    expect(r.outputs().verified).toBe('true');
  }, 240_000);
  it('an instance type outside the table: unknown in plan, its shape read from EC2 by preflight sets the footprint again', async () => {
    w = await awsBundleWorld();
    const inputs = { ...w.inputs, 'services-machine-type': 'm7g.xlarge' };
    const planned = await runAction({ ...inputs, command: 'plan' }, w.env);
    const offline = JSON.parse(planned.outputs().footprint!) as { unknownMachineTypes: string[]; min: { vcpus: null } };
    expect([offline.unknownMachineTypes, offline.min.vcpus]).toEqual([['m7g.xlarge'], null]);
    const r = await runAction({ ...inputs, command: 'preflight' }, w.env);
    expect([r.status, errorLines(r)]).toEqual([0, []]);
    const fp = JSON.parse(r.outputs().footprint!) as {
      unknownMachineTypes: string[];
      min: { vcpus: number; memoryGb: number };
    };
    // 1 × m7g.xlarge (4 vCPU, 16 GiB, as the fake EC2 reports it) + 1 × m6i.2xlarge (8 vCPU, 32 GiB)
    expect([fp.unknownMachineTypes, fp.min.vcpus, fp.min.memoryGb]).toEqual([[], 12, 48]);
    expect(w.eks.writes()).toEqual([]);
  }, 120_000);
});
