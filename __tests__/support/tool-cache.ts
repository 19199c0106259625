/**
 * The runner tool cache in tests, one way everywhere:
 * - `cacheEntry`: an entry laid out as @actions/tool-cache lays it out (`<name>/<version>/<arch>` and
 *   `<arch>.complete`), for worlds that pre-seed the CLIs as a self-hosted runner image would;
 * - `seedGcloudTools`: the REAL gcloud of this machine (behind a wrapper that logs each call and its PID,
 *   then execs the SDK's gcloud, so the PID is gcloud's own), its gke-gcloud-auth-plugin and the SDK's kubectl;
 * - `seedEksctlTools`: the eksctl TEST STAND-IN and the SDK's kubectl;
 * - `useToolSandbox`: fresh RUNNER_TOOL_CACHE and RUNNER_TEMP folders for installer tests, with
 *   @actions/tool-cache's `::debug::` lines kept out of the test output.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
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

/** The folders of the current sandbox (read them inside tests and hooks: they change with `scope: 'each'`). */
export interface ToolSandbox {
  cacheDir: string;
  tempDir: string;
}

/**
 * Registers jest hooks giving each test (`each`) or the whole describe (`all`) fresh RUNNER_TOOL_CACHE and
 * RUNNER_TEMP folders in process.env (which @actions/tool-cache reads), removed afterwards; the variables
 * and stdout are restored when the file's tests end.
 */
export function useToolSandbox(scope: 'each' | 'all' = 'each'): ToolSandbox {
  const box: ToolSandbox = { cacheDir: '', tempDir: '' };
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const make = async () => {
    box.cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tool-cache-'));
    box.tempDir = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'));
    process.env.RUNNER_TOOL_CACHE = box.cacheDir;
    process.env.RUNNER_TEMP = box.tempDir;
  };
  const remove = async () => {
    await rm(box.cacheDir, { recursive: true, force: true });
    await rm(box.tempDir, { recursive: true, force: true });
  };
  beforeAll(() => {
    // @actions/tool-cache reports through core.debug, which writes `::debug::` lines to stdout.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
      typeof chunk === 'string' && chunk.startsWith('::debug::')
        ? true
        : stdoutWrite(chunk, ...rest)) as typeof process.stdout.write;
  });
  if (scope === 'each') {
    beforeEach(make);
    afterEach(remove);
  } else {
    beforeAll(make);
    afterAll(remove);
  }
  afterAll(() => {
    process.stdout.write = stdoutWrite;
    process.env.RUNNER_TOOL_CACHE = saved.cache;
    process.env.RUNNER_TEMP = saved.temp;
  });
  return box;
}
