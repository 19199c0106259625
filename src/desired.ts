/**
 * The desired state of the cluster's pools, computed once from the config, and the one diff between it
 * and what the cloud API shows. `apply` acts on the diff (each in-place fix is an argv it runs; a change
 * that cannot be made in place stops it with what to do), `verify`'s `cloud-config` reports it, and its
 * report and job summary say what `apply` would do. Provider-neutral: each provider gives its desired
 * pools and its `InPlaceFixes` (src/providers/gcp/plan.ts, src/providers/aws/plan.ts).
 */
import type { Config } from './inputs.js';
import type { ObservedPool } from './providers/types.js';
import { GITPOD_LABEL_PREFIX, POOL_ROLES, type PoolRole } from './reference.js';
import { shellQuote } from './steps.js';

/** One pool as the cloud API should show it (undefined: the provider's API does not show that field). */
export interface DesiredPool {
  role: PoolRole;
  name: string;
  labels: Record<string, string>;
  machineType: string;
  minNodes: number;
  maxNodes: number;
  maxPods?: number;
  image: string;
}

export type DesiredPools = Readonly<Record<PoolRole, DesiredPool>>;

/**
 * Both Gitpod pools as a cloud's API should show them: each pool's name, labels, machine type and bounds from
 * the config, and what only that provider's API shows (`image`, and GKE's `maxPods`).
 */
export function desiredPoolsOf(config: Config, cloudFields: Pick<DesiredPool, 'image' | 'maxPods'>): DesiredPools {
  const pool = (role: PoolRole): DesiredPool => {
    const p = config.pools[role];
    return {
      role,
      name: p.name,
      labels: { ...p.labels },
      machineType: p.machineType,
      minNodes: p.minNodes,
      maxNodes: p.maxNodes,
      ...cloudFields,
    };
  };
  return { services: pool('services'), workspaces: pool('workspaces') };
}

/** The fields compared, in the order they are reported. */
export const POOL_FIELDS = ['labels', 'machineType', 'minNodes', 'maxNodes', 'maxPods', 'image'] as const;
export type PoolField = (typeof POOL_FIELDS)[number];

/** How one provider changes an existing pool: the argv that fixes a field in place, or why it cannot. */
export interface InPlaceFixes {
  /** The pool in the console's words: `node pool` (GKE), `nodegroup` (EKS). */
  poolNoun: string;
  /** A field in the console's words (`machine type`, `instance types`, `AMI type` …). */
  fieldName: Readonly<Record<Exclude<PoolField, 'labels'>, string>>;
  /** The calls that give the pool the wanted labels (other than the Gitpod family, the pool's own stay). */
  labels: (want: DesiredPool, have: ObservedPool) => Remedy;
  /** The calls that set the pool's scaling bounds. */
  scaling: (want: DesiredPool, have: ObservedPool) => Remedy;
  /** Why a field cannot change on an existing pool, and what to do instead. */
  immutable: (want: DesiredPool, field: 'machineType' | 'maxPods' | 'image') => { why: string; todo: string };
}

/** What `apply` does about a difference: run these argvs, or stop with why it cannot, and what to do. */
export type Remedy = { kind: 'in-place'; argvs: string[][] } | { kind: 'cannot'; why: string; todo: string };

/** One field that differs: wanted and found, as the cloud API shows them. */
export interface FieldDifference {
  field: string;
  want: unknown;
  have: unknown;
}

/** Differences fixed together (all labels in one call, both scaling bounds in another), with their remedy. */
export interface PoolChange {
  /** What changes: the labels, the scaling bounds, or one field that cannot change in place. */
  kind: 'labels' | 'scaling' | 'immutable';
  differences: FieldDifference[];
  remedy: Remedy;
}

export interface PoolDiff {
  role: PoolRole;
  name: string;
  /** The pool as observed; undefined when it does not exist. */
  observed?: ObservedPool;
  changes: PoolChange[];
}

export const ABSENT = '(absent)';

/**
 * The labels a pool should end with: the wanted ones, the pool's own labels outside the Gitpod family
 * kept (someone else's), a Gitpod label not meant for this pool dropped.
 */
export function wantedLabels(
  want: Readonly<Record<string, string>>,
  observed: Readonly<Record<string, string>>,
): Record<string, string> {
  const kept = Object.entries(observed).filter(([k]) => !k.startsWith(GITPOD_LABEL_PREFIX) && !(k in want));
  return { ...want, ...Object.fromEntries(kept) };
}

/** The labels compared: the wanted ones and any `gitpod.io/workload_*` label on the pool. */
function labelDifferences(want: DesiredPool, have: ObservedPool): FieldDifference[] {
  const keys = new Set([
    ...Object.keys(want.labels),
    ...Object.keys(have.labels).filter((k) => k.startsWith(GITPOD_LABEL_PREFIX)),
  ]);
  return [...keys]
    .sort()
    .map((k) => ({ field: `label ${k}`, want: want.labels[k] ?? ABSENT, have: have.labels[k] ?? ABSENT }))
    .filter((d) => d.want !== d.have);
}

