/** The one way the action starts a process: argv only, streamed, redacted, killable. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ExecError, execArgv } from '../src/exec.js';
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
