/**
 * The one installer for gcloud, eksctl and kubectl, through @actions/tool-cache:
 *
 *   resolve the version → look in the tool cache → else download every artifact (concurrently),
 *   check its SHA-256, unpack, lay out, cache → add to PATH
 *
 * An exact version (the pinned default, or e.g. `1.33.4`) found in the cache costs no network access at
 * all; `latest` and a kubectl minor (`1.33`) are resolved through the publisher first, then looked up.
 * Nothing reaches the cache unless every artifact matched its SHA-256. The tools a command needs are
 * installed concurrently; one line per tool logs the resolved version and where it came from.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tc from '@actions/tool-cache';
import { execArgv } from '../exec.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { registerSecret } from '../log.js';
import { errorMessage, formatDuration } from '../steps.js';
import { eksctl } from './eksctl.js';
import { AUTH_PLUGIN, gcloud, gkeAuthPlugin } from './gcloud.js';
import { type HttpOptions, ToolDownloadError, ToolHttp } from './http.js';
import { kubectl } from './kubectl.js';
import { displayUrl, parseMirror } from './mirror.js';
import { type RunnerToolName, isRunnerTool, lookOnRunner, releaseOf } from './runner.js';
import type { InstalledTool, ToolContext, ToolName, ToolPlatform, ToolSpec, Unpacked } from './types.js';

export type { InstalledTool, ToolName } from './types.js';

export const TOOL_SPECS: Record<ToolName, ToolSpec> = { gcloud, eksctl, kubectl };

/** Archives of one tool downloaded at the same time (gcloud has several components). */
const ARTIFACT_CONCURRENCY = 4;

export interface InstallDeps {
  /** Injected so tests never wait on a retry. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Retry, stall and progress settings of the downloads. */
  http?: Pick<
    HttpOptions,
    'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'maxElapsedMs' | 'random' | 'progressIntervalMs' | 'idleTimeoutMs'
  >;
  /** Defaults to process.platform / process.arch. */
  platform?: NodeJS.Platform;
  arch?: string;
  /**
   * Where GITHUB_API_URL, RUNNER_TOOL_CACHE, RUNNER_TEMP and (`use-runner-tools`) the PATH searched for
   * the runner's tools are read; defaults to process.env.
   */
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** How a finished folder is moved into the tool cache (tests make it fail across filesystems). */
  rename?: (from: string, to: string) => Promise<void>;
}

export function toolPlatform(platform: NodeJS.Platform, arch: string): ToolPlatform {
  if ((platform !== 'linux' && platform !== 'darwin') || (arch !== 'x64' && arch !== 'arm64')) {
    throw new Error(
      `gitpod-cluster-action installs its tools on Linux or macOS runners with x64 or arm64 CPUs, not ${platform}/${arch}`,
    );
  }
  return { os: platform, arch };
}

/**
 * Installs the named tools (each at the version its input asks for, else the pinned one), adds them to
 * PATH and returns where they are. Tools run concurrently; if any fails, the others still finish, then
 * one error names every failure. With `use-runner-tools`, gcloud and kubectl found on the runner's PATH
 * are used instead (src/tools/runner.ts), and only what is missing is installed.
 */
export async function installTools<N extends ToolName>(
  names: readonly N[],
  config: Config,
  io: ActionIO,
  deps: InstallDeps = {},
): Promise<Record<N, InstalledTool>> {
  const env = deps.env ?? process.env;
  const platform = toolPlatform(deps.platform ?? process.platform, deps.arch ?? process.arch);
  const wanted = [...new Set(names)];
  registerSecret(config.githubToken);
  const mirror = parseMirror(config.toolMirror);
  ensureCacheFolders(env, config.tempDir);

  const http = new ToolHttp({ ...deps.http, mirror, log: io.log, signal: io.signal, sleep: deps.sleep });
  const ctx: ToolContext = {
    http,
    platform,
    log: io.log,
    signal: io.signal,
    githubApiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    githubToken: config.githubToken,
  };
  const specDeps: SpecDeps = { now: deps.now ?? Date.now, rename: deps.rename };
  const runnerPath = config.useRunnerTools ? (env.PATH ?? '') : undefined;

  return io.group(`Install ${wanted.join(', ')}`, async () => {
    if (mirror) io.log.info(`Downloads go to the mirror ${displayUrl(mirror.base)}`);
    if (runnerPath !== undefined && wanted.includes('eksctl' as N)) {
      io.log.info(
        'use-runner-tools: eksctl is always installed by the action (no runner install of it is checksum-verified)',
      );
    }
    const settled = await Promise.allSettled(
      wanted.map(async (name) => {
        const request = config.tools[name];
        const runner =
          runnerPath !== undefined && isRunnerTool(name) ? await fromRunner(name, request, runnerPath, ctx) : {};
        const tool = runner.tool ?? (await installTool(name, request, ctx, specDeps, runner.resolved));
        if (name === 'gcloud' && !tool.authPlugin) {
          // A pre-seeded or runner SDK without the plugin: fetch it on its own, into the tool cache.
          const plugin = await installSpec(gkeAuthPlugin, tool.version, ctx, specDeps);
          tool.authPlugin = plugin.bin;
          tool.authPluginSource = plugin.source;
        }
        return tool;
      }),
    );
    const failures = settled.flatMap((s, i) =>
      s.status === 'rejected' ? [`${wanted[i]}: ${errorMessage(s.reason)}`] : [],
    );
    if (failures.length) throw new ToolDownloadError(`tool installation failed: ${failures.join('; ')}`);

    const result = {} as Record<N, InstalledTool>;
    for (const s of settled) {
      const tool = (s as PromiseFulfilledResult<InstalledTool>).value;
      result[tool.name as N] = tool;
      for (const dir of toolDirs([tool])) io.addPath(dir);
    }
    return result;
  });
}

