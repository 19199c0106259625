/**
 * The Kubernetes API, as this action uses it: a thin wrapper over @kubernetes/client-node (loaded lazily,
 * so `plan` never pays for it). Generic object reads and writes for the apply steps, paged node listing
 * for `verify`. 404 on a read is `undefined`, not an error; 429, 5xx and dropped connections are retried
 * under the shared policy of src/retry.ts (backoff with jitter, each wait capped, the whole bounded in
 * time, a Retry-After honoured within those caps); anything else fails at once with the server's message.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeAccess } from '../providers/types.js';
import type { Logger } from '../log.js';
import { registerSecret } from '../log.js';
import {
  type RetryPolicy,
  type RetryVerdict,
  afterAttempts,
  isTransientStatus,
  parseRetryAfter,
  retryPolicy,
  withRetry,
} from '../retry.js';

export interface KubeRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

export interface KubeClient {
  /** The API server's gitVersion, e.g. `v1.33.2-gke.1000`. */
  serverVersion(): Promise<string>;
  /** Nodes, a page at a time (`limit`/`continue`), so memory stays flat on large clusters. */
  nodePages(pageSize?: number): AsyncGenerator<KubeObject[]>;
  list(apiVersion: string, kind: string, opts?: { namespace?: string; labelSelector?: string }): Promise<KubeObject[]>;
  /** undefined when the object does not exist. */
  get(ref: KubeRef): Promise<KubeObject | undefined>;
  create(obj: KubeObject): Promise<KubeObject>;
  mergePatch(ref: KubeRef, patch: object): Promise<KubeObject>;
  /** Server-side apply. */
  apply(obj: KubeObject, opts?: { fieldManager?: string; force?: boolean }): Promise<KubeObject>;
  /** false when the object was already absent. */
  delete(ref: KubeRef): Promise<boolean>;
}

export type KubeSource = { kubeconfigPath: string } | KubeAccess;

export const FIELD_MANAGER = 'gitpod-cluster-action';

/** Retry policy for transient API errors (src/retry.ts); tests inject `sleep` (and `now`, `random`). */
export type KubeRetry = Partial<RetryPolicy>;

/** 4 attempts from 500 ms; the caps and the time bound are the shared defaults (30 s a wait, 2 min in all). */
const defaultRetry: KubeRetry = { attempts: 4, baseDelayMs: 500 };

/** The HTTP status of a client-node error, when it has one. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'];

/** 408, 429 and 5xx (not 501) and dropped connections are worth another try; the rest, and our own errors, are not. */
function classify(err: unknown): RetryVerdict {
  if (err instanceof KubeApiError) return { transient: false, reason: err.message };
  const status = statusOf(err);
  if (status !== undefined) {
    const retryAfter = (err as { retryAfter?: string }).retryAfter;
    return {
      transient: isTransientStatus(status),
      retryAfterMs: parseRetryAfter(retryAfter),
      reason: `HTTP ${status}`,
    };
  }
  const code = (err as { cause?: { code?: string }; code?: string })?.cause?.code ?? (err as { code?: string })?.code;
  return { transient: NETWORK_CODES.includes(String(code)), reason: String(code ?? (err as Error)?.message) };
}

