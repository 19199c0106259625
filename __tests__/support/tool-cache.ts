/**
 * The runner tool cache in tests, one way everywhere:
 * - `cacheEntry`: an entry laid out as @actions/tool-cache lays it out (`<name>/<version>/<arch>` and
 *   `<arch>.complete`), for worlds that pre-seed the CLIs as a self-hosted runner image would;
 * - `seedGcloudTools`: the REAL gcloud of this machine (behind a wrapper that logs each call and its PID,
 *   then execs the SDK's gcloud, so the PID is gcloud's own), its gke-gcloud-auth-plugin and the SDK's kubectl;
 * - `seedEksctlTools`: the eksctl TEST STAND-IN and the SDK's kubectl;
 * (`useToolSandbox`, which registers jest hooks, lives in tool-sandbox.ts: this module is also compiled
 * into the benchmarks, which run outside jest.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EKSCTL_PINNED } from '../../src/tools/eksctl.js';
import { GCLOUD_PINNED } from '../../src/tools/gcloud.js';
import { KUBECTL_PINNED } from '../../src/tools/kubectl.js';

const EKSCTL_STAND_IN = new URL('../fakes/eksctl-stand-in.mjs', import.meta.url).pathname;

/** The real SDK root, from the gcloud on PATH. Throws (the test fails, never skips) when there is none. */
export function realSdkRoot(): string {
  let bin: string;
  try {
    bin = execFileSync('sh', ['-c', 'command -v gcloud'], { encoding: 'utf8' }).trim();
  } catch {
    bin = '';
  }
  if (!bin) throw new Error('gcloud is not on PATH: the GKE end-to-end tests need the real gcloud');
  return path.dirname(path.dirname(realpathSync(bin)));
}

/** A complete tool-cache entry; returns its folder, where the tool goes. */
export function cacheEntry(cache: string, name: string, version: string): string {
  const dir = path.join(cache, name, version, process.arch);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}.complete`, '');
  return dir;
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

export interface SeededGcloud {
  /** The counting gcloud wrapper in the cache. */
  gcloudBin: string;
  /** kubectl in the cache (the SDK's kubectl.1.33). */
  kubectlBin: string;
  /** gcloud processes started so far, each line its arguments. */
  gcloudCalls(): string[];
  /** Their PIDs, in the same order. */
  gcloudPids(): number[];
}

/** Seeds `cache` with the real gcloud (pinned version), its auth plugin and kubectl; logs go to `logDir`. */
export function seedGcloudTools(cache: string, logDir: string): SeededGcloud {
  const sdk = realSdkRoot();
  const calls = path.join(logDir, 'gcloud-calls.log');
  const pids = path.join(logDir, 'gcloud-pids.log');
  const gcloudDir = cacheEntry(cache, 'gcloud', GCLOUD_PINNED);
  mkdirSync(path.join(gcloudDir, 'bin'));
  const gcloudBin = path.join(gcloudDir, 'bin', 'gcloud');
  // `exec` keeps the PID: the one logged is gcloud's (the SDK's script execs Python in turn).
  writeFileSync(
    gcloudBin,
    `#!/bin/sh\necho "$*" >> '${calls}'\necho "$$" >> '${pids}'\nexec '${path.join(sdk, 'bin', 'gcloud')}' "$@"\n`,
    { mode: 0o755 },
  );
  symlinkSync(path.join(sdk, 'bin', 'gke-gcloud-auth-plugin'), path.join(gcloudDir, 'bin', 'gke-gcloud-auth-plugin'));
  const kubectlBin = path.join(cacheEntry(cache, 'kubectl', KUBECTL_PINNED), 'kubectl');
  symlinkSync(realKubectl(), kubectlBin);
  return {
    gcloudBin,
    kubectlBin,
    gcloudCalls: () => lines(calls),
    gcloudPids: () => lines(pids).map(Number),
  };
}

/** Seeds `cache` with the eksctl TEST STAND-IN (as the pinned eksctl) and the real SDK's kubectl. */
export function seedEksctlTools(cache: string): void {
  copyFileSync(EKSCTL_STAND_IN, path.join(cacheEntry(cache, 'eksctl', EKSCTL_PINNED), 'eksctl'));
  symlinkSync(realKubectl(), path.join(cacheEntry(cache, 'kubectl', KUBECTL_PINNED), 'kubectl'));
}

/** The newest kubectl build the SDK on PATH ships (kubectl.1.33 here; 1.34 once there is one). */
function realKubectl(): string {
  const sdk = realSdkRoot();
  const kubectl = ['kubectl.1.34', 'kubectl.1.33', 'kubectl'].map((k) => path.join(sdk, 'bin', k)).find(existsSync);
  if (!kubectl) throw new Error(`no kubectl in the SDK at ${sdk}`);
  return kubectl;
}
