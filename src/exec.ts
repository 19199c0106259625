/**
 * The one way this action starts a process: an argv array, never a shell. Output is streamed to the
 * logger line by line (redacted), the process group is killed on cancellation or timeout, and a
 * non-zero exit becomes an ExecError that carries the last lines of stderr.
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
  /** Grace between SIGTERM and SIGKILL. */
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

    const killGroup = (why: string) => {
      if (killedFor || child.exitCode !== null) return;
      killedFor = why;
      const pid = child.pid;
      const signal = (sig: NodeJS.Signals) => {
        try {
          if (pid) process.kill(-pid, sig);
        } catch {
          child.kill(sig);
        }
      };
      signal('SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) signal('SIGKILL');
      }, opts.killGraceMs ?? 10_000).unref();
    };
    const onAbort = () => killGroup('cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = opts.timeoutMs
      ? setTimeout(() => killGroup(`timed out after ${opts.timeoutMs! / 1000}s`), opts.timeoutMs)
      : undefined;

    child.on('error', (err: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      const why = err.code === 'ENOENT' ? `${file} was not found on PATH` : err.message;
      reject(new ExecError(redact(why)));
    });
    child.on('close', (code, sig) => {
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
