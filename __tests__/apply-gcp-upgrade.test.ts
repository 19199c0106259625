/**
 * GKE upgrades through `apply`: the REAL gcloud (`clusters upgrade --master`, then `--node-pool=`) against
 * the FAKE GKE API, which is as strict as GKE about versions (a master moves one minor at a time and never
 * down, a pool is never newer than its master, only offered versions). From 1.32 to 1.34: two rounds,
 * control plane first; a re-run sends nothing; a failure mid-upgrade is finished by the next run; a
 * downgrade is one line before anything is asked of GKE.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFlow } from '../src/providers/gcp/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { planFlow } from '../src/commands/plan.js';
import type { Config } from '../src/inputs.js';
import { type StepRecord, StepFailedError } from '../src/steps.js';
import { fakeIO } from './fixtures.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';

const noSleep = async () => undefined;
const V32 = '1.32.9-gke.1108000';
const V33 = '1.33.5-gke.1201000';
const V34 = '1.34.1-gke.1100000';

async function apply(w: GcpWorld, config: Config) {
  const io = fakeIO();
  w.activate();
  try {
    const records = await applyFlow(config, io, {
      env: w.env,
      sleep: noSleep,
      connectKube: (a, log) =>
        connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log),
    });
    return { records, io, err: undefined as unknown };
  } catch (err) {
    return { records: undefined as StepRecord[] | undefined, io, err };
  }
}

/** The upgrade requests GKE received, in order, as `master → v` / `<pool> → v`. */
function upgradeRequests(w: GcpWorld, from = 0): string[] {
  return w.gcp.requests
    .slice(from)
    .filter((r) => r.method === 'PUT' && r.status === 200)
    .map((r) => (r.body as { update: Record<string, string> }).update)
    .filter((u) => u.desiredMasterVersion || u.desiredNodeVersion)
    .map((u) =>
      u.desiredMasterVersion
        ? `master → ${u.desiredMasterVersion}`
        : `${u.desiredNodePoolId} → ${u.desiredNodeVersion}`,
    );
}

const upgradeStatuses = (records: readonly StepRecord[] | undefined) =>
  (records ?? []).filter((r) => r.id.startsWith('upgrade-')).map((r) => `${r.id} ${r.status}`);

