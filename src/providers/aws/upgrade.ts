/**
 * The EKS upgrade rounds as data: one round per minor, the control plane first (`eksctl upgrade
 * cluster`), then each Gitpod nodegroup, then the add-ons CoreDNS and kube-proxy: as EKS add-ons (`eksctl
 * update addon --version=latest`, done when the add-on runs the newest version EKS offers for the minor),
 * or, on a cluster whose eksctl applied them itself, `eksctl utils update-coredns` / `update-kube-proxy`
 * (kube-proxy's image tag carries the minor and marks such a round done). src/providers/aws/apply.ts
 * pairs each with its probe (already at the minor: skipped). Calico needs no round of its own: the `tigera-operator` step applies the pinned
 * release whenever what runs differs from it.
 *
 * A nodegroup moves to the round's minor in one of two ways, by what EKS says of it (DescribeNodegroup
 * `amiType`, at apply time; `plan` goes by the ClusterConfig's `amiFamily`):
 *   in place  an EKS AMI (AmazonLinux2023, Bottlerocket): `eksctl upgrade nodegroup --kubernetes-version`,
 *             EKS rolls the nodes itself.
 *   replace   a custom AMI (amiType CUSTOM: eksctl's Ubuntu nodegroups, our default): eksctl refuses
 *             `--kubernetes-version` there ("cannot specify kubernetes-version or release-version when using
 *             a custom AMI", pkg/actions/nodegroup/upgrade.go), so the nodegroup is replaced through eksctl,
 *             in four steps (NODEGROUP_REPLACEMENT).
 *
 * Why four steps and not two: EKS cannot rename a nodegroup (the name is fixed at CreateNodegroup;
 * UpdateNodegroupConfig changes labels, taints, sizes only), and verify's pool membership and the contract
 * go by the names `services`/`workspaces`. Two steps (a new group, then delete the old) would leave the pool
 * under another name each round; deleting first would leave it without nodes. A surge group
 * `<name>-next` holds the pods while `<name>` is recreated, so each pod moves twice per round; that is the
 * least churn that keeps the name and never empties the pool. The one-move alternative, a new launch
 * template version with the new image and `eksctl upgrade nodegroup --launch-template-version`, needs EC2
 * writes outside eksctl on a launch template eksctl's CloudFormation stack owns (the stack would drift), and
 * our own lookup of Canonical's image; apply changes the cloud through eksctl only.
 */
import path from 'node:path';
import type { Config } from '../../inputs.js';
import { POOL_ROLES, type PoolRole } from '../../reference.js';
import type { StepSpec } from '../../steps.js';
import { customAmiNodegroup } from './eksctl/rules.js';

/** How a nodegroup moves to a newer minor: `eksctl upgrade nodegroup`, or replaced (custom AMI). */
export type NodegroupUpgrade = 'in-place' | 'replace';

/**
 * The replacement of one nodegroup `<name>` in a round, in order: `surge` creates `<name>-next` (the same
 * instance types, labels, taints, bounds and AMI family) at the round's minor; `drain` deletes `<name>`
 * with `--drain` (its pods move to the surge group); `recreate` creates `<name>` again at the round's
 * minor; `drain-surge` deletes `<name>-next` with `--drain` (the pods move back).
 */
export const NODEGROUP_REPLACEMENT = ['surge', 'drain', 'recreate', 'drain-surge'] as const;
export type ReplacePhase = (typeof NODEGROUP_REPLACEMENT)[number];

export type EksUpgradeTarget =
  | { kind: 'control-plane' }
  | { kind: 'nodegroup'; role: PoolRole }
  | { kind: 'replace'; role: PoolRole; phase: ReplacePhase; name: string; surge: string }
  | { kind: 'addon'; addon: EksRoundAddon; managed: boolean };

/** The add-ons a round updates after the nodegroups. */
export const ROUND_ADDONS = ['coredns', 'kube-proxy'] as const;
export type EksRoundAddon = (typeof ROUND_ADDONS)[number];

