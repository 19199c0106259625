/**
 * Versions over time, provider-neutral: `version-support` (how long the control plane's and the pools'
 * Kubernetes minors stay supported, and what extended support costs on EKS; the installed Calico against
 * the pinned release) and `version-skew` (every kubelet and pool against the API server, by the
 * Kubernetes skew policy). The dates come from the cloud (src/providers/gcp/versions.ts,
 * src/providers/aws/versions.ts); the days are counted from the clock `verify` is given.
 */
import type { VersionFacts, VersionedPart } from '../providers/types.js';
import { VERSION_POLICY } from '../reference.js';
import { error, item, warning } from './checks.js';
import type { NodeCheck } from './checks.js';
import type { CheckError, CheckItem } from './types.js';
import { compareVersions, parseVersion } from './versions.js';

const DAY_MS = 86_400_000;

/** `1.33` of `v1.33.5-gke.1201000`; undefined when it does not parse. */
export function minorOf(version: string | undefined): string | undefined {
  const v = parseVersion(version);
  return v ? `${v[0]}.${v[1]}` : undefined;
}

/** Minors from `b` up to `a` (1.34 vs 1.32 → 2); undefined when either does not parse or majors differ. */
export function minorsBetween(a: string | undefined, b: string | undefined): number | undefined {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y || x[0] !== y[0]) return undefined;
  return x[1] - y[1];
}

/** The UTC calendar day of a date or timestamp (`2027-01-17`); undefined when it does not parse. */
export function utcDay(when: string | undefined): string | undefined {
  const t = Date.parse(when ?? '');
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined;
}

/** Whole UTC days from `now` to `when` (negative once it has passed; 0 on the day itself). */
export function daysUntil(when: string, now: number): number {
  const day = (t: number) => Math.floor(t / DAY_MS);
  return day(Date.parse(when)) - day(now);
}

/** "standard support ends in 41 days, on 2027-01-17" / "… ended 3 days ago, on …" / "… ends today, on …". */
export function supportPhrase(what: string, when: string, now: number): string {
  const d = daysUntil(when, now);
  const on = `on ${utcDay(when)}`;
  if (d === 0) return `${what} ends today, ${on}`;
  if (d > 0) return `${what} ends in ${d} day${d === 1 ? '' : 's'}, ${on}`;
  return `${what} ended ${-d} day${d === -1 ? '' : 's'} ago, ${on}`;
}

function partName(p: VersionedPart): string {
  return p.kind === 'control-plane'
    ? `the control plane (Kubernetes ${p.version})`
    : `pool ${p.name} (Kubernetes ${p.version})`;
}

const hourly = (usd: number) => `$${usd.toFixed(2)}`;

/** What EKS extended support costs, in one clause. */
export function eksExtendedCost(): string {
  const { standard, extended } = VERSION_POLICY.eksPricePerClusterHour;
  return `EKS bills extended support at ${hourly(extended)} per cluster-hour instead of ${hourly(standard)} (about $${Math.round(extended * 730)} instead of $${Math.round(standard * 730)} a month)`;
}

type Phase = 'supported' | 'standard-ending' | 'extended' | 'unsupported' | 'unknown';

function phaseOf(part: VersionedPart, now: number): Phase {
  const w = part.support;
  if (!w) return 'unknown';
  const passed = (when?: string) => when !== undefined && Number.isFinite(Date.parse(when)) && daysUntil(when, now) < 0;
  // The end of all support: the end of extended support, or of standard support where there is no extended.
  if (w.status === 'UNSUPPORTED' || passed(w.endOfExtended ?? w.endOfStandard)) return 'unsupported';
  if (w.status === 'EXTENDED_SUPPORT' || passed(w.endOfStandard)) return 'extended';
  if (w.endOfStandard && daysUntil(w.endOfStandard, now) <= VERSION_POLICY.supportWarningDays) return 'standard-ending';
  if (!w.endOfStandard && !w.endOfExtended && !w.status) return 'unknown';
  return 'supported';
}

