/** The one step runner both provider flows share. */
import { describe, expect, it } from '@jest/globals';
import { memoryLogger } from '../src/log.js';
import {
  CancelledError,
  DONE_MEANWHILE,
  type RunnerDeps,
  type Step,
  StepFailedError,
  runSteps,
  shellQuote,
  stepsMarkdown,
  withActions,
} from '../src/steps.js';

function deps(over: Partial<RunnerDeps> = {}) {
  const log = memoryLogger();
  const ran: string[][] = [];
  const d: RunnerDeps = {
    log,
    signal: new AbortController().signal,
    group: async (name, fn) => {
      log.info(`[group] ${name}`);
      return fn();
    },
    exec: async (argv) => {
      ran.push([...argv]);
    },
    ...over,
  };
  return { d, log, ran };
}

describe('runSteps', () => {
  it('skips what its probe reports done and runs the rest, in order', async () => {
    const { d, ran } = deps();
    const steps: Step<{ exists: Set<string> }>[] = [
      {
        id: 'a',
        description: 'A',
        argv: ['tool', 'a'],
        probe: async (c) => ({ done: c.exists.has('a'), detail: 'a exists' }),
      },
      { id: 'b', description: 'B', argv: ['tool', 'b'], probe: async (c) => ({ done: c.exists.has('b') }) },
      { id: 'c', description: 'C', run: async () => 'made c' },
    ];
    const records = await runSteps(steps, { exists: new Set(['a']) }, d);
    expect(records.map((r) => [r.id, r.status, r.detail])).toEqual([
      ['a', 'skipped', 'a exists'],
      ['b', 'done', undefined],
      ['c', 'done', 'made c'],
    ]);
    expect(ran).toEqual([['tool', 'b']]);
  });

  it('stops at the first failure, names the step, and keeps every record', async () => {
    const updates: string[][] = [];
    const { d, ran } = deps({
      exec: async (argv) => {
        if (argv[1] === 'b') throw new Error('quota exceeded\nfor CPUS');
      },
      onUpdate: (r) => updates.push(r.map((x) => x.status)),
    });
    const steps: Step<undefined>[] = [
      { id: 'a', description: 'A', argv: ['tool', 'a'] },
      { id: 'b', description: 'B', argv: ['tool', 'b'] },
      { id: 'c', description: 'C', argv: ['tool', 'c'] },
    ];
    const err = await runSteps(steps, undefined, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailedError);
    expect((err as Error).message).toBe("step 'b' (B) failed: quota exceeded for CPUS");
    expect((err as StepFailedError).records.map((r) => r.status)).toEqual(['done', 'failed', 'planned']);
    expect(updates.at(-1)).toEqual(['done', 'failed', 'planned']);
    expect(ran).toEqual([]);
  });

  it('stops before the next step when cancelled, reporting what was done', async () => {
    const controller = new AbortController();
    const { d } = deps({ signal: controller.signal });
    const steps: Step<undefined>[] = [
      { id: 'a', description: 'A', run: async () => void controller.abort() },
      { id: 'b', description: 'B', run: async () => 'never' },
    ];
    const err = (await runSteps(steps, undefined, d).catch((e: unknown) => e)) as CancelledError;
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.records.map((r) => r.status)).toEqual(['done', 'planned']);
  });

  it('counts a step whose run failed as done when a second probe finds another run did it meanwhile', async () => {
    // Two applies on one cluster: both probed "absent", the other run's create won, this one's got ALREADY_EXISTS.
    const made = new Set<string>();
    let probes = 0;
    const { d, log, ran } = deps({
      exec: async (argv) => {
        ran.push([...argv]);
        if (argv[1] === 'sa') {
          made.add('sa'); // the other run's create lands first …
          throw new Error('ERROR: (gcloud.iam.service-accounts.create) Service account sa already exists');
        }
      },
    });
    const steps: Step<undefined>[] = [
      {
        id: 'sa',
        description: 'SA',
        argv: ['tool', 'sa'],
        probe: async () => (probes++, made.has('sa') ? { done: true, detail: 'sa exists' } : { done: false }),
      },
      { id: 'next', description: 'Next', argv: ['tool', 'next'] },
    ];
    const records = await runSteps(steps, undefined, d);
    expect(records.map((r) => [r.id, r.status, r.detail])).toEqual([
      ['sa', 'done', `${DONE_MEANWHILE}: sa exists`],
      ['next', 'done', undefined],
    ]);
    expect(probes).toBe(2);
    expect(ran).toEqual([
      ['tool', 'sa'],
      ['tool', 'next'],
    ]);
    expect(log.lines).toContain('✓ done by another run meanwhile: sa exists');
    expect(log.lines.some((l) => /^… sa failed \(.*already exists\); probing once more/.test(l))).toBe(true);
  });

  it('keeps the run’s own error when the second probe finds the step still not done, or fails itself', async () => {
    for (const second of [async () => ({ done: false }), async () => Promise.reject(new Error('probe 503'))]) {
      let probes = 0;
      const { d, log } = deps({
        exec: async () => {
          throw new Error('quota exceeded');
        },
      });
      const steps: Step<undefined>[] = [
        {
          id: 'a',
          description: 'A',
          argv: ['tool', 'a'],
          probe: () => (++probes === 1 ? Promise.resolve({ done: false }) : second()),
        },
      ];
      const err = await runSteps(steps, undefined, d).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StepFailedError);
      expect((err as Error).message).toBe("step 'a' (A) failed: quota exceeded");
      expect((err as StepFailedError).records[0]).toMatchObject({ status: 'failed', detail: 'quota exceeded' });
      expect(probes).toBe(2);
      expect(log.lines.some((l) => l.startsWith('✓'))).toBe(false);
    }
  });

  it('does not probe again when the run failed because the run was cancelled', async () => {
    const controller = new AbortController();
    let probes = 0;
    const { d } = deps({
      signal: controller.signal,
      exec: async () => {
        controller.abort();
        throw new Error('gcloud cancelled');
      },
    });
    const steps: Step<undefined>[] = [
      { id: 'a', description: 'A', argv: ['tool', 'a'], probe: async () => ({ done: ++probes > 1 }) },
    ];
    const err = (await runSteps(steps, undefined, d).catch((e: unknown) => e)) as CancelledError;
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.records[0]).toMatchObject({ status: 'failed', detail: 'cancelled' });
    expect(probes).toBe(1);
  });

  it('writes a progress line while a long step runs', async () => {
    let t = 0;
    const { d, log } = deps({ heartbeatMs: 5, now: () => (t += 45_000) });
    const heartbeat = /^… cluster still running after \d+m\d\ds: create the cluster$/;
    const steps: Step<undefined>[] = [
      {
        id: 'cluster',
        description: 'create the cluster',
        // Runs until the heartbeat has written its line (or 5 s, so a missing heartbeat fails, never hangs).
        run: () =>
          new Promise((resolve) => {
            const started = Date.now();
            const poll = setInterval(() => {
              if (log.lines.some((l) => heartbeat.test(l)) || Date.now() - started > 5_000) {
                clearInterval(poll);
                resolve(undefined);
              }
            }, 2);
          }),
      },
    ];
    await runSteps(steps, undefined, d);
    expect(log.lines.some((l) => heartbeat.test(l))).toBe(true);
  });

  it('pairs each spec with its action by id', () => {
    const steps = withActions([{ id: 'x', description: 'X' }] as const, { x: { run: async () => 'ok' } });
    expect(steps[0]).toMatchObject({ id: 'x', description: 'X' });
    expect(typeof steps[0]!.run).toBe('function');
  });
});

describe('plan rendering', () => {
  it('quotes argv for display only where a shell would need it', () => {
    expect(shellQuote(['gcloud', '--node-labels=a=b,c=d', "it's", 'a b'])).toBe(
      `gcloud --node-labels=a=b,c=d 'it'\\''s' 'a b'`,
    );
  });

  it('renders a status table and every CLI call in full', () => {
    const md = stepsMarkdown([
      { id: 'a', description: 'A | pipe', argv: ['gcloud', 'x', '--flag=1'], status: 'skipped', detail: 'exists' },
      { id: 'b', description: 'B', api: 'IAM policy', status: 'failed', detail: 'denied' },
    ]);
    expect(md).toContain('| 1 | **a**<br/>A \\| pipe |');
    expect(md).toContain('⏭️ skipped: exists');
    expect(md).toContain('❌ failed: denied');
    expect(md).toContain('gcloud x \\\n    --flag=1');
  });
});
