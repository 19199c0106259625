/**
 * EKS upgrades through `apply`: the eksctl TEST STAND-IN (as strict as eksctl: one minor at a time, never
 * down, no nodegroup past its control plane, no `--kubernetes-version` on a custom AMI) against the FAKE
 * EKS API, the FAKE Kubernetes API playing the add-ons. From 1.32 to 1.34: two rounds, each control
 * plane, nodegroups, CoreDNS, kube-proxy; a re-run sends nothing; a failure mid-upgrade is finished by the
 * next run; a downgrade, or eksctl's Ubuntu (custom AMI) nodegroups, stop before any change in one line.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyFlow } from '../src/providers/aws/apply.js';
import { planFlow } from '../src/commands/plan.js';
import { StepFailedError, type StepRecord } from '../src/steps.js';
import { fakeIO } from './fixtures.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

let world: AwsWorld;
beforeEach(async () => {
  world = await startAwsWorld();
});
afterEach(() => world.close());

/** An EKS AMI family for both nodegroups: their Kubernetes version can move in place. */
function al2023(): string {
  const file = path.join(world.dir, 'al2023.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'managedNodeGroups:',
      '  - name: services',
      '    amiFamily: AmazonLinux2023',
      '  - name: workspaces',
      '    amiFamily: AmazonLinux2023',
      '',
    ].join('\n'),
  );
  return file;
}

async function apply(inputs: Record<string, string>) {
  const io = fakeIO();
  try {
    return { records: await applyFlow(world.config(inputs), io, world.deps()), io, err: undefined as unknown };
  } catch (err) {
    return { records: (err as StepFailedError).records as StepRecord[] | undefined, io, err };
  }
}

/** The eksctl upgrade commands the stand-in received, from `from` on. */
function upgradeCalls(from = 0): string[] {
  return world.eks.eksctlCalls
    .slice(from)
    .filter((c) => /^(upgrade|utils) /.test(c.command))
    .map((c) => c.argv.filter((a) => !a.startsWith('--region') && a !== '--approve').join(' '));
}

const upgradeStatuses = (records: readonly StepRecord[] | undefined) =>
  (records ?? []).filter((r) => r.id.startsWith('upgrade-')).map((r) => `${r.id} ${r.status}`);

const ROUND = (m: string, status = 'done') => [
  `upgrade-control-plane-${m} ${status}`,
  `upgrade-services-nodegroup-${m} ${status}`,
  `upgrade-workspaces-nodegroup-${m} ${status}`,
  `upgrade-coredns-${m} ${status}`,
  `upgrade-kube-proxy-${m} ${status}`,
];

const CALLS = (m: string) => [
  `upgrade cluster --name=gitpod --version=${m}`,
  `upgrade nodegroup --cluster=gitpod --name=services --kubernetes-version=${m}`,
  `upgrade nodegroup --cluster=gitpod --name=workspaces --kubernetes-version=${m}`,
  'utils update-coredns --cluster=gitpod',
  'utils update-kube-proxy --cluster=gitpod',
];

