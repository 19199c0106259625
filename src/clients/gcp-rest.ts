/**
 * Google Cloud endpoints and credentials as gcloud sees them, and a small REST client for the two APIs
 * the GKE flow reads or writes besides GKE itself: IAM (does the node service account exist?) and Cloud
 * Resource Manager (the project's IAM policy, changed in one read-modify-write guarded by its etag).
 *
 * Endpoints: `CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>` when set (gcloud's own variables, so one setting
 * points gcloud and this action at the same place), else the public `https://<api>.googleapis.com/`.
 * Credentials: `CLOUDSDK_AUTH_ACCESS_TOKEN` when set (gcloud's own variable), else Application Default
 * Credentials through google-auth-library (loaded lazily, only by apply and verify).
 * Tokens are registered as secrets before any use and never appear in a message.
 */
import type { Logger } from '../log.js';
import { registerSecret } from '../log.js';

export const GCP_APIS = ['container', 'iam', 'cloudresourcemanager', 'serviceusage'] as const;
export type GcpApi = (typeof GCP_APIS)[number];

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_HOST = 'https://oauth2.googleapis.com/token';

export function overrideVariable(api: GcpApi): string {
  return `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
}

/** The base URL of an API (always ending in '/'), as gcloud would use it. */
export function gcpEndpoint(api: GcpApi, env: NodeJS.ProcessEnv = process.env): URL {
  const name = overrideVariable(api);
  const raw = env[name]?.trim();
  if (!raw) return new URL(`https://${api}.googleapis.com/`);
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

/**
 * Asks the OAuth2 tokeninfo endpoint whose token this is. The token goes in a POST body, never in a
 * URL (URLs end up in proxy logs).
 */
async function tokenAccount(token: string, env: NodeJS.ProcessEnv, fetchFn: FetchFn): Promise<string> {
  const url = tokeninfoUrl(env);
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ access_token: token }).toString(),
  });
  const info = (await res.json().catch(() => ({}))) as { email?: string; error?: string };
  if (!res.ok || !info.email) {
    throw new Error(
      `could not tell the account of the credentials in use: tokeninfo answered ${res.status}${
        info.error ? ` (${info.error})` : ''
      }${res.ok ? ' without an email (the token lacks the userinfo.email scope)' : ''}`,
    );
  }
  return info.email;
}

/** Credentials as gcloud would pick them: CLOUDSDK_AUTH_ACCESS_TOKEN first, else ADC. */
export async function gcpCredentials(
  env: NodeJS.ProcessEnv = process.env,
  fetchFn: FetchFn = fetch,
): Promise<GcpCredentials> {
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
      account: () => (account ??= tokenAccount(fixed, env, fetchFn)),
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
        return creds.client_email || tokenAccount(await token(), env, fetchFn);
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
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: GcpRestDeps) {
    this.env = deps.env ?? process.env;
    this.fetchFn = deps.fetch ?? fetch;
    this.sleep = deps.sleep ?? sleepReal;
  }

  /** One JSON request; 429, 5xx and network errors are retried with backoff. 404 → undefined. */
  async request<T>(api: GcpApi, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T | undefined> {
    const url = new URL(path.replace(/^\//, ''), gcpEndpoint(api, this.env));
    const attempts = this.deps.attempts ?? 5;
    const what = `${api} ${method} ${url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchFn(url, {
          method,
          headers: {
            authorization: `Bearer ${await this.deps.credentials.token()}`,
            'content-type': 'application/json',
            'x-goog-api-client': 'gitpod-cluster-action',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        if (attempt >= attempts) throw new Error(`${what}: ${(err as Error).message}`);
        await this.backoff(attempt, what, (err as Error).message);
        continue;
      }
      if (res.status === 404 && method === 'GET') return undefined;
      if (res.ok) return (await res.json()) as T;
      const text = await res.text();
      let reason = '';
      let message = text.slice(0, 300);
      try {
        const e = (JSON.parse(text) as { error?: { status?: string; message?: string } }).error;
        reason = e?.status ?? '';
        message = e?.message ?? message;
      } catch {
        /* not JSON: keep the text */
      }
      if ((res.status === 429 || res.status >= 500) && attempt < attempts) {
        await this.backoff(attempt, what, `${res.status} ${message}`);
        continue;
      }
      throw new GcpApiError(
        res.status,
        reason,
        `${what} answered ${res.status}${reason ? ` ${reason}` : ''}: ${message}`,
      );
    }
  }

  private async backoff(attempt: number, what: string, why: string): Promise<void> {
    const delay = (this.deps.baseDelayMs ?? 1000) * 2 ** (attempt - 1);
    this.deps.log.info(`${what}: ${why}; retrying in ${Math.round(delay / 1000)}s`);
    await this.sleep(delay);
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
    const attempts = this.deps.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const missing = missingRoles(policy, member, roles);
      if (!missing.length) return { added: [], writes: attempt - 1 };
      try {
        await this.setIamPolicy(project, withBindings(policy, member, missing));
        return { added: missing, writes: attempt };
      } catch (err) {
        const concurrent = err instanceof GcpApiError && (err.status === 409 || err.reason === 'ABORTED');
        if (!concurrent || attempt >= attempts) throw err;
        await this.backoff(attempt, `setIamPolicy of project ${project}`, 'the policy changed concurrently');
        policy = await this.getIamPolicy(project);
      }
    }
  }
}