describe('GKE apply upgrades one minor at a time (FAKE GKE API, real gcloud)', () => {
  let w: GcpWorld;
  beforeAll(async () => {
    w = await gcpWorld({ versions: [V34, V33, V32] });
    // The control plane's API server reports the version GKE moved it to.
    w.gcp.onOperationDone((op) => {
      if (op.operationType === 'UPGRADE_MASTER')
        w.kube.version = `v${String(w.gcp.cluster('gitpod')!.currentMasterVersion)}`;
    });
    const first = await apply(w, w.config({ 'kubernetes-version': '1.32' }));
    expect(first.err).toBeUndefined();
    expect(w.gcp.cluster('gitpod')!.currentMasterVersion).toBe(V32);
  });
  afterAll(async () => w?.close());

  /** Puts the cluster back at 1.32 everywhere, as a cluster created at 1.32 would be. */
  function at132() {
    const c = w.gcp.cluster('gitpod')!;
    c.currentMasterVersion = V32;
    for (const p of c.nodePools as { version: string }[]) p.version = V32;
  }

  it('plan shows the upgrade round to the asked version, in order, before the kubeconfig', () => {
    const steps = planFlow(w.config({ 'kubernetes-version': '1.34' })).steps;
    const ids = steps.map((s) => s.id);
    expect(ids.slice(ids.indexOf('workspaces-pool'), ids.indexOf('kubeconfig') + 1)).toEqual([
      'workspaces-pool',
      'upgrade-control-plane-1.34',
      'upgrade-services-pool-1.34',
      'upgrade-workspaces-pool-1.34',
      'kubeconfig',
    ]);
    expect(steps.find((s) => s.id === 'upgrade-services-pool-1.34')!.argv).toEqual([
      'gcloud',
      '--quiet',
      'container',
      'clusters',
      'upgrade',
      'gitpod',
      '--node-pool=workload-services',
      '--cluster-version=1.34',
      '--project=fake-project',
      '--region=us-central1',
    ]);
    // `latest` never upgrades an existing cluster: no upgrade step at all.
    expect(planFlow(w.config()).steps.some((s) => s.id.startsWith('upgrade-'))).toBe(false);
  });

  it('from 1.32 to 1.34: two rounds, control plane first, then each pool; a second apply sends nothing', async () => {
    at132();
    const before = w.gcp.requests.length;
    const calls = w.gcloudCalls().length;
    const run = await apply(w, w.config({ 'kubernetes-version': '1.34' }));
    expect(run.err).toBeUndefined();
    expect(upgradeStatuses(run.records)).toEqual([
      'upgrade-control-plane-1.33 done',
      'upgrade-services-pool-1.33 done',
      'upgrade-workspaces-pool-1.33 done',
      'upgrade-control-plane-1.34 done',
      'upgrade-services-pool-1.34 done',
      'upgrade-workspaces-pool-1.34 done',
    ]);
    expect(upgradeRequests(w, before)).toEqual([
      `master → ${V33}`,
      `workload-services → ${V33}`,
      `workload-workspaces → ${V33}`,
      `master → ${V34}`,
      `workload-services → ${V34}`,
      `workload-workspaces → ${V34}`,
    ]);
    expect(
      w
        .gcloudCalls()
        .slice(calls)
        .filter((c) => c.includes(' upgrade ')),
    ).toHaveLength(6);
    expect(w.kube.version).toBe(`v${V34}`);
    const pools = w.gcp.cluster('gitpod')!.nodePools as { version: string }[];
    expect(pools.map((p) => p.version)).toEqual([V34, V34]);

    const mutations = w.gcp.mutations().length;
    const again = await apply(w, w.config({ 'kubernetes-version': '1.34' }));
    expect(again.err).toBeUndefined();
    expect(w.gcp.mutations().length).toBe(mutations);
    expect(upgradeStatuses(again.records)).toEqual([]); // nothing left to upgrade: no round at all
  });

  it('a failure mid-upgrade, then a re-run, converges without repeating what was done', async () => {
    at132();
    w.gcp.failNext(
      (r) =>
        r.method === 'PUT' &&
        (r.body as { update?: { desiredNodePoolId?: string } })?.update?.desiredNodePoolId === 'workload-workspaces',
      400,
      { message: 'injected: node pool upgrade refused', reason: 'FAILED_PRECONDITION' },
    );
    const failed = await apply(w, w.config({ 'kubernetes-version': '1.34' }));
    expect((failed.err as Error).message).toMatch(/^step 'upgrade-workspaces-pool-1.33' .* failed: /);
    expect(upgradeStatuses((failed.err as StepFailedError).records)).toEqual([
      'upgrade-control-plane-1.33 done',
      'upgrade-services-pool-1.33 done',
      'upgrade-workspaces-pool-1.33 failed',
      'upgrade-control-plane-1.34 planned',
      'upgrade-services-pool-1.34 planned',
      'upgrade-workspaces-pool-1.34 planned',
    ]);
    const before = w.gcp.requests.length;
    const rerun = await apply(w, w.config({ 'kubernetes-version': '1.34' }));
    expect(rerun.err).toBeUndefined();
    expect(upgradeStatuses(rerun.records)).toEqual([
      'upgrade-control-plane-1.33 skipped',
      'upgrade-services-pool-1.33 skipped',
      'upgrade-workspaces-pool-1.33 done',
      'upgrade-control-plane-1.34 done',
      'upgrade-services-pool-1.34 done',
      'upgrade-workspaces-pool-1.34 done',
    ]);
    expect(upgradeRequests(w, before)).toEqual([
      `workload-workspaces → ${V33}`,
      `master → ${V34}`,
      `workload-services → ${V34}`,
      `workload-workspaces → ${V34}`,
    ]);
  });

  it('asking for an older minor fails before any request to change anything, in one line', async () => {
    const c = w.gcp.cluster('gitpod')!;
    c.currentMasterVersion = V34;
    for (const p of c.nodePools as { version: string }[]) p.version = V34;
    const mutations = w.gcp.mutations().length;
    const calls = w.gcloudCalls().length;
    const run = await apply(w, w.config({ 'kubernetes-version': '1.33' }));
    expect((run.err as Error).message).toBe(
      "kubernetes-version '1.33' is older than Kubernetes 1.34, which the cluster runs: apply never downgrades; ask for 1.34 or newer, or `latest` to keep the cluster's version",
    );
    expect(w.gcp.mutations().length).toBe(mutations);
    expect(w.gcloudCalls().length).toBe(calls);
  });

  it('the fake is as strict as GKE: no two-minor master jump, no pool newer than its master', async () => {
    at132();
    const url = `${w.gcp.url}v1/projects/fake-project/locations/us-central1/clusters/gitpod`;
    const put = (update: object) =>
      fetch(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${w.gcp.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ update }),
      }).then(async (r) => [r.status, ((await r.json()) as { error?: { message: string } }).error?.message]);
    expect(await put({ desiredMasterVersion: V34 })).toEqual([
      400,
      `Master cannot be upgraded to ${V34} from ${V32}: upgrade one minor version at a time.`,
    ]);
    expect(await put({ desiredNodeVersion: V33, desiredNodePoolId: 'workload-services' })).toEqual([
      400,
      `Node version "${V33}" must not be newer than the master version "${V32}".`,
    ]);
    expect(await put({ desiredMasterVersion: '1.31' })).toEqual([400, 'Master version "1.31" is unsupported.']);
  });
});
