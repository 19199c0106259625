/**
 * `plan`: every step `apply` would run, with the exact argv of each CLI call and, on AWS, the rendered
 * eksctl ClusterConfig. No credentials, no process, no network request.
 */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { loadProvider, providerOf } from '../providers/index.js';
import type { PlanResult } from '../providers/types.js';
import { POOL_ROLES } from '../reference.js';
import { mdCode, mdFence, mdText } from '../markdown.js';
import { estimateMarkdown, publishEstimate } from './estimate.js';
import type { Estimate } from '../providers/estimate.js';
import { type StepRecord, requestLine, shellQuote, stepsMarkdown, toRecord } from '../steps.js';

export type { PlanResult };

/** The flow for these inputs, with the values only the cloud knows left unresolved. */
export function planFlow(config: Config): PlanResult {
  return providerOf(config).plan(config);
}

/** The settings table every job summary of this action starts with. */
export function settingsMarkdown(config: Config): string {
  const provider = providerOf(config);
  const { where, extra, perZone: per } = provider.settingsFacts(config);
  const lines = [
    `**${provider.platform} cluster ${mdCode(config.clusterName)}** in ${where}region ${mdCode(config.region)}${config.regionDefaulted ? ' (reference default)' : ''}, Kubernetes ${mdCode(config.kubernetesVersion)}, ${config.maxPods} pods per node${extra}.`,
    '',
    '| pool | name | machine type | nodes | disk | labels |',
    '|---|---|---|---|---|---|',
  ];
  for (const role of POOL_ROLES) {
    const p = config.pools[role];
    const labels = Object.entries(p.labels).map(([k, v]) => mdCode(`${k}=${v}`));
    lines.push(
      `| ${role} | ${mdCode(p.name)} | ${mdCode(p.machineType)} | ${p.minNodes}–${p.maxNodes}${per} | ${config.diskSizeGb} GB | ${labels.join('<br/>')} |`,
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

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

export async function plan(config: Config, io: ActionIO): Promise<PlanResult> {
  await loadProvider(config);
  const result = planFlow(config);
  const records = result.steps.map((s) => toRecord(s));
  io.log.info(
    `Plan for ${providerOf(config).platform} cluster ${config.clusterName} in ${config.region}: ${records.length} steps.`,
  );
  for (const [i, step] of result.steps.entries()) {
    io.log.info(`${i + 1}. ${step.id}: ${step.description}`);
    if (step.argv) io.log.info(`   ${shellQuote(step.argv)}`);
    else if (step.request) {
      io.log.info(`   ${requestLine(step.request)}`);
      if (step.api) io.log.info(`   (${step.api})`);
      if (step.request.body !== undefined) io.log.info(indent(JSON.stringify(step.request.body, null, 2), '   '));
    } else io.log.info(`   ${step.api}`);
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
