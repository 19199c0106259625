/**
 * FAKE Google Cloud APIs on loopback, for tests and benchmarks: the parts of GKE (container v1:
 * clusters, node pools, operations, server config), IAM (service accounts), Cloud Resource Manager
 * (project IAM policy with base64 etags, testIamPermissions), Service Usage (services:batchGet), Compute
 * (regions.get with its quotas, machineTypes.get per zone) and the OAuth2 tokeninfo endpoint that the real
 * gcloud and this action's own clients call. Quotas, zones, machine types, disabled APIs and withheld
 * permissions are data the tests set (`quotas`, `zones`, `machineTypes`, `disabledServices`, `deniedPermissions`). One server answers them all: point every
 * CLOUDSDK_API_ENDPOINT_OVERRIDES_<API> at `url` (see `gcloudEnv`).
 *
 * Stateful: a created cluster or node pool exists at once (PROVISIONING) and becomes RUNNING when its
 * operation ends; an operation ends after `opPolls` reads of it (0: the first read sees it DONE, so
 * gcloud never sleeps). While an operation runs on a cluster, other cluster mutations are refused with
 * FAILED_PRECONDITION, as GKE does; node pools are the exception GKE makes: an operation on one pool does
 * not stand in the way of one on another (`serialNodePoolOperations` restores the old rule). Creating what
 * exists (cluster, pool, service account) answers 409
 * ALREADY_EXISTS. An operation can be held RUNNING until the test releases it (`holdNext`), to start a
 * second run in the middle of a first one. Every request is recorded with its answer's status; faults can
 * be injected (one by one, or the first attempt of every distinct request: `failFirstAttemptOfEach`).
 *
 * As strict as the real APIs where the flow could go wrong (400 INVALID_ARGUMENT, GKE's and IAM's own
 * messages): a cluster or node pool with `management.autoUpgrade: false` on a release channel; a
 * `clusters.create` whose `nodePools` come with `nodeConfig`/`initialNodeCount`, have no pool with nodes,
 * repeat a name, or with neither pools nor nodes (GKE then makes a default pool only when
 * `initialNodeCount` > 0); a cluster
 * version the server config does not offer on the cluster's channel; a project IAM policy that adds a
 * member `serviceAccount:<email>` of this project for which no service account exists.
 */
import http from 'node:http';
import { closeServer, failsFirstAttempt, listenLoopback, readBody } from './loopback.js';

export interface GcpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: unknown;
  userAgent: string;
  api: 'container' | 'iam' | 'cloudresourcemanager' | 'serviceusage' | 'compute' | 'oauth2' | 'unknown';
  /** The HTTP status the fake answered with (set once the answer is sent). */
  status?: number;
}

type Json = Record<string, unknown>;
type Matcher = (r: { method: string; path: string; body?: unknown }) => boolean;

interface Fault {
  match: Matcher;
  status: number;
  message: string;
  /** The google.rpc status name; default by HTTP status (400 → FAILED_PRECONDITION …). */
  reason?: string;
  /** Matching requests to let through before failing. */
  skip: number;
  times: number;
}

interface FakeOperation {
  op: Json;
  pollsLeft: number;
  onDone?: () => void;
  /** Held RUNNING whatever the polls, until the test releases it (see `holdNext`). */
  held?: boolean;
}

export interface FakeGcpOptions {
  token?: string;
  /** The email tokeninfo reports for `token`. */
  account?: string;
  project?: string;
  region?: string;
  /** REGULAR channel versions, newest first. */
  versions?: string[];
  /** Reads of an operation before it is DONE. */
  opPolls?: number;
  /** The API server every cluster reports (`host:port`, no scheme), e.g. a FAKE Kubernetes API on loopback. */
  clusterEndpoint?: string;
  /** The PEM CA every cluster reports (masterAuth.clusterCaCertificate, base64 on the wire). */
  clusterCaPem?: string;
  /** Support windows by minor, as fetchClusterUpgradeInfo / fetchNodePoolUpgradeInfo report them. */
  support?: Record<string, GkeSupportWindow>;
  /**
   * true: a node pool operation refuses every other mutation of the cluster, as GKE did before it ran
   * node pool operations in parallel (and still answers now and then). Default false: as GKE documents
   * today ("You can manually create, update, or delete a node pool while another node pool is already
   * being created, updated, or deleted", cloud.google.com/kubernetes-engine/docs/how-to/node-pools),
   * only an operation on the same pool, or on the cluster itself, stands in the way.
   */
  serialNodePoolOperations?: boolean;
}

/** One minor's end of standard and of extended support (RFC 3339 timestamps, as GKE sends them). */
export interface GkeSupportWindow {
  standard: string;
  extended: string;
}

/** The fake's default support data: every minor it offers supported until well after the tests' clocks. */
export const DEFAULT_GKE_SUPPORT: Record<string, GkeSupportWindow> = {
  '1.31': { standard: '2028-01-15T00:00:00Z', extended: '2029-01-15T00:00:00Z' },
  '1.32': { standard: '2028-04-15T00:00:00Z', extended: '2029-04-15T00:00:00Z' },
  '1.33': { standard: '2028-07-15T00:00:00Z', extended: '2029-07-15T00:00:00Z' },
  '1.34': { standard: '2028-10-15T00:00:00Z', extended: '2029-10-15T00:00:00Z' },
  '1.35': { standard: '2029-01-15T00:00:00Z', extended: '2030-01-15T00:00:00Z' },
};

/** The transient-fault mode (`failFirstAttemptOfEach`): the first attempt of each distinct request fails. */
export interface FirstAttemptFaults {
  /** Cycled through, one per faulted request; default 429 (with Retry-After), 500, 502 (an HTML page), 503. */
  statuses?: number[];
  /** Requests never faulted, e.g. gcloud's own: `(r) => isGcloud(r.userAgent)`. */
  except?: (r: GcpRequest) => boolean;
  /** The Retry-After (seconds) sent with a 429; default 2. */
  retryAfterSeconds?: number;
}

/** One fault of that mode: the request it hit and whether the same request came again (was retried). */
export interface InjectedFault {
  key: string;
  method: string;
  path: string;
  api: GcpRequest['api'];
  status: number;
  retried: boolean;
}

/** gcloud's requests, by their User-Agent (`gcloud/<version> command/gcloud.container… google-cloud-sdk`). */
export function isGcloud(userAgent: string): boolean {
  return /^gcloud\//.test(userAgent) || userAgent.includes('google-cloud-sdk');
}

