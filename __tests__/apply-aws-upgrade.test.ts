/**
 * EKS upgrades through `apply`: the eksctl TEST STAND-IN (as strict as eksctl: one minor at a time, never
 * down, no nodegroup past its control plane, no `--kubernetes-version` on a custom AMI, `delete nodegroup`
 * only with --approve and of a nodegroup EKS has) against the FAKE EKS API, the FAKE Kubernetes API playing
 * the add-ons and the nodes (a deleted nodegroup's nodes go away, a new one's join). From 1.32 to 1.34: two
 * rounds, each control plane, nodegroups, CoreDNS, kube-proxy. EKS-AMI nodegroups (an AmazonLinux2023
 * overlay) move in place; the default Ubuntu ones (amiType CUSTOM) are replaced through a surge nodegroup,
 * keeping their names and never leaving a pool without nodes. A re-run sends nothing; a failure mid-upgrade
 * or mid-replacement is finished by the next run; a downgrade, or an image of the user's own, stop before
 * any change in one line.
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
    .filter((c) => /^(upgrade|utils|update) /.test(c.command))
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
  'update addon --cluster=gitpod --name=coredns --version=latest --wait',
  'update addon --cluster=gitpod --name=kube-proxy --version=latest --wait',
];

describe('EKS apply upgrades one minor at a time (FAKE EKS and Kubernetes APIs, eksctl TEST STAND-IN)', () => {
  it('plan shows the round to the asked minor after the nodegroups, with eksctl’s exact argv (EKS AMI: in place)', () => {
    const steps = planFlow(
      world.config({ command: 'plan', 'kubernetes-version': '1.34', 'eksctl-config': al2023() }),
    ).steps;
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

  it('an older minor, or a nodegroup on an image of the user’s own, stop before any change, in one line', async () => {
    expect((await apply({ 'kubernetes-version': '1.33' })).err).toBeUndefined();
    const writes = world.eks.writes().length;
    const down = await apply({ 'kubernetes-version': '1.32' });
    expect((down.err as Error).message).toBe(
      "kubernetes-version '1.32' is older than Kubernetes 1.33, which the cluster runs: apply never downgrades; ask for 1.33 or newer, or `latest` to keep the cluster's version",
    );
    const file = path.join(world.dir, 'own-ami.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'managedNodeGroups:',
        '  - name: workspaces',
        '    ami: ami-0123456789abcdef0',
        '    amiFamily: Ubuntu2404',
        '    overrideBootstrapCommand: "#!/bin/bash\\n/etc/eks/bootstrap.sh gitpod"',
        '',
      ].join('\n'),
    );
    const own = await apply({ 'kubernetes-version': '1.34', 'eksctl-config': file });
    expect((own.err as Error).message).toMatch(
      /^nodegroup workspaces runs an image of your own \(ami or launchTemplate in eksctl-config, amiType CUSTOM\): `eksctl upgrade nodegroup` cannot move it to Kubernetes 1.34 and a replacement would start the same image; nothing was changed\./,
    );
    expect((own.err as Error).message).not.toContain('\n');
    expect(world.eks.writes().length).toBe(writes);
  });
});

/** The six Gitpod labels, as the reference architecture and its 2022 addition give them. */
const LABELS = {
  services: {
    'gitpod.io/workload_meta': 'true',
    'gitpod.io/workload_ide': 'true',
    'gitpod.io/workload_services': 'true',
  },
  workspaces: {
    'gitpod.io/workload_workspace_services': 'true',
    'gitpod.io/workload_workspace_regular': 'true',
    'gitpod.io/workload_workspace_headless': 'true',
  },
};

/** A round of the default (Ubuntu, amiType CUSTOM) nodegroups: each replaced through its surge group. */
const REPLACE_ROUND = (m: string, status = 'done') => [
  `upgrade-control-plane-${m} ${status}`,
  ...['services', 'workspaces'].flatMap((role) =>
    ['surge', 'drain', 'recreate', 'drain-surge'].map((p) => `upgrade-${role}-nodegroup-${m}-${p} ${status}`),
  ),
  `upgrade-coredns-${m} ${status}`,
  `upgrade-kube-proxy-${m} ${status}`,
];

