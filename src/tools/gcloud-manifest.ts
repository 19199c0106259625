/**
 * Google's component manifest for the gcloud CLI: the document `gcloud components install/update` reads
 * (dl.google.com/dl/cloudsdk/channels/rapid/components-v<version>.json; components-2.json is the newest
 * release). Each component lists its dependencies, the platforms it is for, and — for those that carry
 * files — a tar.gz `source` with its SHA-256 `checksum`.
 *
 * The SDK is assembled the way gcloud's own updater does it: take the dependency closure of the wanted
 * components for this platform, extract each archive into the SDK root, and record each component in
 * `.install/<id>.snapshot.json` and `.install/<id>.manifest`, so `gcloud components …` keeps working.
 * Unlike the updater, every archive is checked against its published SHA-256 before it is extracted.
 */
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSha256 } from './checksum.js';
import type { ToolPlatform } from './types.js';

export interface ComponentData {
  type?: string;
  source?: string;
  checksum?: string;
  contents_checksum?: string;
  size?: number;
}

export interface Component {
  id: string;
  dependencies?: string[];
  platform?: { operating_systems?: string[]; architectures?: string[] };
  data?: ComponentData;
  version?: { build_number?: number; version_string?: string };
  [key: string]: unknown;
}

export interface ComponentManifest {
  version: string;
  revision?: number;
  schema_version?: unknown;
  components: Component[];
  [key: string]: unknown;
}

/** The manifest's names for this platform (googlecloudsdk.core.util.platforms). */
export function manifestPlatform(platform: ToolPlatform): { os: string; arch: string } {
  return {
    os: platform.os === 'linux' ? 'LINUX' : 'MACOSX',
    arch: platform.arch === 'x64' ? 'x86_64' : 'arm',
  };
}

/** Parses and sanity-checks a manifest; throws a one-line reason. */
export function parseManifest(text: string): ComponentManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('is not JSON');
  }
  const m = doc as Partial<ComponentManifest>;
  if (!m || typeof m !== 'object' || typeof m.version !== 'string' || !Array.isArray(m.components)) {
    throw new Error('has no `version` and `components`');
  }
  for (const c of m.components) {
    if (!c || typeof c !== 'object' || typeof c.id !== 'string') throw new Error('lists a component without an id');
  }
  return m as ComponentManifest;
}

function matches(component: Component, platform: { os: string; arch: string }): boolean {
  const oses = component.platform?.operating_systems ?? [];
  const arches = component.platform?.architectures ?? [];
  return (oses.length === 0 || oses.includes(platform.os)) && (arches.length === 0 || arches.includes(platform.arch));
}

/**
 * The dependency closure of `ids` on this platform, in breadth-first order, as the updater computes it
 * (snapshots.ComponentSnapshot._ClosureFor): unknown ids and components for other platforms are skipped.
 */
export function dependencyClosure(
  manifest: ComponentManifest,
  ids: readonly string[],
  platform: ToolPlatform,
): Component[] {
  const byId = new Map(manifest.components.map((c) => [c.id, c]));
  const target = manifestPlatform(platform);
  const seen = new Set<string>();
  const out: Component[] = [];
  const queue = [...ids];
  while (queue.length) {
    const id = queue.shift()!;
    const component = byId.get(id);
    if (!component || seen.has(id) || !matches(component, target)) continue;
    seen.add(id);
    out.push(component);
    queue.push(...(component.dependencies ?? []));
  }
  return out;
}

/** Components that carry files; their archive checksum must be a SHA-256. */
export function archivedComponents(components: readonly Component[]): Component[] {
  const withFiles = components.filter((c) => c.data && (c.data.source || c.data.checksum));
  for (const c of withFiles) {
    if (c.data!.type !== 'tar') throw new Error(`component ${c.id} is of type ${String(c.data!.type)}, not tar`);
    if (!c.data!.source) throw new Error(`component ${c.id} has no source`);
    if (!isSha256(c.data!.checksum)) throw new Error(`component ${c.id} has no SHA-256 checksum`);
  }
  return withFiles;
}

/** A component's archive URL: `source` is relative to the manifest's own URL unless absolute. */
export function componentUrl(manifestUrl: string, source: string): string {
  return new URL(source, manifestUrl).toString();
}

/**
 * Moves everything under `from` into `root` (folders merge) and returns the paths moved, relative to
 * `root`, folders with a trailing slash: the content of the component's `.install/<id>.manifest`.
 */
export async function moveInto(from: string, root: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(from, rel), { withFileTypes: true });
  // One folder's entries at a time, in parallel: ~30 000 files one by one took seconds.
  const lists = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (!entry.isDirectory()) {
        await rename(path.join(from, r), path.join(root, r)); // replaces a file of the same name
        return [r];
      }
      await mkdir(path.join(root, r), { recursive: true });
      return [`${r}/`, ...(await moveInto(from, root, r))];
    }),
  );
  return lists.flat();
}

/**
 * Records an installed component as gcloud's updater does (local_state.InstallationManifest and
 * ComponentSnapshot.WriteToFile): the snapshot keeps only `contents_checksum`, `type` and an empty
 * `source` of the component's data.
 */
export async function recordComponent(
  root: string,
  manifest: ComponentManifest,
  component: Component,
  files: readonly string[],
): Promise<void> {
  const stateDir = path.join(root, '.install');
  await mkdir(stateDir, { recursive: true });
  const recorded: Component = { ...component };
  if (component.data) {
    recorded.data = { contents_checksum: component.data.contents_checksum, source: '', type: component.data.type };
  }
  const snapshot = {
    components: [recorded],
    revision: manifest.revision,
    schema_version: manifest.schema_version,
    version: manifest.version,
  };
  await writeFile(path.join(stateDir, `${component.id}.snapshot.json`), `${JSON.stringify(snapshot, null, 2)}\n`);
  const list = [...files].sort();
  await writeFile(path.join(stateDir, `${component.id}.manifest`), list.length ? `${list.join('\n')}\n` : '');
}
