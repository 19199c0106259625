/**
 * The one way this action starts a process: an argv array, never a shell. Output is streamed to the
 * logger line by line (redacted), the process group is killed on cancellation or timeout, and a
 * non-zero exit becomes an ExecError that carries the last lines of stderr.
 *
 * Each process runs in a group of its own (detached), so the runner's signal, sent to this process only,
 * never reaches it directly: on cancellation this module sends the group SIGTERM, then SIGKILL after
 * CANCEL_KILL_GRACE_MS (before the runner's own SIGTERM, 7.5 s after its SIGINT); `killAllNow` (a second
 * signal) and this process's exit SIGKILL every group still running, so nothing it started outlives it.
 */
import { spawn } from 'node:child_process';
import type { Logger } from './log.js';
import { redact } from './log.js';

export interface ExecOptions {
  log?: Logger;
  /** Extra environment on top of process.env. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Written to stdin, then closed. */
  input?: string;
  /** Do not stream output to the logger (it is still returned). */
  silent?: boolean;
  /** Grace between SIGTERM and SIGKILL (default: 5 s on cancellation, 10 s on timeout). */
  killGraceMs?: number;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class ExecError extends Error {
  constructor(
    message: string,
    readonly result?: ExecResult,
  ) {
    super(message);
    this.name = 'ExecError';
  }
}

const TAIL_LINES = 6;

/** On cancellation: SIGKILL this long after SIGTERM, well before the runner's SIGTERM at 7.5 s. */
export const CANCEL_KILL_GRACE_MS = 5_000;
const TIMEOUT_KILL_GRACE_MS = 10_000;

/** The process groups of the processes still running, each with its kill-now. */
const running = new Map<number, () => void>();

/** SIGKILLs every process group this module started that is still running; returns how many. */
export function killAllNow(): number {
  const n = running.size;
  for (const kill of [...running.values()]) kill();
  return n;
}

/** The last resort, while any group runs: however this process ends, the groups it started end with it. */
function track(pid: number, kill: () => void): () => void {
  if (!running.size) process.on('exit', killAllNow);
  running.set(pid, kill);
  return () => {
    running.delete(pid);
    if (!running.size) process.off('exit', killAllNow);
  };
}

function tail(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(-TAIL_LINES).join(' | ');
}

export function execArgv(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const [file, ...args] = argv;
  if (!file) return Promise.reject(new ExecError('empty argv'));
  const log = opts.log;
  return new Promise<ExecResult>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new ExecError(`${file} not started: cancelled`));
      return;
    }
    const child = spawn(file, args, {
      shell: false,
      detached: true,
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killedFor: string | undefined;
    const partial = { out: '', err: '' };
    const emit = (which: 'out' | 'err', chunk: string) => {
      if (opts.silent || !log) return;
      const text = partial[which] + chunk;
      const lines = text.split('\n');
      partial[which] = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log.info(redact(line));
    };
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      emit('out', c);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      emit('err', c);
    });

    let closed = false;
    const pid = child.pid;
    // The group, not just the child: a CLI's own children (gcloud's, eksctl's) must not outlive it.
    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        if (pid) process.kill(-pid, sig);
      } catch {
        if (!closed) child.kill(sig);
      }
    };
    const untrack = pid ? track(pid, () => signalGroup('SIGKILL')) : () => undefined;
    const killGroup = (why: string) => {
      if (killedFor || closed) return;
      killedFor = why;
      signalGroup('SIGTERM');
      const grace = opts.killGraceMs ?? (why === 'cancelled' ? CANCEL_KILL_GRACE_MS : TIMEOUT_KILL_GRACE_MS);
      setTimeout(() => !closed && signalGroup('SIGKILL'), grace).unref();
    };
    const onAbort = () => killGroup('cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = opts.timeoutMs
      ? setTimeout(() => killGroup(`timed out after ${opts.timeoutMs! / 1000}s`), opts.timeoutMs)
      : undefined;

    child.on('error', (err: NodeJS.ErrnoException) => {
      closed = true;
      untrack();
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      const why = err.code === 'ENOENT' ? `${file} was not found on PATH` : err.message;
      reject(new ExecError(redact(why)));
    });
    child.on('close', (code, sig) => {
      // What is left of a group that was told to stop (a child that ignored SIGTERM) goes with it.
      if (killedFor) signalGroup('SIGKILL');
      closed = true;
      untrack();
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      for (const which of ['out', 'err'] as const) if (partial[which]) emit(which, '\n');
      const result: ExecResult = { code: code ?? -1, stdout, stderr };
      if (killedFor) {
        reject(new ExecError(`${file} ${killedFor}`, result));
      } else if (code !== 0) {
        const detail = tail(stderr) || tail(stdout);
        const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
        reject(new ExecError(redact(`${file} ${how}${detail ? `: ${detail}` : ''}`), result));
      } else {
        resolve(result);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
