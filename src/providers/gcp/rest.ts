/**
 * Google Cloud endpoints and credentials as gcloud sees them, and a small REST client for the two APIs
 * the GKE flow reads or writes besides GKE itself: IAM (does the node service account exist?) and Cloud
 * Resource Manager (the project's IAM policy, changed in one read-modify-write guarded by its etag); and
 * for the one GKE request the flow sends itself, `clusters.create` with both pools, exactly as `plan`
 * shows it (`send`).
 *
 * Endpoints: `CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>` when set (gcloud's own variables, so one setting
 * points gcloud and this action at the same place), else the public `https://<api>.googleapis.com/`
 * (`…/compute/v1/` for Compute, whose override carries that path too). Preflight reads Compute (region
 * quotas, machine types), Service Usage (enabled APIs) and Resource Manager (testIamPermissions) here.
 * Credentials: `CLOUDSDK_AUTH_ACCESS_TOKEN` when set (gcloud's own variable), else Application Default
 * Credentials through google-auth-library (loaded lazily, only by apply and verify).
 * Tokens are registered as secrets before any use and never appear in a message.
 *
 * Every request (tokeninfo included) runs under the shared retry policy of src/retry.ts: 408, 429, 5xx
 * (not 501) and network errors are retried with backoff and jitter, each wait capped, the whole bounded in
 * time, a Retry-After honoured within those caps; each attempt has its own timeout. Anything else fails
 * at once with the API's own message.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../log.js';
import { registerSecret } from '../../log.js';
import {
  type RetryPolicy,
  type RetryVerdict,
  afterAttempts,
  isTransientStatus,
  parseRetryAfter,
  retryPolicy,
  withRetry,
} from '../../retry.js';
import type { ApiRequest } from '../../steps.js';

export const GCP_APIS = ['container', 'iam', 'cloudresourcemanager', 'serviceusage', 'compute'] as const;
export type GcpApi = (typeof GCP_APIS)[number];

/**
 * The path an API's base URL carries. Compute's is part of the endpoint (gcloud's own default is
 * `https://compute.googleapis.com/compute/v1/`, and so is a `CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE`
 * value); the others put the version in each request path.
 */
const BASE_PATH: Partial<Record<GcpApi, string>> = { compute: 'compute/v1/' };

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_HOST = 'https://oauth2.googleapis.com/token';

export function overrideVariable(api: GcpApi): string {
  return `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
}

/** The base URL of an API (always ending in '/'), as gcloud would use it. */
export function gcpEndpoint(api: GcpApi, env: NodeJS.ProcessEnv = process.env): URL {
  const name = overrideVariable(api);
  const raw = env[name]?.trim();
  if (!raw) return new URL(`https://${api}.googleapis.com/${BASE_PATH[api] ?? ''}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} is not a URL: expected e.g. https://${api}.googleapis.com/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, not ${url.protocol}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Where the credentials come from, in words for the log (never the credential itself). */
export type CredentialSource = 'CLOUDSDK_AUTH_ACCESS_TOKEN' | 'Application Default Credentials';

/** A google-auth-library AuthClient, as @google-cloud/container's `authClient` option takes it. */
export type HeaderAuthClient = import('google-auth-library').AuthClient;

export interface GcpCredentials {
  source: CredentialSource;
  /** An OAuth access token, registered as a secret. */
  token(): Promise<string>;
  /** For @google-cloud/container's `authClient` option. */
  authClient(): Promise<HeaderAuthClient>;
  /** The account (email) of the credentials in use, as GKE's RBAC names it. */
  account(): Promise<string>;
}

type FetchFn = typeof fetch;

/**
 * The tokeninfo endpoint, beside the token endpoint gcloud uses (`CLOUDSDK_AUTH_TOKEN_HOST`,
 * gcloud's `auth/token_host` property; default https://oauth2.googleapis.com/token).
 */
export function tokeninfoUrl(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.CLOUDSDK_AUTH_TOKEN_HOST?.trim() || DEFAULT_TOKEN_HOST;
  const url = new URL(host);
  url.pathname = url.pathname.replace(/\/token\/?$/, '/') + 'tokeninfo';
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url.toString();
}

/** Each attempt of a REST call ends after this long without an answer (then it counts as transient). */
const ATTEMPT_TIMEOUT_MS = 60_000;

/** A failed HTTP answer is transient by its status (with the server's Retry-After); a thrown fetch, always. */
function classifyHttp(err: unknown): RetryVerdict {
  if (err instanceof GcpApiError) {
    return { transient: isTransientStatus(err.status), retryAfterMs: err.retryAfterMs, reason: err.message };
  }
  return { transient: true, reason: (err as Error)?.message ?? String(err) };
}

/**
 * Asks the OAuth2 tokeninfo endpoint whose token this is. The token goes in a POST body, never in a
 * URL (URLs end up in proxy logs).
 */
async function tokenAccount(
  token: string,
  env: NodeJS.ProcessEnv,
  fetchFn: FetchFn,
  retry?: Partial<RetryPolicy>,
): Promise<string> {
  const url = tokeninfoUrl(env);
  const what = 'could not tell the account of the credentials in use';
  return withRetry(
    async () => {
      const res = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: token }).toString(),
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const info = (await res.json().catch(() => ({}))) as { email?: string; error?: string };
      if (!res.ok || !info.email) {
        const message = `${what}: tokeninfo answered ${res.status}${info.error ? ` (${info.error})` : ''}${
          res.ok ? ' without an email (the token lacks the userinfo.email scope)' : ''
        }`;
        throw new GcpApiError(res.status, '', message, parseRetryAfter(res.headers.get('retry-after')));
      }
      return info.email;
    },
    {
      policy: retry,
      classify: classifyHttp,
      giveUp: (err, attempts) =>
        err instanceof GcpApiError
          ? new GcpApiError(err.status, err.reason, `${err.message}${afterAttempts(attempts)}`)
          : new Error(`${what}: tokeninfo: ${(err as Error)?.message}${afterAttempts(attempts)}`, { cause: err }),
    },
  );
}

