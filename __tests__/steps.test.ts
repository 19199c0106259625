/** The one step runner both provider flows share. */
import { describe, expect, it } from '@jest/globals';
import { memoryLogger } from '../src/log.js';
import {
  CancelledError,
  DONE_MEANWHILE,
  type RunnerDeps,
  type Step,
  StepFailedError,
  isTransientCliFailure,
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
        ran.push([...argv]);
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
    expect(ran).toEqual([
      ['tool', 'a'],
      ['tool', 'b'],
    ]);
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

  it('bounds a run function by the step’s timeoutMs, as an argv step is, and aborts the signal it gave the run', async () => {
    const { d } = deps();
    let given: AbortSignal | undefined;
    const steps: Step<undefined>[] = [
      {
        id: 'kubeconfig',
        description: 'K',
        timeoutMs: 20,
        run: (_ctx, _spec, signal) => ((given = signal), new Promise<never>(() => undefined)),
      },
      { id: 'next', description: 'N', run: async () => 'never' },
    ];
    const err = await runSteps(steps, undefined, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailedError);
    expect((err as Error).message).toBe("step 'kubeconfig' (K) failed: timed out after 0s");
    expect((err as StepFailedError).records.map((r) => r.status)).toEqual(['failed', 'planned']);
    expect(given?.aborted).toBe(true);
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

describe('a CLI step that failed for a passing reason', () => {
  /** A CLI step whose exec fails with each of `failures` in turn, then succeeds; its probe never finds it done. */
  function flaky(failures: string[], opts: { argv?: string[]; probe?: boolean } = {}) {
    const waits: number[] = [];
    let calls = 0;
    const { d, log } = deps({
      exec: async () => {
        const failure = failures[calls++];
        if (failure) throw new Error(`gcloud exited with code 1: ${failure}`);
      },
      cliRetry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    });
    const step: Step<undefined> = {
      id: 'cluster',
      description: 'create the cluster',
      argv: opts.argv ?? ['/cache/gcloud/bin/gcloud', 'container', 'clusters', 'create', 'gitpod'],
      ...(opts.probe === false ? {} : { probe: async () => ({ done: false, detail: 'absent' }) }),
    };
    return { run: () => runSteps([step], undefined, d), waits, log, calls: () => calls };
  }

  it('is run again after a backoff when its probe shows nothing was done, and then counts as done', async () => {
    const f = flaky([
      'ERROR: (gcloud.container.clusters.create) ResponseError: code=503, message=unavailable',
      'ERROR: (gcloud.container.clusters.create) ResponseError: code=429, message=slow down',
    ]);
    const records = await f.run();
    expect(records[0]!.status).toBe('done');
    expect(f.calls()).toBe(3);
    expect(f.waits).toEqual([7_500, 15_000]);
    expect(f.log.lines.filter((l) => l.includes('running it again'))).toEqual([
      '… cluster: gcloud failed for a passing reason and nothing was done; running it again in 8s (attempt 2 of 3)',
      '… cluster: gcloud failed for a passing reason and nothing was done; running it again in 15s (attempt 3 of 3)',
    ]);
  });

  it('gives up after its attempts, with the CLI’s last message', async () => {
    const f = flaky(Array(5).fill('ERROR: (gcloud.iam.service-accounts.create) RESOURCE_EXHAUSTED: rate'));
    const err = await f.run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailedError);
    expect((err as Error).message).toContain('RESOURCE_EXHAUSTED: rate');
    expect(f.calls()).toBe(3);
  });

  it('is not run again for a permanent failure, nor without a probe to show nothing was done', async () => {
    const permanent = flaky(['ERROR: (gcloud.container.clusters.create) ResponseError: code=400, message=bad version']);
    await expect(permanent.run()).rejects.toBeInstanceOf(StepFailedError);
    expect(permanent.calls()).toBe(1);
    const unprobed = flaky(['ResponseError: code=503, message=unavailable'], { probe: false });
    await expect(unprobed.run()).rejects.toBeInstanceOf(StepFailedError);
    expect(unprobed.calls()).toBe(1);
    expect([...permanent.waits, ...unprobed.waits]).toEqual([]);
  });

  it('is run again too when its run function starts the CLI (a node-pool step), after the probe said what is left', async () => {
    const waits: number[] = [];
    const runs: string[] = [];
    const seen: string[] = [];
    let probes = 0;
    const { d } = deps({ cliRetry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 } });
    const step: Step<{ todo: string }> = {
      id: 'services-pool',
      description: 'node pool',
      argv: ['gcloud', 'container', 'node-pools', 'create', 'workload-services'],
      // First probe: absent; the second (after the failed create): it exists, with the wrong labels.
      probe: async (c) => ((c.todo = ++probes === 1 ? 'create' : 'relabel'), { done: false, detail: c.todo }),
      run: async (c) => {
        seen.push(c.todo);
        runs.push(c.todo);
        if (runs.length === 1) {
          throw new Error('ERROR: (gcloud.container.node-pools.create) ResponseError: code=503, message=unavailable');
        }
        return `${c.todo} done`;
      },
    };
    const records = await runSteps([step], { todo: '' }, d);
    expect(records[0]).toMatchObject({ status: 'done', detail: 'relabel done' });
    expect(seen).toEqual(['create', 'relabel']);
    expect(waits).toEqual([7_500]);
  });

  it('knows each tool’s transient failures from the table, and only its own', () => {
    const cases: [string, string, boolean][] = [
      ['gcloud', 'ResponseError: code=502, message=bad gateway', true],
      ['gcloud', '(gcloud.iam.service-accounts.create) UNAVAILABLE: try later', true],
      ['gcloud', 'ResponseError: code=403, message=QUOTA_EXCEEDED', false],
      [
        'gcloud',
        'ResponseError: code=400, message=Cluster is running incompatible operation operation-1-2. Please wait and try again.',
        true,
      ],
      [
        'gcloud',
        'ResponseError: code=400, message=Operation operation-9 is currently creating node pool a. Please wait and try again once it is done.',
        true,
      ],
      ['gcloud', 'ResponseError: code=400, message=Node pool names must be unique.', false],
      ['eksctl', 'ThrottlingException: Rate exceeded', true],
      ['eksctl', 'AlreadyExistsException: Stack [x] already exists', false],
      ['kubectl', 'ResponseError: code=503', false],
    ];
    for (const [tool, message, transient] of cases) {
      expect([tool, message, isTransientCliFailure([`/bin/${tool}`], new Error(message))]).toEqual([
        tool,
        message,
        transient,
      ]);
    }
  });
});

describe('steps sharing a `concurrent` key', () => {
  /** A step whose run waits until `gate` opens, so the test sees who started before whom. */
  const gated = (id: string, started: string[], gate: Promise<void>, fail = false): Step<object> => ({
    id,
    description: id.toUpperCase(),
    concurrent: 'pools',
    probe: async () => ({ done: false }),
    run: async (_c, _s, _signal, log) => {
      started.push(id);
      log.info(`working on ${id}`);
      await gate;
      if (fail) throw new Error(`${id} broke`);
      return `${id} made`;
    },
  });

  it('start together, in one log group, each line led by its step; the next step waits for all of them', async () => {
    const { d, log } = deps();
    const started: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const after: Step<object> = { id: 'after', description: 'AFTER', run: async () => void started.push('after') };
    const running = runSteps([gated('a', started, gate), gated('b', started, gate), after], {}, d);
    // Both have started while neither can finish: neither waited for the other.
    for (let i = 0; i < 50 && started.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['a', 'b']);
    open();
    const records = await running;
    expect(started).toEqual(['a', 'b', 'after']);
    expect(records.map((r) => [r.id, r.status, r.detail])).toEqual([
      ['a', 'done', 'a made'],
      ['b', 'done', 'b made'],
      ['after', 'done', undefined],
    ]);
    expect(log.lines).toContain('[group] a + b: at the same time');
    expect(log.lines).toContain('[a] working on a');
    expect(log.lines).toContain('[b] working on b');
    expect(log.lines).toContain('[group] after: AFTER');
  });

  it('are all probed before any of them runs: a probe never sees the run of a step beside it', async () => {
    const { d } = deps();
    const events: string[] = [];
    const step = (id: string, delay: number): Step<object> => ({
      id,
      description: id,
      concurrent: 'pools',
      probe: async () => {
        await new Promise((r) => setTimeout(r, delay));
        events.push(`probe ${id}`);
        return { done: false };
      },
      run: async () => void events.push(`run ${id}`),
    });
    await runSteps([step('a', 0), step('b', 30)], {}, d);
    expect(events.slice(0, 2).sort()).toEqual(['probe a', 'probe b']);
    expect(events.slice(2).sort()).toEqual(['run a', 'run b']);
  });

  it('a failure among them lets the others finish, then stops the flow naming the failed step', async () => {
    const { d } = deps();
    const started: string[] = [];
    const after: Step<object> = { id: 'after', description: 'AFTER', run: async () => void started.push('after') };
    const err = await runSteps(
      [gated('a', started, Promise.resolve(), true), gated('b', started, Promise.resolve()), after],
      {},
      d,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailedError);
    expect((err as StepFailedError).step.id).toBe('a');
    expect((err as StepFailedError).records.map((r) => [r.id, r.status])).toEqual([
      ['a', 'failed'],
      ['b', 'done'],
      ['after', 'planned'],
    ]);
    expect(started).toEqual(['a', 'b']);
  });

  it('an argv step among them runs its CLI with the step-led log', async () => {
    const logs: string[] = [];
    const { d } = deps({
      exec: async (argv, o) => {
        o.log.info(`ran ${argv.join(' ')}`);
        logs.push(argv.join(' '));
      },
    });
    const steps: Step<object>[] = [
      { id: 'x', description: 'X', argv: ['tool', 'x'], concurrent: 'k' },
      { id: 'y', description: 'Y', argv: ['tool', 'y'], concurrent: 'k' },
    ];
    await runSteps(steps, {}, d);
    expect(logs.sort()).toEqual(['tool x', 'tool y']);
    expect((d.log as ReturnType<typeof memoryLogger>).lines).toEqual(
      expect.arrayContaining(['[x] ran tool x', '[y] ran tool y']),
    );
  });
});
