/**
 * The shared retry policy (src/retry.ts) on its own, with an injected clock, sleep and jitter source: the
 * wait doubles and is jittered within [step/2, step], never exceeds its cap, honours a Retry-After within
 * that cap, the whole stops when the attempts or the time budget run out, a permanent error ends the call
 * at the first attempt, and a cancelled run stops during a wait at once.
 */
import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_RETRY,
  type RetryPolicy,
  type RetryVerdict,
  abortableSleep,
  afterAttempts,
  backoffDelay,
  isTransientStatus,
  parseRetryAfter,
  retryPolicy,
  withRetry,
} from '../src/retry.js';

/** A clock that only moves when the code under test sleeps, and a record of every wait. */
function fakeTime(start = 1_000_000) {
  const t = { now: start, sleeps: [] as number[] };
  const policy: Partial<RetryPolicy> = {
    now: () => t.now,
    sleep: async (ms: number) => {
      t.sleeps.push(ms);
      t.now += ms;
    },
  };
  return { t, policy };
}

/** Random numbers from a list, in turn (the jitter source). */
const randoms = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

class Transient extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('503 Service Unavailable');
  }
}
class Permanent extends Error {}

const classify = (err: unknown): RetryVerdict =>
  err instanceof Transient
    ? { transient: true, retryAfterMs: err.retryAfterMs, reason: err.message }
    : { transient: false, reason: String(err) };

/** A call that fails transiently `failures` times, then answers 'ok'; counts its attempts. */
function flaky(failures: number, err: () => Error = () => new Transient()) {
  const calls: number[] = [];
  const fn = async (attempt: number) => {
    calls.push(attempt);
    if (calls.length <= failures) throw err();
    return 'ok';
  };
  return { fn, calls };
}

describe('backoffDelay', () => {
  const policy = (over: Partial<RetryPolicy> = {}) => retryPolicy({ baseDelayMs: 1000, maxDelayMs: 30_000, ...over });

  it('doubles the step each attempt, the wait jittered within [step/2, step]', () => {
    for (const [attempt, step] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 8000],
      [5, 16_000],
    ] as const) {
      expect(backoffDelay(policy({ random: () => 0 }), attempt)).toBe(step / 2);
      expect(backoffDelay(policy({ random: () => 0.5 }), attempt)).toBe((step * 3) / 4);
      expect(backoffDelay(policy({ random: () => 0.999999 }), attempt)).toBe(step);
    }
  });

  it('spreads concurrent runs: many draws of Math.random all lie within [step/2, step], and they differ', () => {
    const draws = Array.from({ length: 200 }, () => backoffDelay(policy({ random: Math.random }), 3));
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
    expect(new Set(draws).size).toBeGreaterThan(10);
  });

  it('never waits longer than maxDelayMs, however many attempts came before (no NaN either)', () => {
    for (const attempt of [6, 10, 50, 2000]) {
      for (const r of [0, 0.5, 0.999999]) {
        const d = backoffDelay(policy({ random: () => r }), attempt);
        expect(d).toBeLessThanOrEqual(30_000);
        expect(d).toBeGreaterThanOrEqual(15_000);
      }
    }
    expect(backoffDelay(policy({ baseDelayMs: 0, random: () => 0.5 }), 5000)).toBe(0);
  });

  it('honours a Retry-After longer than the backoff, within the cap; a shorter one does not shorten the backoff', () => {
    const p = policy({ random: () => 0 });
    expect(backoffDelay(p, 1, 5_000)).toBe(5_000);
    expect(backoffDelay(p, 1, 120_000)).toBe(30_000);
    expect(backoffDelay(p, 3, 100)).toBe(2_000);
  });
});

