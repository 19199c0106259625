/**
 * HTTP for tool downloads: small documents (checksum files, version pointers, manifests, the GitHub
 * releases API) and archives streamed to disk while their SHA-256 is computed.
 *
 * Why not tc.downloadTool: its retries sleep 10–20 s for real and cannot be injected, it hides the HTTP
 * status behind a generic error, and it would make us read every archive a second time to hash it.
 * @actions/http-client (what tool-cache itself uses) keeps the runner's proxy settings.
 *
 * Every failure ends as one line naming the tool, the version and the URL (without credentials):
 * 404 → "version X of tool Y does not exist", 403/429 → a rate-limit message with a way out,
 * anything transient (network errors, 408, 429, 5xx, a stalled or cut body) is retried with
 * exponential backoff first.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import type { Logger } from '../log.js';
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
  /** Injected so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Total attempts per request, first one included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often a running download reports its progress. */
  progressIntervalMs?: number;
  /** A body that sends nothing for this long is cut and retried. */
  idleTimeoutMs?: number;
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
}

const DEFAULTS = {
  attempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  progressIntervalMs: 30_000,
  idleTimeoutMs: 60_000,
};

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

function isTransient(err: unknown): boolean {
  if (err instanceof CancelledError) return false;
  if (err instanceof StatusError) return err.status === 408 || err.status === 429 || err.status >= 500;
  // Network errors, timeouts, bodies cut short: worth another try.
  return true;
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^[0-9]+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function reason(err: unknown): string {
  if (err instanceof StatusError) return `HTTP ${err.status}`;
  const e = err as NodeJS.ErrnoException;
  return e?.code
    ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}`
    : String(e?.message ?? e);
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export class ToolHttp {
  private readonly client = new HttpClient('gitpod-cluster-action', [], {
    allowRetries: false,
    socketTimeout: 60_000,
  });
  private readonly opts: Required<Omit<HttpOptions, 'mirror' | 'signal'>> & Pick<HttpOptions, 'mirror' | 'signal'>;

  constructor(opts: HttpOptions) {
    this.opts = {
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...DEFAULTS,
      ...opts,
    };
  }

  /** The URL that is fetched for an upstream URL (the mirror's, when one is set). */
  url(upstream: string, direct = false): string {
    return direct ? upstream : mirrored(upstream, this.opts.mirror);
  }

  /** GETs a small text document. */
  async text(upstream: string, subject: Subject, req: RequestOptions = {}): Promise<string> {
    const url = this.url(upstream, req.direct);
    return this.withRetries(url, subject, req, async () => {
      const res = await this.client.get(url, this.headers(url, req));
      const status = res.message.statusCode ?? 0;
      if (status !== 200) {
        res.message.resume();
        throw new StatusError(status, retryAfterMs(res.message.headers['retry-after']));
      }
      return res.readBody();
    });
  }

  /** Streams a file to `dest`, hashing it on the way; `dest` is removed again if anything fails. */
  async download(upstream: string, dest: string, subject: Subject, label: string): Promise<DownloadResult> {
    const url = this.url(upstream);
    try {
      return await this.withRetries(url, subject, {}, () => this.downloadOnce(url, dest, label));
    } catch (err) {
      await rm(dest, { force: true });
      throw err;
    }
  }

  private async downloadOnce(url: string, dest: string, label: string): Promise<DownloadResult> {
    const { log, signal, progressIntervalMs, idleTimeoutMs } = this.opts;
    const res = await this.client.get(url, this.headers(url));
    const status = res.message.statusCode ?? 0;
    if (status !== 200) {
      res.message.resume();
      throw new StatusError(status, retryAfterMs(res.message.headers['retry-after']));
    }
    const body = res.message;
    const total = Number(body.headers['content-length'] ?? NaN);
    const hash = createHash('sha256');
    let bytes = 0;
    let idle: NodeJS.Timeout | undefined;
    const armIdle = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(
        () => body.destroy(new Error(`no data for ${Math.round(idleTimeoutMs / 1000)}s`)),
        idleTimeoutMs,
      );
      idle.unref();
    };
    const onAbort = () => body.destroy(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const progress = setInterval(() => {
      const of = Number.isFinite(total) ? ` of ${mb(total)}` : '';
      log.info(`${label}: ${mb(bytes)}${of} downloaded`);
    }, progressIntervalMs);
    progress.unref();
    armIdle();
    try {
      await pipeline(
        body,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            bytes += chunk.length;
            armIdle();
            done(null, chunk);
          },
        }),
        createWriteStream(dest),
      );
    } finally {
      clearInterval(progress);
      if (idle) clearTimeout(idle);
      signal?.removeEventListener('abort', onAbort);
    }
    if (Number.isFinite(total) && bytes !== total) throw new Error(`body cut short: ${bytes} of ${total} bytes`);
    return { sha256: hash.digest('hex'), bytes };
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

  private async withRetries<T>(url: string, subject: Subject, req: RequestOptions, once: () => Promise<T>): Promise<T> {
    const { attempts, baseDelayMs, maxDelayMs, sleep, signal, log } = this.opts;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new ToolDownloadError(`${subject.tool} ${subject.version}: download cancelled`);
      try {
        return await once();
      } catch (err) {
        if (signal?.aborted || err instanceof CancelledError) {
          throw new ToolDownloadError(`${subject.tool} ${subject.version}: download cancelled`);
        }
        if (!isTransient(err) || attempt >= attempts) throw this.finalError(err, url, subject, req, attempt);
        const backoff = baseDelayMs * 2 ** (attempt - 1);
        const wait = Math.min(maxDelayMs, Math.max(backoff, err instanceof StatusError ? (err.retryAfterMs ?? 0) : 0));
        log.info(
          `${subject.tool} ${subject.version}: ${reason(err)} from ${displayUrl(url)}; ` +
            `retrying in ${Math.round(wait / 1000)}s (attempt ${attempt + 1} of ${attempts})`,
        );
        await sleep(wait);
      }
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