const REPLACE_CALLS = (dir: string, m: string) => [
  `upgrade cluster --name=gitpod --version=${m}`,
  ...['services', 'workspaces'].flatMap((ng) => [
    `create nodegroup --config-file=${dir}/gitpod.eksctl-${ng}-next-${m}.yaml`,
    `delete nodegroup --cluster=gitpod --name=${ng} --drain --wait`,
    `create nodegroup --config-file=${dir}/gitpod.eksctl-${ng}-${m}.yaml`,
    `delete nodegroup --cluster=gitpod --name=${ng}-next --drain --wait`,
  ]),
  'update addon --cluster=gitpod --name=coredns --version=latest --wait',
  'update addon --cluster=gitpod --name=kube-proxy --version=latest --wait',
];

/** The eksctl calls that change a nodegroup or the control plane, from `from` on. */
function changeCalls(from = 0): string[] {
  return world.eks.eksctlCalls
    .slice(from)
    .filter((c) => /^(upgrade|utils|update|create nodegroup|delete nodegroup)/.test(c.command))
    .map((c) => c.argv.filter((a) => !a.startsWith('--region') && a !== '--approve').join(' '));
}

/** Each pool's nodes after every eksctl change: a pool never goes without one. */
function watchPools(): { emptied: string[] } {
  const seen = { emptied: [] as string[] };
  world.eks.onEksctl((event, { name }) => {
    for (const [role, labels] of Object.entries(LABELS)) {
      const key = Object.keys(labels)[0]!;
      const nodes = world.kube.objects('v1', 'Node').filter((n) => n.metadata.labels?.[key] === 'true');
      if (!nodes.length) seen.emptied.push(`${role} after ${event} ${name}`);
    }
  });
  return seen;
}

