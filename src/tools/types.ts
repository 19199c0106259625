/**
 * The shape every tool shares, so one installer (install.ts) serves gcloud, eksctl and kubectl.
 * A tool module says where its releases live, how a version request resolves, which archives make a
 * release and the SHA-256 each must have, and how the verified archives are laid out in the cache.
 */
import type { Logger } from '../log.js';
import type { ToolHttp } from './http.js';

export const TOOL_NAMES = ['gcloud', 'eksctl', 'kubectl'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface InstalledTool {
  name: ToolName;
  /** The exact version installed, e.g. `528.0.0`, `0.230.0`, `1.34.5`. */
  version: string;
  /** The tool-cache folder (`<RUNNER_TOOL_CACHE>/<name>/<version>/<arch>`); for gcloud the SDK root. */
  dir: string;
  /** Absolute path of the executable. */
  bin: string;
  /** gcloud only: absolute path of gke-gcloud-auth-plugin, which kubeconfigs for GKE run. */
  authPlugin?: string;
  /** gcloud only: where the plugin came from, when not from where gcloud did (a plugin installed alone). */
  authPluginSource?: ToolSource;
  /**
   * Whether this run found it in the tool cache, downloaded it, or (`use-runner-tools`) found it on the
   * runner's PATH; a runner tool's folder is not put on PATH again.
   */
  source: ToolSource;
}

export type ToolSource = 'cache' | 'download' | 'runner';

/** The runner platform in the terms of the tool cache (`process.arch`). */
export interface ToolPlatform {
  os: 'linux' | 'darwin';
  arch: 'x64' | 'arm64';
}

export interface ToolContext {
  http: ToolHttp;
  platform: ToolPlatform;
  log: Logger;
  /** Aborted on cancellation: stops downloads and extractions. */
  signal?: AbortSignal;
  /** GITHUB_API_URL (GHES sets its own) or https://api.github.com. */
  githubApiUrl: string;
  /** '' when not given. Sent to the GitHub API only, never to a download host or mirror. */
  githubToken: string;
}

/** One archive or file of a release, with the SHA-256 it must have before anything is unpacked. */
export interface Artifact {
  /** The upstream URL (the mirror, when set, is applied when fetching). */
  url: string;
  /** Lower-case hex SHA-256. */
  sha256: string;
  /** Where `sha256` comes from, for messages: 'pinned in the action' or the checksum document's URL. */
  checksumFrom: string;
  /** `file`: used as downloaded (a bare binary). `tar.gz`: extracted into a folder of its own. */
  kind: 'file' | 'tar.gz';
  /** Short name for progress lines, e.g. `kubectl` or `gcloud component core`. */
  label: string;
}

/** A verified artifact, ready to be laid out: the file itself, or the folder it was extracted into. */
export interface Unpacked {
  artifact: Artifact;
  path: string;
}

export interface ToolRelease {
  version: string;
  artifacts: Artifact[];
  /** Lays the unpacked artifacts out in `root`, the folder that goes into the tool cache. */
  assemble(unpacked: Unpacked[], root: string): Promise<void>;
  /** How the verification is described in the log, e.g. "against the pinned checksum". */
  verifiedAgainst: string;
}

export interface Executables {
  bin: string;
  authPlugin?: string;
}

export interface ToolSpec {
  /** The tool-cache name. */
  name: string;
  /** The version installed when the input is empty. */
  pinned: string;
  /** The exact version a request names, without any network access; undefined when it needs resolving. */
  exactVersion(request: string): string | undefined;
  /** Resolves `latest` (or a minor) through the publisher. */
  resolveVersion(request: string, ctx: ToolContext): Promise<string>;
  /** The artifacts of a version and their checksums (pinned, or fetched from the publisher). */
  release(version: string, ctx: ToolContext): Promise<ToolRelease>;
  /** The executables in a cache folder, or undefined when the folder is not a usable install. */
  executables(dir: string): Executables | undefined;
}
