/**
 * HTTP for tool downloads: small documents (checksum files, version pointers, manifests, the GitHub
 * releases API) and archives streamed to disk while their SHA-256 is computed.
 *
 * Why not tc.downloadTool: its retries sleep 10–20 s for real and cannot be injected, it hides the HTTP
 * status behind a generic error, and it would make us read every archive a second time to hash it.
 * Requests go through the agents of @actions/http-client (what tool-cache itself uses), which keep the
 * runner's proxy settings; the request itself is ours, so a stalled one can be cut.
 *
 * Every failure ends as one line naming the tool, the version and the URL (without credentials):
 * 404 → "version X of tool Y does not exist", 403/429 → a rate-limit message with a way out,
 * anything transient (network errors, 408, 429, 5xx, a body cut off before its Content-Length, a server
 * silent for `idleTimeoutMs`) is retried first under the shared policy of src/retry.ts (exponential
 * backoff with jitter, each wait and the whole capped, Retry-After honoured). A small document is read
 * into memory up to a size limit; a larger answer is refused, not retried.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import type { Logger } from '../log.js';
import {
  type RetryPolicy,
  type RetryVerdict,
  abortableSleep,
  isTransientStatus,
  parseRetryAfter,
  withRetry,
} from '../retry.js';
import { type Mirror, displayUrl, mirrored } from './mirror.js';

/** What a request is for: named in every message. */
export interface Subject {
  tool: string;
  version: string;
}

export class ToolDownloadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ToolDownloadError';
  }
}

export interface HttpOptions {
  mirror?: Mirror;
  log: Logger;
  signal?: AbortSignal;
  /** Injected so tests never wait; must resolve early (or reject) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Total attempts per request, first one included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No retry starts when its wait would end later than this after the request's first attempt began. */
  maxElapsedMs?: number;
  /** In [0, 1): the backoff's jitter (injected so tests can pin it). */
  random?: () => number;
  now?: () => number;
  /** How often a running download reports its progress. */
  progressIntervalMs?: number;
  /** A server that sends nothing for this long (no answer, or a body that stops) is cut off and retried. */
  idleTimeoutMs?: number;
  /** The largest small document (checksum file, manifest, API answer) read into memory. */
  maxTextBytes?: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Do not send this request to the mirror (the GitHub API is not a download). */
  direct?: boolean;
  /** What to suggest when the server answers 403 or 429. */
  rateLimitHint?: string;
}

export interface DownloadResult {
  sha256: string;
  bytes: number;
  /** The body began like an HTML page (a proxy's or captive portal's answer instead of the file). */
  html: boolean;
}

const DEFAULTS = {
  attempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  // Big archives on a slow link: one attempt may take minutes, and a retry is still worth it.
  maxElapsedMs: 15 * 60_000,
  progressIntervalMs: 30_000,
  idleTimeoutMs: 60_000,
  maxTextBytes: 64 * 1024 * 1024,
};

const USER_AGENT = 'gitpod-cluster-action';
const DOWNLOAD_RATE_LIMIT_HINT = 'retry later, or serve the tools from `tool-mirror`';

/** A status the server answered with (not a network error). */
class StatusError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const ofTotal = (bytes: number, total: number) => `${bytes}${Number.isFinite(total) ? ` of ${total}` : ''} bytes`;
const secs = (ms: number) => (ms < 10_000 ? `${Number((ms / 1000).toFixed(1))}s` : `${Math.round(ms / 1000)}s`);

/** The connection ended before the body did. */
class CutOffError extends Error {
  constructor(bytes: number, total: number) {
    super(`the download was cut off after ${ofTotal(bytes, total)}`);
  }
}

/** The server went quiet: no answer, or a body that stopped coming. */
class StallError extends Error {
  constructor(host: string, idleMs: number, received?: { bytes: number; total: number }) {
    super(
      received
        ? `the download stalled: ${host} sent no data for ${secs(idleMs)} after ${ofTotal(received.bytes, received.total)}`
        : `the download stalled: ${host} sent no answer for ${secs(idleMs)}`,
    );
  }
}

class TooLargeError extends Error {}

/** Errors of this machine's disk, not of the network: another try would fail the same way. */
const LOCAL_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE']);

