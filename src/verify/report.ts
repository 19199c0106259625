/**
 * The verification report: the bounded `summary` JSON, the full report file, the Markdown (job summary
 * and `summary-markdown`) with a Mermaid picture of the pools, one annotation per failing check, and the
 * outputs. Nodes stream through `NodeSink` to the report file; only what the summary shows stays in memory.
 */
import { providerOf } from '../providers/index.js';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { mdText } from '../markdown.js';
import { POOL_ROLES } from '../reference.js';
import type { PoolTally } from './checks.js';
import { summaryLabels } from './nodes.js';
import type { CheckItem, CheckStatus, NodeInfo, PoolOrOther, Report } from './types.js';

/** Passing nodes in `summary` besides the failing ones (the contract's "at most 50 others"). */
export const OTHER_NODES_IN_SUMMARY = 50;
/**
 * Bytes of failing nodes in `summary`. GitHub caps an output at 1 MB; with the checks' messages (below)
 * the whole summary stays under about 512 KiB, whatever the cluster's size.
 */
export const FAILING_NODES_BUDGET = 384 * 1024;
/** Messages per check in `summary` and their length; the report file keeps every message in full. */
export const MESSAGES_PER_CHECK_IN_SUMMARY = 100;
export const MESSAGE_CHARS_IN_SUMMARY = 300;
/** Node rows in the Markdown table, and the Markdown's own budget (the job summary's limit is 1 MiB). */
export const NODE_ROWS_IN_MARKDOWN = 100;
export const MARKDOWN_BUDGET = 256 * 1024;

export function overallStatus(items: readonly CheckItem[]): CheckStatus {
  if (items.some((i) => i.status === 'ERROR')) return 'ERROR';
  return items.some((i) => i.status === 'WARNING') ? 'WARNING' : 'OK';
}

/** A list that keeps entries while their JSON fits a byte budget, and counts the ones it had to drop. */
class Budgeted {
  readonly kept: NodeInfo[] = [];
  bytes = 0;
  dropped = 0;
  constructor(private readonly budget: number) {}
  add(node: NodeInfo): void {
    const size = Buffer.byteLength(JSON.stringify(node)) + 1;
    if (this.bytes + size > this.budget) this.dropped++;
    else {
      this.kept.push(node);
      this.bytes += size;
    }
  }
}

/**
 * Receives every node once its checks are done: writes it to the report file's node list, and keeps the
 * failing ones (ERROR before WARNING, within the budget) and the first passing ones for the summary.
 */
export class NodeSink {
  private readonly errors = new Budgeted(FAILING_NODES_BUDGET);
  private readonly warnings = new Budgeted(FAILING_NODES_BUDGET);
  private readonly others: NodeInfo[] = [];
  private readonly file: ReturnType<typeof createWriteStream>;
  private first = true;

  constructor(
    private readonly config: Config,
    readonly partPath: string,
  ) {
    this.file = createWriteStream(partPath, { mode: 0o600 });
  }

  /** Writes the node; resolves when the file can take more (backpressure on very large clusters). */
  async add(node: NodeInfo): Promise<void> {
    const ok = this.file.write(`${this.first ? '' : ',\n'}${JSON.stringify(node)}`);
    this.first = false;
    const compact = { ...node, labels: summaryLabels(this.config, node.labels) };
    if (node.verdict === 'ERROR') this.errors.add(compact);
    else if (node.verdict === 'WARNING') this.warnings.add(compact);
    else if (this.others.length < OTHER_NODES_IN_SUMMARY) this.others.push(compact);
    if (!ok) await new Promise<void>((resolve) => this.file.once('drain', () => resolve()));
  }

  /** The summary's nodes: every failing node that fits the budget (ERROR first), then up to 50 others. */
  summaryNodes(): { nodes: NodeInfo[]; omitted: number } {
    const warnings: NodeInfo[] = [];
    let room = FAILING_NODES_BUDGET - this.errors.bytes;
    let omitted = this.errors.dropped + this.warnings.dropped;
    for (const n of this.warnings.kept) {
      const size = Buffer.byteLength(JSON.stringify(n)) + 1;
      if (size > room) omitted++;
      else {
        warnings.push(n);
        room -= size;
      }
    }
    return { nodes: [...this.errors.kept, ...warnings, ...this.others], omitted };
  }

