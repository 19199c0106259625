/**
 * The EKS upgrade rounds as data: one round per minor, the control plane first (`eksctl upgrade
 * cluster`), then each Gitpod nodegroup (`eksctl upgrade nodegroup --kubernetes-version`), then the
 * self-managed add-ons eksctl installed: CoreDNS (`eksctl utils update-coredns`) and kube-proxy (`eksctl
 * utils update-kube-proxy`), whose image tag carries the round's minor and so marks the round done.
 * src/providers/aws/apply.ts pairs each with its probe (already at the minor: skipped). Calico needs no round of
 * its own: the `tigera-operator` step applies the pinned release whenever what runs differs from it.
 */
import type { Config } from '../../inputs.js';
import { POOL_ROLES, type PoolRole } from '../../reference.js';
import type { StepSpec } from '../../steps.js';

export type EksUpgradeTarget =
  | { kind: 'control-plane' }
  | { kind: 'nodegroup'; role: PoolRole }
  | { kind: 'addon'; addon: 'coredns' | 'kube-proxy' };

export interface EksUpgradeStep extends StepSpec {
  minor: string;
  target: EksUpgradeTarget;
}

const MINUTE = 60_000;

export function eksUpgradeSteps(config: Config, minors: readonly string[]): EksUpgradeStep[] {
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
    ...POOL_ROLES.map((role): EksUpgradeStep => ({
      id: `upgrade-${role}-nodegroup-${minor}`,
      description: `Upgrade nodegroup ${config.pools[role].name} to Kubernetes ${minor}, node by node (skipped when it runs ${minor} already)`,
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
    })),
    {
      id: `upgrade-coredns-${minor}`,
      description: `Update CoreDNS to the release for Kubernetes ${minor} (skipped once kube-proxy runs ${minor}: the round is done)`,
      argv: ['eksctl', 'utils', 'update-coredns', ...where, '--approve'],
      timeoutMs: 15 * MINUTE,
      minor,
      target: { kind: 'addon', addon: 'coredns' },
    },
    {
      id: `upgrade-kube-proxy-${minor}`,
      description: `Update kube-proxy to Kubernetes ${minor} (skipped when its image is ${minor} already)`,
      argv: ['eksctl', 'utils', 'update-kube-proxy', ...where, '--approve'],
      timeoutMs: 15 * MINUTE,
      minor,
      target: { kind: 'addon', addon: 'kube-proxy' },
    },
  ]);
}

/** What `plan` shows: the round to the asked minor (apply runs one per minor from the cluster's own). */
export function eksPlannedUpgrade(config: Config): EksUpgradeStep[] {
  const asked = config.kubernetesVersion;
  if (asked === 'latest') return [];
  return eksUpgradeSteps(config, [asked.split('.').slice(0, 2).join('.')]);
}