/** The dates of a window, as one sentence's clauses. */
function dates(part: VersionedPart, now: number): string[] {
  const w = part.support ?? {};
  const out: string[] = [];
  if (w.endOfStandard) out.push(supportPhrase('standard support', w.endOfStandard, now));
  if (w.endOfExtended) out.push(supportPhrase('extended support', w.endOfExtended, now));
  return out;
}

/** What the cloud does next in the phase a part is in, as its provider put it (VersionFacts.consequence). */
function consequence(facts: VersionFacts, part: VersionedPart, phase: Phase): string | undefined {
  if (part.kind !== 'control-plane' && !facts.consequenceForPools) return undefined;
  return phase === 'standard-ending' || phase === 'extended' ? facts.consequence?.[phase] : undefined;
}

export interface CalicoVersions {
  /** The Calico release the operator reports running (Installation `default` status.calicoVersion). */
  installed?: string;
  /** The release `apply` installs (`calico-version`, else the pinned one). */
  pinned: string;
}

/** Calico findings: older than the pinned release (WARNING), and outside the supported release lines. */
export function calicoFindings(calico: CalicoVersions): CheckError[] {
  const installed = parseVersion(calico.installed);
  const pinned = parseVersion(calico.pinned)!;
  if (!calico.installed) return [warning(`the Calico Installation reports no running version (status.calicoVersion)`)];
  if (!installed) return [warning(`the Calico version '${calico.installed}' does not parse`)];
  if (compareVersions(installed, pinned) >= 0) return [];
  const lines = Array.from(
    { length: VERSION_POLICY.calicoSupportedMinors },
    (_, i) => `v${pinned[0]}.${pinned[1] - i}`,
  );
  const outside = installed[0] !== pinned[0] || pinned[1] - installed[1] >= VERSION_POLICY.calicoSupportedMinors;
  return [
    warning(
      `Calico ${calico.installed} runs, older than the pinned ${calico.pinned}` +
        (outside
          ? `, and outside the supported release lines (${lines.join(', ')}: Calico supports the two newest minors)`
          : '') +
        '; apply upgrades it',
    ),
  ];
}

/**
 * `version-support`: ERROR when the control plane or a pool is past the end of all support; WARNING
 * when standard support ends within 90 days or has ended (on EKS with what extended support costs), or
 * when the cloud states no dates. Pools on the control plane's minor share its finding. The item's
 * description carries the control plane's dates, so an OK report shows them too.
 */
export function checkVersionSupport(facts: VersionFacts, now: number, calico?: CalicoVersions): CheckItem {
  const findings: CheckError[] = [];
  const cpMinor = minorOf(facts.controlPlane.version);
  const parts = [facts.controlPlane, ...facts.pools.filter((p) => minorOf(p.version) !== cpMinor)];
  for (const part of parts) {
    const phase = phaseOf(part, now);
    const when = dates(part, now).join('; ');
    const then = consequence(facts, part, phase);
    const tail = [when, then].filter(Boolean).join('; ');
    if (phase === 'unsupported') findings.push(error(`${partName(part)} is past the end of all support: ${tail}`));
    else if (phase === 'extended') findings.push(warning(`${partName(part)} is in extended support: ${tail}`));
    else if (phase === 'standard-ending') findings.push(warning(`${partName(part)}: ${tail}`));
    else if (phase === 'unknown') findings.push(warning(`${partName(part)}: the cloud states no support dates for it`));
  }
  if (calico) findings.push(...calicoFindings(calico));
  const result = item('version-support', findings);
  const cpDates = dates(facts.controlPlane, now);
  if (cpDates.length) result.description = `Kubernetes ${cpMinor ?? facts.controlPlane.version}: ${cpDates.join('; ')}`;
  return result;
}

/** Node names shown in one `version-skew` warning; the count says how many more. */
export const SKEW_NAMES_SHOWN = 10;

/**
 * `version-skew`, fed one node at a time: a kubelet newer than the API server, or more than three minors
 * older, is an ERROR (the Kubernetes skew policy); two or more minors behind a WARNING. The pools' own
 * versions (from the cloud) are judged the same way against the control plane's.
 */