/** One line for an API error: status and the server's message, never the request's headers. */
export function kubeErrorMessage(err: unknown): string {
  const status = statusOf(err);
  const body = (err as { body?: unknown })?.body;
  let message: string | undefined;
  if (typeof body === 'string') {
    try {
      message = (JSON.parse(body) as { message?: string }).message;
    } catch {
      message = body.slice(0, 200);
    }
  } else if (body && typeof body === 'object') {
    message = (body as { message?: string }).message;
  }
  if (status !== undefined) return `Kubernetes API answered ${status}${message ? `: ${message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

export class KubeApiError extends Error {
  constructor(
    readonly status: number | undefined,
    what: string,
    cause: unknown,
    /** How many requests were made before giving up (named in the message when more than one). */
    readonly attempts = 1,
  ) {
    super(`${what}: ${kubeErrorMessage(cause)}${afterAttempts(attempts)}`, { cause });
    this.name = 'KubeApiError';
  }
}

function describe(ref: KubeRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** A patch body with the object's identity; the patch's own metadata (labels …) is kept. */
function withHeader(ref: KubeRef, patch: object) {
  const meta = (patch as { metadata?: object }).metadata ?? {};
  return {
    ...patch,
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { ...meta, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
  };
}

export function refOf(obj: KubeObject): KubeRef {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}

/** How one kind is reached: its plural and whether it lives in a namespace (from API discovery). */
interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/**
 * Connects to the API server named by a kubeconfig file or by access built from the cloud API.
 *
 * @kubernetes/client-node loads the kubeconfig and authenticates (tokens, client certificates, exec
 * plugins); the requests themselves are plain JSON over node:https. The library's typed serializers are
 * bypassed on purpose: they drop every field whose JSON name differs from its TypeScript name (a CRD's
 * `x-kubernetes-*`, `$ref`, `default`), which would mangle the Calico CRDs and make every comparison
 * with a live object differ.
 */
export async function connectKube(source: KubeSource, log: Logger, retry: KubeRetry = {}): Promise<KubeClient> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  if ('kubeconfigPath' in source) {
    try {
      kc.loadFromFile(source.kubeconfigPath);
    } catch (err) {
      // The parser's message goes on with the lines around the mistake, credentials and all: its first line only.
      const reason = String((err as Error)?.message ?? err).split('\n')[0];
      throw new Error(`the kubeconfig ${source.kubeconfigPath} could not be loaded: ${reason}`);
    }
  } else {
    registerSecret(source.token);
    kc.loadFromOptions({
      clusters: [
        {
          name: 'cluster',
          server: source.server,
          caData: source.caData,
          skipTLSVerify: source.insecureSkipTlsVerify ?? false,
        },
      ],
      users: [{ name: 'user', token: source.token }],
      contexts: [{ name: 'ctx', cluster: 'cluster', user: 'user' }],
      currentContext: 'ctx',
    });
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig names no current cluster');
  const base = new URL(cluster.server);
  const discovery = new Map<string, Promise<Map<string, ResourceInfo>>>();

  /** One JSON request; a non-2xx answer rejects with `{ code, body }` like the library's errors. */
  async function request(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<unknown> {
    const opts: https.RequestOptions = { method, headers: { accept: 'application/json' } };
    await kc.applyToHTTPSOptions(opts);
    const text = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
    const headers = opts.headers as Record<string, string>;
    if (text !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = String(Buffer.byteLength(text));
    }
    const lib = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, { ...opts, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const code = res.statusCode ?? 0;
          if (code < 200 || code >= 300) {
            reject(
              Object.assign(new Error(`HTTP ${code}`), { code, body: raw, retryAfter: res.headers['retry-after'] }),
            );
            return;
          }
          try {
            resolve(raw ? JSON.parse(raw) : {});
          } catch {
            reject(
              Object.assign(new Error(`the API server answered ${method} ${path} with something other than JSON`), {
                code: 502,
              }),
            );
          }
        });
      });
      req.setTimeout(60_000, () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(text);
    });
  }

  /** One API call under the retry policy; what finally fails is one KubeApiError naming the call. */
  function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(() => fn(), {
      policy: retryPolicy(defaultRetry, retry),
      classify,
      onRetry: (r) =>
        log.debug(
          `${what}: ${kubeErrorMessage(r.error)}; retrying in ${r.delayMs} ms (attempt ${r.attempt + 1} of ${r.attempts})`,
        ),
      giveUp: (err, attempts) =>
        err instanceof KubeApiError ? err : new KubeApiError(statusOf(err), what, err, attempts),
    });
  }

  function groupPath(apiVersion: string): string {
    return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  }

  /** The kind's plural and scope, from discovery (cached per group version; a miss asks again, for new CRDs). */
  async function resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const load = () =>
      call(`discover ${apiVersion}`, async () => {
        const list = (await request('GET', groupPath(apiVersion))) as {
          resources?: { name: string; kind: string; namespaced: boolean }[];
        };
        const kinds = new Map<string, ResourceInfo>();
        for (const r of list.resources ?? [])
          if (!r.name.includes('/')) kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
        return kinds;
      });
    let kinds = discovery.get(apiVersion);
    let found: ResourceInfo | undefined;
    try {
      found = kinds ? (await kinds).get(kind) : undefined;
    } catch {
      found = undefined;
    }
    if (!found) {
      kinds = load();
      discovery.set(apiVersion, kinds);
      try {
        found = (await kinds).get(kind);
      } catch (err) {
        discovery.delete(apiVersion);
        if (!(err instanceof KubeApiError && err.status === 404)) throw err;
      }
    }
    if (!found) {
      throw new KubeApiError(
        404,
        `${kind} (${apiVersion})`,
        Object.assign(new Error('not served'), {
          code: 404,
          body: { message: `kind ${kind} of ${apiVersion} is not served by the API server` },
        }),
      );
    }
    return found;
  }

  async function pathOf(ref: KubeRef, withName = true): Promise<string> {
    const r = await resource(ref.apiVersion, ref.kind);
    const ns = r.namespaced ? `/namespaces/${encodeURIComponent(ref.namespace ?? 'default')}` : '';
    const name = withName ? `/${encodeURIComponent(ref.name)}` : '';
    return `${groupPath(ref.apiVersion)}${ns}/${r.plural}${name}`;
  }

  const fieldManager = (name: string) => `fieldManager=${encodeURIComponent(name)}`;

  return {
    serverVersion: () =>
      call(
        'get the server version',
        async () => ((await request('GET', '/version')) as { gitVersion: string }).gitVersion,
      ),

    async *nodePages(pageSize = 500) {
      let token: string | undefined;
      do {
        const q = `limit=${pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
        const page = (await call('list nodes', () => request('GET', `/api/v1/nodes?${q}`))) as {
          items: KubeObject[];
          metadata?: { continue?: string };
        };
        token = page.metadata?.continue || undefined;
        yield page.items.map((n) => ({ ...n, apiVersion: 'v1', kind: 'Node' }));
      } while (token);
    },

    list: (apiVersion, kind, opts = {}) =>
      call(`list ${kind}`, async () => {
        const r = await resource(apiVersion, kind);
        const ns = r.namespaced && opts.namespace ? `/namespaces/${encodeURIComponent(opts.namespace)}` : '';
        const q = opts.labelSelector ? `?labelSelector=${encodeURIComponent(opts.labelSelector)}` : '';
        const res = (await request('GET', `${groupPath(apiVersion)}${ns}/${r.plural}${q}`)) as { items: KubeObject[] };
        return res.items.map((i) => ({ ...i, apiVersion, kind }));
      }),

    async get(ref) {
      try {
        return (await call(`read ${describe(ref)}`, async () => request('GET', await pathOf(ref)))) as KubeObject;
      } catch (err) {
        if (err instanceof KubeApiError && err.status === 404) return undefined;
        throw err;
      }
    },

    create: (obj) =>
      call(`create ${describe(refOf(obj))}`, async () => {
        const ref = refOf(obj);
        return (await request('POST', `${await pathOf(ref, false)}?${fieldManager(FIELD_MANAGER)}`, obj)) as KubeObject;
      }),

    mergePatch: (ref, patch) =>
      call(
        `patch ${describe(ref)}`,
        async () =>
          (await request(
            'PATCH',
            `${await pathOf(ref)}?${fieldManager(FIELD_MANAGER)}`,
            withHeader(ref, patch),
            'application/merge-patch+json',
          )) as KubeObject,
      ),

    apply: (obj, opts = {}) =>
      call(
        `apply ${describe(refOf(obj))}`,
        async () =>
          (await request(
            'PATCH',
            `${await pathOf(refOf(obj))}?${fieldManager(opts.fieldManager ?? FIELD_MANAGER)}&force=${opts.force ?? true}`,
            obj,
            'application/apply-patch+yaml',
          )) as KubeObject,
      ),

    async delete(ref) {
      try {
        await call(`delete ${describe(ref)}`, async () => request('DELETE', await pathOf(ref)));
        return true;
      } catch (err) {
        if (err instanceof KubeApiError && err.status === 404) return false;
        throw err;
      }
    },
  };
}