/** Every difference between one desired pool and the pool the cloud shows, grouped by what fixes it. */
export function diffPool(want: DesiredPool, have: ObservedPool | undefined, fixes: InPlaceFixes): PoolDiff {
  const diff: PoolDiff = { role: want.role, name: want.name, observed: have, changes: [] };
  if (!have) return diff;
  const labels = labelDifferences(want, have);
  if (labels.length) diff.changes.push({ kind: 'labels', differences: labels, remedy: fixes.labels(want, have) });
  const immutable = (field: 'machineType' | 'maxPods' | 'image') => {
    if (want[field] === undefined || want[field] === have[field]) return;
    diff.changes.push({
      kind: 'immutable',
      differences: [{ field: fixes.fieldName[field], want: want[field], have: have[field] }],
      remedy: { kind: 'cannot', ...fixes.immutable(want, field) },
    });
  };
  immutable('machineType');
  const scaling = (['minNodes', 'maxNodes'] as const)
    .filter((f) => want[f] !== have[f])
    .map((f) => ({ field: fixes.fieldName[f], want: want[f], have: have[f] }));
  if (scaling.length) diff.changes.push({ kind: 'scaling', differences: scaling, remedy: fixes.scaling(want, have) });
  immutable('maxPods');
  immutable('image');
  return diff;
}

/** The diff of every Gitpod pool, in role order. */
export function diffPools(desired: DesiredPools, observed: readonly ObservedPool[], fixes: InPlaceFixes): PoolDiff[] {
  return POOL_ROLES.map((role) =>
    diffPool(
      desired[role],
      observed.find((p) => p.name === desired[role].name),
      fixes,
    ),
  );
}

const shown = (v: unknown) => JSON.stringify(v ?? null);

/** What `apply` does about one change, in full: "fixed in place by `<argv>`" or "cannot change in place: …". */
export function remedyText(remedy: Remedy): string {
  return remedy.kind === 'in-place'
    ? `fixed in place by ${remedy.argvs.map((a) => `\`${shellQuote(a)}\``).join(' then ')}`
    : `cannot change in place: ${remedy.why}; ${remedy.todo}`;
}

/** The same, short (a check message): the command without its flags, or why not. */
export function remedyShort(remedy: Remedy): string {
  if (remedy.kind === 'cannot') return `cannot change in place: ${remedy.why}`;
  const commands = remedy.argvs.map((a) => a.slice(0, a.findIndex((x) => x.startsWith('-')) >>> 0).join(' '));
  return `fixed in place by ${[...new Set(commands)].map((c) => `\`${c}\``).join(' and ')}`;
}

/** One line per differing field: `<pool>: <field> is <found>, wanted <wanted>; <what apply does>`. */
export function differenceLines(diff: PoolDiff): string[] {
  return diff.changes.flatMap((c) =>
    c.differences.map(
      (d) => `${diff.name}: ${d.field} is ${shown(d.have)}, wanted ${shown(d.want)}; ${remedyShort(c.remedy)}`,
    ),
  );
}

/** What `apply` would do about the diffs, one line per change; empty when nothing differs. */
export function applyWouldDo(diffs: readonly PoolDiff[], fixes: InPlaceFixes): string[] {
  const lines: string[] = [];
  for (const d of diffs) {
    if (!d.observed) {
      lines.push(`create ${fixes.poolNoun} ${d.name} (${d.role})`);
      continue;
    }
    for (const c of d.changes) {
      const fields = c.differences.map((x) => x.field).join(', ');
      lines.push(`${fixes.poolNoun} ${d.name}, ${fields}: ${remedyText(c.remedy)}`);
    }
  }
  return lines;
}

/**
 * The argvs that bring an existing pool to its desired state (only the changes of `kinds`, default all),
 * or an error naming what cannot change.
 */
export function inPlaceArgvs(diff: PoolDiff, kinds?: readonly PoolChange['kind'][]): string[][] {
  const changes = kinds ? diff.changes.filter((c) => kinds.includes(c.kind)) : diff.changes;
  const cannot = changes.filter((c) => c.remedy.kind === 'cannot');
  if (cannot.length) {
    throw new Error(
      cannot
        .map(
          (c) =>
            `${diff.name}: ${c.differences.map((d) => `${d.field} is ${shown(d.have)}, wanted ${shown(d.want)}`).join(', ')}; ${remedyText(c.remedy)}`,
        )
        .join('; '),
    );
  }
  return changes.flatMap((c) => (c.remedy.kind === 'in-place' ? c.remedy.argvs : []));
}
