/**
 * A scheduled drift check needs only provider, cluster-name and region: `verify` takes the sizing that
 * `apply` recorded in the cluster (ConfigMap kube-system/gitpod-cluster-action) for every sizing input
 * left empty. End to end on EKS: the eksctl TEST STAND-IN and the FAKE EKS and Kubernetes APIs, read by
 * the real SDK and Kubernetes client.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { applyFlow } from '../src/providers/aws/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { verify } from '../src/commands/verify.js';
import { memoryLogger } from '../src/log.js';
import type { Report } from '../src/verify/types.js';
import { configOf, fakeIO } from './fixtures.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

/** The sizes apply builds the cluster with; the drift check is never told them. */
const CUSTOM = {
  'services-max-nodes': '7',
  'services-extra-labels': 'team=platform',
  'workspaces-machine-type': 'm6i.4xlarge',
  'workspaces-min-nodes': '2',
  'workspaces-max-nodes': '12',
  'disk-size-gb': '500',
};

let w: AwsWorld;
beforeEach(async () => {
  w = await startAwsWorld();
  await applyFlow(w.config(CUSTOM), fakeIO(), w.deps());
});
afterEach(async () => w?.close());

/** `verify` with the drift check's inputs only (plus any given), never failing the step. */
async function driftCheck(inputs: Record<string, string> = {}) {
  const config = configOf(
    {
      provider: 'aws',
      command: 'verify',
      'cluster-name': 'gitpod',
      region: 'eu-west-1',
      'fail-on-drift': 'false',
      ...inputs,
    },
    { RUNNER_TEMP: w.dir },
  );
  const io = fakeIO();
  const kube = await connectKube(w.kube.access(), memoryLogger());
  const report = await verify(config, io, { cloud: awsCloud(config, io.log), kube });
  return { report, io };
}

const cloudConfig = (r: Report) => r.items.find((i) => i.name === 'cloud-config')!;

describe('a drift check with only provider, cluster-name and region', () => {
  it('reports no drift on a cluster apply built with custom sizes', async () => {
    const { report, io } = await driftCheck();
    expect(cloudConfig(report)).toMatchObject({ status: 'OK', errors: [] });
    expect(report.items.find((i) => i.name === 'node-labels')!.status).toBe('OK');
    expect(io.outputs.drift).toBe('false');
    expect(io.outputs.verified).toBe('true');
    expect(io.lines.join('\n')).toContain(
      'From the desired state apply recorded in ConfigMap kube-system/gitpod-cluster-action: services-max-nodes, services-extra-labels, workspaces-machine-type, workspaces-min-nodes, workspaces-max-nodes, disk-size-gb',
    );
  });

  it('reports a relabelled and a rescaled nodegroup with what apply would do', async () => {
    const ng = w.eks.nodegroups.get('gitpod/services')!;
    delete ng.labels['team'];
    ng.labels['gitpod.io/workload_workspace_regular'] = 'true';
    w.eks.nodegroups.get('gitpod/workspaces')!.scalingConfig = { minSize: 1, maxSize: 3, desiredSize: 3 };
    const { report, io } = await driftCheck();
    expect(cloudConfig(report).errors.map((e) => e.message)).toEqual([
      'services: label gitpod.io/workload_workspace_regular is "true", wanted "(absent)"; fixed in place by `eksctl set labels` and `eksctl unset labels`',
      'services: label team is "(absent)", wanted "platform"; fixed in place by `eksctl set labels` and `eksctl unset labels`',
      'workspaces: min nodes is 1, wanted 2; fixed in place by `eksctl scale nodegroup`',
      'workspaces: max nodes is 3, wanted 12; fixed in place by `eksctl scale nodegroup`',
    ]);
    expect(io.outputs.drift).toBe('true');
    expect(report.applyWouldDo).toEqual([
      'nodegroup services, label gitpod.io/workload_workspace_regular, label team: fixed in place by `eksctl set labels --cluster=gitpod --region=eu-west-1 --nodegroup=services --labels=team=platform` then `eksctl unset labels --cluster=gitpod --region=eu-west-1 --nodegroup=services --labels=gitpod.io/workload_workspace_regular`',
      'nodegroup workspaces, min nodes, max nodes: fixed in place by `eksctl scale nodegroup --cluster=gitpod --region=eu-west-1 --name=workspaces --nodes-min=2 --nodes-max=12`',
    ]);
    const summary = io.summary.join('');
    expect(summary).toContain('### What `apply` would do');
    expect(summary).toContain(
      '`eksctl scale nodegroup --cluster=gitpod --region=eu-west-1 --name=workspaces --nodes-min=2 --nodes-max=12`',
    );
  });

  it('lets an explicit input win over the record, and says where they differ', async () => {
    const { report, io } = await driftCheck({ 'services-max-nodes': '5' });
    const item = cloudConfig(report);
    expect(item.errors).toEqual([
      {
        type: 'ERROR',
        message: 'services: max nodes is 7, wanted 5; fixed in place by `eksctl scale nodegroup`',
      },
      {
        type: 'WARNING',
        message: 'input services-max-nodes is 5, the desired state apply recorded says 7; checked against the input',
      },
    ]);
    expect(io.outputs.drift).toBe('true');
  });

  it('writes the record only when it differs: a re-apply with the same inputs sends no write', async () => {
    const before = w.kube.mutations().length;
    const records = await applyFlow(w.config(CUSTOM), fakeIO(), w.deps());
    expect(records.find((r) => r.id === 'record-desired-state')).toMatchObject({
      status: 'skipped',
      detail: 'as recorded',
    });
    expect(w.kube.mutations().length).toBe(before);
    // New sizes: the record follows them.
    const again = await applyFlow(w.config({ ...CUSTOM, 'services-max-nodes': '8' }), fakeIO(), w.deps());
    expect(again.find((r) => r.id === 'record-desired-state')).toMatchObject({ status: 'done' });
    const { report } = await driftCheck();
    expect(cloudConfig(report).status).toBe('OK');
  });
});