/**
 * How an add-on is updated: an EKS add-on (`eksctl update addon --version=latest`; eksctl 0.230 installs
 * coredns and kube-proxy as EKS add-ons, listed under Calico, as its defaults otherwise) or one eksctl
 * applied itself on an older cluster (`eksctl utils update-…`, which refuses an EKS add-on:
 * pkg/ctl/utils/update_addon.go).
 */
export type AddonUpdate = 'eks-addon' | 'self-managed';

export interface EksUpgradeStep extends StepSpec {
  minor: string;
  target: EksUpgradeTarget;
}

/** The surge nodegroup that holds a replaced nodegroup's pods meanwhile. */
export function surgeNodegroupName(name: string): string {
  return `${name}-next`;
}

/** The ClusterConfig of one nodegroup created in a replacement round: only it, at the round's minor. */
export function replacementConfigFile(config: Config, nodegroup: string, minor: string): string {
  return path.join(config.tempDir, `${config.clusterName}.eksctl-${nodegroup}-${minor}.yaml`);
}

const MINUTE = 60_000;

/** The argv and words of one replacement step of nodegroup `name` at `minor`. */
function replacementStep(config: Config, role: PoolRole, minor: string, phase: ReplacePhase): EksUpgradeStep {
  const name = config.pools[role].name;
  const surge = surgeNodegroupName(name);
  const where = [`--cluster=${config.clusterName}`, `--region=${config.region}`];
  const other =
    'on an EKS AMI family (eksctl-config amiFamily AmazonLinux2023 or Bottlerocket) apply upgrades it in place instead';
  const base = { id: `upgrade-${role}-nodegroup-${minor}-${phase}`, minor };
  const target: EksUpgradeTarget = { kind: 'replace', role, phase, name, surge };
  const create = (ng: string, what: string): EksUpgradeStep => ({
    ...base,
    description:
      `Replace nodegroup ${name} (custom AMI: eksctl cannot upgrade it in place; ${other}), ${what}: create nodegroup ${ng} at Kubernetes ${minor} ` +
      `from ${replacementConfigFile(config, ng, minor)}, the ClusterConfig with only nodegroup ${ng}: ${name}'s entry (instance types, labels, taints, bounds, AMI family; ` +
      `desired size ${ng === surge ? `${name}'s` : `${surge}'s`} at apply time) at metadata.version ${minor}`,
    argv: ['eksctl', 'create', 'nodegroup', `--config-file=${replacementConfigFile(config, ng, minor)}`],
    timeoutMs: 40 * MINUTE,
    target,
  });
  const remove = (ng: string, what: string): EksUpgradeStep => ({
    ...base,
    description: `Replace nodegroup ${name}, ${what}: drain and delete nodegroup ${ng} (refused while ${ng === name ? surge : `${name} below ${minor}`} is not there)`,
    argv: ['eksctl', 'delete', 'nodegroup', ...where, `--name=${ng}`, '--drain', '--approve', '--wait'],
    timeoutMs: 60 * MINUTE,
    target,
  });
  switch (phase) {
    case 'surge':
      return create(surge, `step 1 of 4 (skipped when ${surge} exists or ${name} runs ${minor})`);
    case 'drain':
      return remove(name, `step 2 of 4, its pods move to ${surge} (skipped when ${name} is gone or runs ${minor})`);
    case 'recreate':
      return create(name, `step 3 of 4 (skipped when ${name} exists at ${minor})`);
    case 'drain-surge':
      return remove(surge, `step 4 of 4, the pods move back to ${name} (skipped when ${surge} is gone)`);
  }
}

/**
 * The rounds to `minors`, in order. `how` says per pool whether its nodegroup is upgraded in place or
 * replaced (default: by the reference's AMI family, a custom AMI, so replaced).
 */
