/** The one way the action starts a process: argv only, streamed, redacted, killable. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExecError, execArgv, killAllNow } from '../src/exec.js';
import { clearSecrets, memoryLogger, registerSecret } from '../src/log.js';

afterEach(() => clearSecrets());

describe('execArgv', () => {
  it('passes arguments verbatim, with no shell in between', async () => {
    const hostile = '$(touch /tmp/pwned); `id` && echo "x" | cat; *';
    const res = await execArgv([
      process.execPath,
      '-e',
      'process.stdout.write(JSON.stringify(process.argv.slice(1)))',
      hostile,
    ]);
    expect(JSON.parse(res.stdout)).toEqual([hostile]);
  });

  it('streams output lines to the logger with secrets redacted', async () => {
    registerSecret('super-secret-token');
    const log = memoryLogger();
    await execArgv(
      [process.execPath, '-e', 'console.log("one"); console.error("token=super-secret-token"); console.log("two")'],
      { log },
    );
    expect(log.lines).toEqual(expect.arrayContaining(['one', 'two', 'token=***']));
    expect(log.lines.join('\n')).not.toContain('super-secret-token');
  });

  it('turns a non-zero exit into one line with the last stderr lines', async () => {
    const err = await execArgv([
      process.execPath,
      '-e',
      'console.error("ERROR: (gcloud) quota exceeded"); process.exit(3)',
    ]).catch((e) => e);
    expect(err).toBeInstanceOf(ExecError);
    expect((err as Error).message).toMatch(/exited with code 3: ERROR: \(gcloud\) quota exceeded$/);
  });

  it('names a missing tool', async () => {
    await expect(execArgv(['no-such-tool-xyz', 'x'])).rejects.toThrow('no-such-tool-xyz was not found on PATH');
  });

  it('kills the process group on cancellation', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = execArgv([process.execPath, '-e', 'setInterval(() => {}, 1000)'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(run).rejects.toThrow(/cancelled$/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('kills a process that outlives its timeout', async () => {
    await expect(execArgv([process.execPath, '-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 100 })).rejects.toThrow(
      /timed out after 0.1s$/,
    );
  });

  it('feeds stdin', async () => {
    const res = await execArgv([process.execPath, '-e', 'process.stdin.pipe(process.stdout)'], { input: 'hello' });
    expect(res.stdout).toBe('hello');
  });
});

/** Running, not a zombie (an orphan nobody reaped runs nothing; this machine's PID 1 does not reap). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * A process and a child it starts in its group, both ignoring SIGTERM when told; the child writes its PID
 * to `ready` once its handler is in place.
 */
const family = (ready: string, ignoreTerm: { parent: boolean; child: boolean }) => {
  const ignore = "process.on('SIGTERM', () => {});";
  const child = `${ignoreTerm.child ? ignore : ''} require('node:fs').writeFileSync(${JSON.stringify(ready)}, String(process.pid)); setInterval(() => {}, 1e9);`;
  return [
    process.execPath,
    '-e',
    `${ignoreTerm.parent ? ignore : ''} require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'ignore' }); setInterval(() => {}, 1e9);`,
  ];
};

async function readyPid(file: string): Promise<number> {
  const pid = () => (existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0);
  for (let i = 0; i < 400 && !pid(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!pid()) throw new Error('the child never said it was ready');
  return pid();
}

describe('execArgv on cancellation: the whole group, nothing left behind', () => {
  it('SIGKILLs what is left of the group (a child that ignored SIGTERM) as soon as the process itself ended', async () => {
    const controller = new AbortController();
    const ready = path.join(mkdtempSync(path.join(os.tmpdir(), 'exec-')), 'child.pid');
    const run = execArgv(family(ready, { parent: false, child: true }), { signal: controller.signal });
    const child = await readyPid(ready);
    expect(running(child)).toBe(true);
    controller.abort();
    await expect(run).rejects.toThrow(/cancelled$/);
    for (let i = 0; i < 100 && running(child); i++) await new Promise((r) => setTimeout(r, 50));
    expect(running(child)).toBe(false);
  });

  it('killAllNow SIGKILLs a group that ignores SIGTERM at once, without waiting for the grace', async () => {
    const controller = new AbortController();
    const ready = path.join(mkdtempSync(path.join(os.tmpdir(), 'exec-')), 'child.pid');
    const run = execArgv(family(ready, { parent: true, child: true }), {
      signal: controller.signal,
      killGraceMs: 60_000,
    });
    const child = await readyPid(ready);
    controller.abort(); // SIGTERM: ignored by both
    await new Promise((r) => setTimeout(r, 200));
    expect(running(child)).toBe(true);
    expect(killAllNow()).toBe(1);
    await expect(run).rejects.toThrow(/cancelled$/);
    for (let i = 0; i < 100 && running(child); i++) await new Promise((r) => setTimeout(r, 50));
    expect(running(child)).toBe(false);
    expect(killAllNow()).toBe(0);
  });
});
