/**
 * The GKE upgrade rounds as data: one round per minor, the control plane first (`gcloud container
 * clusters upgrade --master`), then each Gitpod pool (`--node-pool=`), each step with the exact argv
 * `plan` shows and `apply` runs (src/providers/gcp/apply.ts pairs them with probes: already at the minor, skipped).
 */
import type { Config } from '../../inputs.js';
import { POOL_ROLES, type PoolRole } from '../../reference.js';
import type { StepSpec } from '../../steps.js';

/** One upgrade round: the minor, and the version gcloud is given (the input's form in `plan`). */
export interface UpgradeRound {
  minor: string;
  version: string;
}

export type UpgradeTarget = { kind: 'control-plane' } | { kind: 'pool'; role: PoolRole };

export interface GkeUpgradeStep extends StepSpec {
  round: UpgradeRound;
  target: UpgradeTarget;
}

const MINUTE = 60_000;

function upgradeArgv(config: Config, what: string, version: string): string[] {
  return [
    'gcloud',
    '--quiet',
    'container',
    'clusters',
    'upgrade',
    config.clusterName,
    what,
    `--cluster-version=${version}`,
    `--project=${config.project}`,
    `--region=${config.region}`,
  ];
}

export function gkeUpgradeSteps(config: Config, rounds: readonly UpgradeRound[]): GkeUpgradeStep[] {
  return rounds.flatMap((round): GkeUpgradeStep[] => [
    {
      id: `upgrade-control-plane-${round.minor}`,
      description: `Upgrade the control plane of ${config.clusterName} to Kubernetes ${round.version} (skipped when it runs ${round.minor} already)`,
      argv: upgradeArgv(config, '--master', round.version),
      timeoutMs: 60 * MINUTE,
      round,
      target: { kind: 'control-plane' },
    },
    ...POOL_ROLES.map((role): GkeUpgradeStep => ({
      id: `upgrade-${role}-pool-${round.minor}`,
      description: `Upgrade node pool ${config.pools[role].name} to Kubernetes ${round.version}, surge by surge (skipped when it runs ${round.minor} already)`,
      argv: upgradeArgv(config, `--node-pool=${config.pools[role].name}`, round.version),
      timeoutMs: 120 * MINUTE,
      round,
      target: { kind: 'pool', role },
    })),
  ]);
}

/** What `plan` shows: one round to the asked version (apply runs one per minor from the cluster's own). */
export function gkePlannedUpgrade(config: Config): GkeUpgradeStep[] {
  const asked = config.kubernetesVersion;
  if (asked === 'latest') return [];
  const minor = asked.split('.').slice(0, 2).join('.');
  return gkeUpgradeSteps(config, [{ minor, version: asked }]);
}
