/**
 * The one retry policy of the action's own network calls (Kubernetes API, GCP REST, tool downloads):
 * exponential backoff with jitter, each wait capped, the whole bounded in time; a `Retry-After` the
 * server sends is honoured within those caps. What is not transient fails at once, with its own message.
 *
 * Cloud SDK clients (@google-cloud/container, the AWS SDK) keep their own retry strategies; their
 * settings live next to each client.
 */

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** The first wait before jitter; it doubles with every attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever the server asks for. */
  maxDelayMs: number;
  /** No retry starts when its wait would end later than this after the first attempt began. */
  maxElapsedMs: number;
  /** Injected so tests never wait in real time; must resolve early (or reject) when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1); injected so tests can pin the jitter. */
  random: () => number;
  now: () => number;
}

/** What the caller's classifier says about one failure. */
export interface RetryVerdict {
  transient: boolean;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  retryAfterMs?: number;
  /** For the log line ("503 Service Unavailable", "ECONNRESET"). */
  reason: string;
}

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  attempts: number;
  delayMs: number;
  reason: string;
  /** The failure itself, for a log line with the server's message. */
  error: unknown;
}

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  classify: (err: unknown) => RetryVerdict;
  /** Called before each wait: the place for one log line. */
  onRetry?: (info: RetryInfo) => void;
  /** Turns the last error into the one that is thrown (add what was tried, map statuses to advice). */
  giveUp?: (err: unknown, attempt: number) => unknown;
  signal?: AbortSignal;
}

/** Sleeps `ms`, or until `signal` aborts (then rejects with the signal's reason). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxElapsedMs: 120_000,
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
};

/**
 * The wait before attempt `attempt + 1`: half the exponential step plus a random half of it ("equal
 * jitter", so concurrent runs spread out but never retry at once), at least the server's Retry-After,
 * at most `maxDelayMs`.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  // The exponent is bounded so that a long run of attempts never computes 0 × Infinity (NaN).
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 40));
  const jittered = step / 2 + (policy.random() * step) / 2;
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** Runs `fn` until it succeeds, fails with what `classify` calls permanent, or the policy's budget runs out. */
/**
 * The policy in force: the defaults, overridden layer by layer (a client's own defaults, then the caller's);
 * a setting left undefined overrides nothing.
 */
export function retryPolicy(...layers: (Partial<RetryPolicy> | undefined)[]): RetryPolicy {
  const given = layers.map((l) => Object.fromEntries(Object.entries(l ?? {}).filter(([, v]) => v !== undefined)));
  return Object.assign({}, DEFAULT_RETRY, ...given) as RetryPolicy;
}

/** Runs `fn` until it succeeds, fails with what `classify` calls permanent, or the policy's budget runs out. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const policy = retryPolicy(opts.policy);
  const started = policy.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const verdict = opts.classify(err);
      if (!verdict.transient) throw opts.giveUp ? opts.giveUp(err, attempt) : err;
      const delayMs = backoffDelay(policy, attempt, verdict.retryAfterMs);
      const outOfBudget = attempt >= policy.attempts || policy.now() + delayMs - started > policy.maxElapsedMs;
      if (outOfBudget) throw opts.giveUp ? opts.giveUp(err, attempt) : err;
      opts.onRetry?.({ attempt, attempts: policy.attempts, delayMs, reason: verdict.reason, error: err });
      await policy.sleep(delayMs, opts.signal);
      // An injected sleep may ignore the signal: a cancelled run still starts no further attempt.
      opts.signal?.throwIfAborted();
    }
  }
}

/** For a final error message: '' after one attempt, else " (after N attempts)". */
export function afterAttempts(attempts: number): string {
  return attempts > 1 ? ` (after ${attempts} attempts)` : '';
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | null | undefined, now: () => number = Date.now) {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  // Otherwise only an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"): Date.parse alone takes "1.5" for a date.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** HTTP statuses worth another try: rate limits, timeouts and server errors (501 is not one). */
export function isTransientStatus(status: number | undefined): boolean {
  return status === 408 || status === 429 || (status !== undefined && status >= 500 && status !== 501);
}