/** The one line a GCP run without credentials ends with: the step that is missing. */
export const NO_GCP_CREDENTIALS =
  'no GCP credentials found: add a google-github-actions/auth step (Workload Identity Federation, README ' +
  '"First-time setup") before this action in the same job, with permissions id-token: write; ' +
  'or set CLOUDSDK_AUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS';

/**
 * Where credentials would come from, checked offline before anything is downloaded or asked: the token variable,
 * then where Application Default Credentials look (GOOGLE_APPLICATION_CREDENTIALS, which google-github-actions/auth
 * sets; gcloud's ADC file; a Google Cloud VM's metadata server, known by its BIOS vendor or the metadata
 * variables). Throws NO_GCP_CREDENTIALS when none is there.
 */
export function gcpCredentialSource(env: NodeJS.ProcessEnv = process.env, dmiDir = '/sys/class/dmi/id'): string {
  if (env.CLOUDSDK_AUTH_ACCESS_TOKEN?.trim()) return 'CLOUDSDK_AUTH_ACCESS_TOKEN';
  const file = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (file) {
    if (existsSync(file)) return 'GOOGLE_APPLICATION_CREDENTIALS';
    throw new Error(
      `GOOGLE_APPLICATION_CREDENTIALS names ${file}, which does not exist here: run google-github-actions/auth ` +
        'in this job (a file it wrote in another job is gone), before this action',
    );
  }
  const configDir = env.CLOUDSDK_CONFIG || path.join(env.HOME || os.homedir(), '.config', 'gcloud');
  if (existsSync(path.join(configDir, 'application_default_credentials.json'))) return 'gcloud ADC file';
  if (env.GCE_METADATA_HOST || env.GCE_METADATA_IP || env.METADATA_SERVER_DETECTION) return 'metadata server';
  const vendor = ['bios_vendor', 'product_name'].map((f) => {
    try {
      return readFileSync(path.join(dmiDir, f), 'utf8');
    } catch {
      return '';
    }
  });
  if (vendor.some((v) => /Google/.test(v))) return 'metadata server';
  throw new Error(NO_GCP_CREDENTIALS);
}

