/**
 * `verify` on what `apply` built: the REAL gcloud builds the cluster in the FAKE GKE API, nodes like the
 * ones GKE would start for those pools are put in the FAKE Kubernetes API, and `verify` reads both
 * through the action's own clients (gcpCloud over @google-cloud/container, REST transport).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFlow } from '../src/providers/gcp/apply.js';
import { type KubeClient, connectKube } from '../src/clients/kube.js';
import { gcpCloud } from '../src/providers/gcp/cloud.js';
import { verify } from '../src/commands/verify.js';
import type { Config } from '../src/inputs.js';
import { GCP } from '../src/reference.js';
import { fakeIO } from './fixtures.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { fakeNode } from './fakes/kube-api.js';

describe('verify after apply (FAKE GKE and Kubernetes APIs, real gcloud)', () => {
  let w: GcpWorld;
  let config: Config;
  let kube: KubeClient;
  const noSleep = async () => undefined;

  beforeAll(async () => {
    w = await gcpWorld();
    config = w.config({ 'fail-on-drift': 'false' });
    w.activate();
    const io = fakeIO();
    await applyFlow(config, io, {
      env: w.env,
      sleep: noSleep,
      connectKube: (a, log) =>
        connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log),
    });
    // The nodes GKE would start for the pools apply created: the pool's labels plus GKE's pool label.
    for (const role of ['services', 'workspaces'] as const) {
      const name = config.pools[role].name;
      const labels = (w.gcp.pool('gitpod', name)!.config as { labels: Record<string, string> }).labels;
      w.kube.seed(fakeNode({ name: `${name}-node-0`, labels: { ...labels, [GCP.nodePoolLabel]: name } }));
    }
    kube = await connectKube(w.kube.access(), io.log);
  });
  afterAll(async () => w?.close());

  it('finds the cluster apply built conformant: OK on every check, no drift', async () => {
    const io = fakeIO();
    const kubeWrites = w.kube.mutations().length;
    const report = await verify(config, io, {
      cloud: gcpCloud(config, io.log, { env: w.env }),
      kube,
      now: () => Date.parse('2026-12-07T00:00:00Z'),
    });
    expect(report.items.map((i) => [i.name, i.status])).toEqual(report.items.map((i) => [i.name, 'OK']));
    expect(report.status).toBe('OK');
    expect(io.outputs.verified).toBe('true');
    expect(io.outputs.drift).toBe('false');
    expect(w.kube.mutations().length).toBe(kubeWrites); // read-only
  });

  it('reports a label changed on the GKE pool behind apply’s back as cloud-config drift', async () => {
    const pool = w.gcp.pool('gitpod', config.pools.workspaces.name)!;
    (pool.config as { labels: Record<string, string> }).labels = { 'gitpod.io/workload_workspace_regular': 'true' };
    const io = fakeIO();
    const report = await verify(config, io, {
      cloud: gcpCloud(config, io.log, { env: w.env }),
      kube,
      now: () => Date.parse('2026-12-07T00:00:00Z'),
    });
    const cloudConfig = report.items.find((i) => i.name === 'cloud-config')!;
    expect(cloudConfig.status).toBe('ERROR');
    expect(JSON.stringify(cloudConfig.errors)).toContain('gitpod.io/workload_workspace_headless');
    expect(io.outputs.verified).toBe('false');
    expect(io.outputs.drift).toBe('true');
  });
});