/**
 * The folders of installed tools' executables (the gcloud auth plugin's included), each once. A tool taken
 * from the runner is left out: it is on PATH already, where it was found, and moving its folder (/usr/bin)
 * to the front would shadow what earlier steps put there.
 */
export function toolDirs(tools: readonly InstalledTool[]): string[] {
  const files = tools.flatMap((t) => [
    ...(t.source === 'runner' ? [] : [t.bin]),
    ...(t.authPlugin && (t.authPluginSource ?? t.source) !== 'runner' ? [t.authPlugin] : []),
  ]);
  return [...new Set(files.map((f) => path.dirname(f)))];
}

/**
 * PATH with the installed tools first, for the processes this action starts itself: `io.addPath` also
 * reaches this process on a runner, but a step must not depend on that side effect.
 */
export function pathWithTools(tools: readonly InstalledTool[], base = process.env.PATH ?? ''): string {
  return [...toolDirs(tools), base].filter(Boolean).join(path.delimiter);
}

/** Without a runner (a local run), tool-cache still needs its two folders. */
function ensureCacheFolders(env: NodeJS.ProcessEnv, tempDir: string): void {
  if (!process.env.RUNNER_TEMP) process.env.RUNNER_TEMP = env.RUNNER_TEMP || tempDir;
  if (!process.env.RUNNER_TOOL_CACHE) {
    process.env.RUNNER_TOOL_CACHE = env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'gitpod-cluster-action-tools');
  }
}

async function installTool(
  name: ToolName,
  request: string,
  ctx: ToolContext,
  deps: SpecDeps,
  resolved?: string,
): Promise<InstalledTool> {
  const installed = await installSpec(TOOL_SPECS[name], request, ctx, deps, resolved);
  return { ...installed, name };
}

/**
 * `use-runner-tools`: the runner's tool when it is on PATH and is what its version input asks for (any
 * version when the input is empty). Otherwise no tool, after a line saying why it is installed as
 * without the input, and the version the input resolved to, so that it is not resolved twice.
 */
async function fromRunner(
  name: RunnerToolName,
  request: string,
  pathValue: string,
  ctx: ToolContext,
): Promise<{ tool?: InstalledTool; resolved?: string }> {
  const look = await lookOnRunner(name, pathValue, ctx.signal);
  if ('missing' in look) {
    ctx.log.info(`use-runner-tools: ${look.missing}; ${name} is installed as without it`);
    return {};
  }
  const { tool, found } = look;
  if (request) {
    const spec = TOOL_SPECS[name];
    const resolved = spec.exactVersion(request) ?? (await spec.resolveVersion(request, ctx));
    if (releaseOf(tool.version) !== resolved) {
      const asked = resolved === request ? request : `${request} (${resolved})`;
      ctx.log.info(
        `use-runner-tools: the runner's ${name} ${tool.version} (${found}) is not ${name}-version ${asked}; ` +
          `${name} ${resolved} is installed as without it`,
      );
      return { resolved };
    }
  }
  ctx.log.info(`${name} ${tool.version} from the runner (${found})`);
  if (name === 'gcloud') {
    ctx.log.info(
      tool.authPlugin
        ? `${AUTH_PLUGIN} from the runner (${tool.authPlugin})`
        : `${AUTH_PLUGIN}: neither in ${path.join(tool.dir, 'bin')} nor on PATH; installing it alone`,
    );
  }
  return { tool };
}