/** Credentials as gcloud would pick them: CLOUDSDK_AUTH_ACCESS_TOKEN first, else ADC. */
export async function gcpCredentials(
  env: NodeJS.ProcessEnv = process.env,
  fetchFn: FetchFn = fetch,
  /** For the tokeninfo request (tests inject `sleep`). */
  retry?: Partial<RetryPolicy>,
): Promise<GcpCredentials> {
  gcpCredentialSource(env);
  const fixed = env.CLOUDSDK_AUTH_ACCESS_TOKEN?.trim();
  let account: Promise<string> | undefined;
  if (fixed) {
    registerSecret(fixed);
    return {
      source: 'CLOUDSDK_AUTH_ACCESS_TOKEN',
      token: async () => fixed,
      // An OAuth2 client holding just this token (no expiry, nothing to refresh): what gcloud does with it.
      authClient: async () => {
        const { OAuth2Client } = await import('google-auth-library');
        const client = new OAuth2Client();
        client.setCredentials({ access_token: fixed });
        return client;
      },
      account: () => (account ??= tokenAccount(fixed, env, fetchFn, retry)),
    };
  }
  const { GoogleAuth } = await import('google-auth-library');
  const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE] });
  const token = async () => {
    const t = await auth.getAccessToken();
    if (!t) throw new Error('Application Default Credentials gave no access token');
    registerSecret(t);
    return t;
  };
  return {
    source: 'Application Default Credentials',
    token,
    authClient: () => auth.getClient(),
    account: () =>
      (account ??= (async () => {
        // A key file or an impersonated service account (google-github-actions/auth with Workload
        // Identity Federation) names its account; a user's refresh token does not: ask tokeninfo.
        const creds = await auth.getCredentials().catch(() => ({}) as { client_email?: string });
        return creds.client_email || tokenAccount(await token(), env, fetchFn, retry);
      })()),
  };
}

// --- REST --------------------------------------------------------------------------------------------

export class GcpApiError extends Error {
  constructor(
    readonly status: number,
    /** The google.rpc status name (ALREADY_EXISTS, ABORTED …) when the answer carried one. */
    readonly reason: string,
    message: string,
    /** The server's Retry-After, in milliseconds, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GcpApiError';
  }
}

export interface IamBinding {
  role: string;
  members: string[];
  condition?: unknown;
}

export interface IamPolicy {
  version?: number;
  etag?: string;
  bindings?: IamBinding[];
  [k: string]: unknown;
}

export interface GcpRestDeps {
  log: Logger;
  credentials: GcpCredentials;
  env?: NodeJS.ProcessEnv;
  fetch?: FetchFn;
  /** Injected so tests never wait on a retry. */
  sleep?: (ms: number) => Promise<void>;
  attempts?: number;
  baseDelayMs?: number;
  /** The rest of the retry policy (src/retry.ts): caps, time bound, clock, jitter. */
  retry?: Partial<RetryPolicy>;
}

/** The roles a member still lacks (an unconditional binding counts; a conditional one does not). */
export function missingRoles(policy: IamPolicy, member: string, roles: readonly string[]): string[] {
  return roles.filter(
    (role) => !(policy.bindings ?? []).some((b) => b.role === role && !b.condition && b.members.includes(member)),
  );
}

/** The policy with `member` added to each role (to the role's unconditional binding, made when absent). */
export function withBindings(policy: IamPolicy, member: string, roles: readonly string[]): IamPolicy {
  const bindings = structuredClone(policy.bindings ?? []);
  for (const role of roles) {
    const b = bindings.find((x) => x.role === role && !x.condition);
    if (b) {
      if (!b.members.includes(member)) b.members.push(member);
    } else bindings.push({ role, members: [member] });
  }
  return { ...policy, bindings };
}

export class GcpRest {
  private readonly env: NodeJS.ProcessEnv;
  private readonly fetchFn: FetchFn;
  private readonly policy: RetryPolicy;

  constructor(private readonly deps: GcpRestDeps) {
    this.env = deps.env ?? process.env;
    this.fetchFn = deps.fetch ?? fetch;
    // Settings left undefined keep the shared defaults.
    const { sleep, attempts, baseDelayMs } = deps;
    this.policy = retryPolicy(deps.retry, { sleep, attempts, baseDelayMs });
  }

