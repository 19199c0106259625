/**
 * `plan`: every step `apply` would run, with the exact argv of each CLI call and, on AWS, the rendered
 * eksctl ClusterConfig. No credentials, no process, no network request.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { clusterConfigResult, clusterConfigYaml, awsSteps } from '../providers/aws.js';
import { GCP_PLAN_FACTS, gcpSteps, labelList } from '../providers/gcp.js';
import { POOL_ROLES } from '../reference.js';
import { mdCode, mdFence, mdText } from '../markdown.js';
import type { ClusterConfigDoc } from '../providers/aws.js';
import { estimateMarkdown, publishEstimate } from './estimate.js';
import type { Estimate } from '../providers/estimate.js';
import { eksPlannedUpgrade } from '../providers/aws/upgrade.js';
import { gkePlannedUpgrade } from '../providers/gcp/upgrade.js';
import { type StepRecord, type StepSpec, insertBefore, shellQuote, stepsMarkdown, toRecord } from '../steps.js';

export interface PlanResult {
  steps: StepSpec[];
  eksctlConfig?: string;
  /** What the user must act on (a Gitpod pool whose own image must set max pods), for the log and summary. */
  notes?: string[];
  /** Rendered fields dropped because eksctl refuses them for the overlay's choices. */
  dropped?: string[];
  /** AWS: the ClusterConfig eksctl is given (overlay merged), which the footprint reads. */
  clusterConfig?: ClusterConfigDoc;
}

/** The flow for these inputs, with the values only the cloud knows left unresolved. */
export function planFlow(config: Config): PlanResult {
  if (config.provider === 'gcp') {
    // The upgrade round to the asked version; apply runs one per minor, and none when the cluster is there.
    return {
      steps: insertBefore<StepSpec>(gcpSteps(config, GCP_PLAN_FACTS(config)), 'kubeconfig', gkePlannedUpgrade(config)),
    };
  }
  const { doc, notes, dropped } = clusterConfigResult(config, {});
  return {
    steps: [...awsSteps(config, {}), ...eksPlannedUpgrade(config)],
    eksctlConfig: clusterConfigYaml(config, doc),
    notes,
    dropped,
    clusterConfig: doc,
  };
}

const CLOUD = { gcp: 'GKE', aws: 'EKS' } as const;

/** The settings table every job summary of this action starts with. */
export function settingsMarkdown(config: Config): string {
  const where = config.provider === 'gcp' ? `project ${mdCode(config.project)}, ` : '';
  const lines = [
    `**${CLOUD[config.provider]} cluster ${mdCode(config.clusterName)}** in ${where}region ${mdCode(config.region)}${config.regionDefaulted ? ' (reference default)' : ''}, Kubernetes ${mdCode(config.kubernetesVersion)}, ${config.maxPods} pods per node${config.provider === 'aws' ? `, network ${mdCode(config.network)}` : ''}.`,
    '',
    '| pool | name | machine type | nodes | disk | labels |',
    '|---|---|---|---|---|---|',
  ];
  for (const role of POOL_ROLES) {
    const p = config.pools[role];
    const per = config.provider === 'gcp' ? ' per zone' : '';
    lines.push(
      `| ${role} | ${mdCode(p.name)} | ${mdCode(p.machineType)} | ${p.minNodes}–${p.maxNodes}${per} | ${config.diskSizeGb} GB | ${labelList(
        p.labels,
      )
        .split(',')
        .map(mdCode)
        .join('<br/>')} |`,
    );
  }
  return lines.join('\n');
}

/** The closing line of the plan summary. */
export const PLAN_NEXT =
  '**Next:** run this action again with `command: apply` and the same inputs, after the cloud login step ' +
  '(README, "First-time setup"), to build exactly this.';

export function planMarkdown(
  config: Config,
  records: readonly StepRecord[],
  eksctlConfig?: string,
  notes: readonly string[] = [],
  dropped: readonly string[] = [],
  estimate?: Estimate,
): string {
  const parts = [
    `## 🗺️ gitpod-cluster-action plan`,
    '',
    ...(estimate ? [estimateMarkdown(estimate), '', '### Settings', ''] : []),
    settingsMarkdown(config),
    '',
  ];
  for (const note of notes) parts.push(`> [!IMPORTANT]`, `> ${mdText(note)}`, '');
  if (dropped.length) {
    parts.push(
      `Rendered fields left out because eksctl refuses them with your \`eksctl-config\`: ${dropped.map((d) => mdCode(d)).join(', ')}.`,
      '',
    );
  }
  parts.push('### Steps', '', stepsMarkdown(records, 'plan'));
  if (eksctlConfig) {
    parts.push('', '<details><summary>Rendered eksctl ClusterConfig</summary>', '', mdFence(eksctlConfig, 'yaml'));
    parts.push('', '</details>');
  }
  parts.push('', PLAN_NEXT);
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
  for (const note of result.notes ?? []) io.log.warning(note);
  for (const field of result.dropped ?? []) io.log.info(`Left out of the rendered ClusterConfig: ${field}`);
  if (result.eksctlConfig) {
    await io.group('Rendered eksctl ClusterConfig', async () => io.log.info(result.eksctlConfig!));
    io.setOutput('eksctl-config', result.eksctlConfig);
  }
  const estimate = publishEstimate(config, io, result.clusterConfig);
  io.setOutput('plan', JSON.stringify(records));
  await io.appendSummary(planMarkdown(config, records, result.eksctlConfig, result.notes, result.dropped, estimate));
  return result;
}
