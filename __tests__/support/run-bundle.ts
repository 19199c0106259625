/**
 * Runs the committed bundle the way a runner does: `node dist/index.js` from a copy of the action that has
 * action.yml and dist/ but no node_modules, inputs in INPUT_* variables, outputs, environment and job summary
 * through the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY files.
 *
 * `TEST_DIST_DIR` may point at another bundle (a build of work in progress); CI always runs dist/.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** The bundle under test. */
export const distDir = (): string => process.env.TEST_DIST_DIR ?? path.join(root, 'dist');

/** A copy of the action as a workflow sees it: action.yml, dist/, no node_modules. */
export function checkout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'action-'));
  cpSync(distDir(), path.join(dir, 'dist'), { recursive: true });
  cpSync(path.join(root, 'action.yml'), path.join(dir, 'action.yml'));
  return dir;
}

/**
 * Once a run has ended its checkout's copy of dist/ (32 MB) goes; the runner's files (outputs, summary …)
 * stay readable. Jest ends its workers without an exit event, so nothing later would remove it.
 */
function dropBundle(dir: string): void {
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
}

/** Parses the GITHUB_OUTPUT / GITHUB_ENV file format (name<<delimiter … delimiter). */
export function readCommandFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (i + 1 < lines.length && lines[++i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** One run's files, readable while the run goes on and after it ended. */
export interface RunFiles {
  /** The action's checkout (cwd of the run). */
  dir: string;
  outputFile: string;
  envFile: string;
  summaryFile: string;
  pathFile: string;
  outputs(): Record<string, string>;
  exported(): Record<string, string>;
  summary(): string;
}

export interface BundleRun extends RunFiles {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runFiles(dir: string): RunFiles {
  const files = {
    dir,
    outputFile: path.join(dir, 'github_output'),
    envFile: path.join(dir, 'github_env'),
    summaryFile: path.join(dir, 'step_summary'),
    pathFile: path.join(dir, 'github_path'),
  };
  for (const f of [files.outputFile, files.envFile, files.summaryFile, files.pathFile]) writeFileSync(f, '');
  return {
    ...files,
    outputs: () => readCommandFile(files.outputFile),
    exported: () => readCommandFile(files.envFile),
    summary: () => readFileSync(files.summaryFile, 'utf8'),
  };
}

/** The environment of a run: a runner's files, the inputs as INPUT_*, then `extraEnv` (which wins). */
function runEnv(files: RunFiles, inputs: Record<string, string>, extraEnv: Record<string, string>) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: files.dir,
    RUNNER_TEMP: path.join(files.dir, 'tmp'),
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_ENV: files.envFile,
    GITHUB_PATH: files.pathFile,
    GITHUB_STEP_SUMMARY: files.summaryFile,
  };
  mkdirSync(env.RUNNER_TEMP!, { recursive: true });
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { ...env, ...extraEnv };
}

/** Runs the bundle to its end (synchronously: for runs that need no server in this process). */
export function runActionSync(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  timeoutMs = 60_000,
): BundleRun {
  const files = runFiles(checkout());
  const res = spawnSync(process.execPath, [path.join(files.dir, 'dist', 'index.js')], {
    cwd: files.dir,
    env: runEnv(files, inputs, extraEnv),
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  dropBundle(files.dir);
  return { ...files, status: res.status, signal: res.signal, stdout: res.stdout, stderr: res.stderr };
}

/** A run in progress: its output so far, a way to signal it, and its end. */
export interface RunningAction extends RunFiles {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when a line of stdout matches (rejects when the run ends first or `timeoutMs` passes). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  done: Promise<BundleRun>;
}

/** Starts the bundle without waiting: for runs against loopback fakes served by this process, or to signal. */
export function startAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): RunningAction {
  const files = runFiles(checkout());
  const child = spawn(process.execPath, [path.join(files.dir, 'dist', 'index.js')], {
    cwd: files.dir,
    env: runEnv(files, inputs, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of waiters) w();
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<BundleRun>((resolve) => {
    child.on('close', (status, signal) => {
      dropBundle(files.dir);
      for (const w of waiters) w();
      resolve({ ...files, status, signal, stdout: out, stderr: err });
    });
  });
  let ended = false;
  void done.then(() => (ended = true));
  return {
    ...files,
    child,
    stdout: () => out,
    stderr: () => err,
    done,
    waitForLine(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = out.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) finish(() => resolve(line));
          else if (ended || child.exitCode !== null)
            finish(() => reject(new Error(`the run ended before a line matched ${pattern}:\n${out}\n${err}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no line matched ${pattern} within ${timeoutMs} ms:\n${out}`))),
          timeoutMs,
        );
        const finish = (then: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          then();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Runs the bundle to its end without blocking this process's event loop (the fakes live here). */
export function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<BundleRun> {
  return startAction(inputs, extraEnv).done;
}