  /** One JSON request; 408, 429, 5xx and network errors are retried (src/retry.ts). 404 on a GET → undefined. */
  async request<T>(api: GcpApi, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T | undefined> {
    const url = new URL(path.replace(/^\//, ''), gcpEndpoint(api, this.env));
    const what = `${api} ${method} ${url.pathname}`;
    return withRetry(() => this.once<T>(url, method, what, body), {
      policy: this.policy,
      classify: classifyHttp,
      onRetry: (r) => this.logRetry(what, r.reason, r),
      giveUp: (err, attempts) =>
        err instanceof GcpApiError
          ? new GcpApiError(err.status, err.reason, `${err.message}${afterAttempts(attempts)}`)
          : new Error(`${what}: ${(err as Error)?.message}${afterAttempts(attempts)}`, { cause: err }),
    });
  }

  /** One attempt: the answer, undefined for a missing GET, or a GcpApiError with the API's own message. */
  private async once<T>(url: URL, method: 'GET' | 'POST', what: string, body?: unknown): Promise<T | undefined> {
    const res = await this.fetchFn(url, {
      method,
      headers: {
        authorization: `Bearer ${await this.deps.credentials.token()}`,
        'content-type': 'application/json',
        'x-goog-api-client': 'gitpod-cluster-action',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    if (res.status === 404 && method === 'GET') return undefined;
    const text = await res.text();
    if (res.ok) {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new GcpApiError(res.status, '', `${what} answered ${res.status} with something other than JSON`);
      }
    }
    let reason = '';
    let message = text.slice(0, 300);
    try {
      const e = (JSON.parse(text) as { error?: { status?: string; message?: string } }).error;
      reason = e?.status ?? '';
      message = e?.message ?? message;
    } catch {
      /* not JSON: keep the text */
    }
    throw new GcpApiError(
      res.status,
      reason,
      `${what} answered ${res.status}${reason ? ` ${reason}` : ''}: ${message}`,
      parseRetryAfter(res.headers.get('retry-after')),
    );
  }

  private logRetry(what: string, why: string, r: { delayMs: number; attempt: number; attempts: number }): void {
    this.deps.log.info(
      `${what}: ${why}; retrying in ${(r.delayMs / 1000).toFixed(1)}s (attempt ${r.attempt + 1} of ${r.attempts})`,
    );
  }

  /**
   * A request `plan` showed, sent as it is: the API named by its host, its path and its body, the JSON on
   * the wire being `JSON.stringify` of the body `plan` printed (the SDK's REST transport would write the
   * enums as numbers and add empty maps, so what it sends could not be what `plan` shows).
   */
  async send<T>(request: ApiRequest): Promise<T> {
    const api = GCP_APIS.find((a) => request.host === `${a}.googleapis.com`);
    if (!api || (request.method !== 'GET' && request.method !== 'POST')) {
      throw new Error(`no client for ${request.method} https://${request.host}${request.path}`);
    }
    const answer = await this.request<T>(api, request.method, request.path, request.body);
    if (answer === undefined) throw new Error(`${api} ${request.method} ${request.path}: not found`);
    return answer;
  }

  getServiceAccount(project: string, email: string): Promise<Record<string, unknown> | undefined> {
    return this.request('iam', 'GET', `v1/projects/${project}/serviceAccounts/${encodeURIComponent(email)}`);
  }

  async getIamPolicy(project: string): Promise<IamPolicy> {
    // Version 3 keeps conditional bindings intact through the read-modify-write.
    const policy = await this.request<IamPolicy>(
      'cloudresourcemanager',
      'POST',
      `v1/projects/${project}:getIamPolicy`,
      {
        options: { requestedPolicyVersion: 3 },
      },
    );
    return policy ?? {};
  }

  async setIamPolicy(project: string, policy: IamPolicy): Promise<IamPolicy> {
    return (
      (await this.request<IamPolicy>('cloudresourcemanager', 'POST', `v1/projects/${project}:setIamPolicy`, {
        policy,
      })) ?? {}
    );
  }

  /**
   * Gives `member` every role in `roles` with one read-modify-write of the project policy: read (or
   * take `known`), add only what is missing, write with the etag read. When the etag is stale (409 /
   * ABORTED: someone else changed the policy in between) the whole cycle starts again from a fresh read.
   * Nothing missing → nothing written.
   */
  async ensureBindings(
    project: string,
    member: string,
    roles: readonly string[],
    known?: IamPolicy,
  ): Promise<{ added: string[]; writes: number }> {
    let policy = known ?? (await this.getIamPolicy(project));
    const concurrent = (err: unknown) => err instanceof GcpApiError && (err.status === 409 || err.reason === 'ABORTED');
    return withRetry(
      async (attempt) => {
        // After a concurrent change, the whole cycle again from a fresh read.
        if (attempt > 1) policy = await this.getIamPolicy(project);
        const missing = missingRoles(policy, member, roles);
        if (!missing.length) return { added: [], writes: attempt - 1 };
        await this.setIamPolicy(project, withBindings(policy, member, missing));
        return { added: missing, writes: attempt };
      },
      {
        policy: this.policy,
        // Transient statuses were already retried inside each request: only a stale etag starts the cycle again.
        classify: (err) => ({ transient: concurrent(err), reason: 'the policy changed concurrently' }),
        onRetry: (r) => this.logRetry(`setIamPolicy of project ${project}`, r.reason, r),
      },
    );
  }
}