describe('EKS apply upgrades one minor at a time (FAKE EKS and Kubernetes APIs, eksctl TEST STAND-IN)', () => {
  it('plan shows the round to the asked minor after the nodegroups, with eksctl’s exact argv', () => {
    const steps = planFlow(world.config({ command: 'plan', 'kubernetes-version': '1.34' })).steps;
    expect(steps.map((s) => s.id).slice(-6)).toEqual([
      'record-desired-state', // the last step of the build flow, after nodegroups, nodegroup-labels and -scaling, service-accounts
      'upgrade-control-plane-1.34',
      'upgrade-services-nodegroup-1.34',
      'upgrade-workspaces-nodegroup-1.34',
      'upgrade-coredns-1.34',
      'upgrade-kube-proxy-1.34',
    ]);
    expect(steps.find((s) => s.id === 'upgrade-control-plane-1.34')!.argv).toEqual([
      'eksctl',
      'upgrade',
      'cluster',
      '--name=gitpod',
      '--region=eu-west-1',
      '--version=1.34',
      '--approve',
    ]);
    expect(planFlow(world.config({ command: 'plan' })).steps.some((s) => s.id.startsWith('upgrade-'))).toBe(false);
  });

  it('from 1.32 to 1.34: two rounds in order; a second apply sends no mutating request', async () => {
    const overlay = al2023();
    expect((await apply({ 'kubernetes-version': '1.32', 'eksctl-config': overlay })).err).toBeUndefined();
    expect(world.eks.cluster('gitpod')!.version).toBe('1.32');
    world.kube.version = 'v1.32.0-eks-fake';

    const calls = world.eks.eksctlCalls.length;
    const run = await apply({ 'kubernetes-version': '1.34', 'eksctl-config': overlay });
    expect(run.err).toBeUndefined();
    expect(upgradeStatuses(run.records)).toEqual([...ROUND('1.33'), ...ROUND('1.34')]);
    expect(upgradeCalls(calls)).toEqual([...CALLS('1.33'), ...CALLS('1.34')]);
    expect(world.eks.cluster('gitpod')!.version).toBe('1.34');
    expect(world.eks.nodegroupNames('gitpod').map((n) => world.eks.nodegroups.get(`gitpod/${n}`)!.version)).toEqual([
      '1.34',
      '1.34',
    ]);

    const writes = world.eks.writes().length;
    const kubeWrites = world.kube.mutations().length;
    const again = await apply({ 'kubernetes-version': '1.34', 'eksctl-config': overlay });
    expect(again.err).toBeUndefined();
    expect(world.eks.writes().length).toBe(writes);
    expect(world.kube.mutations().length).toBe(kubeWrites);
    expect(upgradeStatuses(again.records)).toEqual([]);
  });

  it('a failure mid-upgrade, then a re-run, converges', async () => {
    const overlay = al2023();
    expect((await apply({ 'kubernetes-version': '1.32', 'eksctl-config': overlay })).err).toBeUndefined();
    world.eks.failEksctl('upgrade nodegroup', 'waiter state transitioned to Failure (injected)', undefined, 1);
    const failed = await apply({ 'kubernetes-version': '1.34', 'eksctl-config': overlay });
    expect((failed.err as Error).message).toMatch(/^step 'upgrade-services-nodegroup-1.33' .* failed: /);
    expect(upgradeStatuses(failed.records)).toEqual([
      'upgrade-control-plane-1.33 done',
      'upgrade-services-nodegroup-1.33 failed',
      ...ROUND('1.33', 'planned').slice(2),
      ...ROUND('1.34', 'planned'),
    ]);
    const calls = world.eks.eksctlCalls.length;
    const rerun = await apply({ 'kubernetes-version': '1.34', 'eksctl-config': overlay });
    expect(rerun.err).toBeUndefined();
    expect(upgradeStatuses(rerun.records)).toEqual([
      'upgrade-control-plane-1.33 skipped',
      ...ROUND('1.33').slice(1),
      ...ROUND('1.34'),
    ]);
    expect(upgradeCalls(calls)).toEqual([...CALLS('1.33').slice(1), ...CALLS('1.34')]);
  });

  it('a nodegroup update already under way (a cancelled run’s) is waited for, with progress, then the round goes on', async () => {
    const overlay = al2023();
    expect((await apply({ 'kubernetes-version': '1.33', 'eksctl-config': overlay })).err).toBeUndefined();
    const ng = world.eks.nodegroups.get('gitpod/workspaces')!;
    const calls = world.eks.eksctlCalls.length;
    world.eks.onEksctl((event, { name }) => {
      // The control plane's upgrade done, EKS is still rolling the workspaces nodegroup of an earlier run.
      if (event === 'nodegroup-upgraded' && name === 'services') ng.status = 'UPDATING';
    });
    let polls = 0;
    const io = fakeIO();
    const records = await applyFlow(
      world.config({ 'kubernetes-version': '1.34', 'eksctl-config': overlay }),
      io,
      world.deps({
        sleep: async (ms) => {
          world.clock.now += ms;
          if (++polls === 3) ng.status = 'ACTIVE';
        },
      }),
    );
    expect(upgradeStatuses(records)).toEqual(ROUND('1.34'));
    expect(io.lines).toContain('… waiting for nodegroup workspaces to be ACTIVE (0s so far)');
    expect(polls).toBe(3);
    // eksctl was started for the workspaces nodegroup only once it was ACTIVE again.
    expect(upgradeCalls(calls)).toEqual(CALLS('1.34'));
  });

  it('an older minor, or Ubuntu (custom AMI) nodegroups, stop before any change, in one line', async () => {
    expect((await apply({ 'kubernetes-version': '1.33' })).err).toBeUndefined();
    const writes = world.eks.writes().length;
    const down = await apply({ 'kubernetes-version': '1.32' });
    expect((down.err as Error).message).toBe(
      "kubernetes-version '1.32' is older than Kubernetes 1.33, which the cluster runs: apply never downgrades; ask for 1.33 or newer, or `latest` to keep the cluster's version",
    );
    const custom = await apply({ 'kubernetes-version': '1.34' });
    expect((custom.err as Error).message).toMatch(
      /^nodegroup services, workspaces runs a custom AMI \(amiType CUSTOM, as eksctl's Ubuntu nodegroups do\): `eksctl upgrade nodegroup` cannot move it to Kubernetes 1.34; nothing was changed\./,
    );
    expect((custom.err as Error).message).not.toContain('\n');
    expect(world.eks.writes().length).toBe(writes);
  });
});