describe('EKS apply replaces custom-AMI (Ubuntu) nodegroups, the default, through a surge nodegroup', () => {
  it('plan shows the four replacement steps per nodegroup with their argv, and names the in-place path', () => {
    const steps = planFlow(world.config({ command: 'plan', 'kubernetes-version': '1.34' })).steps;
    const ids = steps.map((s) => s.id);
    expect(ids.slice(ids.indexOf('upgrade-control-plane-1.34')).map((id) => `${id} planned`)).toEqual(
      REPLACE_ROUND('1.34', 'planned'),
    );
    const tmp = world.config().tempDir;
    const argv = (id: string) => steps.find((s) => s.id === id)!.argv;
    expect(argv('upgrade-services-nodegroup-1.34-surge')).toEqual([
      'eksctl',
      'create',
      'nodegroup',
      `--config-file=${tmp}/gitpod.eksctl-services-next-1.34.yaml`,
    ]);
    expect(argv('upgrade-services-nodegroup-1.34-drain')).toEqual([
      'eksctl',
      'delete',
      'nodegroup',
      '--cluster=gitpod',
      '--region=eu-west-1',
      '--name=services',
      '--drain',
      '--approve',
      '--wait',
    ]);
    expect(argv('upgrade-workspaces-nodegroup-1.34-recreate')).toEqual([
      'eksctl',
      'create',
      'nodegroup',
      `--config-file=${tmp}/gitpod.eksctl-workspaces-1.34.yaml`,
    ]);
    expect(argv('upgrade-workspaces-nodegroup-1.34-drain-surge')).toEqual([
      'eksctl',
      'delete',
      'nodegroup',
      '--cluster=gitpod',
      '--region=eu-west-1',
      '--name=workspaces-next',
      '--drain',
      '--approve',
      '--wait',
    ]);
    expect(argv('upgrade-coredns-1.34')).toEqual([
      'eksctl',
      'update',
      'addon',
      '--cluster=gitpod',
      '--region=eu-west-1',
      '--name=coredns',
      '--version=latest',
      '--wait',
    ]);
    const surge = steps.find((s) => s.id === 'upgrade-services-nodegroup-1.34-surge')!.description;
    expect(surge).toContain('custom AMI: eksctl cannot upgrade it in place');
    expect(surge).toContain(
      'on an EKS AMI family (eksctl-config amiFamily AmazonLinux2023 or Bottlerocket) apply upgrades it in place instead',
    );
    expect(surge).toContain(`${tmp}/gitpod.eksctl-services-next-1.34.yaml`);
  });

  it('from 1.32 to 1.34: two rounds, each nodegroup replaced in order, same names and labels at 1.34; a second apply sends nothing', async () => {
    expect((await apply({ 'kubernetes-version': '1.32' })).err).toBeUndefined();
    expect(world.eks.nodegroups.get('gitpod/services')!.amiType).toBe('CUSTOM');
    world.kube.version = 'v1.32.0-eks-fake';
    // The autoscaler grew services to 3 nodes: its surge group starts at 3, so the drained pods fit at once.
    world.eks.nodegroups.get('gitpod/services')!.scalingConfig.desiredSize = 3;
    const pools = watchPools();

    const calls = world.eks.eksctlCalls.length;
    const run = await apply({ 'kubernetes-version': '1.34' });
    expect(run.err).toBeUndefined();
    expect(upgradeStatuses(run.records)).toEqual([...REPLACE_ROUND('1.33'), ...REPLACE_ROUND('1.34')]);
    const tmp = world.config().tempDir;
    expect(changeCalls(calls)).toEqual([...REPLACE_CALLS(tmp, '1.33'), ...REPLACE_CALLS(tmp, '1.34')]);
    expect(pools.emptied).toEqual([]);

    // The surge group's ClusterConfig: only it, services' entry at the round's minor.
    const surgeCall = world.eks.eksctlCalls.find((c) =>
      c.argv.includes(`--config-file=${tmp}/gitpod.eksctl-services-next-1.34.yaml`),
    )!;
    const cfg = surgeCall.config as { metadata: { version: string }; managedNodeGroups: Record<string, unknown>[] };
    expect(cfg.metadata.version).toBe('1.34');
    expect(
      world.eks.eksctlCalls
        .filter((c) => /gitpod\.eksctl-services(-next)?-1\.33\.yaml$/.test(c.argv.at(-1)!))
        .map((c) => (c.config as typeof cfg).managedNodeGroups[0]!.desiredCapacity),
    ).toEqual([3, 3]);
    expect(
      cfg.managedNodeGroups.map((g) => [g.name, g.amiFamily, g.instanceTypes, g.minSize, g.maxSize, g.labels]),
    ).toEqual([['services-next', 'Ubuntu2404', ['m6i.xlarge'], 1, 4, LABELS.services]]);

    expect(world.eks.cluster('gitpod')!.version).toBe('1.34');
    expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'workspaces']);
    for (const name of ['services', 'workspaces'] as const) {
      const ng = world.eks.nodegroups.get(`gitpod/${name}`)!;
      expect([ng.version, ng.amiType, ng.labels]).toEqual(['1.34', 'CUSTOM', LABELS[name]]);
    }
    expect(
      world.kube
        .objects('v1', 'Node')
        .map((n) => [
          n.metadata.labels?.['eks.amazonaws.com/nodegroup'],
          (n.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion,
        ])
        .sort(),
    ).toEqual([
      ['services', 'v1.34.0-eks-fake'],
      ['workspaces', 'v1.34.0-eks-fake'],
    ]);

    // The EKS add-ons at the newest version the (FAKE) DescribeAddonVersions offers for 1.34.
    expect(['coredns', 'kube-proxy'].map((a) => world.eks.addons.get(`gitpod/${a}`)!.addonVersion)).toEqual([
      'v1.12.4-eksbuild.1',
      'v1.34.0-eksbuild.2',
    ]);

    const writes = world.eks.writes().length;
    const kubeWrites = world.kube.mutations().length;
    const again = await apply({ 'kubernetes-version': '1.34' });
    expect(again.err).toBeUndefined();
    expect(world.eks.writes().length).toBe(writes);
    expect(world.kube.mutations().length).toBe(kubeWrites);
    expect(upgradeStatuses(again.records)).toEqual([]);
  });

  it('a round resumed after kube-proxy failed does not update CoreDNS again: its probe reads its own version', async () => {
    expect((await apply({ 'kubernetes-version': '1.33' })).err).toBeUndefined();
    world.eks.failEksctl('update addon', 'waiter state transitioned to Failure (injected)');
    world.eks.onEksctl((event, { name }) => {
      // CoreDNS updated; the next `update addon` (kube-proxy) is the one that fails.
      if (event === 'addon-updated' && name === 'coredns')
        world.eks.failEksctl('update addon', 'injected', undefined, 1);
    });
    const first = await apply({ 'kubernetes-version': '1.34' });
    expect((first.err as Error).message).toMatch(/^step 'upgrade-coredns-1.34' .* failed: /);
    const second = await apply({ 'kubernetes-version': '1.34' });
    expect((second.err as Error).message).toMatch(/^step 'upgrade-kube-proxy-1.34' .* failed: /);
    expect(world.eks.addons.get('gitpod/coredns')!.addonVersion).toBe('v1.12.4-eksbuild.1');

    const calls = world.eks.eksctlCalls.length;
    const third = await apply({ 'kubernetes-version': '1.34' });
    expect(third.err).toBeUndefined();
    expect(upgradeStatuses(third.records).slice(-2)).toEqual([
      'upgrade-coredns-1.34 skipped',
      'upgrade-kube-proxy-1.34 done',
    ]);
    expect(third.records!.find((r) => r.id === 'upgrade-coredns-1.34')!.detail).toBe(
      'coredns runs v1.12.4-eksbuild.1; the newest for 1.34 is v1.12.4-eksbuild.1',
    );
    expect(changeCalls(calls)).toEqual(['update addon --cluster=gitpod --name=kube-proxy --version=latest --wait']);
  });

  it('add-ons eksctl applied itself (no EKS add-on) are updated with eksctl utils, which refuses an EKS add-on', async () => {
    expect((await apply({ 'kubernetes-version': '1.32' })).err).toBeUndefined();
    const refused = await fetch(`${world.eks.url}/__eksctl`, {
      method: 'POST',
      body: JSON.stringify({ argv: ['utils', 'update-coredns', '--cluster=gitpod', '--approve'] }),
    });
    expect(await refused.json()).toEqual({
      ok: false,
      lines: [
        'Error: addon coredns is installed as a managed EKS addon; to update it, use `eksctl update addon` instead',
      ],
    });
    world.eks.addons.delete('gitpod/coredns');
    world.eks.addons.delete('gitpod/kube-proxy');
    const calls = world.eks.eksctlCalls.length;
    const run = await apply({ 'kubernetes-version': '1.33' });
    expect(run.err).toBeUndefined();
    expect(changeCalls(calls).slice(-2)).toEqual([
      'utils update-coredns --cluster=gitpod',
      'utils update-kube-proxy --cluster=gitpod',
    ]);
    expect(upgradeStatuses(run.records).slice(-2)).toEqual([
      'upgrade-coredns-1.33 done',
      'upgrade-kube-proxy-1.33 done',
    ]);
  });

  it('a failure after the old nodegroup was deleted, then a re-run, converges without emptying the pool', async () => {
    expect((await apply({ 'kubernetes-version': '1.32' })).err).toBeUndefined();
    const pools = watchPools();
    world.eks.onEksctl((event, { name }) => {
      // eksctl deleted services; its next create (services at 1.33) fails as a CloudFormation rollback would.
      if (event === 'nodegroup-deleted' && name === 'services' && !world.eks.cluster('gitpod')!.version.endsWith('.34'))
        world.eks.failEksctl('create nodegroup', 'waiter state transitioned to Failure (injected)');
    });
    const failed = await apply({ 'kubernetes-version': '1.34' });
    expect((failed.err as Error).message).toMatch(/^step 'upgrade-services-nodegroup-1.33-recreate' .* failed: /);
    expect(upgradeStatuses(failed.records)).toEqual([
      'upgrade-control-plane-1.33 done',
      'upgrade-services-nodegroup-1.33-surge done',
      'upgrade-services-nodegroup-1.33-drain done',
      'upgrade-services-nodegroup-1.33-recreate failed',
      ...REPLACE_ROUND('1.33', 'planned').slice(4),
      ...REPLACE_ROUND('1.34', 'planned'),
    ]);
    expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['services-next', 'workspaces']);

    const calls = world.eks.eksctlCalls.length;
    const rerun = await apply({ 'kubernetes-version': '1.34' });
    expect(rerun.err).toBeUndefined();
    // The build flow's nodegroups step creates services again (at the control plane's 1.33); the round goes on.
    expect(rerun.records!.find((r) => r.id === 'nodegroups')!.status).toBe('done');
    expect(upgradeStatuses(rerun.records)).toEqual([
      'upgrade-control-plane-1.33 skipped',
      'upgrade-services-nodegroup-1.33-surge skipped',
      'upgrade-services-nodegroup-1.33-drain skipped',
      'upgrade-services-nodegroup-1.33-recreate skipped',
      ...REPLACE_ROUND('1.33').slice(4),
      ...REPLACE_ROUND('1.34'),
    ]);
    const tmp = world.config().tempDir;
    expect(changeCalls(calls)).toEqual([
      `create nodegroup --config-file=${world.config().tempDir}/gitpod.eksctl.yaml`,
      ...REPLACE_CALLS(tmp, '1.33').slice(4),
      ...REPLACE_CALLS(tmp, '1.34'),
    ]);
    expect(pools.emptied).toEqual([]);
    expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'workspaces']);
    expect(world.eks.nodegroups.get('gitpod/services')!.version).toBe('1.34');
  });

  it('a surge nodegroup left by an interrupted last round is drained even when nothing else is behind', async () => {
    expect((await apply({ 'kubernetes-version': '1.33' })).err).toBeUndefined();
    world.eks.failEksctl(
      'delete nodegroup',
      'timed out waiting for the nodegroup stack deletion (injected)',
      undefined,
      1,
    );
    world.eks.onEksctl((event, { name }) => {
      if (event === 'nodegroup-created' && name === 'services')
        world.eks.failEksctl('delete nodegroup', 'context deadline exceeded (injected)');
    });
    const failed = await apply({ 'kubernetes-version': '1.34' });
    expect((failed.err as Error).message).toMatch(/^step 'upgrade-services-nodegroup-1.34-drain' .* failed: /);
    // The fault of the drain step is used up; run again: it fails at the surge's deletion, services at 1.34.
    const second = await apply({ 'kubernetes-version': '1.34' });
    expect((second.err as Error).message).toMatch(/^step 'upgrade-services-nodegroup-1.34-drain-surge' .* failed: /);
    expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'services-next', 'workspaces']);

    // `latest` never upgrades, but it finishes the round: the surge goes, workspaces is replaced too.
    const calls = world.eks.eksctlCalls.length;
    const done = await apply({ 'kubernetes-version': 'latest' });
    expect(done.err).toBeUndefined();
    expect(upgradeStatuses(done.records)).toEqual([
      'upgrade-control-plane-1.34 skipped',
      'upgrade-services-nodegroup-1.34-surge skipped',
      'upgrade-services-nodegroup-1.34-drain skipped',
      'upgrade-services-nodegroup-1.34-recreate skipped',
      ...REPLACE_ROUND('1.34').slice(4),
    ]);
    expect(changeCalls(calls)[0]).toBe('delete nodegroup --cluster=gitpod --name=services-next --drain --wait');
    expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['services', 'workspaces']);
  });

  it('the stand-in is as strict as eksctl: no --kubernetes-version on a custom AMI, delete only with --approve and of a nodegroup EKS has, create skips one that exists', async () => {
    expect((await apply({ 'kubernetes-version': '1.33' })).err).toBeUndefined();
    const eksctl = async (...argv: string[]) => {
      const res = await fetch(`${world.eks.url}/__eksctl`, { method: 'POST', body: JSON.stringify({ argv }) });
      return (await res.json()) as { ok: boolean; lines: string[] };
    };
    expect(
      await eksctl('upgrade', 'nodegroup', '--cluster=gitpod', '--name=services', '--kubernetes-version=1.34'),
    ).toEqual({
      ok: false,
      lines: ['Error: cannot specify kubernetes-version or release-version when using a custom AMI'],
    });
    const plan = await eksctl('delete', 'nodegroup', '--cluster=gitpod', '--name=services', '--drain');
    expect(plan.ok).toBe(true);
    expect(plan.lines.at(-1)).toBe("no changes were applied, run again with '--approve' to apply the changes");
    expect(world.eks.nodegroupNames('gitpod')).toContain('services');
    expect(await eksctl('delete', 'nodegroup', '--cluster=gitpod', '--name=nope', '--approve')).toEqual({
      ok: false,
      lines: ['Error: ResourceNotFoundException: No node group found for name: nope.'],
    });
    expect(
      (await eksctl('delete', 'nodegroup', '--cluster=gitpod', '--name=services', '--drian', '--approve')).lines,
    ).toEqual(['Error: unknown flag: --drian']);
    const nodes = world.kube.objects('v1', 'Node').length;
    const del = await eksctl('delete', 'nodegroup', '--cluster=gitpod', '--name=services', '--approve', '--wait');
    expect(del.ok).toBe(true);
    expect(world.eks.nodegroupNames('gitpod')).toEqual(['workspaces']);
    expect(world.kube.objects('v1', 'Node').length).toBe(nodes - 1);
    // Created again from the whole ClusterConfig: workspaces exists and is left out, as eksctl's filter does.
    const file = world.config().tempDir + '/gitpod.eksctl.yaml';
    const { readFileSync } = await import('node:fs');
    const res = await fetch(`${world.eks.url}/__eksctl`, {
      method: 'POST',
      body: JSON.stringify({
        argv: ['create', 'nodegroup', `--config-file=${file}`],
        configText: readFileSync(file, 'utf8'),
      }),
    });
    expect(((await res.json()) as { lines: string[] }).lines).toEqual([
      '1 existing nodegroup(s) (workspaces) will be excluded',
      'created managed nodegroup "services"',
    ]);
  });
});
