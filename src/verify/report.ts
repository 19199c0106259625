/**
 * The verification report: the bounded `summary` JSON, the full report file, the Markdown (job summary
 * and `summary-markdown`) with a Mermaid picture of the pools, annotations and outputs.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { POOL_ROLES, type PoolRole } from '../reference.js';
import { summaryLabels } from './nodes.js';
import type { CheckItem, CheckStatus, NodeInfo, Report } from './types.js';

/** Nodes in `summary` besides the failing ones; the full list is in the report file. */
export const OTHER_NODES_IN_SUMMARY = 50;
/** Failing nodes and per-check messages kept in `summary`, so it stays well under GitHub's 1 MB. */
export const FAILING_NODES_IN_SUMMARY = 500;
export const MESSAGES_PER_CHECK_IN_SUMMARY = 100;
/** Node rows in the Markdown table. */
export const NODE_ROWS_IN_MARKDOWN = 100;

export function overallStatus(items: readonly CheckItem[]): CheckStatus {
  if (items.some((i) => i.status === 'ERROR')) return 'ERROR';
  return items.some((i) => i.status === 'WARNING') ? 'WARNING' : 'OK';
}

/** Collects nodes for the summary (failing first, a few others) while every node streams to a file. */
export class NodeSink {
  readonly failing: NodeInfo[] = [];
  readonly others: NodeInfo[] = [];
  failingTotal = 0;
  private readonly file: ReturnType<typeof createWriteStream>;
  private first = true;

  constructor(
    private readonly config: Config,
    readonly partPath: string,
  ) {
    this.file = createWriteStream(partPath, { mode: 0o600 });
  }

  add(node: NodeInfo, fails: boolean): void {
    this.file.write(`${this.first ? '' : ',\n'}${JSON.stringify(node)}`);
    this.first = false;
    const compact = { ...node, labels: summaryLabels(this.config, node.labels) };
    if (fails) {
      this.failingTotal++;
      if (this.failing.length < FAILING_NODES_IN_SUMMARY) this.failing.push(compact);
    } else if (this.others.length < OTHER_NODES_IN_SUMMARY) {
      this.others.push(compact);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

/** Bounds the per-check messages of the summary; the report file keeps them all. */
function boundItems(items: readonly CheckItem[]): CheckItem[] {
  return items.map((i) => {
    if (i.errors.length <= MESSAGES_PER_CHECK_IN_SUMMARY) return i;
    const rest = i.errors.length - MESSAGES_PER_CHECK_IN_SUMMARY;
    return {
      ...i,
      errors: [
        ...i.errors.slice(0, MESSAGES_PER_CHECK_IN_SUMMARY),
        { type: i.status === 'ERROR' ? 'ERROR' : 'WARNING', message: `… and ${rest} more (see the report file)` },
      ],
    };
  });
}

export function buildReport(config: Config, items: CheckItem[], sink: NodeSink, counts: Report['nodeCounts']): Report {
  return {
    status: overallStatus(items),
    provider: config.provider,
    cluster: config.clusterName,
    items: boundItems(items),
    nodes: [...sink.failing, ...sink.others],
    nodeCounts: counts,
  };
}

/** Writes the full report (every node, every message) without holding the node list in memory. */
export async function writeReportFile(file: string, report: Report, items: CheckItem[], sink: NodeSink): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const { nodes: _bounded, ...head } = report;
  const out = createWriteStream(file, { mode: 0o600 });
  const opening = JSON.stringify({ ...head, items }, null, 2).replace(/\n}$/, ',\n  "nodes": [\n');
  out.write(opening);
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(sink.partPath);
    input.on('error', reject);
    input.on('end', resolve);
    input.pipe(out, { end: false });
  });
  await new Promise<void>((resolve, reject) => out.end('\n  ]\n}\n', () => resolve()).on('error', reject));
  await rm(sink.partPath, { force: true });
}

