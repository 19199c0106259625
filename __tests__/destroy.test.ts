/**
 * `destroy` end to end: GKE through the REAL gcloud against the FAKE GKE API, EKS through the eksctl TEST
 * STAND-IN against the FAKE EKS API. It deletes what apply built, a second run has nothing to do, and the
 * guard (confirm-destroy) is checked with the other inputs before anything runs.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { applyFlow as applyAws } from '../src/providers/aws/apply.js';
import { applyFlow as applyGcp } from '../src/providers/gcp/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { gcpCloud } from '../src/providers/gcp/cloud.js';
import { destroy } from '../src/commands/destroy.js';
import { InputError } from '../src/inputs.js';
import { configOf, fakeIO } from './fixtures.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('destroy on GKE (real gcloud, FAKE GKE API)', () => {
  let w: GcpWorld;
  afterEach(async () => w?.close());

  it('deletes the cluster apply built, reports what it leaves, and a re-run has nothing to do', async () => {
    w = await gcpWorld();
    w.activate();
    await applyGcp(w.config(), fakeIO(), {
      env: w.env,
      sleep: async () => undefined,
      connectKube: (a, log) =>
        connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log),
    });
    expect(w.gcp.cluster('gitpod')).toBeDefined();
    Object.assign(process.env, w.env); // the gcloud that destroy starts inherits the endpoint overrides
    const config = w.config({ command: 'destroy', 'confirm-destroy': 'gitpod' });
    const calls = w.gcloudCalls().length;

    const io = fakeIO();
    await destroy(config, io, { cloud: gcpCloud(config, io.log, { env: w.env }) });
    expect(w.gcp.cluster('gitpod')).toBeUndefined();
    expect(w.gcloudCalls().slice(calls)).toEqual([
      `--quiet container clusters delete gitpod --project=${config.project} --region=us-central1`,
    ]);
    expect(JSON.parse(io.outputs.plan!)).toEqual([expect.objectContaining({ id: 'delete-cluster', status: 'done' })]);
    expect(io.summary.join('')).toContain(`Service account gitpod-gke@${config.project}.iam.gserviceaccount.com`);

    const again = fakeIO();
    await destroy(config, again, { cloud: gcpCloud(config, again.log, { env: w.env }) });
    expect(JSON.parse(again.outputs.plan!)[0]).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('nothing to delete'),
    });
    expect(w.gcloudCalls().length).toBe(calls + 1);
  });
});

describe('destroy on EKS (eksctl TEST STAND-IN, FAKE EKS API)', () => {
  let w: AwsWorld;
  afterEach(async () => w?.close());

  it('runs eksctl delete cluster once, then finds nothing to delete', async () => {
    w = await startAwsWorld();
    await applyAws(w.config(), fakeIO(), w.deps());
    const config = w.config({ command: 'destroy', 'confirm-destroy': 'gitpod' });
    const io = fakeIO();
    await destroy(config, io, { cloud: awsCloud(config, io.log) });
    expect(w.eks.cluster('gitpod')).toBeUndefined();
    expect(w.eks.eksctlCalls.at(-1)!.argv).toEqual([
      'delete',
      'cluster',
      '--name=gitpod',
      '--region=eu-west-1',
      '--wait',
    ]);
    const calls = w.eks.eksctlCalls.length;
    const again = fakeIO();
    await destroy(config, again, { cloud: awsCloud(config, again.log) });
    expect(JSON.parse(again.outputs.plan!)[0].status).toBe('skipped');
    expect(w.eks.eksctlCalls.length).toBe(calls);
  });

  it('looks at the cloud again after a failed delete: a cluster gone meanwhile counts as deleted', async () => {
    w = await startAwsWorld();
    w.eks.clusters.set('gitpod', {
      name: 'gitpod',
      status: 'ACTIVE',
      version: '1.34',
      endpoint: w.kube.url,
      caData: 'RkFLRQ==',
    });
    // Another run's `eksctl delete cluster` wins: this one's fails, and the cluster is gone by now.
    w.eks.failEksctl('delete cluster', 'ResourceNotFoundException: No cluster found for name: gitpod.', (api) =>
      api.clusters.delete('gitpod'),
    );
    const config = w.config({ command: 'destroy', 'confirm-destroy': 'gitpod' });
    const io = fakeIO();
    await destroy(config, io, { cloud: awsCloud(config, io.log) });
    expect(JSON.parse(io.outputs.plan!)[0]).toMatchObject({
      status: 'done',
      detail: 'done by another run meanwhile: no cluster gitpod in eu-west-1: nothing to delete',
    });
    // The summary is headed by the command that ran, not "apply".
    expect(io.summary.join('')).toMatch(/^## 🛠️ gitpod-cluster-action destroy\n/);
  });
});

describe('the destroy guard', () => {
  it('refuses before anything runs unless confirm-destroy repeats the cluster name', () => {
    expect(() =>
      configOf({ provider: 'aws', region: 'eu-west-1', command: 'destroy', 'cluster-name': 'prod' }),
    ).toThrow(InputError);
    expect(() =>
      configOf({
        provider: 'aws',
        region: 'eu-west-1',
        command: 'destroy',
        'cluster-name': 'prod',
        'confirm-destroy': 'Prod',
      }),
    ).toThrow('Input \'confirm-destroy\' received "Prod": expected the cluster name `prod` to confirm `destroy`.');
  });
});