  async close(): Promise<void> {
    if (!this.file.writableEnded) this.file.end();
    await finished(this.file);
  }

  /** Closes and removes the node file (verify failed before the report could be written). */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.partPath, { force: true });
  }
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Bounds the per-check messages of the summary; the report file keeps them all. */
function boundItems(items: readonly CheckItem[]): CheckItem[] {
  return items.map((i) => {
    const errors = i.errors
      .slice(0, MESSAGES_PER_CHECK_IN_SUMMARY)
      .map((e) => ({ ...e, message: cut(e.message, MESSAGE_CHARS_IN_SUMMARY) }));
    const rest = i.errors.length - errors.length;
    if (rest > 0) {
      errors.push({
        type: i.status === 'ERROR' ? 'ERROR' : 'WARNING',
        message: `… and ${rest} more (see report-file)`,
      });
    }
    return { ...i, errors };
  });
}

/** The `summary` report: the contract's shape, bounded in size on any cluster. */
export function buildReport(
  config: Config,
  items: CheckItem[],
  sink: NodeSink,
  counts: Record<PoolOrOther, number>,
): Report {
  const { nodes, omitted } = sink.summaryNodes();
  return {
    status: overallStatus(items),
    provider: config.provider,
    cluster: config.clusterName,
    items: boundItems(items),
    nodes,
    nodeCounts: counts,
    ...(omitted ? { failingNodesOmitted: omitted } : {}),
  };
}

/** Writes the full report (every node, every message) from the sink's node file, without loading it. */
export async function writeReportFile(file: string, report: Report, items: CheckItem[], sink: NodeSink): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const { nodes: _bounded, failingNodesOmitted: _omitted, ...head } = report;
  const out = createWriteStream(file, { mode: 0o600 });
  out.write(JSON.stringify({ ...head, items }, null, 2).replace(/\n}$/, ',\n  "nodes": [\n'));
  const input = createReadStream(sink.partPath);
  input.pipe(out, { end: false });
  await finished(input);
  out.end('\n  ]\n}\n');
  await finished(out);
  await rm(sink.partPath, { force: true });
}

const ICON: Record<CheckStatus, string> = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };

/** A Markdown table cell: escaped (src/markdown.ts), one line, bounded. */
const cell = (text: string, max = 200): string => mdText(cut(text, max));