type Installed = Omit<InstalledTool, 'name'> & { name: string };

interface SpecDeps {
  now: () => number;
  rename?: (from: string, to: string) => Promise<void>;
}

/** Resolve (unless `resolved` is given), find in the cache or download + verify + cache one spec. */
async function installSpec(
  spec: ToolSpec,
  request: string,
  ctx: ToolContext,
  deps: SpecDeps,
  resolved?: string,
): Promise<Installed> {
  const { log, platform } = ctx;
  const now = deps.now;
  const version = resolved ?? spec.exactVersion(request) ?? (await spec.resolveVersion(request, ctx));
  const asked = request && request !== version ? ` (${request})` : request ? '' : ' (pinned)';

  const cached = tc.find(spec.name, version, platform.arch);
  if (cached) {
    const exe = spec.executables(cached);
    if (exe) {
      log.info(`${spec.name} ${version}${asked}: from the tool cache, ${cached}`);
      return { name: spec.name, version, dir: cached, ...exe, source: 'cache' };
    }
    log.warning(`${spec.name} ${version}: the tool-cache entry ${cached} has no executable; installing it again`);
  }

  const started = now();
  const release = await spec.release(version, ctx);
  const work = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), `${spec.name}-`));
  try {
    let bytes = 0;
    const unpacked = await mapLimit(release.artifacts, ARTIFACT_CONCURRENCY, async (artifact, i): Promise<Unpacked> => {
      const file = path.join(work, `download-${i}`);
      const got = await ctx.http.download(artifact.url, file, { tool: spec.name, version }, artifact.label);
      if (got.sha256 !== artifact.sha256) {
        throw new ToolDownloadError(
          `SHA-256 mismatch for ${artifact.label} (${displayUrl(ctx.http.url(artifact.url))}): ` +
            `expected ${artifact.sha256} from ${artifact.checksumFrom}, got ${got.sha256}` +
            `${got.html ? ' (the server sent an HTML page, not the file: a proxy or captive portal in the way?)' : ''}` +
            '; nothing was cached',
        );
      }
      bytes += got.bytes;
      if (artifact.kind === 'file') return { artifact, path: file };
      const into = path.join(work, `unpacked-${i}`);
      await mkdir(into);
      await execArgv(['tar', '-x', '-z', '--no-same-owner', '-f', file, '-C', into], {
        silent: true,
        signal: ctx.signal,
      });
      await rm(file, { force: true });
      return { artifact, path: into };
    });
    const fetched = now();
    const root = path.join(work, 'root');
    await mkdir(root);
    await release.assemble(unpacked, root);
    const assembled = now();
    const dir = await cacheFolder(root, spec.name, version, platform.arch, deps.rename);
    log.debug(
      `${spec.name} ${version}: download+verify+extract ${formatDuration(fetched - started)}, ` +
        `layout ${formatDuration(assembled - fetched)}, into the tool cache ${formatDuration(now() - assembled)}`,
    );
    const exe = spec.executables(dir);
    if (!exe)
      throw new ToolDownloadError(`${spec.name} ${version}: installed to ${dir}, but its executable is missing`);
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    log.info(
      `${spec.name} ${version}${asked}: downloaded ${mb} MB in ${formatDuration(now() - started)}, ` +
        `SHA-256 verified against ${release.verifiedAgainst}; cached in ${dir}`,
    );
    return { name: spec.name, version, dir, ...exe, source: 'download' };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Puts a finished folder into the tool cache, laid out as tc.cacheDir lays it out
 * (`<cache>/<name>/<version>/<arch>` plus `<arch>.complete`, written last, which tc.find looks for).
 * tc.cacheDir copies file after file; for gcloud's ~30 000 files that took 24 s on the build machine,
 * where a rename takes no time. Across filesystems (EXDEV) tc.cacheDir does the copy.
 */
async function cacheFolder(
  root: string,
  name: string,
  version: string,
  arch: string,
  move: (from: string, to: string) => Promise<void> = rename,
): Promise<string> {
  const dest = path.join(process.env.RUNNER_TOOL_CACHE!, name, version, arch);
  await rm(`${dest}.complete`, { force: true });
  await rm(dest, { recursive: true, force: true });
  await mkdir(path.dirname(dest), { recursive: true });
  try {
    await move(root, dest);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    return tc.cacheDir(root, name, version, arch);
  }
  await writeFile(`${dest}.complete`, '');
  return dest;
}

/** Promise.all with at most `limit` running at once; the first failure wins once all started work ends. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.err;
  return results;
}