function reason(err: unknown): string {
  if (err instanceof StatusError) return `HTTP ${err.status}`;
  const e = err as NodeJS.ErrnoException;
  return e?.code
    ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}`
    : String(e?.message ?? e);
}

function classify(err: unknown): RetryVerdict {
  if (err instanceof StatusError) {
    return { transient: isTransientStatus(err.status), retryAfterMs: err.retryAfterMs, reason: reason(err) };
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  const permanent = err instanceof CancelledError || err instanceof TooLargeError || LOCAL_ERRORS.has(code ?? '');
  // Network errors, timeouts, bodies cut short or stalled: worth another try.
  return { transient: !permanent, reason: reason(err) };
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Collects a small document in memory, up to `limit` bytes. */
function collector(limit: number): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit)
        return done(new TooLargeError(`the answer is larger than ${limit >= MB ? mb(limit) : `${limit} bytes`}`));
      chunks.push(chunk);
      done();
    },
  });
  return Object.assign(sink, { text: () => Buffer.concat(chunks).toString('utf8') });
}

export class ToolHttp {
  /** Only for its agents: they carry the runner's proxy settings (HTTP(S)_PROXY, NO_PROXY). */
  private readonly client = new HttpClient(USER_AGENT, [], { allowRetries: false });
  private readonly opts: Required<Omit<HttpOptions, 'mirror' | 'signal'>> & Pick<HttpOptions, 'mirror' | 'signal'>;

  constructor(opts: HttpOptions) {
    // Options passed as undefined keep their defaults.
    const given = Object.fromEntries(Object.entries(opts).filter(([, value]) => value !== undefined));
    this.opts = { sleep: abortableSleep, random: Math.random, now: Date.now, ...DEFAULTS, ...given, log: opts.log };
  }

  /** The URL that is fetched for an upstream URL (the mirror's, when one is set). */
  url(upstream: string, direct = false): string {
    return direct ? upstream : mirrored(upstream, this.opts.mirror);
  }

  /** GETs a small text document. */
  async text(upstream: string, subject: Subject, req: RequestOptions = {}): Promise<string> {
    const url = this.url(upstream, req.direct);
    return this.withRetries(url, subject, req, async () => {
      const sink = collector(this.opts.maxTextBytes);
      await this.fetchOnce(url, this.headers(url, req), sink);
      return sink.text();
    });
  }

  /** Streams a file to `dest`, hashing it on the way; `dest` is removed again if anything fails. */
  async download(upstream: string, dest: string, subject: Subject, label: string): Promise<DownloadResult> {
    const url = this.url(upstream);
    try {
      return await this.withRetries(url, subject, {}, () =>
        this.fetchOnce(url, this.headers(url), createWriteStream(dest), label),
      );
    } catch (err) {
      await rm(dest, { force: true });
      throw err;
    }
  }

  /**
   * One GET whose 200 body is streamed into `sink` and hashed. The request is cut when the server sends
   * nothing for `idleTimeoutMs` (before its answer or within the body) and when the run is cancelled;
   * a body that ends early is a CutOffError. `label` turns on progress lines.
   */
  private async fetchOnce(
    url: string,
    headers: Record<string, string>,
    sink: Writable,
    label?: string,
  ): Promise<DownloadResult> {
    const { log, signal, progressIntervalMs, idleTimeoutMs, now } = this.opts;
    if (signal?.aborted) throw new CancelledError();
    const target = new URL(url);
    const hash = createHash('sha256');
    let head = '';
    let bytes = 0;
    let total = Number.NaN;
    let answered = false;
    let done = false;
    /** Why this side cut the request (a stall, a cancellation): it wins over the socket's own error. */
    let cutBy: Error | undefined;
    let progress: NodeJS.Timeout | undefined;

    const get = (target.protocol === 'https:' ? https : http).request(target, {
      agent: this.client.getAgent(url),
      headers: { 'user-agent': USER_AGENT, ...headers },
    });
    const cut = (err: Error) => {
      cutBy ??= err;
      get.destroy(err);
    };
    get.setTimeout(idleTimeoutMs, () =>
      cut(new StallError(target.host, idleTimeoutMs, answered ? { bytes, total } : undefined)),
    );
    const onAbort = () => cut(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        get.on('response', resolve);
        get.on('error', reject);
        get.end();
      });
      res.on('error', () => undefined); // errors after we stopped listening must not go unhandled
      answered = true;
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        throw new StatusError(status, parseRetryAfter(res.headers['retry-after'], now));
      }
      total = Number(res.headers['content-length'] ?? Number.NaN);
      if (label) {
        progress = setInterval(() => {
          const of = Number.isFinite(total) ? ` of ${mb(total)}` : '';
          log.info(`${label}: ${mb(bytes)}${of} downloaded`);
        }, progressIntervalMs);
        progress.unref();
      }
      const counter = new Transform({
        transform(chunk: Buffer, _enc, next) {
          hash.update(chunk);
          if (head.length < 64) head += chunk.subarray(0, 64).toString('latin1');
          bytes += chunk.length;
          next(null, chunk);
        },
      });
      try {
        await pipeline(res, counter, sink);
      } catch (err) {
        if (cutBy || err instanceof TooLargeError || LOCAL_ERRORS.has((err as NodeJS.ErrnoException).code ?? '')) {
          throw err;
        }
        throw new CutOffError(bytes, total);
      }
      if (Number.isFinite(total) && bytes !== total) throw new CutOffError(bytes, total);
      done = true;
      return { sha256: hash.digest('hex'), bytes, html: /^\s*</.test(head) };
    } catch (err) {
      throw cutBy ?? err;
    } finally {
      if (progress) clearInterval(progress);
      signal?.removeEventListener('abort', onAbort);
      if (!done) get.destroy();
      if (!done) sink.destroy();
    }
  }

  /** The mirror's credentials go to requests sent to the mirror, and nowhere else. */
  private headers(url: string, req: RequestOptions = {}): Record<string, string> {
    const headers: Record<string, string> = { ...req.headers };
    const mirror = this.opts.mirror;
    if (!req.direct && mirror?.authorization && new URL(url).hostname === mirror.hostname) {
      headers.authorization = mirror.authorization;
    }
    return headers;
  }

  private policy(): Partial<RetryPolicy> {
    const { attempts, baseDelayMs, maxDelayMs, maxElapsedMs, sleep, random, now } = this.opts;
    return { attempts, baseDelayMs, maxDelayMs, maxElapsedMs, sleep, random, now };
  }

  /** `once` under the shared retry policy (src/retry.ts); the last failure becomes one line naming tool, version and URL. */
  private async withRetries<T>(url: string, subject: Subject, req: RequestOptions, once: () => Promise<T>): Promise<T> {
    const { signal, log } = this.opts;
    const { tool, version } = subject;
    const cancelled = () => new ToolDownloadError(`${tool} ${version}: download cancelled`);
    try {
      return await withRetry(
        () => {
          if (signal?.aborted) throw new CancelledError();
          return once();
        },
        {
          policy: this.policy(),
          signal,
          classify,
          onRetry: (r) =>
            log.info(
              `${tool} ${version}: ${r.reason} from ${displayUrl(url)}; ` +
                `retrying in ${secs(r.delayMs)} (attempt ${r.attempt + 1} of ${r.attempts})`,
            ),
          giveUp: (err, attempt) =>
            err instanceof CancelledError ? cancelled() : this.finalError(err, url, subject, req, attempt),
        },
      );
    } catch (err) {
      if (signal?.aborted || err instanceof CancelledError) throw cancelled();
      throw err;
    }
  }

  private finalError(err: unknown, url: string, subject: Subject, req: RequestOptions, tries: number): Error {
    const shown = displayUrl(url);
    const { tool, version } = subject;
    if (err instanceof StatusError) {
      if (err.status === 404 || err.status === 410) {
        return new ToolDownloadError(
          `version ${version} of ${tool} does not exist (${shown} answered ${err.status})`,
          err.status,
        );
      }
      if (err.status === 403 || err.status === 429) {
        return new ToolDownloadError(
          `${new URL(url).host} is rate-limiting or refusing requests for ${tool} ${version} ` +
            `(HTTP ${err.status} from ${shown}): ${req.rateLimitHint ?? DOWNLOAD_RATE_LIMIT_HINT}`,
          err.status,
        );
      }
      return new ToolDownloadError(
        `could not download ${tool} ${version}: HTTP ${err.status} from ${shown}` +
          (tries > 1 ? ` after ${tries} attempts` : ''),
        err.status,
      );
    }
    return new ToolDownloadError(
      `could not download ${tool} ${version}: ${reason(err)} (${shown})` +
        (tries > 1 ? ` after ${tries} attempts` : ''),
    );
  }
}