/** A region quota as Compute reports it. */
export interface FakeQuota {
  limit: number;
  usage: number;
}

/** A machine type of the fake's catalogue; offered in every zone unless `zones` says otherwise. */
export interface FakeMachineType {
  guestCpus: number;
  memoryMb: number;
  zones?: string[];
}

/** Generous limits: the defaults fit in them with room; tests shrink what they probe. */
export const DEFAULT_FAKE_QUOTAS: Readonly<Record<string, FakeQuota>> = {
  CPUS: { limit: 600, usage: 0 },
  N2D_CPUS: { limit: 600, usage: 0 },
  N2_CPUS: { limit: 600, usage: 0 },
  SSD_TOTAL_GB: { limit: 20480, usage: 0 },
  DISKS_TOTAL_GB: { limit: 40960, usage: 0 },
  IN_USE_ADDRESSES: { limit: 200, usage: 0 },
  INSTANCES: { limit: 6000, usage: 0 },
};

export const DEFAULT_FAKE_MACHINE_TYPES: Readonly<Record<string, FakeMachineType>> = {
  'e2-standard-2': { guestCpus: 2, memoryMb: 8192 },
  'e2-standard-8': { guestCpus: 8, memoryMb: 32768 },
  'n2d-standard-8': { guestCpus: 8, memoryMb: 32768 },
  'n2d-standard-16': { guestCpus: 16, memoryMb: 65536 },
  'n2-standard-8': { guestCpus: 8, memoryMb: 32768 },
  'n2-standard-16': { guestCpus: 16, memoryMb: 65536 },
};

const PERMISSION = /^[a-z]+\.[A-Za-z]+\.[A-Za-z]+$/;

export const FAKE_CA_PEM = '-----BEGIN CERTIFICATE-----\nRkFLRSBDQQ==\n-----END CERTIFICATE-----\n';

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function errorBody(code: number, status: string, message: string) {
  return { error: { code, message, status } };
}

