/**
 * EKS `verify` end to end: the real AWS SDK reads the FAKE EKS API, the Kubernetes client reads the FAKE
 * Kubernetes API, on a cluster that EKS `apply` built (eksctl TEST STAND-IN).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { applyFlow } from '../src/providers/aws/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { verify } from '../src/commands/verify.js';
import { memoryLogger } from '../src/log.js';
import type { Report } from '../src/verify/types.js';
import { fakeIO } from './fixtures.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

let world: AwsWorld;
beforeEach(async () => {
  world = await startAwsWorld();
});
afterEach(() => world.close());

async function verifyNow(inputs = {}) {
  const config = world.config({ command: 'verify', 'fail-on-drift': 'false', ...inputs });
  const io = fakeIO();
  const before = { eks: world.eks.writes().length, kube: world.kube.mutations().length };
  // The fake API server knows one bearer token: the STS token the cloud builds is checked in the apply tests.
  const kube = await connectKube({ ...world.kube.access() }, memoryLogger());
  const report = await verify(config, io, { cloud: awsCloud(config, io.log), kube, now: () => NOW });
  const eksWrites = world.eks.writes().slice(before.eks);
  return { report, io, eksWrites, kubeWrites: world.kube.mutations().length - before.kube };
}

/** Well inside the fake's support windows for every version it offers. */
const NOW = Date.parse('2026-12-07T00:00:00Z');
const status = (r: Report) => Object.fromEntries(r.items.map((i) => [i.name, i.status]));

describe('EKS verify against the fake EKS and Kubernetes APIs', () => {
  it('finds the cluster apply built conformant, without writing anything', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    const { report, io, kubeWrites, eksWrites } = await verifyNow();
    expect(status(report)).toEqual({
      'node-labels': 'OK',
      'max-pods': 'OK',
      'container-runtime': 'OK',
      'kernel-version': 'OK',
      'kubernetes-version': 'OK',
      'node-pools': 'OK',
      'cloud-config': 'OK',
      network: 'OK',
      'version-support': 'OK',
      'version-skew': 'OK',
    });
    expect(io.outputs.verified).toBe('true');
    expect(io.outputs.drift).toBe('false');
    expect(kubeWrites).toBe(0);
    expect(eksWrites).toEqual([]);
  });

  it('reports nodegroup drift through the EKS API, naming field, wanted and found', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    const ng = world.eks.nodegroups.get('gitpod/workspaces')!;
    delete ng.labels['gitpod.io/workload_workspace_headless'];
    ng.scalingConfig = { ...ng.scalingConfig, maxSize: 3 };
    const { report, io } = await verifyNow();
    const cloud = report.items.find((i) => i.name === 'cloud-config')!;
    expect(cloud.status).toBe('ERROR');
    expect(cloud.errors.map((e) => e.message)).toEqual([
      'workspaces: label gitpod.io/workload_workspace_headless is "(absent)", wanted "true"; fixed in place by `eksctl set labels`',
      'workspaces: max nodes is 3, wanted 10; fixed in place by `eksctl scale nodegroup`',
    ]);
    expect(io.outputs.drift).toBe('true');
    expect(io.outputs.verified).toBe('false');
  });
});