describe('withRetry', () => {
  it('retries transient failures, waiting the doubling jittered backoff between attempts, then answers', async () => {
    const { t, policy } = fakeTime();
    const { fn, calls } = flaky(3);
    const seen: [number, number, string][] = [];
    const res = await withRetry(fn, {
      policy: { ...policy, attempts: 5, baseDelayMs: 1000, random: randoms(0, 0.5, 0.999999) },
      classify,
      onRetry: (r) => seen.push([r.attempt, r.delayMs, r.reason]),
    });
    expect(res).toBe('ok');
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(t.sleeps).toEqual([500, 1500, 4000]);
    expect(seen).toEqual([
      [1, 500, '503 Service Unavailable'],
      [2, 1500, '503 Service Unavailable'],
      [3, 4000, '503 Service Unavailable'],
    ]);
  });

  it('waits what Retry-After asks, but no longer than maxDelayMs', async () => {
    const { t, policy } = fakeTime();
    const { fn } = flaky(2, () => new Transient(t.sleeps.length ? 90_000 : 7_000));
    await withRetry(fn, { policy: { ...policy, baseDelayMs: 100, maxDelayMs: 20_000, random: () => 0 }, classify });
    expect(t.sleeps).toEqual([7_000, 20_000]);
  });

  it('gives up when the attempts run out, throwing what giveUp makes of the last error', async () => {
    const { t, policy } = fakeTime();
    const { fn, calls } = flaky(Infinity);
    const err = await withRetry(fn, {
      policy: { ...policy, attempts: 3 },
      classify,
      giveUp: (e, n) => new Error(`get it: ${(e as Error).message}${afterAttempts(n)}`),
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('get it: 503 Service Unavailable (after 3 attempts)');
    expect(calls).toEqual([1, 2, 3]);
    expect(t.sleeps).toHaveLength(2);
  });

  it('gives up when the next wait would end past maxElapsedMs: the waits stay within it', async () => {
    const { t, policy } = fakeTime();
    const started = t.now;
    const { fn, calls } = flaky(Infinity);
    // The jitter pinned at its low end, so each wait is exactly half its step and the one not started is 5 s.
    const p = {
      ...policy,
      attempts: 1000,
      baseDelayMs: 1000,
      maxDelayMs: 10_000,
      maxElapsedMs: 45_000,
      random: () => 0,
    };
    let attemptsMade = 0;
    const err = await withRetry(fn, {
      policy: p,
      classify,
      giveUp: (e, n) => ((attemptsMade = n), e),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Transient);
    const slept = t.sleeps.reduce((a, b) => a + b, 0);
    expect(slept).toBeLessThanOrEqual(45_000);
    expect(t.now - started).toBe(slept);
    expect(Math.max(...t.sleeps)).toBeLessThanOrEqual(10_000);
    // It stopped because of time, not attempts: far fewer than 1000, and each attempt is counted.
    expect(attemptsMade).toBe(calls.length);
    expect(attemptsMade).toBeLessThan(20);
    expect(attemptsMade).toBeGreaterThan(3);
    // The wait it did not start (half of the capped step) would have crossed the bound.
    expect(slept + 5_000).toBeGreaterThan(45_000);
  });

  it('counts the time the attempts themselves take against maxElapsedMs', async () => {
    const { t, policy } = fakeTime();
    const fn = async () => {
      t.now += 20_000; // each attempt hangs 20 s before failing
      throw new Transient();
    };
    let attemptsMade = 0;
    await withRetry(fn, {
      policy: { ...policy, attempts: 10, baseDelayMs: 1000, maxElapsedMs: 60_000, random: () => 0 },
      classify,
      giveUp: (e, n) => ((attemptsMade = n), e),
    }).catch(() => undefined);
    // 20 s, wait 0.5 s, 20 s, wait 1 s: the third attempt starts at 41.5 s and fails at 61.5 s; a fourth
    // would start past the 60 s bound, so no wait is begun.
    expect(attemptsMade).toBe(3);
    expect(t.sleeps).toEqual([500, 1000]);
  });

  it('throws a permanent error after exactly one attempt, the original error itself, without waiting', async () => {
    const { t, policy } = fakeTime();
    const original = new Permanent('403 PERMISSION_DENIED: no access');
    const { fn, calls } = flaky(1, () => original);
    await expect(withRetry(fn, { policy, classify })).rejects.toBe(original);
    expect(calls).toEqual([1]);
    expect(t.sleeps).toEqual([]);
  });

  it("throws giveUp's error for a permanent one, told it was attempt 1", async () => {
    const { t, policy } = fakeTime();
    const { fn } = flaky(1, () => new Permanent('400 INVALID_ARGUMENT: bad name'));
    const gaveUp: number[] = [];
    const err = await withRetry(fn, {
      policy,
      classify,
      giveUp: (e, n) => (gaveUp.push(n), new Error(`create it: ${(e as Error).message}${afterAttempts(n)}`)),
    }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toBe('create it: 400 INVALID_ARGUMENT: bad name');
    expect(gaveUp).toEqual([1]);
    expect(t.sleeps).toEqual([]);
  });

  it('a permanent error after transient ones ends the call at once', async () => {
    const { t, policy } = fakeTime();
    let n = 0;
    const fn = async () => {
      n++;
      throw n < 3 ? new Transient() : new Permanent('404');
    };
    await expect(withRetry(fn, { policy: { ...policy, attempts: 10 }, classify })).rejects.toBeInstanceOf(Permanent);
    expect(n).toBe(3);
    expect(t.sleeps).toHaveLength(2);
  });

  it('stops at once when the run is cancelled during a wait (real abortable sleep of a minute)', async () => {
    const controller = new AbortController();
    const { fn, calls } = flaky(Infinity);
    const waiting = withRetry(fn, {
      policy: { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000, sleep: abortableSleep },
      classify,
      signal: controller.signal,
      onRetry: () => setImmediate(() => controller.abort(new Error('the workflow run was cancelled'))),
    });
    await expect(waiting).rejects.toThrow('the workflow run was cancelled');
    expect(calls).toEqual([1]);
  });

  it('starts no further attempt once cancelled, even with an injected sleep that ignores the signal', async () => {
    const controller = new AbortController();
    const { fn, calls } = flaky(Infinity);
    const err = await withRetry(fn, {
      policy: { sleep: async () => controller.abort(new Error('cancelled')) },
      classify,
      signal: controller.signal,
    }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toBe('cancelled');
    expect(calls).toEqual([1]);
  });

  it('does not retry a failure that happens after the run was cancelled', async () => {
    const controller = new AbortController();
    const { t, policy } = fakeTime();
    const fn = async () => {
      controller.abort();
      throw new Transient();
    };
    await expect(withRetry(fn, { policy, classify, signal: controller.signal })).rejects.toBeInstanceOf(Transient);
    expect(t.sleeps).toEqual([]);
  });
});

describe('helpers', () => {
  it('retryPolicy: layers override the defaults in order, an undefined setting overrides nothing', () => {
    const sleep = async () => undefined;
    const p = retryPolicy({ attempts: 4, baseDelayMs: 500 }, { attempts: undefined, sleep, maxDelayMs: 9 });
    expect(p).toMatchObject({ attempts: 4, baseDelayMs: 500, maxDelayMs: 9, maxElapsedMs: DEFAULT_RETRY.maxElapsedMs });
    expect(p.sleep).toBe(sleep);
    expect(retryPolicy().sleep).toBe(abortableSleep);
  });

  it('parseRetryAfter: seconds, or an HTTP date relative to now; anything else is ignored', () => {
    const now = () => Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter(['3', '9'])).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    for (const bad of [undefined, null, '', 'soon', '1.5', '-5']) expect(parseRetryAfter(bad)).toBeUndefined();
  });

  it('isTransientStatus: 408, 429 and 5xx but 501', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isTransientStatus)).toBe(true);
    expect([undefined, 200, 400, 401, 403, 404, 409, 422, 501].some(isTransientStatus)).toBe(false);
  });

  it('afterAttempts names the attempts only when there was more than one', () => {
    expect(afterAttempts(1)).toBe('');
    expect(afterAttempts(4)).toBe(' (after 4 attempts)');
  });

  it('abortableSleep resolves after its time, and rejects at once with the reason when already aborted', async () => {
    await expect(abortableSleep(5)).resolves.toBeUndefined();
    const reason = new Error('already cancelled');
    await expect(abortableSleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
