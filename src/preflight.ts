/**
 * Preflight: everything that can be known read-only before `apply`'s first mutation, as one report.
 *
 * A provider (src/providers/<cloud>/preflight.ts) hands over a list of named checks; this module runs them,
 * turns what each finds into report items, and renders the report for the log, the job summary and the
 * `preflight` output. It knows no provider by name.
 *
 * Each failure is one line naming what is short, by how much, and how to fix it. A check the credentials
 * may not read (403, AccessDenied) is a WARNING naming the permission that would allow it, never an ERROR:
 * preflight must not stop an apply that would have worked. So is any other failed read (a network error):
 * what could not be checked is said, and apply goes on to meet the real answer.
 */
import type { MachineShape } from './footprint.js';
import type { ActionIO } from './io.js';

export type CheckStatus = 'OK' | 'WARNING' | 'ERROR';

/** ERROR when any is, else WARNING when any is, else OK. */
function overallStatusOf(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('ERROR')) return 'ERROR';
  return statuses.includes('WARNING') ? 'WARNING' : 'OK';
}

/** One finding of a check: what it says, and how it counts. */
export interface PreflightFinding {
  type: 'ERROR' | 'WARNING';
  message: string;
}

/** One check as the report lists it (the shape of `summary` items). */
export interface PreflightItem {
  name: string;
  description: string;
  status: CheckStatus;
  errors: PreflightFinding[];
  /** What was found when the check passed (the quotas' headroom, the version resolved …). */
  details?: string[];
}

export interface PreflightReport {
  status: CheckStatus;
  provider: string;
  cluster: string;
  region: string;
  items: PreflightItem[];
}

/** What a check returns: its findings (none: OK) and what it saw, for the log. */
export interface CheckOutcome {
  errors?: PreflightFinding[];
  details?: string[];
}

/** A named read-only check. `permission` is what a denied read lacks: the WARNING names it. */
export interface PreflightCheck {
  name: string;
  description: string;
  permission: string;
  run(): Promise<CheckOutcome>;
}

/** How a provider tells a denied read from any other failure. */
export interface PreflightProvider {
  provider: string;
  cluster: string;
  region: string;
  checks: PreflightCheck[];
  /** true when `err` says the credentials may not make this call (403, AccessDenied, UnauthorizedOperation). */
  isDenied(err: unknown): boolean;
  /** The error's own one-line message. */
  describe(err: unknown): string;
  /**
   * vCPUs and memory of the machine types still to create, as the cloud's API reports them (GCE
   * `machineTypes.get`, EC2 `DescribeInstanceTypes`, the reads the checks made): what the footprint of a type
   * outside the action's table is summed again with. A read that failed gives nothing.
   */
  machineShapes?(): Promise<Record<string, MachineShape>>;
}

/** Thrown by `apply` (and the `preflight` command) when a check ended in ERROR. */
export class PreflightFailedError extends Error {
  constructor(readonly report: PreflightReport) {
    const errors = report.items.flatMap((i) => i.errors.filter((e) => e.type === 'ERROR').map((e) => e.message));
    super(
      `preflight found ${errors.length} problem${errors.length === 1 ? '' : 's'} before anything was created: ${errors.join(' | ')}`,
    );
    this.name = 'PreflightFailedError';
  }
}

/** A denied read counts as WARNING, never as a failure of the thing it would have checked. */
export function deniedFinding(check: PreflightCheck, why: string): PreflightFinding {
  return {
    type: 'WARNING',
    message: `${check.name}: not checked, the credentials may not read it (${why}); \`${check.permission}\` would allow it`,
  };
}

/** Runs the checks one after the other (each makes few requests) and builds the report. */
export async function runChecks(provider: PreflightProvider): Promise<PreflightReport> {
  const items: PreflightItem[] = [];
  for (const check of provider.checks) {
    let outcome: CheckOutcome;
    try {
      outcome = await check.run();
    } catch (err) {
      const why = provider.describe(err);
      outcome = {
        errors: [
          provider.isDenied(err)
            ? deniedFinding(check, why)
            : { type: 'WARNING', message: `${check.name}: not checked, the read failed: ${why}` },
        ],
      };
    }
    const errors = outcome.errors ?? [];
    items.push({
      name: check.name,
      description: check.description,
      status: overallStatusOf(errors.map((e) => e.type)),
      errors,
      ...(outcome.details?.length ? { details: outcome.details } : {}),
    });
  }
  return {
    status: overallStatusOf(items.map((i) => i.status)),
    provider: provider.provider,
    cluster: provider.cluster,
    region: provider.region,
    items,
  };
}

// --- quotas -------------------------------------------------------------------------------------------

