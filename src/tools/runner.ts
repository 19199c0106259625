/**
 * `use-runner-tools`: gcloud and kubectl taken from the runner's own PATH instead of downloaded (hosted
 * ubuntu-latest ships both, ~150 MB that every apply would otherwise fetch again).
 *
 * PATH is scanned entry by entry for an executable file, as execvp does, without a shell. The runner's
 * tool is used as it is and its version logged:
 *
 * - gcloud: the SDK root is taken from where the executable resolves (`<root>/bin/gcloud`; a Debian
 *   package's /usr/bin/gcloud resolves into /usr/lib/google-cloud-sdk), and its version read from the
 *   SDK's `VERSION` file, so no Python process starts. Its gke-gcloud-auth-plugin is the SDK's own
 *   `bin/gke-gcloud-auth-plugin`, else the first on PATH; without either, install.ts installs the plugin
 *   alone, checksum-verified, into the tool cache.
 * - kubectl: its version from `kubectl version --client -o json` (no server is contacted).
 *
 * eksctl is never taken from the runner: no runner image installs it in a way whose checksum could be
 * checked. A tool that is not found (or is not what the version input asks for) is installed as without
 * this input, and a log line says why.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { execArgv } from '../exec.js';
import { errorMessage } from '../steps.js';
import { AUTH_PLUGIN } from './gcloud.js';
import type { InstalledTool } from './types.js';

/** The tools `use-runner-tools` may take from the runner. */
export const RUNNER_TOOLS = ['gcloud', 'kubectl'] as const;
export type RunnerToolName = (typeof RUNNER_TOOLS)[number];

export const isRunnerTool = (name: string): name is RunnerToolName =>
  (RUNNER_TOOLS as readonly string[]).includes(name);

/** The runner's tool, or why there is none to use. */
export type RunnerLookup = { tool: InstalledTool; found: string } | { missing: string };

/** How long `kubectl version --client` may take. */
const VERSION_TIMEOUT_MS = 30_000;

/**
 * The first executable file called `name` in `pathValue`'s entries, as execvp finds it. Relative and
 * empty entries (the working directory) are skipped: a checked-out repository must not supply the tool.
 */
export function findOnPath(name: string, pathValue: string): string | undefined {
  for (const dir of pathValue.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const file = path.join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not there, or not executable: the next entry
    }
  }
  return undefined;
}

/** gcloud on PATH, as an SDK: its root, its version (from `VERSION`) and its auth plugin when it has one. */
export function gcloudOnRunner(pathValue: string): RunnerLookup {
  const found = findOnPath('gcloud', pathValue);
  if (!found) return { missing: 'no gcloud on PATH' };
  const real = realpathSync(found);
  if (path.basename(real) !== 'gcloud' || path.basename(path.dirname(real)) !== 'bin') {
    return { missing: `${found} resolves to ${real}, not an SDK's bin/gcloud` };
  }
  const root = path.dirname(path.dirname(real));
  let version: string;
  try {
    version = readFileSync(path.join(root, 'VERSION'), 'utf8').trim();
  } catch {
    return { missing: `${found} is in ${root}, which has no VERSION file` };
  }
  if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(version)) {
    return { missing: `${path.join(root, 'VERSION')} holds ${JSON.stringify(version.slice(0, 40))}, not a version` };
  }
  const ownPlugin = path.join(root, 'bin', AUTH_PLUGIN);
  const authPlugin = findOnPath(AUTH_PLUGIN, path.join(root, 'bin')) ? ownPlugin : findOnPath(AUTH_PLUGIN, pathValue);
  return {
    tool: {
      name: 'gcloud',
      version,
      dir: root,
      bin: path.join(root, 'bin', 'gcloud'),
      ...(authPlugin ? { authPlugin, authPluginSource: 'runner' as const } : {}),
      source: 'runner',
    },
    found,
  };
}

/** kubectl on PATH, with the version it reports for itself. */
export async function kubectlOnRunner(pathValue: string, signal?: AbortSignal): Promise<RunnerLookup> {
  const found = findOnPath('kubectl', pathValue);
  if (!found) return { missing: 'no kubectl on PATH' };
  let gitVersion: unknown;
  try {
    const out = await execArgv([found, 'version', '--client', '-o', 'json'], {
      silent: true,
      signal,
      timeoutMs: VERSION_TIMEOUT_MS,
    });
    gitVersion = (JSON.parse(out.stdout) as { clientVersion?: { gitVersion?: unknown } }).clientVersion?.gitVersion;
  } catch (err) {
    return { missing: `\`${found} version --client -o json\` failed (${errorMessage(err).split('\n')[0]})` };
  }
  const m = typeof gitVersion === 'string' ? /^v?(1\.[0-9]+\.[0-9]+\S*)$/.exec(gitVersion) : null;
  if (!m) return { missing: `${found} reports no kubectl version (clientVersion.gitVersion: ${String(gitVersion)})` };
  return { tool: { name: 'kubectl', version: m[1]!, dir: path.dirname(found), bin: found, source: 'runner' }, found };
}

export function lookOnRunner(name: RunnerToolName, pathValue: string, signal?: AbortSignal): Promise<RunnerLookup> {
  return name === 'gcloud' ? Promise.resolve(gcloudOnRunner(pathValue)) : kubectlOnRunner(pathValue, signal);
}

/** `1.32.4` of `1.32.4-dispatcher`: what a version input is compared with. */
export const releaseOf = (version: string): string => /^[0-9]+\.[0-9]+\.[0-9]+/.exec(version)?.[0] ?? version;