export function versionSkewCheck(
  serverVersion: string,
  pools: readonly VersionedPart[],
  controlPlane?: string,
): NodeCheck {
  const max = VERSION_POLICY.kubeletMaxMinorsBehind;
  const warnAt = VERSION_POLICY.warnMinorsBehind;
  const findings: CheckError[] = [];
  const behind: string[] = [];
  let behindCount = 0;
  const server = parseVersion(serverVersion);
  if (!server) findings.push(warning(`the API server version '${serverVersion}' does not parse`));
  const cp = controlPlane ?? serverVersion;
  for (const pool of pools) {
    const d = minorsBetween(cp, pool.version);
    if (d === undefined) continue;
    if (d < 0) findings.push(error(`pool ${pool.name} runs ${pool.version}, newer than the control plane ${cp}`));
    else if (d > max)
      findings.push(
        error(
          `pool ${pool.name} runs ${pool.version}, ${d} minors behind the control plane ${cp}: the skew policy allows ${max}`,
        ),
      );
    else if (d >= warnAt)
      findings.push(
        warning(
          `pool ${pool.name} runs ${pool.version}, ${d} minors behind the control plane ${cp}: upgrade it before the next control-plane upgrade`,
        ),
      );
  }
  return {
    name: 'version-skew',
    add(node) {
      const d = server ? minorsBetween(serverVersion, node.kubelet) : undefined;
      if (d === undefined) return 'OK'; // an unparsable kubelet is `kubernetes-version`'s finding
      if (d < 0) {
        findings.push(
          error(`${node.name} runs kubelet ${node.kubelet}, newer than the API server ${serverVersion}`, node.name),
        );
        return 'ERROR';
      }
      if (d > max) {
        findings.push(
          error(
            `${node.name} runs kubelet ${node.kubelet}, ${d} minors behind the API server ${serverVersion}: the skew policy allows ${max}`,
            node.name,
          ),
        );
        return 'ERROR';
      }
      if (d >= warnAt) {
        behindCount++;
        if (behind.length < SKEW_NAMES_SHOWN) behind.push(`${node.name} (${node.kubelet})`);
        return 'WARNING';
      }
      return 'OK';
    },
    finish() {
      const out = [...findings];
      if (behindCount) {
        const more = behindCount > behind.length ? ` and ${behindCount - behind.length} more` : '';
        out.push(
          warning(
            `${behindCount} node(s) run kubelets ${warnAt} or more minors behind the API server ${serverVersion}: ${behind.join(', ')}${more}`,
          ),
        );
      }
      return item('version-skew', out);
    },
  };
}

/**
 * The minors `apply` upgrades through, one at a time: from the minor after the oldest part (control
 * plane or pool) up to the one `kubernetes-version` asks. `latest` never upgrades an existing cluster
 * (it means the newest offered when the cluster is created). A minor older than the control plane's is
 * one clear error: apply never downgrades.
 */
export function upgradeMinors(asked: string, controlPlane: string, pools: readonly string[]): string[] {
  if (asked === 'latest') return [];
  const target = parseVersion(asked);
  const cp = parseVersion(controlPlane);
  if (!target || !cp) return [];
  if (target[0] !== cp[0] || target[1] < cp[1]) {
    throw new Error(
      `kubernetes-version '${asked}' is older than Kubernetes ${minorOf(controlPlane)}, which the cluster runs: ` +
        `apply never downgrades; ask for ${minorOf(controlPlane)} or newer, or \`latest\` to keep the cluster's version`,
    );
  }
  const floor = Math.min(
    cp[1],
    ...pools
      .map((p) => parseVersion(p))
      .filter((v) => v && v[0] === cp[0])
      .map((v) => v![1]),
  );
  const minors: string[] = [];
  for (let m = floor + 1; m <= target[1]; m++) minors.push(`${target[0]}.${m}`);
  return minors;
}

/** Is a part at (or past) this round's minor? */
export function atMinor(version: string | undefined, minor: string): boolean {
  const d = minorsBetween(version, `${minor}.0`);
  return d !== undefined && d >= 0;
}