/** One quota against what the run would add to it. */
export interface QuotaNeed {
  /** The quota's name as its console shows it (`N2D_CPUS`, `Running On-Demand Standard instances (vCPU)`). */
  quota: string;
  /** Where it applies (`us-central1`, `eu-west-1a`). */
  scope: string;
  limit: number;
  usage: number;
  /** What the run creates at the pools' initial size (only what does not exist yet). */
  need: number;
  /** The same at the pools' maximum size; short there is a WARNING. */
  needAtMax?: number;
  /** How the need adds up, in words (`3 × 8 vCPU workload-services + 3 × 16 vCPU workload-workspaces`). */
  breakdown?: string;
  /** How to get more: the console page or the exact command for a given wanted value. */
  fix: (wanted: number) => string;
  /** Unit for the message (`vCPU`, `GB`); none for counts. */
  unit?: string;
}

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** A quota's verdict: ERROR when the need does not fit, WARNING when only the maximum would not. */
export function quotaFindings(q: QuotaNeed): { errors: PreflightFinding[]; detail: string } {
  const unit = q.unit ? ` ${q.unit}` : '';
  const free = Math.max(q.limit - q.usage, 0);
  const why = q.breakdown ? ` (${q.breakdown})` : '';
  const detail = `${q.quota} in ${q.scope}: need ${n(q.need)}${unit}${why}, ${n(q.usage)} in use, limit ${n(q.limit)}`;
  if (q.need > free) {
    const short = q.need - free;
    return {
      errors: [
        {
          type: 'ERROR',
          message: `${detail}: short by ${n(short)}${unit}. ${q.fix(Math.ceil(q.usage + q.need))}`,
        },
      ],
      detail,
    };
  }
  if (q.needAtMax !== undefined && q.needAtMax > free) {
    return {
      errors: [
        {
          type: 'WARNING',
          message: `${q.quota} in ${q.scope}: the pools at their maximum size need ${n(q.needAtMax)}${unit}, ${n(free)} free (limit ${n(q.limit)}, ${n(q.usage)} in use): the autoscaler stops ${n(q.needAtMax - free)}${unit} short. ${q.fix(Math.ceil(q.usage + q.needAtMax))}`,
        },
      ],
      detail,
    };
  }
  return { errors: [], detail };
}

/** Quota needs → one check outcome (needs of 0 are left out: nothing to create counts against them). */
export function quotaOutcome(needs: readonly QuotaNeed[]): CheckOutcome {
  const errors: PreflightFinding[] = [];
  const details: string[] = [];
  for (const q of needs) {
    if (q.need <= 0 && !(q.needAtMax && q.needAtMax > 0)) {
      details.push(`${q.quota} in ${q.scope}: nothing to create counts against it`);
      continue;
    }
    const f = quotaFindings(q);
    errors.push(...f.errors);
    details.push(f.detail);
  }
  return { errors, details };
}

// --- rendering ----------------------------------------------------------------------------------------

const ICON: Record<CheckStatus, string> = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };

/** Log lines: one per check, then one per finding (ERRORs as errors, WARNINGs as warnings). */
export function logReport(report: PreflightReport, io: Pick<ActionIO, 'log'>): void {
  io.log.info(
    `Preflight for ${report.provider} cluster ${report.cluster} in ${report.region}: ${report.status} (${report.items.length} checks)`,
  );
  for (const item of report.items) {
    io.log.info(`  ${item.status.padEnd(7)} ${item.name}: ${item.description}`);
    for (const d of item.details ?? []) io.log.info(`          ${d}`);
  }
  for (const item of report.items) {
    for (const e of item.errors) {
      if (e.type === 'ERROR') io.log.error(e.message);
      else io.log.warning(e.message);
    }
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(report: PreflightReport): string {
  const lines = [
    `### ${ICON[report.status]} Preflight: ${report.status}`,
    '',
    '| check | status | findings |',
    '|---|---|---|',
  ];
  for (const item of report.items) {
    const found = item.errors.length
      ? item.errors.map((e) => `${ICON[e.type]} ${cell(e.message)}`).join('<br/>')
      : cell((item.details ?? []).join('; ') || item.description);
    lines.push(`| \`${item.name}\` | ${ICON[item.status]} ${item.status} | ${found} |`);
  }
  return lines.join('\n') + '\n';
}

/** Runs the checks, reports them (log, job summary, `preflight` output) and throws when one ended in ERROR. */
export async function preflightWith(provider: PreflightProvider, io: ActionIO): Promise<PreflightReport> {
  const report = await io.group('Preflight', async () => {
    const r = await runChecks(provider);
    logReport(r, io);
    return r;
  });
  io.setOutput('preflight', JSON.stringify(report));
  await io.appendSummary(`## 🛫 gitpod-cluster-action preflight\n\n${reportMarkdown(report)}\n`);
  if (report.status === 'ERROR') throw new PreflightFailedError(report);
  return report;
}
