/**
 * Kubernetes objects applied the way a re-runnable flow needs: one by one, writing only what differs.
 *
 *   absent                              → create
 *   present, a manifest field differs   → server-side apply (force, field manager gitpod-cluster-action)
 *   present, every manifest field equal → nothing at all
 *   absent, but created meanwhile (409)  → read again, then as if it had been present
 *
 * "Equal" means every field the manifest sets has that value on the server; fields the server adds
 * (defaults, status, managedFields …) do not count, so a re-run on a conformant cluster sends no write.
 * A kind whose CRD was created a moment ago may not be served yet: creating it is retried, bounded.
 */
import { parseAllDocuments } from 'yaml';
import type { KubeClient, KubeObject, KubeRef } from './clients/kube.js';
import { KubeApiError, refOf } from './clients/kube.js';
import type { Logger } from './log.js';

export type SyncAction = 'create' | 'apply' | 'none';

export interface SyncItem {
  obj: KubeObject;
  action: SyncAction;
  /** For `apply`: the first field found to differ. */
  reason?: string;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describeRef(ref: KubeRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** The objects of a multi-document YAML manifest, in order; empty documents are skipped. */
export function parseManifest(text: string, source: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const [i, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length) throw new Error(`${source}: document ${i + 1} is not valid YAML: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (!isMap(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') {
      throw new Error(`${source}: document ${i + 1} is not a Kubernetes object (apiVersion and kind)`);
    }
    const meta = value.metadata;
    if (!isMap(meta) || typeof meta.name !== 'string')
      throw new Error(`${source}: document ${i + 1} has no metadata.name`);
    if (value.kind.endsWith('List'))
      throw new Error(`${source}: document ${i + 1} is a ${value.kind}; lists are not supported`);
    objects.push(value as KubeObject);
  }
  return objects;
}

/** What of a manifest object is compared: not `status`, not the server-owned creationTimestamp. */
function desiredPart(obj: KubeObject): Record<string, unknown> {
  const { status: _status, ...rest } = obj;
  const { creationTimestamp: _ts, ...metadata } = obj.metadata;
  return { ...rest, metadata };
}

/** The first path where `live` does not carry `desired`'s value, or undefined when it carries them all. */
export function firstDifference(desired: unknown, live: unknown, at = ''): string | undefined {
  if (desired === null || desired === undefined) return live === null || live === undefined ? undefined : at || '.';
  if (isMap(desired)) {
    if (!isMap(live)) return at || '.';
    for (const [k, v] of Object.entries(desired)) {
      const d = firstDifference(v, live[k], at ? `${at}.${k}` : k);
      if (d) return d;
    }
    return undefined;
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live) || live.length !== desired.length) return at || '.';
    for (const [i, v] of desired.entries()) {
      const d = firstDifference(v, live[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  // Scalars: a number and its decimal string (an int-or-string field) count as equal.
  return desired === live || String(desired) === String(live) ? undefined : at || '.';
}

/** A kind that is not (yet) served: its CRD is missing or not established. */
export function isKindNotServed(err: unknown): boolean {
  return (
    err instanceof KubeApiError &&
    (err.status === 404 || /Unrecognized API version and kind|Failed to fetch resource metadata/.test(err.message))
  );
}

async function getOrAbsent(kube: KubeClient, ref: KubeRef): Promise<KubeObject | undefined> {
  try {
    return await kube.get(ref);
  } catch (err) {
    if (isKindNotServed(err)) return undefined;
    throw err;
  }
}

/** Reads each object and decides what it needs; reads only. */
export async function planSync(kube: KubeClient, objects: readonly KubeObject[]): Promise<SyncItem[]> {
  const items: SyncItem[] = [];
  for (const obj of objects) {
    const live = await getOrAbsent(kube, refOf(obj));
    if (!live) {
      items.push({ obj, action: 'create' });
      continue;
    }
    const reason = firstDifference(desiredPart(obj), live);
    items.push(reason ? { obj, action: 'apply', reason } : { obj, action: 'none' });
  }
  return items;
}

export interface SyncOptions {
  log: Logger;
  sleep: (ms: number) => Promise<void>;
  /** How long a create may wait for its kind to be served (a CRD just created). */
  kindWaitMs?: number;
  pollMs?: number;
}

export interface SyncCounts {
  created: number;
  applied: number;
  unchanged: number;
}

/** Writes what `planSync` found missing or different; nothing else. */
export async function applyPlanned(
  kube: KubeClient,
  items: readonly SyncItem[],
  opts: SyncOptions,
): Promise<SyncCounts> {
  const counts: SyncCounts = { created: 0, applied: 0, unchanged: 0 };
  for (const item of items) {
    const what = describeRef(refOf(item.obj));
    if (item.action === 'none') {
      counts.unchanged++;
      continue;
    }
    if (item.action === 'apply') {
      opts.log.info(`~ ${what}: ${item.reason} differs; server-side apply`);
      await kube.apply(item.obj, { force: true });
      counts.applied++;
      continue;
    }
    if (await createWaitingForKind(kube, item.obj, what, opts)) {
      opts.log.info(`+ ${what}: created`);
      counts.created++;
    } else {
      // Created meanwhile (another run on this cluster, or a controller): converge it like a present
      // object, which means no write at all when it already is as the manifest says.
      const live = await getOrAbsent(kube, refOf(item.obj));
      const reason = live ? firstDifference(desiredPart(item.obj), live) : '.';
      if (!reason) {
        opts.log.info(`= ${what}: created meanwhile by someone else, as in the manifest`);
        counts.unchanged++;
        continue;
      }
      opts.log.info(`~ ${what}: created meanwhile by someone else, ${reason} differs; server-side apply`);
      await kube.apply(item.obj, { force: true });
      counts.applied++;
    }
  }
  return counts;
}

/** Creates an object, waiting (bounded) while its kind is not served yet; false when it already exists. */
async function createWaitingForKind(
  kube: KubeClient,
  obj: KubeObject,
  what: string,
  opts: SyncOptions,
): Promise<boolean> {
  const pollMs = opts.pollMs ?? 2_000;
  const limit = opts.kindWaitMs ?? 120_000;
  for (let waited = 0; ; waited += pollMs) {
    try {
      await kube.create(obj);
      return true;
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 409) return false;
      if (!isKindNotServed(err) || waited >= limit) throw err;
      if (waited % 30_000 === 0) opts.log.info(`… ${what}: its kind is not served yet; waiting for its CRD`);
      await opts.sleep(pollMs);
    }
  }
}