const ICON: Record<CheckStatus, string> = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Mermaid picture of the two pools with their node counts and verdicts. */
export function mermaid(config: Config, report: Report): string {
  const verdict = (role: PoolRole): CheckStatus => {
    const pool = report.items.find((i) => i.name === 'node-pools')!;
    const failingHere = report.nodes.some(
      (n) => n.pool === role && report.items.some((i) => i.errors.some((e) => e.node === n.name && e.type === 'ERROR')),
    );
    const poolError = pool.errors.some((e) => e.type === 'ERROR' && e.message.includes(`the ${role} role`));
    return poolError || failingHere ? 'ERROR' : 'OK';
  };
  const lines = [
    '```mermaid',
    'flowchart LR',
    `  cluster(["${config.provider === 'gcp' ? 'GKE' : 'EKS'} ${config.clusterName}<br/>${report.status}"])`,
  ];
  for (const role of POOL_ROLES) {
    const v = verdict(role);
    lines.push(`  ${role}["${role} pool ${config.pools[role].name}<br/>${report.nodeCounts[role]} node(s) · ${v}"]`);
    lines.push(`  cluster --> ${role}`);
    lines.push(`  class ${role} ${v === 'OK' ? 'ok' : 'bad'}`);
  }
  if (report.nodeCounts.other) {
    lines.push(
      `  other["outside both pools<br/>${report.nodeCounts.other} node(s)"]`,
      '  cluster -.-> other',
      '  class other warn',
    );
  }
  lines.push(
    '  classDef ok fill:#dcfce7,stroke:#16a34a',
    '  classDef bad fill:#fee2e2,stroke:#dc2626',
    '  classDef warn fill:#fef9c3,stroke:#ca8a04',
    '```',
  );
  return lines.join('\n');
}

export function reportMarkdown(config: Config, report: Report, drift: boolean): string {
  const where = config.provider === 'gcp' ? `${config.project}/${config.region}` : config.region;
  const total = report.nodeCounts.services + report.nodeCounts.workspaces + report.nodeCounts.other;
  const lines = [
    `## ${ICON[report.status]} Gitpod cluster verification: ${config.clusterName} (${where})`,
    '',
    `**${report.status}** — ${total} node(s): ${report.nodeCounts.services} services, ${report.nodeCounts.workspaces} workspaces, ${report.nodeCounts.other} other. Cloud-side drift: **${drift ? 'yes' : 'no'}**.`,
    '',
    mermaid(config, report),
    '',
    '| check | status | findings |',
    '|---|---|---|',
  ];
  for (const i of report.items) {
    const shown = i.errors.slice(0, 5).map((e) => cell(e.message));
    if (i.errors.length > 5) shown.push(`… ${i.errors.length - 5} more`);
    lines.push(`| \`${i.name}\` | ${ICON[i.status]} ${i.status} | ${shown.join('<br/>') || cell(i.description)} |`);
  }
  const failing = new Set(report.items.flatMap((i) => i.errors.filter((e) => e.node).map((e) => e.node!)));
  const rows = report.nodes.slice(0, NODE_ROWS_IN_MARKDOWN);
  lines.push(
    '',
    `<details${report.status === 'OK' ? '' : ' open'}><summary>Nodes (${rows.length} of ${total} shown; failing first)</summary>`,
    '',
    '| NAME | POOL | RUNTIME | MAXPODS | KERNEL | AMIFAMILY | K8S | AMI | verdict |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const n of rows) {
    const verdict = failing.has(n.name) ? '❌' : n.ready ? '✅' : '⚠️ not Ready';
    lines.push(
      `| ${cell(n.name)} | ${n.pool} | ${cell(n.runtime)} | ${n.maxPods} | ${cell(n.kernel)} | ${cell(n.osImage)} | ${cell(n.kubelet)} | ${cell(n.providerID)} | ${verdict} |`,
    );
  }
  lines.push('', '</details>', '');
  return lines.join('\n');
}

/** Every output, the job summary and one annotation per failing check. */
export async function publishReport(
  config: Config,
  io: ActionIO,
  report: Report,
  drift: boolean,
  reportFile: string,
): Promise<string> {
  const markdown = reportMarkdown(config, report, drift);
  for (const i of report.items) {
    if (i.status === 'OK') continue;
    const first = i.errors[0]?.message ?? i.description;
    const more = i.errors.length > 1 ? ` (and ${i.errors.length - 1} more)` : '';
    (i.status === 'ERROR' ? io.log.error : io.log.warning)(`${i.name}: ${first}${more}`);
  }
  io.setOutput('verified', String(report.status !== 'ERROR'));
  io.setOutput('drift', String(drift));
  io.setOutput('summary', JSON.stringify(report));
  io.setOutput('summary-markdown', markdown);
  io.setOutput('report-file', reportFile);
  await io.appendSummary(markdown);
  return markdown;
}
