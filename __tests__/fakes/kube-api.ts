/**
 * FAKE Kubernetes API server on loopback, for tests (no kube-apiserver can run on this machine).
 *
 * A generic, stateful REST store: discovery (/api, /apis, /version), any registered kind at its real
 * path, list paging with `limit`/`continue`, label selectors (equality), create/get/replace/delete,
 * JSON merge patch, strategic merge patch (treated as a merge patch) and server-side apply. As strict as
 * the real API server where a flow could go wrong: an object in a namespace that does not exist is refused
 * (404 `namespaces "x" not found`; the cluster starts with default, kube-system, kube-public and
 * kube-node-lease), and a created CustomResourceDefinition serves its kind only once it is Established,
 * a few requests later (`crdEstablishAfter`), as the real one does a moment later: until then its kind
 * answers 404. Every request is recorded; faults can be injected (one by
 * one, or the first attempt of every distinct request: `failFirstAttemptOfEach`); write hooks can play a
 * controller (e.g. the tigera operator marking Calico ready).
 *
 * With `tls: true` it serves https on 127.0.0.1 with a server certificate (SAN IP:127.0.0.1) signed by a
 * CA generated at start by the real `openssl` CLI, so clients verify TLS against `caPem` as they would
 * against a cluster's CA. `acceptToken` admits bearer tokens other than `token` (e.g. EKS STS tokens).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { closeServer, failsFirstAttempt, listenLoopback, readBody } from './loopback.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KubeAccess } from '../../src/providers/types.js';
import type { KubeObject, KubeRef } from '../../src/clients/kube.js';

export interface KindInfo {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType?: string;
  body?: unknown;
}

const BUILTIN_KINDS: KindInfo[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  { group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', plural: 'roles', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', plural: 'rolebindings', namespaced: true },
  {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
  },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true },
];

function apiVersionOf(k: KindInfo): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export interface FakeKubeOptions {
  token?: string;
  version?: string;
  /** Accept requests without any Authorization header (kubectl sends no bearer token over plain http). */
  anonymous?: boolean;
  /** Serve https with a CA made at start (see `caPem`). */
  tls?: boolean;
  /** Admits a bearer token other than `token`. */
  acceptToken?: (token: string) => boolean;
  /** Requests after a CRD's create before it is Established and its kind served; default 2. */
  crdEstablishAfter?: number;
}

