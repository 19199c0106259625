/**
 * The `footprint` and `cost-estimate` outputs, their log lines and their job-summary table. Every
 * command that resolves a config publishes them (`plan` puts the table first in its summary).
 */
import type { CostEstimate } from '../cost.js';
import type { Footprint, FootprintSide, MachineShape } from '../footprint.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import type { ClusterConfigDoc } from '../providers/aws/plan.js';
import { type Estimate, estimateOf } from '../providers/estimate.js';

const n = (v: number | null) => (v === null ? 'unknown' : v.toLocaleString('en-US'));
const usd = (v: number) => `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const disks = (s: FootprintSide) =>
  Object.entries(s.diskGb)
    .map(([type, gb]) => `${n(gb)} GB ${type}`)
    .join(', ') || 'none';

function zonesText(fp: Footprint): string {
  return fp.zoneNames.length ? `${fp.zones} (${fp.zoneNames.join(', ')})` : `${fp.zones} (the cloud's default choice)`;
}

/** The footprint and cost, min and max side by side. */
export function estimateMarkdown(e: Estimate): string {
  const { footprint: fp, cost } = e;
  const row = (what: string, f: (s: FootprintSide) => string) => `| ${what} | ${f(fp.min)} | ${f(fp.max)} |`;
  const priced = cost.items.length > 0;
  const lines = [
    '### Footprint and cost',
    '',
    '| | at minimum size | at maximum size |',
    '|---|---|---|',
    row('nodes', (s) => n(s.nodes)),
    row('vCPUs', (s) => n(s.vcpus)),
    row('memory', (s) => (s.memoryGb === null ? 'unknown' : `${n(s.memoryGb)} GB`)),
    row('disk', disks),
    row('external IPv4 addresses', (s) => n(s.externalIps)),
    row('NAT gateways', (s) => n(s.natGateways)),
    `| monthly on-demand list price (${cost.currency}, ${cost.hoursPerMonth} h) | ${priced ? usd(cost.monthly.min) : 'unpriced'} | ${priced ? usd(cost.monthly.max) : 'unpriced'} |`,
    '',
    `Zones: ${zonesText(fp)}. Prices of ${cost.priceDate} for ${cost.region}.${
      fp.unknownMachineTypes.length
        ? ` Machine types not in the action's table (looked up at apply time): ${fp.unknownMachineTypes.map((t) => `\`${t}\``).join(', ')}.`
        : ''
    }`,
  ];
  if (cost.unpriced.length) lines.push('', `Not in the estimate: ${cost.unpriced.join('; ')}.`);
  return lines.join('\n');
}

/** One line each for the log. */
export function estimateLines(e: Estimate): string[] {
  const { footprint: fp, cost } = e;
  const side = (s: FootprintSide) =>
    `${n(s.nodes)} nodes, ${n(s.vcpus)} vCPUs, ${s.memoryGb === null ? 'unknown' : n(s.memoryGb)} GB memory, ${disks(s)}, ${n(s.externalIps)} external IPs, ${n(s.natGateways)} NAT gateways`;
  const money = (c: CostEstimate) =>
    c.items.length
      ? `${usd(c.monthly.min)} to ${usd(c.monthly.max)} a month (${c.currency}, on-demand list prices of ${c.priceDate}, ${c.hoursPerMonth} h)`
      : `not priced (${c.unpriced[0]})`;
  return [
    `Footprint, ${zonesText(fp).replace(/^(\d+)/, '$1 zones')}: at minimum ${side(fp.min)}; at maximum ${side(fp.max)}.`,
    `Cost estimate for ${cost.region}: ${money(cost)}.${cost.unpriced.length ? ` Not included: ${cost.unpriced.join('; ')}.` : ''}`,
  ];
}

/** Computes, logs and sets `footprint` and `cost-estimate`; returns the estimate for the summary. */
export function publishEstimate(
  config: Config,
  io: ActionIO,
  doc?: ClusterConfigDoc,
  reported?: Readonly<Record<string, MachineShape>>,
): Estimate {
  const e = estimateOf(config, doc, reported);
  if (e.notice) io.log.warning(e.notice);
  for (const line of estimateLines(e)) io.log.info(line);
  io.setOutput('footprint', JSON.stringify(e.footprint));
  io.setOutput('cost-estimate', JSON.stringify(e.cost));
  return e;
}
