/**
 * `plan`: every step `apply` would run, with the exact argv of each CLI call and, on AWS, the rendered
 * eksctl ClusterConfig. No credentials, no process, no network request.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { clusterConfigFor, clusterConfigYaml, awsSteps } from '../providers/aws.js';
import { GCP_PLAN_FACTS, gcpSteps, labelList } from '../providers/gcp.js';
import { POOL_ROLES } from '../reference.js';
import { eksPlannedUpgrade } from '../providers/aws/upgrade.js';
import { gkePlannedUpgrade } from '../providers/gcp/upgrade.js';
import { type StepRecord, type StepSpec, insertBefore, shellQuote, stepsMarkdown, toRecord } from '../steps.js';

export interface PlanResult {
  steps: StepSpec[];
  eksctlConfig?: string;
}

/** The flow for these inputs, with the values only the cloud knows left unresolved. */
export function planFlow(config: Config): PlanResult {
  if (config.provider === 'gcp') {
    // The upgrade round to the asked version; apply runs one per minor, and none when the cluster is there.
    return {
      steps: insertBefore<StepSpec>(gcpSteps(config, GCP_PLAN_FACTS(config)), 'kubeconfig', gkePlannedUpgrade(config)),
    };
  }
  const doc = clusterConfigFor(config, {});
  return {
    steps: [...awsSteps(config, {}), ...eksPlannedUpgrade(config)],
    eksctlConfig: clusterConfigYaml(config, doc),
  };
}

const CLOUD = { gcp: 'GKE', aws: 'EKS' } as const;

/** The settings table every job summary of this action starts with. */
export function settingsMarkdown(config: Config): string {
  const where = config.provider === 'gcp' ? `project \`${config.project}\`, ` : '';
  const lines = [
    `**${CLOUD[config.provider]} cluster \`${config.clusterName}\`** in ${where}region \`${config.region}\`${config.regionDefaulted ? ' (reference default)' : ''}, Kubernetes \`${config.kubernetesVersion}\`, ${config.maxPods} pods per node${config.provider === 'aws' ? `, network \`${config.network}\`` : ''}.`,
    '',
    '| pool | name | machine type | nodes | disk | labels |',
    '|---|---|---|---|---|---|',
  ];
  for (const role of POOL_ROLES) {
    const p = config.pools[role];
    const per = config.provider === 'gcp' ? ' per zone' : '';
    lines.push(
      `| ${role} | \`${p.name}\` | \`${p.machineType}\` | ${p.minNodes}–${p.maxNodes}${per} | ${config.diskSizeGb} GB | ${labelList(
        p.labels,
      )
        .split(',')
        .map((l) => `\`${l}\``)
        .join('<br/>')} |`,
    );
  }
  return lines.join('\n');
}

export function planMarkdown(config: Config, records: readonly StepRecord[], eksctlConfig?: string): string {
  const parts = [
    `## 🗺️ gitpod-cluster-action plan`,
    '',
    settingsMarkdown(config),
    '',
    '### Steps',
    '',
    stepsMarkdown(records),
  ];
  if (eksctlConfig) {
    parts.push(
      '',
      '<details><summary>Rendered eksctl ClusterConfig</summary>',
      '',
      '```yaml',
      eksctlConfig.trimEnd(),
      '```',
      '',
      '</details>',
    );
  }
  return parts.join('\n') + '\n';
}

export async function plan(config: Config, io: ActionIO): Promise<PlanResult> {
  const result = planFlow(config);
  const records = result.steps.map((s) => toRecord(s));
  io.log.info(
    `Plan for ${CLOUD[config.provider]} cluster ${config.clusterName} in ${config.region}: ${records.length} steps.`,
  );
  for (const [i, step] of result.steps.entries()) {
    io.log.info(`${i + 1}. ${step.id}: ${step.description}`);
    io.log.info(`   ${step.argv ? shellQuote(step.argv) : step.api}`);
  }
  if (result.eksctlConfig) {
    await io.group('Rendered eksctl ClusterConfig', async () => io.log.info(result.eksctlConfig!));
    io.setOutput('eksctl-config', result.eksctlConfig);
  }
  io.setOutput('plan', JSON.stringify(records));
  await io.appendSummary(planMarkdown(config, records, result.eksctlConfig));
  return result;
}