const STATUS_NAME: Record<number, string> = {
  400: 'FAILED_PRECONDITION',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export class FakeGcpApi {
  readonly requests: GcpRequest[] = [];
  readonly clusters = new Map<string, Json>(); // key: projects/p/locations/r/clusters/c
  readonly serviceAccounts = new Map<string, Json>(); // key: email
  readonly operations = new Map<string, FakeOperation>(); // key: operation name (short)
  policy: { version: number; etag: string; bindings: { role: string; members: string[]; condition?: Json }[] };
  /** Every successful setIamPolicy, in order. */
  readonly policyWrites: unknown[] = [];
  opPolls: number;
  /** Compute's quotas of the fake's region (regions.get). */
  quotas: Record<string, FakeQuota> = structuredClone(DEFAULT_FAKE_QUOTAS) as Record<string, FakeQuota>;
  /** The zones of the fake's region. */
  zones: string[];
  machineTypes: Record<string, FakeMachineType> = structuredClone(DEFAULT_FAKE_MACHINE_TYPES) as Record<
    string,
    FakeMachineType
  >;
  /** Service names (`compute.googleapis.com`) Service Usage reports DISABLED; every other one is ENABLED. */
  readonly disabledServices = new Set<string>();
  /** Permissions testIamPermissions does not return (the caller lacks them). */
  readonly deniedPermissions = new Set<string>();
  url = '';
  private policyGen = 1;
  private opCounter = 0;
  private faults: Fault[] = [];
  /** Every fault the transient-fault mode injected, in order. */
  readonly transientFaults: InjectedFault[] = [];
  private firstAttempt?: { opts: FirstAttemptFaults; seen: Set<string> };
  private readonly doneHooks: ((op: Json) => void)[] = [];
  private holds: { type: string; started: (name: string) => void; released: Promise<void> }[] = [];
  private server!: http.Server;

  private constructor(readonly opts: Required<FakeGcpOptions>) {
    this.opPolls = opts.opPolls;
    this.zones = ['a', 'b', 'c', 'f'].map((z) => `${opts.region}-${z}`);
    this.policy = {
      version: 1,
      etag: this.etag(),
      bindings: [{ role: 'roles/owner', members: [`user:${opts.account}`] }],
    };
  }

  static async start(options: FakeGcpOptions = {}): Promise<FakeGcpApi> {
    const api = new FakeGcpApi({
      token: options.token ?? 'ya29.fake-gcp-access-token-0123456789',
      account: options.account ?? 'deployer@fake-project.iam.gserviceaccount.com',
      project: options.project ?? 'fake-project',
      region: options.region ?? 'us-central1',
      versions: options.versions ?? ['1.33.5-gke.1201000', '1.33.4-gke.1172000', '1.32.9-gke.1108000'],
      opPolls: options.opPolls ?? 0,
      clusterEndpoint: options.clusterEndpoint ?? '10.0.0.2',
      clusterCaPem: options.clusterCaPem ?? FAKE_CA_PEM,
      support: options.support ?? DEFAULT_GKE_SUPPORT,
      serialNodePoolOperations: options.serialNodePoolOperations ?? false,
    });
    const { server, url } = await listenLoopback((req, res) => void api.handle(req, res));
    api.server = server;
    api.url = `${url}/`;
    return api;
  }

  get token(): string {
    return this.opts.token;
  }

  get account(): string {
    return this.opts.account;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  /** The environment that points gcloud (and this action's clients) at this fake. */
  gcloudEnv(configDir: string): Record<string, string> {
    return {
      CLOUDSDK_CONFIG: configDir,
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
      CLOUDSDK_AUTH_ACCESS_TOKEN: this.opts.token,
      CLOUDSDK_CORE_PROJECT: this.opts.project,
      CLOUDSDK_AUTH_TOKEN_HOST: `${this.url}token`,
      CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
      CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER: this.url,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM: this.url,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: this.url,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_SERVICEUSAGE: this.url,
      // Compute's override carries its version path, as gcloud's default endpoint does.
      CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE: `${this.url}compute/v1/`,
    };
  }

  /** Requests that change state (getIamPolicy, testIamPermissions, tokeninfo and Service Usage reads are POSTs that do not). */
  mutations(): GcpRequest[] {
    return this.requests.filter(
      (r) =>
        r.method !== 'GET' &&
        !r.path.endsWith(':getIamPolicy') &&
        !r.path.endsWith(':testIamPermissions') &&
        !r.path.endsWith(':batchGet') &&
        r.api !== 'oauth2' &&
        r.api !== 'serviceusage',
    );
  }

  /** Requests sent by gcloud (its user agent), as opposed to this action's own clients. */
  gcloudRequests(): GcpRequest[] {
    return this.requests.filter((r) => /gcloud/.test(r.userAgent));
  }

  /**
   * Fails the (skip+1)-th next request matching `match` (and `times - 1` after it) with `status`.
   * `match` may be a function or "METHOD path-regex".
   */
  failNext(
    match: Matcher | string,
    status: number,
    opts: { skip?: number; times?: number; message?: string; reason?: string } = {},
  ) {
    let fn: Matcher;
    if (typeof match === 'string') {
      const [method, ...rest] = match.split(' ');
      const re = new RegExp(rest.join(' '));
      fn = (r) => r.method === method && re.test(r.path);
    } else fn = match;
    this.faults.push({
      match: fn,
      status,
      message: opts.message ?? `injected fault ${status}`,
      reason: opts.reason,
      skip: opts.skip ?? 0,
      times: opts.times ?? 1,
    });
  }

  /**
   * Transient-fault mode: the first attempt of every distinct request (method, path, query and body) not
   * `except`ed is answered with a transient error, the statuses taken in turn; any later attempt of the
   * same request is served as usual and marks its fault `retried`. Applies to tokeninfo too.
   */
  failFirstAttemptOfEach(opts: FirstAttemptFaults = {}): void {
    this.firstAttempt = { opts, seen: new Set() };
  }

  /** Ends the transient-fault mode (the faults stay recorded). */
  stopFailingFirstAttempts(): void {
    this.firstAttempt = undefined;
  }

  /** Called when an operation ends (the controller's side: e.g. nodes joining once a pool is RUNNING). */
  onOperationDone(hook: (op: Json) => void): void {
    this.doneHooks.push(hook);
  }

  pendingFaults(): number {
    return this.faults.reduce((n, f) => n + f.times, 0);
  }

  clearFaults(): void {
    this.faults = [];
  }

  // --- state helpers ---------------------------------------------------------------------------------

  parent(project = this.opts.project, region = this.opts.region): string {
    return `projects/${project}/locations/${region}`;
  }

  cluster(name: string): Json | undefined {
    return this.clusters.get(`${this.parent()}/clusters/${name}`);
  }

  pool(cluster: string, pool: string): Json | undefined {
    return (this.cluster(cluster)?.nodePools as Json[] | undefined)?.find((p) => p.name === pool);
  }

  /** The fake's whole state, as compared between runs (no timestamps, no etags; pools by name, as pools made at once land in any order). */
  snapshot(): unknown {
    const clusters = [...this.clusters.values()].map((c) => ({
      name: c.name,
      status: c.status,
      version: c.currentMasterVersion,
      networkPolicy: c.networkPolicy,
      pools: [...((c.nodePools as Json[]) ?? [])]
        .sort((a, b) => String(a.name).localeCompare(String(b.name)))
        .map((p) => ({
          name: p.name,
          status: p.status,
          version: p.version,
          config: p.config,
          autoscaling: p.autoscaling,
          maxPods: (p.maxPodsConstraint as Json | undefined)?.maxPodsPerNode,
        })),
    }));
    return {
      clusters,
      serviceAccounts: [...this.serviceAccounts.keys()].sort(),
      bindings: this.policy.bindings
        .map((b) => ({ role: b.role, members: [...b.members].sort() }))
        .sort((a, b) => a.role.localeCompare(b.role)),
    };
  }

  seedServiceAccount(email: string, displayName = email.split('@')[0]!): void {
    const project = email.split('@')[1]!.split('.')[0]!;
    this.serviceAccounts.set(email, {
      name: `projects/${project}/serviceAccounts/${email}`,
      projectId: project,
      uniqueId: String(100000000000000000000n + BigInt(this.serviceAccounts.size)),
      email,
      displayName,
      etag: 'MDEwMjE5MjA=',
      oauth2ClientId: '1',
    });
  }

  seedBinding(role: string, member: string): void {
    const b = this.policy.bindings.find((x) => x.role === role);
    if (b) {
      if (!b.members.includes(member)) b.members.push(member);
    } else this.policy.bindings.push({ role, members: [member] });
    this.policy.etag = this.etag();
  }

  /** Stores a cluster as a create request would leave it after its operation (RUNNING). */
  seedCluster(request: Json, status = 'RUNNING'): Json {
    const c = this.buildCluster(this.parent(), request);
    c.status = status;
    for (const p of c.nodePools as Json[]) p.status = status === 'RUNNING' ? 'RUNNING' : 'PROVISIONING';
    this.clusters.set(`${this.parent()}/clusters/${c.name as string}`, c);
    return c;
  }

  /** Starts an operation on a cluster (as a cancelled run leaves one behind); DONE after `polls` reads. */
  startOperation(cluster: string, type: string, polls: number, onDone?: () => void): string {
    const op = this.newOperation(this.parent(), type, `clusters/${cluster}`, polls, onDone);
    return op.name as string;
  }

  /**
   * The next operation of `type` (CREATE_CLUSTER, CREATE_NODE_POOL …) stays RUNNING, however often it is
   * polled, until `release()`: a long operation another run is in the middle of. `started` resolves with
   * the operation's name when it begins.
   */
  holdNext(type: string): { started: Promise<string>; release: () => void } {
    let started!: (name: string) => void;
    let release!: () => void;
    const begun = new Promise<string>((r) => (started = r));
    const released = new Promise<void>((r) => (release = r));
    this.holds.push({ type, started, released });
    return { started: begun, release };
  }

  // --- HTTP ------------------------------------------------------------------------------------------

  private etag(): string {
    return Buffer.from(`BwY${String(this.policyGen++).padStart(6, '0')}`).toString('base64');
  }

  private send(res: http.ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  private fail(res: http.ServerResponse, code: number, message: string, status?: string): void {
    this.send(res, code, errorBody(code, status ?? STATUS_NAME[code] ?? 'UNKNOWN', message));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = Object.fromEntries(new URLSearchParams(raw));
      }
    }
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const record: GcpRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      userAgent: String(req.headers['user-agent'] ?? ''),
      api: apiOf(path),
    };
    this.requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));
    if (this.firstAttemptFault(record, raw, res)) return;

    if (record.api === 'oauth2') return this.tokeninfo(res, body, url);
    if (req.headers.authorization !== `Bearer ${this.opts.token}`) {
      return this.fail(res, 401, 'Request had invalid authentication credentials.', 'UNAUTHENTICATED');
    }
    for (const f of this.faults) {
      if (f.times <= 0 || !f.match({ method, path, body })) continue;
      if (f.skip > 0) {
        f.skip--;
        continue;
      }
      f.times--;
      this.faults = this.faults.filter((x) => x.times > 0);
      return this.fail(res, f.status, f.message, f.reason);
    }
    try {
      switch (record.api) {
        case 'container':
          return this.container(res, method, path, body);
        case 'iam':
          return this.iam(res, method, path, body);
        case 'cloudresourcemanager':
          return this.crm(res, method, path, body);
        case 'serviceusage':
          return this.serviceUsage(res, method, path, url.searchParams);
        case 'compute':
          return this.compute(res, method, path);
        default:
          return this.fail(res, 404, `the fake has no ${method} ${path}`, 'NOT_FOUND');
      }
    } catch (err) {
      return this.fail(res, 500, `fake error: ${(err as Error).message}`);
    }
  }

  /** The transient-fault mode's answer to this request, if it is the first attempt of one not excepted. */
  private firstAttemptFault(r: GcpRequest, raw: string, res: http.ServerResponse): boolean {
    const key = `${r.method} ${r.path}?${r.query.toString()} ${raw}`;
    const mode = this.firstAttempt;
    if (!mode || !failsFirstAttempt(this.transientFaults, mode, key, r)) return false;
    const statuses = mode.opts.statuses ?? [429, 500, 502, 503];
    const status = statuses[this.transientFaults.length % statuses.length]!;
    this.transientFaults.push({ key, method: r.method, path: r.path, api: r.api, status, retried: false });
    if (status === 502) {
      // What a load balancer in front of the API answers: an HTML page, not the API's JSON error.
      const html = '<!DOCTYPE html><html><title>Error 502 (Server Error)!!1</title><p>A temporary error.</p></html>';
      res.writeHead(502, { 'content-type': 'text/html; charset=UTF-8', 'content-length': Buffer.byteLength(html) });
      res.end(html);
      return true;
    }
    const text = JSON.stringify(
      errorBody(status, STATUS_NAME[status] ?? 'UNKNOWN', `injected transient fault ${status}`),
    );
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(text),
      ...(status === 429 ? { 'retry-after': String(mode.opts.retryAfterSeconds ?? 2) } : {}),
    });
    res.end(text);
    return true;
  }

  private tokeninfo(res: http.ServerResponse, body: unknown, url: URL): void {
    const token = (isObj(body) ? String(body.access_token ?? '') : '') || url.searchParams.get('access_token');
    if (token !== this.opts.token) return this.send(res, 400, { error: 'invalid_token' });
    this.send(res, 200, {
      azp: '1',
      aud: '1',
      scope: 'https://www.googleapis.com/auth/cloud-platform https://www.googleapis.com/auth/userinfo.email',
      exp: String(Math.floor(Date.now() / 1000) + 3000),
      expires_in: '3000',
      email: this.opts.account,
      email_verified: 'true',
    });
  }

  /** The project number Service Usage names services by (`projects/<number>/services/<name>`). */
  private readonly projectNumber = '123456789012';

  private serviceState(name: string): string {
    return this.disabledServices.has(name) ? 'DISABLED' : 'ENABLED';
  }

  private serviceUsage(res: http.ServerResponse, method: string, path: string, query: URLSearchParams): void {
    if (method !== 'GET') return this.fail(res, 404, `the fake has no ${method} ${path}`);
    const m = /^\/v1\/projects\/([^/]+)\/services\/([^/:]+)$/.exec(path);
    if (m) {
      const parent = `projects/${this.projectNumber}`;
      return this.send(res, 200, { name: `${parent}/services/${m[2]}`, state: this.serviceState(m[2]!), parent });
    }
    const b = /^\/v1\/projects\/([^/:]+)\/services:batchGet$/.exec(path);
    if (b) {
      if (b[1] !== this.opts.project) return this.fail(res, 403, `Permission denied on resource project ${b[1]}.`);
      // As the real API: 1 to 20 `names`, each a service of the same parent.
      const names = query.getAll('names');
      if (!names.length || names.length > 20)
        return this.fail(res, 400, 'names must hold 1 to 20 services', 'INVALID_ARGUMENT');
      const services: Json[] = [];
      for (const full of names) {
        const n = /^projects\/([^/]+)\/services\/([a-z0-9.-]+)$/.exec(full);
        if (!n || n[1] !== b[1]) return this.fail(res, 400, `Invalid service name ${full}`, 'INVALID_ARGUMENT');
        const parent = `projects/${this.projectNumber}`;
        services.push({
          name: `${parent}/services/${n[2]}`,
          config: { name: n[2], title: n[2] },
          state: this.serviceState(n[2]!),
          parent,
        });
      }
      return this.send(res, 200, { services });
    }
    return this.fail(res, 404, `the fake has no ${path}`);
  }

  // --- Compute -----------------------------------------------------------------------------------------

  private compute(res: http.ServerResponse, method: string, path: string): void {
    const notFound = (what: string) =>
      this.send(res, 404, {
        error: {
          code: 404,
          message: `The resource '${what}' was not found`,
          errors: [{ message: `The resource '${what}' was not found`, domain: 'global', reason: 'notFound' }],
        },
      });
    const base = 'https://www.googleapis.com/compute/v1';
    if (method !== 'GET') return this.fail(res, 404, `the fake has no ${method} ${path}`);
    const r = /^\/compute\/v1\/projects\/([^/]+)\/regions\/([^/]+)$/.exec(path);
    if (r) {
      const [, project, region] = r;
      if (project !== this.opts.project || region !== this.opts.region)
        return notFound(`projects/${project}/regions/${region}`);
      return this.send(res, 200, {
        kind: 'compute#region',
        id: '1000',
        name: region,
        description: region,
        status: 'UP',
        zones: this.zones.map((z) => `${base}/projects/${project}/zones/${z}`),
        quotas: Object.entries(this.quotas).map(([metric, q]) => ({ metric, limit: q.limit, usage: q.usage })),
        selfLink: `${base}/projects/${project}/regions/${region}`,
      });
    }
    const t = /^\/compute\/v1\/projects\/([^/]+)\/zones\/([^/]+)\/machineTypes\/([^/]+)$/.exec(path);
    if (t) {
      const [, project, zone, type] = t;
      const what = `projects/${project}/zones/${zone}/machineTypes/${type}`;
      if (project !== this.opts.project || !this.zones.includes(zone!)) return notFound(what);
      const mt = this.machineTypes[type!];
      if (!mt || (mt.zones && !mt.zones.includes(zone!))) return notFound(what);
      return this.send(res, 200, {
        kind: 'compute#machineType',
        id: '2000',
        name: type,
        description: `${mt.guestCpus} vCPUs, ${mt.memoryMb / 1024} GB RAM`,
        guestCpus: mt.guestCpus,
        memoryMb: mt.memoryMb,
        maximumPersistentDisks: 128,
        maximumPersistentDisksSizeGb: '263168',
        zone,
        isSharedCpu: false,
        selfLink: `${base}/${what}`,
      });
    }
    return this.fail(res, 404, `the fake has no ${method} ${path}`);
  }

  // --- IAM -------------------------------------------------------------------------------------------

  private iam(res: http.ServerResponse, method: string, path: string, body: unknown): void {
    let m = /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/:]+)$/.exec(path);
    if (m && method === 'GET') {
      const email = decodeURIComponent(m[2]!);
      const sa = this.serviceAccounts.get(email);
      return sa ? this.send(res, 200, sa) : this.fail(res, 404, `Unknown service account ${email}`);
    }
    m = /^\/v1\/projects\/([^/]+)\/serviceAccounts$/.exec(path);
    if (m && method === 'POST' && isObj(body)) {
      const project = m[1]!;
      const email = `${String(body.accountId)}@${project}.iam.gserviceaccount.com`;
      if (this.serviceAccounts.has(email)) {
        return this.fail(res, 409, `Service account ${body.accountId} already exists within project ${project}.`);
      }
      const displayName = isObj(body.serviceAccount) ? String(body.serviceAccount.displayName ?? '') : '';
      this.seedServiceAccount(email, displayName);
      return this.send(res, 200, this.serviceAccounts.get(email));
    }
    return this.fail(res, 404, `the fake has no ${method} ${path}`);
  }

  // --- Resource Manager --------------------------------------------------------------------------------

  private crm(res: http.ServerResponse, method: string, path: string, body: unknown): void {
    const m = /^\/v[13]\/projects\/([^/:]+):(getIamPolicy|setIamPolicy|testIamPermissions)$/.exec(path);
    if (!m || method !== 'POST') return this.fail(res, 404, `the fake has no ${method} ${path}`);
    if (m[1] !== this.opts.project) return this.fail(res, 403, `no access to project ${m[1]}`);
    if (m[2] === 'getIamPolicy') {
      // As Resource Manager answers a reader of policy version 1: a conditional binding's role is renamed.
      const asked = isObj(body) && isObj(body.options) ? Number(body.options.requestedPolicyVersion ?? 1) : 1;
      const policy = structuredClone(this.policy);
      if (asked < 3) {
        policy.bindings = policy.bindings.map(({ condition, ...b }) =>
          condition ? { ...b, role: `${b.role}_withcond_0123456789abcdef` } : b,
        );
        policy.version = 1;
      }
      return this.send(res, 200, policy);
    }
    if (m[2] === 'testIamPermissions') {
      const asked = isObj(body) && Array.isArray(body.permissions) ? (body.permissions as unknown[]) : undefined;
      if (!asked) return this.fail(res, 400, 'testIamPermissions needs permissions', 'INVALID_ARGUMENT');
      const bad = asked.find((p) => typeof p !== 'string' || !PERMISSION.test(p));
      if (bad !== undefined) return this.fail(res, 400, `Permission ${String(bad)} is not valid.`, 'INVALID_ARGUMENT');
      const granted = (asked as string[]).filter((p) => !this.deniedPermissions.has(p));
      // As the real API: no `permissions` field at all when none is held.
      return this.send(res, 200, granted.length ? { permissions: granted } : {});
    }
    const policy = isObj(body) && isObj(body.policy) ? body.policy : undefined;
    if (!policy) return this.fail(res, 400, 'setIamPolicy needs a policy', 'INVALID_ARGUMENT');
    if (policy.etag && policy.etag !== this.policy.etag) {
      return this.fail(
        res,
        409,
        'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
        'ABORTED',
      );
    }
    const bindings = (policy.bindings as { role: string; members: string[]; condition?: Json }[] | undefined) ?? [];
    if (bindings.some((b) => b.condition) && Number(policy.version ?? 1) < 3) {
      return this.fail(
        res,
        400,
        'Invalid policy: a policy with conditional role bindings must be set with version 3.',
        'INVALID_ARGUMENT',
      );
    }
    if (bindings.some((b) => b.role.includes('_withcond_'))) {
      return this.fail(res, 400, 'Role (_withcond_) does not exist in the resource.', 'INVALID_ARGUMENT');
    }
    const before = new Set(this.policy.bindings.flatMap((b) => b.members));
    for (const member of bindings.flatMap((b) => b.members ?? [])) {
      const sa = /^serviceAccount:(.+@([^.]+)\.iam\.gserviceaccount\.com)$/.exec(member);
      if (sa && sa[2] === m[1] && !before.has(member) && !this.serviceAccounts.has(sa[1]!)) {
        return this.fail(res, 400, `Service account ${sa[1]} does not exist.`, 'INVALID_ARGUMENT');
      }
    }
    this.policy = { version: Number(policy.version ?? 1), etag: this.etag(), bindings: structuredClone(bindings) };
    this.policyWrites.push(structuredClone(policy));
    return this.send(res, 200, structuredClone(this.policy));
  }

  // --- GKE -------------------------------------------------------------------------------------------

  private newOperation(parent: string, type: string, target: string, polls: number, onDone?: () => void): Json {
    const name = `operation-${Date.now()}-${++this.opCounter}`;
    const op: Json = {
      name,
      zone: parent.split('/')[3],
      location: parent.split('/')[3],
      operationType: type,
      status: 'RUNNING',
      selfLink: `https://container.googleapis.com/v1/${parent}/operations/${name}`,
      targetLink: `https://container.googleapis.com/v1/${parent}/${target}`,
      startTime: new Date().toISOString(),
    };
    const entry: FakeOperation = { op, pollsLeft: polls, onDone };
    this.operations.set(name, entry);
    const hold = this.holds.find((h) => h.type === type);
    if (hold) {
      this.holds = this.holds.filter((h) => h !== hold);
      entry.held = true;
      void hold.released.then(() => (entry.held = false));
      hold.started(name);
    }
    return op;
  }

  /**
   * The running operation that stands in the way of a mutation of the cluster (`pool` undefined) or of
   * one of its node pools: any operation on the cluster or a pool blocks a cluster mutation; a pool
   * mutation is blocked by one on the cluster or on the same pool (by any, with `serialNodePoolOperations`).
   */
  private runningOn(parent: string, cluster: string, pool?: string): Json | undefined {
    const prefix = `https://container.googleapis.com/v1/${parent}/clusters/${cluster}`;
    for (const { op } of this.operations.values()) {
      const t = String(op.targetLink);
      if (op.status === 'DONE' || (t !== prefix && !t.startsWith(`${prefix}/`))) continue;
      const onPool = t.startsWith(`${prefix}/nodePools/`) ? t.slice(`${prefix}/nodePools/`.length) : undefined;
      if (pool === undefined || onPool === undefined || onPool === pool || this.opts.serialNodePoolOperations)
        return op;
    }
    return undefined;
  }

  /** GKE's refusal of a `clusters.create` body's node pools (undefined: accepted). Messages paraphrase GKE's. */
  private poolsRefusal(spec: Json): string | undefined {
    const pools = Array.isArray(spec.nodePools) ? (spec.nodePools as Json[]) : undefined;
    if (!pools?.length) {
      return Number(spec.initialNodeCount ?? 0) > 0
        ? undefined
        : 'Cluster.initial_node_count must be greater than zero.';
    }
    if (spec.nodeConfig !== undefined || spec.initialNodeCount !== undefined) {
      return 'Cluster.node_config and Cluster.initial_node_count must not be set when Cluster.node_pools is set.';
    }
    const names = pools.map((p) => String(p.name ?? ''));
    if (names.some((n) => !/^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/.test(n)))
      return `Invalid node pool name "${names.find((n) => !/^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/.test(n))}".`;
    if (new Set(names).size !== names.length) return 'Node pool names must be unique.';
    if (!pools.some((p) => Number(p.initialNodeCount ?? 0) > 0)) {
      return 'At least one node pool must have initial_node_count greater than zero.';
    }
    for (const p of pools) {
      const a = isObj(p.autoscaling) ? p.autoscaling : {};
      if (a.enabled === true && Number(a.minNodeCount ?? 0) > Number(a.maxNodeCount ?? 0)) {
        return `Node pool "${String(p.name)}": autoscaling min_node_count must not exceed max_node_count.`;
      }
    }
    return undefined;
  }

  private finish(o: FakeOperation): void {
    o.op.status = 'DONE';
    o.op.endTime = new Date().toISOString();
    o.onDone?.();
    for (const hook of this.doneHooks) hook(o.op);
  }

  private buildPool(spec: Json, version: string): Json {
    const config = isObj(spec.config) ? structuredClone(spec.config) : {};
    config.labels ??= {};
    return {
      ...structuredClone(spec),
      config,
      version,
      status: 'PROVISIONING',
      selfLink: 'https://container.googleapis.com/v1/fake',
      instanceGroupUrls: [],
    };
  }

  private buildCluster(parent: string, spec: Json): Json {
    const versions = this.opts.versions;
    const asked = String(spec.initialClusterVersion ?? '') || 'latest';
    const version =
      asked === 'latest' || asked === '-'
        ? versions[0]!
        : (versions.find((v) => v === asked || v.startsWith(`${asked}.`)) ?? asked);
    const pools = Array.isArray(spec.nodePools) ? (spec.nodePools as Json[]) : [];
    if (!pools.length) {
      pools.push({
        name: 'default-pool',
        config: spec.nodeConfig ?? {},
        initialNodeCount: spec.initialNodeCount ?? 3,
      });
    }
    const { nodePools: _p, nodeConfig: _n, initialNodeCount: _i, ...rest } = spec;
    return {
      ...structuredClone(rest),
      location: parent.split('/')[3],
      zone: parent.split('/')[3],
      status: 'PROVISIONING',
      initialClusterVersion: version,
      currentMasterVersion: version,
      currentNodeVersion: version,
      endpoint: this.opts.clusterEndpoint,
      masterAuth: { clusterCaCertificate: Buffer.from(this.opts.clusterCaPem).toString('base64') },
      selfLink: `https://container.googleapis.com/v1/${parent}/clusters/${String(spec.name)}`,
      nodePools: pools.map((p) => this.buildPool(p, version)),
    };
  }

  /** GKE's refusal of a pool that turns auto-upgrade off on a release channel (undefined: accepted). */
  private autoUpgradeRefusal(channel: unknown, pool: Json): string | undefined {
    const name = typeof channel === 'string' && channel !== 'UNSPECIFIED' ? channel : undefined;
    const management = isObj(pool.management) ? pool.management : {};
    if (name && management.autoUpgrade === false) {
      return `Auto_upgrade cannot be false when release_channel ${name} is set.`;
    }
    return undefined;
  }

  /** The versions the server config offers for a new cluster on `channel` (all of them without one). */
  private offered(channel: unknown): string[] {
    const v = this.opts.versions;
    return channel === 'STABLE' ? v.slice(-1) : v;
  }

  /** GKE's refusal of a cluster version its server config does not offer (undefined: accepted). */
  private versionRefusal(channel: unknown, asked: string): string | undefined {
    if (!asked || asked === 'latest' || asked === '-') return undefined;
    const offered = this.offered(channel);
    if (offered.some((v) => v === asked || v.startsWith(`${asked}.`) || v.startsWith(`${asked}-`))) return undefined;
    return `Master version "${asked}" is unsupported.`;
  }

  /** A version GKE would accept: `-`/`latest` the newest, a minor its newest patch, else an exact offered one. */
  private resolveAlias(asked: string, fallback: string): string | undefined {
    const versions = this.opts.versions;
    if (asked === '-' || asked === '') return fallback;
    if (asked === 'latest') return versions[0];
    return versions.find((v) => v === asked || v.startsWith(`${asked}.`) || v.startsWith(`${asked}-`));
  }

  /** UPGRADE_MASTER: one minor at a time, never down; the version must be offered. */
  private upgradeMaster(res: http.ServerResponse, parent: string, cluster: Json, update: Json): void {
    const current = String(cluster.currentMasterVersion);
    const asked = String(update.desiredMasterVersion);
    const version = this.resolveAlias(asked, this.opts.versions[0]!);
    if (!version) {
      return this.fail(res, 400, `Master version "${asked}" is unsupported.`, 'INVALID_ARGUMENT');
    }
    const step = compareMinor(version, current.split('.').slice(0, 2).join('.'));
    if (step < 0) {
      return this.fail(res, 400, `Master cannot be downgraded from ${current} to ${version}.`, 'FAILED_PRECONDITION');
    }
    if (step > 1) {
      return this.fail(
        res,
        400,
        `Master cannot be upgraded to ${version} from ${current}: upgrade one minor version at a time.`,
        'FAILED_PRECONDITION',
      );
    }
    const name = String(cluster.name);
    const op = this.newOperation(parent, 'UPGRADE_MASTER', `clusters/${name}`, this.opPolls, () => {
      cluster.currentMasterVersion = version;
    });
    return this.send(res, 200, op);
  }

  /** UPGRADE_NODES of one pool: never newer than the master; the version must be offered. */
  private upgradeNodes(res: http.ServerResponse, parent: string, cluster: Json, update: Json): void {
    const master = String(cluster.currentMasterVersion);
    const pool = (cluster.nodePools as Json[]).find((p) => p.name === update.desiredNodePoolId);
    if (!pool) return this.fail(res, 404, `Node pool "${String(update.desiredNodePoolId)}" not found.`);
    const asked = String(update.desiredNodeVersion);
    const version = this.resolveAlias(asked, master);
    if (!version) return this.fail(res, 400, `Node version "${asked}" is unsupported.`, 'INVALID_ARGUMENT');
    if (
      compareMinor(version, master.split('.').slice(0, 2).join('.')) > 0 ||
      version.localeCompare(master, 'en', { numeric: true }) > 0
    ) {
      return this.fail(
        res,
        400,
        `Node version "${version}" must not be newer than the master version "${master}".`,
        'FAILED_PRECONDITION',
      );
    }
    const name = String(cluster.name);
    const target = `clusters/${name}/nodePools/${String(pool.name)}`;
    const op = this.newOperation(parent, 'UPGRADE_NODES', target, this.opPolls, () => {
      pool.version = version;
      cluster.currentNodeVersion = version;
    });
    return this.send(res, 200, op);
  }

  /** ClusterUpgradeInfo / NodePoolUpgradeInfo of a version: its minor's support window, the next targets. */
  private upgradeInfo(version: string): Json {
    const minor = version.split('.').slice(0, 2).join('.');
    const window = this.opts.support[minor];
    const newer = this.opts.versions.filter((v) => compareMinor(v, minor) > 0);
    const patch = this.opts.versions.find((v) => v.startsWith(`${minor}.`));
    return {
      autoUpgradeStatus: ['ACTIVE'],
      ...(newer.length ? { minorTargetVersion: newer[newer.length - 1] } : {}),
      ...(patch && patch !== version ? { patchTargetVersion: patch } : {}),
      ...(window
        ? { endOfStandardSupportTimestamp: window.standard, endOfExtendedSupportTimestamp: window.extended }
        : {}),
    };
  }

  private container(res: http.ServerResponse, method: string, path: string, body: unknown): void {
    const m = /^\/v1\/(projects\/([^/]+)\/locations\/([^/]+))(?:\/(.*))?$/.exec(path);
    if (!m) return this.fail(res, 404, `the fake has no ${method} ${path}`);
    const parent = m[1]!;
    const rest = (m[4] ?? '').split('/').filter(Boolean);
    const req = isObj(body) ? body : {};

    if (rest[0] === 'serverConfig' && method === 'GET') {
      const v = this.opts.versions;
      return this.send(res, 200, {
        defaultClusterVersion: v[0],
        validMasterVersions: v,
        validNodeVersions: v,
        defaultImageType: 'COS_CONTAINERD',
        validImageTypes: ['COS_CONTAINERD', 'UBUNTU_CONTAINERD'],
        channels: [
          { channel: 'RAPID', defaultVersion: v[0], validVersions: v },
          { channel: 'REGULAR', defaultVersion: v[0], validVersions: v },
          { channel: 'STABLE', defaultVersion: v[v.length - 1], validVersions: v.slice(-1) },
        ],
      });
    }

    if (rest[0] === 'operations') {
      if (rest.length === 1 && method === 'GET') {
        return this.send(res, 200, { operations: [...this.operations.values()].map((o) => o.op) });
      }
      const o = this.operations.get(rest[1] ?? '');
      if (!o) return this.fail(res, 404, `operation ${rest[1]} not found`);
      if (o.op.status !== 'DONE' && !o.held) {
        if (o.pollsLeft <= 0) this.finish(o);
        else o.pollsLeft--;
      }
      return this.send(res, 200, o.op);
    }

    if (rest[0] !== 'clusters') return this.fail(res, 404, `the fake has no ${method} ${path}`);
    // A custom method ends the last segment: `clusters/c:fetchClusterUpgradeInfo`, `…/nodePools/p:fetchNodePoolUpgradeInfo`.
    const [last, verb] = (rest[rest.length - 1] ?? '').split(':');
    if (verb) rest[rest.length - 1] = last!;
    const clusterName = rest[1];

    if (!clusterName) {
      if (method === 'GET') {
        const list = [...this.clusters.entries()].filter(([k]) => k.startsWith(`${parent}/`)).map(([, c]) => c);
        return this.send(res, 200, { clusters: list });
      }
      if (method === 'POST') {
        const spec = isObj(req.cluster) ? req.cluster : {};
        const key = `${parent}/clusters/${String(spec.name)}`;
        if (this.clusters.has(key)) return this.fail(res, 409, `Already exists: ${key}.`);
        const channel = isObj(spec.releaseChannel) ? spec.releaseChannel.channel : undefined;
        const refusal =
          this.versionRefusal(channel, String(spec.initialClusterVersion ?? '')) ??
          this.poolsRefusal(spec) ??
          [...(Array.isArray(spec.nodePools) ? (spec.nodePools as Json[]) : []), spec]
            .map((p) => this.autoUpgradeRefusal(channel, p))
            .find(Boolean);
        if (refusal) return this.fail(res, 400, refusal, 'INVALID_ARGUMENT');
        const cluster = this.buildCluster(parent, spec);
        this.clusters.set(key, cluster);
        const op = this.newOperation(parent, 'CREATE_CLUSTER', `clusters/${String(spec.name)}`, this.opPolls, () => {
          cluster.status = 'RUNNING';
          for (const p of cluster.nodePools as Json[]) p.status = 'RUNNING';
        });
        return this.send(res, 200, op);
      }
    }
    const key = `${parent}/clusters/${clusterName}`;
    const cluster = this.clusters.get(key);
    if (!cluster) return this.fail(res, 404, `Not found: ${key}.`);
    const pools = cluster.nodePools as Json[];
    // A node pool's own mutation (create, delete, update) is blocked only by what GKE blocks it by.
    const poolTarget =
      rest[2] === 'nodePools' ? (rest[3] ?? (isObj(req.nodePool) ? String(req.nodePool.name) : undefined)) : undefined;
    const busy = method !== 'GET' ? this.runningOn(parent, clusterName!, poolTarget) : undefined;
    if (busy) {
      return this.fail(
        res,
        400,
        `Cluster is running incompatible operation ${String(busy.name)}. Please wait and try again.`,
        'FAILED_PRECONDITION',
      );
    }

    if (verb === 'fetchClusterUpgradeInfo' && rest.length === 2 && method === 'GET') {
      return this.send(res, 200, this.upgradeInfo(String(cluster.currentMasterVersion)));
    }
    if (verb === 'fetchNodePoolUpgradeInfo' && rest.length === 4 && rest[2] === 'nodePools' && method === 'GET') {
      const pool = pools.find((p) => p.name === rest[3]);
      if (!pool) return this.fail(res, 404, `Not found: ${key}/nodePools/${rest[3]}.`);
      return this.send(res, 200, this.upgradeInfo(String(pool.version)));
    }
    if (verb) return this.fail(res, 404, `the fake has no ${method} ${path}`);

    if (rest.length === 2) {
      if (method === 'GET') return this.send(res, 200, cluster);
      if (method === 'PUT') {
        const update = isObj(req.update) ? req.update : {};
        // `clusters upgrade --master` / `--node-pool=…`: as strict as GKE about versions.
        if (typeof update.desiredMasterVersion === 'string') return this.upgradeMaster(res, parent, cluster, update);
        if (typeof update.desiredNodeVersion === 'string') return this.upgradeNodes(res, parent, cluster, update);
        // UpdateClusterRequest: otherwise only what `node-pools update --enable-autoscaling` sends.
        const pool = pools.find((p) => p.name === update.desiredNodePoolId);
        if (!pool || !isObj(update.desiredNodePoolAutoscaling)) {
          return this.fail(res, 400, 'the fake only updates node pool autoscaling', 'INVALID_ARGUMENT');
        }
        pool.autoscaling = structuredClone(update.desiredNodePoolAutoscaling);
        return this.send(
          res,
          200,
          this.newOperation(parent, 'UPDATE_CLUSTER', `clusters/${clusterName}`, this.opPolls),
        );
      }
      if (method === 'DELETE') {
        cluster.status = 'STOPPING';
        return this.send(
          res,
          200,
          this.newOperation(parent, 'DELETE_CLUSTER', `clusters/${clusterName}`, this.opPolls, () =>
            this.clusters.delete(key),
          ),
        );
      }
    }
    if (rest[2] === 'nodePools') {
      const poolName = rest[3];
      if (!poolName && method === 'GET') return this.send(res, 200, { nodePools: pools });
      if (!poolName && method === 'POST') {
        const spec = isObj(req.nodePool) ? req.nodePool : {};
        if (pools.some((p) => p.name === spec.name)) {
          return this.fail(res, 409, `Already exists: ${key}/nodePools/${String(spec.name)}.`);
        }
        const channel = isObj(cluster.releaseChannel) ? cluster.releaseChannel.channel : undefined;
        const refusal = this.autoUpgradeRefusal(channel, spec);
        if (refusal) return this.fail(res, 400, refusal, 'INVALID_ARGUMENT');
        const pool = this.buildPool(spec, String(cluster.currentNodeVersion));
        pools.push(pool);
        const target = `clusters/${clusterName}/nodePools/${String(spec.name)}`;
        return this.send(
          res,
          200,
          this.newOperation(parent, 'CREATE_NODE_POOL', target, this.opPolls, () => (pool.status = 'RUNNING')),
        );
      }
      const pool = pools.find((p) => p.name === poolName);
      if (!pool) return this.fail(res, 404, `Not found: ${key}/nodePools/${poolName}.`);
      const target = `clusters/${clusterName}/nodePools/${poolName}`;
      if (rest.length === 4 && method === 'GET') return this.send(res, 200, pool);
      if (rest.length === 4 && method === 'DELETE') {
        pool.status = 'STOPPING';
        return this.send(
          res,
          200,
          this.newOperation(parent, 'DELETE_NODE_POOL', target, this.opPolls, () => {
            cluster.nodePools = (cluster.nodePools as Json[]).filter((p) => p !== pool);
          }),
        );
      }
      if (rest.length === 4 && method === 'PUT') {
        // UpdateNodePoolRequest: only the fields this flow changes in place.
        const labels = isObj(req.labels) ? (req.labels.labels as Record<string, string> | undefined) : undefined;
        if (labels) (pool.config as Json).labels = { ...labels };
        return this.send(res, 200, this.newOperation(parent, 'UPDATE_CLUSTER', target, this.opPolls));
      }
    }
    return this.fail(res, 404, `the fake has no ${method} ${path}`);
  }
}

/** The minor of `version` against `minor` (`1.34.1-gke.1` vs `1.33` → 1). */
export function compareMinor(version: string, minor: string): number {
  const [a, b] = [version, minor].map((v) => v.split('.').slice(0, 2).map(Number));
  return a![0]! - b![0]! || a![1]! - b![1]!;
}

function apiOf(path: string): GcpRequest['api'] {
  if (path === '/tokeninfo' || path === '/token' || path.startsWith('/oauth2/')) return 'oauth2';
  if (/^\/v1\/projects\/[^/]+\/locations\//.test(path)) return 'container';
  if (/^\/v1\/projects\/[^/]+\/serviceAccounts/.test(path)) return 'iam';
  if (/^\/v[13]\/projects\/[^/:]+:((get|set)IamPolicy|testIamPermissions)$/.test(path)) return 'cloudresourcemanager';
  if (path.startsWith('/compute/v1/')) return 'compute';
  if (/^\/v1\/projects\/[^/]+\/services/.test(path)) return 'serviceusage';
  return 'unknown';
}