export function eksUpgradeSteps(
  config: Config,
  minors: readonly string[],
  how: Readonly<Record<PoolRole, NodegroupUpgrade>> = { services: 'replace', workspaces: 'replace' },
  addons: Readonly<Record<EksRoundAddon, AddonUpdate>> = { coredns: 'eks-addon', 'kube-proxy': 'eks-addon' },
): EksUpgradeStep[] {
  const where = [`--cluster=${config.clusterName}`, `--region=${config.region}`];
  return minors.flatMap((minor): EksUpgradeStep[] => [
    {
      id: `upgrade-control-plane-${minor}`,
      description: `Upgrade the EKS control plane of ${config.clusterName} to Kubernetes ${minor} (skipped when it runs ${minor} already)`,
      argv: [
        'eksctl',
        'upgrade',
        'cluster',
        `--name=${config.clusterName}`,
        `--region=${config.region}`,
        `--version=${minor}`,
        '--approve',
      ],
      timeoutMs: 60 * MINUTE,
      minor,
      target: { kind: 'control-plane' },
    },
    ...POOL_ROLES.flatMap((role): EksUpgradeStep[] =>
      how[role] === 'replace'
        ? NODEGROUP_REPLACEMENT.map((phase) => replacementStep(config, role, minor, phase))
        : [
            {
              id: `upgrade-${role}-nodegroup-${minor}`,
              description: `Upgrade nodegroup ${config.pools[role].name} to Kubernetes ${minor}, node by node (EKS AMI; skipped when it runs ${minor} already)`,
              argv: [
                'eksctl',
                'upgrade',
                'nodegroup',
                ...where,
                `--name=${config.pools[role].name}`,
                `--kubernetes-version=${minor}`,
              ],
              timeoutMs: 120 * MINUTE,
              minor,
              target: { kind: 'nodegroup', role },
            },
          ],
    ),
    ...ROUND_ADDONS.map((addon): EksUpgradeStep => {
      const managed = addons[addon] === 'eks-addon';
      const what = addon === 'coredns' ? 'CoreDNS' : 'kube-proxy';
      return {
        id: `upgrade-${addon}-${minor}`,
        description: managed
          ? `Update the EKS add-on ${addon} to its newest version for Kubernetes ${minor} (skipped when it runs that already)`
          : addon === 'coredns'
            ? `Update ${what} to the release for Kubernetes ${minor} (self-managed; skipped once kube-proxy runs ${minor}: the round is done)`
            : `Update ${what} to Kubernetes ${minor} (self-managed; skipped when its image is ${minor} already)`,
        argv: managed
          ? ['eksctl', 'update', 'addon', ...where, `--name=${addon}`, '--version=latest', '--wait']
          : ['eksctl', 'utils', `update-${addon}`, ...where, '--approve'],
        timeoutMs: 15 * MINUTE,
        minor,
        target: { kind: 'addon', addon, managed },
      };
    }),
  ]);
}

/**
 * What `plan` shows: the round to the asked minor (apply runs one per minor from the cluster's own), each
 * nodegroup upgraded as its ClusterConfig entry says: replaced on a custom AMI (`ami`, or an Ubuntu family
 * as by default), in place otherwise. Apply decides again from what EKS reports (amiType CUSTOM).
 */
export function eksPlannedUpgrade(
  config: Config,
  doc?: { managedNodeGroups: Record<string, unknown>[] },
): EksUpgradeStep[] {
  const asked = config.kubernetesVersion;
  if (asked === 'latest') return [];
  const how = Object.fromEntries(
    POOL_ROLES.map((role) => {
      const ng = doc?.managedNodeGroups.find((g) => g.name === config.pools[role].name);
      return [role, !ng || customAmiNodegroup(ng) ? 'replace' : 'in-place'];
    }),
  ) as Record<PoolRole, NodegroupUpgrade>;
  return eksUpgradeSteps(config, [asked.split('.').slice(0, 2).join('.')], how);
}
