/**
 * The gcloud CLI, assembled from Google's component archives (see gcloud-manifest.ts) rather than the
 * all-in-one google-cloud-cli-<version>-<os>-<arch>.tar.gz:
 *
 * - Google publishes a SHA-256 for every component archive of every release in the component
 *   manifest (components-v<version>.json); for the all-in-one archive it publishes one only for the
 *   newest release, on an HTML page. Components make every version — pinned, any other, `latest` —
 *   verifiable against a checksum Google publishes, with one code path.
 * - The SDK gets exactly what the flow needs: `core` (with its Python and libraries) and
 *   `gke-gcloud-auth-plugin`, which the kubeconfigs GKE clusters get run for credentials. Any other
 *   component can still be added later with `gcloud components install`.
 *
 * No SHA-256 is pinned for gcloud: the component manifest of the wanted version is fetched (through
 * `tool-mirror` when set) and each archive must match it, the trust kubectl's `.sha256` files get.
 *
 * A pre-seeded SDK (e.g. a package manager's, component manager disabled) that has
 * bin/gke-gcloud-auth-plugin is used as is; one without it gets the plugin as its own tool-cache entry
 * `gke-gcloud-auth-plugin/<gcloud version>`, from the same manifest.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ToolDownloadError } from './http.js';
import { displayUrl } from './mirror.js';
import {
  type ComponentManifest,
  archivedComponents,
  componentUrl,
  dependencyClosure,
  moveInto,
  parseManifest,
  recordComponent,
} from './gcloud-manifest.js';
import type { ToolContext, ToolRelease, ToolSpec } from './types.js';

/** The release the test-suite runs for real (the SDK on the build machine is 528.0.0). */
export const GCLOUD_PINNED = '528.0.0';

export const GCLOUD_CHANNEL = 'https://dl.google.com/dl/cloudsdk/channels/rapid';

/** What the flow needs from the SDK; their dependency closure is installed. */
export const GCLOUD_COMPONENTS = ['core', 'gke-gcloud-auth-plugin'] as const;

export const AUTH_PLUGIN = 'gke-gcloud-auth-plugin';

export function manifestUrl(version: string): string {
  return version === 'latest' ? `${GCLOUD_CHANNEL}/components-2.json` : `${GCLOUD_CHANNEL}/components-v${version}.json`;
}

async function fetchManifest(version: string, ctx: ToolContext): Promise<ComponentManifest> {
  const url = manifestUrl(version);
  const text = await ctx.http.text(url, { tool: 'gcloud', version });
  try {
    return parseManifest(text);
  } catch (err) {
    throw new ToolDownloadError(
      `gcloud ${version}: the component manifest ${displayUrl(ctx.http.url(url))} ${(err as Error).message}`,
    );
  }
}

/** The components `ids` need on this platform, as a release whose archives are checked against the manifest. */
async function componentRelease(
  version: string,
  ids: readonly string[],
  ctx: ToolContext,
  opts: { recordState: boolean },
): Promise<ToolRelease> {
  const url = manifestUrl(version);
  const manifest = await fetchManifest(version, ctx);
  const shownManifest = displayUrl(ctx.http.url(url));
  if (manifest.version !== version) {
    throw new ToolDownloadError(`gcloud ${version}: ${shownManifest} describes version ${manifest.version}`);
  }
  const closure = dependencyClosure(manifest, ids, ctx.platform);
  const missing = ids.filter((id) => !closure.some((c) => c.id === id));
  if (missing.length) {
    throw new ToolDownloadError(
      `gcloud ${version}: ${shownManifest} has no ${missing.join(', ')} for ${ctx.platform.os}/${ctx.platform.arch}`,
    );
  }
  let archived;
  try {
    archived = archivedComponents(closure);
  } catch (err) {
    throw new ToolDownloadError(`gcloud ${version}: ${shownManifest}: ${(err as Error).message}`);
  }
  const byUrl = new Map(archived.map((c) => [componentUrl(url, c.data!.source!), c]));
  return {
    version,
    artifacts: [...byUrl].map(([artifactUrl, c]) => ({
      url: artifactUrl,
      sha256: c.data!.checksum!.toLowerCase(),
      checksumFrom: shownManifest,
      kind: 'tar.gz' as const,
      label: `gcloud ${version} component ${c.id}`,
    })),
    verifiedAgainst: `Google's component manifest (${archived.length} archives)`,
    async assemble(unpacked, root) {
      const filesOf = new Map<string, string[]>();
      for (const u of unpacked) filesOf.set(byUrl.get(u.artifact.url)!.id, await moveInto(u.path, root));
      if (!opts.recordState) return;
      // Components without files (platform selectors such as `gke-gcloud-auth-plugin`) are recorded too.
      for (const c of closure) await recordComponent(root, manifest, c, filesOf.get(c.id) ?? []);
    },
  };
}

export const gcloud: ToolSpec = {
  name: 'gcloud',
  pinned: GCLOUD_PINNED,

  exactVersion(request) {
    const m = /^([0-9]+\.[0-9]+\.[0-9]+)$/.exec(request || GCLOUD_PINNED);
    return m?.[1];
  },

  async resolveVersion(request, ctx) {
    // Only `latest` needs resolving: components-2.json describes the newest release.
    return (await fetchManifest(request, ctx)).version;
  },

  release(version, ctx) {
    return componentRelease(version, GCLOUD_COMPONENTS, ctx, { recordState: true });
  },

  executables(dir) {
    const bin = path.join(dir, 'bin', 'gcloud');
    if (!existsSync(bin)) return undefined;
    const plugin = path.join(dir, 'bin', AUTH_PLUGIN);
    return { bin, authPlugin: existsSync(plugin) ? plugin : undefined };
  },
};

/** The auth plugin alone, for a pre-seeded SDK that lacks it; cached under the SDK's version. */
export const gkeAuthPlugin: ToolSpec = {
  name: AUTH_PLUGIN,
  pinned: GCLOUD_PINNED,
  exactVersion: (gcloudVersion) => gcloudVersion,
  resolveVersion: async (gcloudVersion) => gcloudVersion,
  release: (version, ctx) => componentRelease(version, [AUTH_PLUGIN], ctx, { recordState: false }),
  executables(dir) {
    const bin = path.join(dir, 'bin', AUTH_PLUGIN);
    return existsSync(bin) ? { bin } : undefined;
  },
};