/** Text inside a Mermaid `"…"` label. */
const mermaidText = (text: string) => text.replace(/"/g, '#quot;');

/** A pool's verdict: ERROR when the role has no Ready node (as `node-pools` says) or a node ended in ERROR. */
export function poolVerdict(tally: PoolTally, pool: PoolOrOther): CheckStatus {
  const t = tally[pool];
  if ((pool !== 'other' && t.ready === 0) || t.ERROR) return 'ERROR';
  return t.WARNING ? 'WARNING' : 'OK';
}

/** A Mermaid picture of the two pools (and any nodes outside them) with node counts and verdicts. */
export function mermaid(config: Config, report: Report, tally: PoolTally): string {
  const cls: Record<CheckStatus, string> = { OK: 'ok', WARNING: 'warn', ERROR: 'bad' };
  const platform = providerOf(config).platform;
  const lines = [
    '```mermaid',
    'flowchart LR',
    `  cluster(["${mermaidText(`${platform} ${config.clusterName}`)}<br/>${ICON[report.status]} ${report.status}"])`,
    `  class cluster ${cls[report.status]}`,
  ];
  const pools: PoolOrOther[] = [...POOL_ROLES, ...(tally.other.nodes ? (['other'] as const) : [])];
  for (const pool of pools) {
    const t = tally[pool];
    const v = poolVerdict(tally, pool);
    const title = pool === 'other' ? 'outside both pools' : `${pool} pool ${config.pools[pool].name}`;
    const failing = t.ERROR ? ` · ${t.ERROR} failing` : '';
    lines.push(
      `  ${pool}["${mermaidText(title)}<br/>${t.nodes} node(s), ${t.ready} Ready${failing}<br/>${ICON[v]} ${v}"]`,
      `  cluster ${pool === 'other' ? '-.->' : '-->'} ${pool}`,
      `  class ${pool} ${cls[v]}`,
    );
  }
  lines.push(
    '  classDef ok fill:#dcfce7,stroke:#16a34a',
    '  classDef warn fill:#fef9c3,stroke:#ca8a04',
    '  classDef bad fill:#fee2e2,stroke:#dc2626',
    '```',
  );
  return lines.join('\n');
}

/** The node table's columns: the reference document's custom columns, then pool and verdict. */
export const NODE_TABLE_HEADER = '| NAME | RUNTIME | MAXPODS | KERNEL | AMIFAMILY | K8S | AMI | POOL | VERDICT |';

function nodeRow(n: NodeInfo): string {
  const verdict = `${ICON[n.verdict]} ${n.verdict}${n.ready ? '' : ' (not Ready)'}`;
  return `| ${cell(n.name)} | ${cell(n.runtime)} | ${n.maxPods} | ${cell(n.kernel)} | ${cell(n.osImage)} | ${cell(n.kubelet)} | ${cell(n.providerID)} | ${n.pool} | ${verdict} |`;
}

/** The report as Markdown: headline, Mermaid picture, checks table, node table (failing first); bounded. */
export function reportMarkdown(config: Config, report: Report, ctx: { drift: boolean; tally: PoolTally }): string {
  const where = providerOf(config).where(config);
  const c = report.nodeCounts;
  const total = c.services + c.workspaces + c.other;
  const lines = [
    `## ${ICON[report.status]} Gitpod cluster verification: ${cell(config.clusterName)} (${cell(where)})`,
    '',
    `**${report.status}** — ${total} node(s): ${c.services} services, ${c.workspaces} workspaces, ${c.other} outside both pools. Cloud-side drift: **${ctx.drift ? 'yes' : 'no'}**.`,
    '',
    mermaid(config, report, ctx.tally),
    '',
    '| check | status | findings |',
    '|---|---|---|',
  ];
  for (const i of report.items) {
    const shown = i.errors.slice(0, 5).map((e) => cell(e.message, 300));
    if (i.errors.length > 5) shown.push(`… ${i.errors.length - 5} more`);
    lines.push(`| \`${i.name}\` | ${ICON[i.status]} ${i.status} | ${shown.join('<br/>') || cell(i.description)} |`);
  }
  if (report.applyWouldDo?.length) {
    lines.push('', '### What `apply` would do', '', ...report.applyWouldDo.map((l) => `- ${cell(l, 1000)}`));
  }
  const table = ['', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  let bytes = Buffer.byteLength(lines.join('\n'));
  let rows = 0;
  for (const n of report.nodes) {
    const row = nodeRow(n);
    bytes += Buffer.byteLength(row) + 1;
    if (rows >= NODE_ROWS_IN_MARKDOWN || bytes > MARKDOWN_BUDGET) break;
    table.push(row);
    rows++;
  }
  table[0] = NODE_TABLE_HEADER;
  const failing = report.nodes.filter((n) => n.verdict !== 'OK').length + (report.failingNodesOmitted ?? 0);
  lines.push(
    '',
    `<details${report.status === 'OK' ? '' : ' open'}><summary>Nodes: ${rows} of ${total} shown, failing first (${failing} with findings); every node is in the report file</summary>`,
    '',
    ...table,
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}

/** One annotation per failing check: its first finding and how many more. */
export function annotate(io: ActionIO, items: readonly CheckItem[]): void {
  for (const i of items) {
    if (i.status === 'OK') continue;
    const first = i.errors.find((e) => e.type === i.status) ?? i.errors[0];
    const more = i.errors.length > 1 ? ` (and ${i.errors.length - 1} more)` : '';
    const line = `${i.name}: ${first?.message ?? i.description}${more}`;
    if (i.status === 'ERROR') io.log.error(line);
    else io.log.warning(line);
  }
}

/** Every output, the job summary and the annotations (counted over `items`, every finding). Returns the Markdown. */
export async function publishReport(
  config: Config,
  io: ActionIO,
  report: Report,
  ctx: { drift: boolean; tally: PoolTally; reportFile: string; items: readonly CheckItem[] },
): Promise<string> {
  const markdown = reportMarkdown(config, report, ctx);
  annotate(io, ctx.items);
  io.setOutput('verified', String(report.status !== 'ERROR'));
  io.setOutput('drift', String(ctx.drift));
  io.setOutput('summary', JSON.stringify(report));
  io.setOutput('summary-markdown', markdown);
  io.setOutput('report-file', ctx.reportFile);
  await io.appendSummary(markdown);
  return markdown;
}