/** The namespaces a new cluster has. */
const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** A CA and a server certificate for IP 127.0.0.1 signed by it, made by the openssl CLI in a temp folder. */
export function loopbackTlsMaterial(): { caPem: string; certPem: string; keyPem: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-kube-tls-'));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const days = ['-days', '2'];
  try {
    const caExt = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];
    openssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.crt'),
      ...days,
      '-subj',
      '/CN=FAKE CA',
      ...caExt,
    );
    openssl('req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1');
    const ext = ['subjectAltName=IP:127.0.0.1', 'basicConstraints=CA:FALSE', 'extendedKeyUsage=serverAuth'];
    writeFileSync(f('ext.cnf'), `${ext.join('\n')}\n`);
    const signedBy = ['-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial', '-extfile', f('ext.cnf')];
    openssl('x509', '-req', '-in', f('server.csr'), '-out', f('server.crt'), ...days, ...signedBy);
    const read = (name: string) => readFileSync(f(name), 'utf8');
    return { caPem: read('ca.crt'), certPem: read('server.crt'), keyPem: read('server.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The transient-fault mode (`failFirstAttemptOfEach`): the first attempt of each distinct request fails. */
export interface KubeFirstAttemptFaults {
  /** Cycled through, one per faulted request; 'drop' closes the connection without an answer. */
  statuses?: (number | 'drop')[];
  /** Requests never faulted. */
  except?: (r: RecordedRequest) => boolean;
  /** The Retry-After (seconds) sent with a 429; default 2. */
  retryAfterSeconds?: number;
}

/** One fault of that mode: the request it hit and whether the same request came again (was retried). */
export interface KubeInjectedFault {
  key: string;
  method: string;
  path: string;
  status: number | 'drop';
  retried: boolean;
}

function status(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function keyOf(o: KubeObject): string {
  return `${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function matchesSelector(obj: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = obj.metadata.labels ?? {};
  return selector.split(',').every((term) => {
    const t = term.trim();
    if (!t) return true;
    let m = /^([^!=]+)!=(.*)$/.exec(t);
    if (m) return labels[m[1]!.trim()] !== m[2]!.trim();
    m = /^([^=]+)==?(.*)$/.exec(t);
    if (m) return labels[m[1]!.trim()] === m[2]!.trim();
    if (t.startsWith('!')) return !(t.slice(1) in labels);
    return t in labels;
  });
}

export class FakeKubeApi {
  readonly requests: RecordedRequest[] = [];
  private readonly kinds = new Map<string, KindInfo>(); // key: apiVersion|plural
  /** kind key (apiVersion|Kind) → namespace/name → object, in insertion order. */
  private readonly store = new Map<string, Map<string, KubeObject>>();
  private readonly hooks: ((obj: KubeObject, verb: 'create' | 'patch' | 'delete') => void)[] = [];
  private readonly requestHooks: ((req: http.IncomingMessage) => void)[] = [];
  private readonly faults: {
    match: (r: { method: string; path: string }) => boolean;
    status: number;
    times: number;
    message?: string;
  }[] = [];
  /** Every fault the transient-fault mode injected, in order. */
  readonly transientFaults: KubeInjectedFault[] = [];
  private firstAttempt?: { opts: KubeFirstAttemptFaults; seen: Set<string> };
  private rv = 1000;
  private server!: http.Server;
  private acceptToken?: (token: string) => boolean;
  /** CRDs created but not Established yet, with the requests left until they are. */
  private establishing: { ref: KubeRef; left: number }[] = [];
  private crdEstablishAfter = 2;
  url = '';
  /** The CA of the https server (`tls: true`), PEM. */
  caPem?: string;

  private constructor(
    readonly token: string,
    /** The API server's gitVersion; an upgrade of the control plane changes it. */
    public version: string,
    /** Accept requests without the token too: kubectl sends no bearer token over plain http. */
    private readonly anonymous = false,
  ) {
    for (const k of BUILTIN_KINDS) this.registerKind(k);
    for (const name of INITIAL_NAMESPACES) {
      this.bucket('v1', 'Namespace').set(
        `/${name}`,
        this.stamp({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase: 'Active' } }),
      );
    }
  }

  static async start(opts: FakeKubeOptions = {}): Promise<FakeKubeApi> {
    const api = new FakeKubeApi(opts.token ?? 'fake-kube-token-0123456789', opts.version ?? 'v1.33.2', opts.anonymous);
    api.acceptToken = opts.acceptToken;
    api.crdEstablishAfter = opts.crdEstablishAfter ?? 2;
    const handler: http.RequestListener = (req, res) => void api.handle(req, res);
    if (!opts.tls) {
      ({ server: api.server, url: api.url } = await listenLoopback(handler));
      return api;
    }
    const tls = loopbackTlsMaterial();
    const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api.server = server as unknown as http.Server;
    api.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api.caPem = tls.caPem;
    return api;
  }

  /** `127.0.0.1:<port>`: the endpoint as GKE reports it (no scheme). */
  get hostPort(): string {
    return new URL(this.url).host;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  registerKind(k: KindInfo): void {
    this.kinds.set(`${apiVersionOf(k)}|${k.plural}`, k);
  }

  access(): KubeAccess {
    if (this.caPem) return { server: this.url, token: this.token, caData: Buffer.from(this.caPem).toString('base64') };
    return { server: this.url, token: this.token, insecureSkipTlsVerify: true };
  }

  async writeKubeconfig(dir: string): Promise<string> {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'fake.kubeconfig');
    const doc = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'fake',
          cluster: this.caPem
            ? { server: this.url, 'certificate-authority-data': Buffer.from(this.caPem).toString('base64') }
            : { server: this.url, 'insecure-skip-tls-verify': true },
        },
      ],
      users: [{ name: 'fake', user: { token: this.token } }],
      contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'fake' } }],
      'current-context': 'fake',
    };
    await writeFile(file, JSON.stringify(doc), { mode: 0o600 });
    return file;
  }

  mutations(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  onWrite(hook: (obj: KubeObject, verb: 'create' | 'patch' | 'delete') => void): void {
    this.hooks.push(hook);
  }

  /** Called as each request arrives, before anything is answered (tests that watch the headers sent). */
  onRequest(hook: (req: http.IncomingMessage) => void): void {
    this.requestHooks.push(hook);
  }

  /** The next `times` requests matching `match` are answered `status` (with `message`, else "injected fault <status>"). */
  failNext(
    match: (req: { method: string; path: string }) => boolean,
    status: number,
    times = 1,
    message?: string,
  ): void {
    this.faults.push({ match, status, times, message });
  }

  /**
   * Transient-fault mode: the first attempt of every distinct request (method, path, query and body) not
   * `except`ed fails (429 with Retry-After, 500, 502, 503, a dropped connection, in turn by default); any
   * later attempt of the same request is served as usual and marks its fault `retried`.
   */
  failFirstAttemptOfEach(opts: KubeFirstAttemptFaults = {}): void {
    this.firstAttempt = { opts, seen: new Set() };
  }

  /** Ends the transient-fault mode (the faults stay recorded). */
  stopFailingFirstAttempts(): void {
    this.firstAttempt = undefined;
  }

  /** The transient-fault mode's answer to this request, if it is the first attempt of one not excepted. */
  private firstAttemptFault(r: RecordedRequest, raw: string, req: http.IncomingMessage, res: http.ServerResponse) {
    const key = `${r.method} ${r.path}?${r.query.toString()} ${raw}`;
    const mode = this.firstAttempt;
    if (!mode || !failsFirstAttempt(this.transientFaults, mode, key, r)) return false;
    const statuses = mode.opts.statuses ?? [429, 500, 502, 503, 'drop'];
    const code = statuses[this.transientFaults.length % statuses.length]!;
    this.transientFaults.push({ key, method: r.method, path: r.path, status: code, retried: false });
    if (code === 'drop') {
      req.socket.destroy();
      return true;
    }
    const text = JSON.stringify(status(code, 'InjectedTransientFault', `injected transient fault ${code}`));
    res.writeHead(code, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...(code === 429 ? { 'retry-after': String(mode.opts.retryAfterSeconds ?? 2) } : {}),
    });
    res.end(text);
    return true;
  }

  private authorized(header: string | undefined): boolean {
    if (!header) return this.anonymous;
    if (header === `Bearer ${this.token}`) return true;
    return !!this.acceptToken && header.startsWith('Bearer ') && this.acceptToken(header.slice('Bearer '.length));
  }

  private bucket(apiVersion: string, kind: string): Map<string, KubeObject> {
    const key = `${apiVersion}|${kind}`;
    let b = this.store.get(key);
    if (!b) this.store.set(key, (b = new Map()));
    return b;
  }

  private stamp(obj: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    obj.metadata.uid ??= `uid-${this.rv}`;
    obj.metadata.creationTimestamp ??= new Date(0).toISOString();
    return obj;
  }

  /** Stores objects without recording a request (fixtures). */
  seed(...objs: KubeObject[]): void {
    for (const o of objs) {
      const obj = this.stamp(structuredClone(o));
      this.bucket(obj.apiVersion, obj.kind).set(`${obj.metadata.namespace ?? ''}/${obj.metadata.name}`, obj);
      if (obj.kind === 'CustomResourceDefinition') this.registerCrd(obj);
    }
  }

  /** Removes every object of a kind without recording a request (fixtures between cases). */
  forget(apiVersion: string, kind: string): void {
    this.store.get(`${apiVersion}|${kind}`)?.clear();
  }

  object(ref: KubeRef): KubeObject | undefined {
    return this.store.get(`${ref.apiVersion}|${ref.kind}`)?.get(`${ref.namespace ?? ''}/${ref.name}`);
  }

  objects(apiVersion: string, kind: string): KubeObject[] {
    return [...(this.store.get(`${apiVersion}|${kind}`)?.values() ?? [])];
  }

  /**
   * Every stored object, sorted, without what the server stamps on a write (resourceVersion, uid,
   * creationTimestamp): the state two worlds are compared by.
   */
  snapshot(): KubeObject[] {
    const all = [...this.store.values()].flatMap((bucket) => [...bucket.values()]);
    return all
      .map((o) => {
        const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ts, ...metadata } = o.metadata;
        return { ...structuredClone(o), metadata: structuredClone(metadata) } as KubeObject;
      })
      .sort((x, y) => keyOf(x).localeCompare(keyOf(y)));
  }

  /** Removes an object without recording a request (fixtures). */
  remove(ref: KubeRef): void {
    this.store.get(`${ref.apiVersion}|${ref.kind}`)?.delete(`${ref.namespace ?? ''}/${ref.name}`);
  }

  /** A CRD just created: Established (and its kind served) after `crdEstablishAfter` more requests. */
  private establishLater(crd: KubeObject): void {
    const ref = { apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name };
    if (this.crdEstablishAfter <= 0) return this.establish(ref);
    this.establishing.push({ ref, left: this.crdEstablishAfter });
  }

  private establish(ref: KubeRef): void {
    const crd = this.object(ref);
    if (!crd) return;
    const conditions = [
      { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts' },
      { type: 'Established', status: 'True', reason: 'InitialNamesAccepted' },
    ];
    crd.status = { ...(crd.status as Record<string, unknown> | undefined), conditions };
    this.registerCrd(crd);
  }

  /** One request more: CRDs whose time has come are Established. */
  private tickEstablishing(): void {
    for (const e of this.establishing) e.left--;
    const due = this.establishing.filter((e) => e.left <= 0);
    this.establishing = this.establishing.filter((e) => e.left > 0);
    for (const e of due) this.establish(e.ref);
  }

  private registerCrd(crd: KubeObject): void {
    const spec = crd.spec as {
      group: string;
      names: { kind: string; plural: string };
      scope: string;
      versions: { name: string; served?: boolean }[];
    };
    for (const v of spec.versions ?? []) {
      this.registerKind({
        group: spec.group,
        version: v.name,
        kind: spec.names.kind,
        plural: spec.names.plural,
        namespaced: spec.scope === 'Namespaced',
      });
    }
  }

  private send(res: http.ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private discovery(pathname: string): unknown | undefined {
    if (pathname === '/version') {
      const m = /^v(\d+)\.(\d+)/.exec(this.version);
      return { major: m?.[1] ?? '1', minor: m?.[2] ?? '0', gitVersion: this.version, platform: 'linux/amd64' };
    }
    const kinds = [...this.kinds.values()];
    if (pathname === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
    if (pathname === '/apis') {
      const groups = new Map<string, Set<string>>();
      for (const k of kinds)
        if (k.group) (groups.get(k.group) ?? groups.set(k.group, new Set()).get(k.group)!).add(k.version);
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups].map(([name, versions]) => {
          const vs = [...versions].map((version) => ({ groupVersion: `${name}/${version}`, version }));
          return { name, versions: vs, preferredVersion: vs[0] };
        }),
      };
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(pathname);
    if (!m) return undefined;
    const gv = m[1] ? 'v1' : `${m[2]}/${m[3]}`;
    const resources = kinds
      .filter((k) => apiVersionOf(k) === gv)
      .map((k) => ({
        name: k.plural,
        singularName: k.kind.toLowerCase(),
        namespaced: k.namespaced,
        kind: k.kind,
        verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      }));
    if (!resources.length) return undefined;
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
  }

  private route(pathname: string): { kind: KindInfo; namespace?: string; name?: string } | undefined {
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(pathname);
    if (!m) return undefined;
    const apiVersion = m[1] ? 'v1' : `${m[2]}/${m[3]}`;
    const seg = m[4]!.split('/').map(decodeURIComponent);
    let namespace: string | undefined;
    if (seg[0] === 'namespaces' && seg.length >= 3) {
      namespace = seg[1];
      seg.splice(0, 2);
    }
    const kind = this.kinds.get(`${apiVersion}|${seg[0]}`);
    if (!kind) return undefined;
    return { kind, namespace: kind.namespaced ? namespace : undefined, name: seg[1] };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const hook of this.requestHooks) hook(req);
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const contentType = req.headers['content-type']?.split(';')[0];
    let body: unknown;
    if (raw) {
      try {
        body = contentType === 'application/apply-patch+yaml' ? parseYaml(raw) : JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const recorded: RecordedRequest = { method, path: url.pathname, query: url.searchParams, contentType, body };
    this.requests.push(recorded);
    this.tickEstablishing();
    if (this.firstAttemptFault(recorded, raw, req, res)) return;

    if (!this.authorized(req.headers.authorization)) {
      return this.send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
    }
    const fault = this.faults.find((f) => f.times > 0 && f.match({ method, path: url.pathname }));
    if (fault) {
      fault.times--;
      const message = fault.message ?? `injected fault ${fault.status}`;
      return this.send(res, fault.status, status(fault.status, 'InjectedFault', message));
    }
    if (contentType === 'application/vnd.kubernetes.protobuf') {
      return this.send(res, 415, status(415, 'UnsupportedMediaType', 'the fake speaks JSON only'));
    }

    if (method === 'GET') {
      const d = this.discovery(url.pathname);
      if (d) return this.send(res, 200, d);
    }
    const route = this.route(url.pathname);
    if (!route) return this.send(res, 404, status(404, 'NotFound', `the server could not find ${url.pathname}`));
    const { kind, namespace, name } = route;
    const apiVersion = apiVersionOf(kind);
    const bucket = this.bucket(apiVersion, kind.kind);
    const key = `${namespace ?? ''}/${name ?? ''}`;
    const what = `${kind.plural}${name ? ` "${name}"` : ''}`;
    const creating =
      (method === 'POST' && !name) || (method === 'PATCH' && contentType === 'application/apply-patch+yaml');
    if (creating && namespace && !this.object({ apiVersion: 'v1', kind: 'Namespace', name: namespace })) {
      return this.send(res, 404, {
        ...status(404, 'NotFound', `namespaces "${namespace}" not found`),
        details: { name: namespace, kind: 'namespaces' },
      });
    }

    if (method === 'GET' && !name) {
      let items = [...bucket.values()].filter(
        (o) =>
          (namespace === undefined || o.metadata.namespace === namespace) &&
          matchesSelector(o, url.searchParams.get('labelSelector')),
      );
      const start = Number(url.searchParams.get('continue') || 0);
      const limit = Number(url.searchParams.get('limit') || 0);
      const end = limit > 0 ? start + limit : items.length;
      const more = end < items.length;
      const remaining = items.length - end;
      items = items.slice(start, end);
      return this.send(res, 200, {
        kind: `${kind.kind}List`,
        apiVersion,
        metadata: {
          resourceVersion: String(this.rv),
          ...(more ? { continue: String(end), remainingItemCount: remaining } : {}),
        },
        items,
      });
    }
    if (method === 'GET') {
      const obj = bucket.get(key);
      return obj ? this.send(res, 200, obj) : this.send(res, 404, status(404, 'NotFound', `${what} not found`));
    }
    if (method === 'POST' && !name) {
      if (!isObject(body)) return this.send(res, 400, status(400, 'BadRequest', 'body must be a JSON object'));
      const obj = structuredClone(body) as KubeObject;
      obj.apiVersion ??= apiVersion;
      obj.kind ??= kind.kind;
      if (namespace) obj.metadata.namespace = namespace;
      const k = `${namespace ?? ''}/${obj.metadata?.name}`;
      if (bucket.has(k)) {
        return this.send(
          res,
          409,
          status(409, 'AlreadyExists', `${kind.plural} "${obj.metadata.name}" already exists`),
        );
      }
      bucket.set(k, this.stamp(obj));
      if (obj.kind === 'CustomResourceDefinition') this.establishLater(obj);
      for (const h of this.hooks) h(obj, 'create');
      return this.send(res, 201, obj);
    }
    if (method === 'PUT' && name) {
      if (!bucket.has(key)) return this.send(res, 404, status(404, 'NotFound', `${what} not found`));
      const obj = this.stamp(structuredClone(body) as KubeObject);
      bucket.set(key, obj);
      for (const h of this.hooks) h(obj, 'patch');
      return this.send(res, 200, obj);
    }
    if (method === 'PATCH' && name) {
      const existing = bucket.get(key);
      if (contentType === 'application/apply-patch+yaml') {
        const merged = mergePatch(existing ?? {}, body) as KubeObject;
        if (namespace) merged.metadata.namespace = namespace;
        bucket.set(key, this.stamp(merged));
        if (merged.kind === 'CustomResourceDefinition') {
          if (existing && this.establishing.every((e) => e.ref.name !== merged.metadata.name)) this.registerCrd(merged);
          else if (!existing) this.establishLater(merged);
        }
        for (const h of this.hooks) h(merged, existing ? 'patch' : 'create');
        return this.send(res, existing ? 200 : 201, merged);
      }
      if (!existing) return this.send(res, 404, status(404, 'NotFound', `${what} not found`));
      if (contentType === 'application/json-patch+json') {
        return this.send(res, 415, status(415, 'UnsupportedMediaType', 'the fake does not speak JSON patch'));
      }
      const merged = this.stamp(mergePatch(existing, body) as KubeObject);
      bucket.set(key, merged);
      for (const h of this.hooks) h(merged, 'patch');
      return this.send(res, 200, merged);
    }
    if (method === 'DELETE' && name) {
      const existing = bucket.get(key);
      if (!existing) return this.send(res, 404, status(404, 'NotFound', `${what} not found`));
      bucket.delete(key);
      for (const h of this.hooks) h(existing, 'delete');
      return this.send(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' });
    }
    return this.send(res, 405, status(405, 'MethodNotAllowed', `${method} ${url.pathname}`));
  }
}

/** A Node as the kubelet reports it, with the fields the reference document's custom columns read. */
export function fakeNode(o: {
  name: string;
  labels?: Record<string, string>;
  pods?: number;
  runtime?: string;
  kernel?: string;
  kubelet?: string;
  osImage?: string;
  ready?: boolean;
  providerID?: string;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: o.name, labels: { 'kubernetes.io/hostname': o.name, ...o.labels } },
    spec: { providerID: o.providerID ?? `fake://${o.name}` },
    status: {
      capacity: { cpu: '8', memory: '32Gi', pods: String(o.pods ?? 110) },
      allocatable: { cpu: '8', memory: '30Gi', pods: String(o.pods ?? 110) },
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', reason: 'KubeletReady' }],
      nodeInfo: {
        containerRuntimeVersion: o.runtime ?? 'containerd://1.7.24',
        kernelVersion: o.kernel ?? '6.8.0-1015-gke',
        kubeletVersion: o.kubelet ?? 'v1.33.2',
        osImage: o.osImage ?? 'Ubuntu 24.04.1 LTS',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
