/**
 * FAKE EKS + CloudFormation REST APIs on loopback, for tests (the real ones are out of reach here).
 *
 * The real AWS SDK clients talk to it through AWS_ENDPOINT_URL_EKS / AWS_ENDPOINT_URL_CLOUDFORMATION:
 * EKS's REST-JSON reads (DescribeCluster, ListNodegroups, DescribeNodegroup, DescribeClusterVersions) and
 * CloudFormation's query-protocol DescribeStacks, with typed errors (`x-amzn-errortype`). It also plays
 * eksctl's effect on the cloud for the eksctl TEST STAND-IN (eksctl-stand-in.mjs), which POSTs each
 * invocation (argv + config file) to /__eksctl. Every request is logged; faults can be injected (one
 * action at a time, or the first attempt of every distinct API request: `failFirstAttemptOfEach`).
 *
 * Duplicates are answered as the real tools do: `create cluster` on a stack name in use fails with
 * CloudFormation's AlreadyExistsException; `create nodegroup` excludes a nodegroup that has a stack (any
 * status) or exists in EKS, as eksctl's nodegroup filter does. `set labels` / `unset labels` change an existing
 * nodegroup's labels and refuse what eksctl refuses (see `eksctlLabels`). `delete nodegroup` only plans without
 * `--approve` and refuses a nodegroup EKS does not have (`eksctlDeleteNodegroup`); `upgrade nodegroup` refuses
 * `--kubernetes-version` on a custom AMI (amiType CUSTOM), in eksctl's words. `holdEksctl` keeps the next create in the
 * middle (stacks CREATE_IN_PROGRESS, the cluster CREATING) until the test releases it.
 *
 * As strict as the real ones: a cluster has no endpoint and no CA while CREATING; `ListNodegroups` pages
 * (`maxResults` 1–100, default 100; `nextToken`); eksctl refuses an unknown flag, a flag the config file
 * must carry instead, and a config without metadata.name or metadata.region (eksctl's own messages), and
 * `create cluster` creates the config's nodegroups too unless `--without-nodegroup` is given.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { closeServer, failsFirstAttempt, listenLoopback, readBody } from './loopback.js';
import { parse as parseYaml } from 'yaml';

export interface FakeCluster {
  name: string;
  status: string;
  version: string;
  endpoint: string;
  caData: string;
  /** DescribeCluster upgradePolicy.supportType; EKS's default is EXTENDED. */
  supportType?: string;
  /** DescribeCluster accessConfig.authenticationMode. */
  authenticationMode?: string;
}

/** An EKS add-on as DescribeAddon answers it. */
export interface FakeAddon {
  addonName: string;
  clusterName: string;
  status: string;
  addonVersion: string;
}

/**
 * FAKE data, not AWS's list: the versions DescribeAddonVersions offers of the two add-ons an upgrade round
 * updates, newest first, each with the Kubernetes minors it is compatible with. A minor's default (and what
 * `eksctl update addon --version=latest` picks) is its newest compatible one; they overlap, as EKS's do.
 */
export const FAKE_ADDON_VERSIONS: Readonly<
  Record<string, readonly { addonVersion: string; clusterVersions: string[] }[]>
> = {
  coredns: [
    { addonVersion: 'v1.12.4-eksbuild.1', clusterVersions: ['1.34', '1.35'] },
    { addonVersion: 'v1.12.1-eksbuild.2', clusterVersions: ['1.33', '1.34'] },
    { addonVersion: 'v1.11.4-eksbuild.14', clusterVersions: ['1.31', '1.32', '1.33'] },
  ],
  'kube-proxy': [
    { addonVersion: 'v1.35.0-eksbuild.1', clusterVersions: ['1.35'] },
    { addonVersion: 'v1.34.0-eksbuild.2', clusterVersions: ['1.34'] },
    { addonVersion: 'v1.33.0-eksbuild.2', clusterVersions: ['1.33'] },
    { addonVersion: 'v1.32.0-eksbuild.2', clusterVersions: ['1.32'] },
    { addonVersion: 'v1.31.2-eksbuild.3', clusterVersions: ['1.31'] },
  ],
};

/** The newest version of an add-on compatible with a Kubernetes minor (FAKE_ADDON_VERSIONS), if any. */
export function fakeAddonDefault(addon: string, minor: string): string | undefined {
  return FAKE_ADDON_VERSIONS[addon]?.find((v) => v.clusterVersions.includes(minor))?.addonVersion;
}

/** An EKS access entry as DescribeAccessEntry answers it. */
export interface FakeAccessEntry {
  clusterName: string;
  principalArn: string;
  kubernetesGroups: string[];
  type: string;
  username: string;
}

export interface FakeNodegroup {
  nodegroupName: string;
  clusterName: string;
  status: string;
  labels: Record<string, string>;
  instanceTypes: string[];
  scalingConfig: { minSize: number; maxSize: number; desiredSize: number };
  amiType: string;
  /** The nodegroup's Kubernetes minor (the cluster's when created). */
  version?: string;
}

export interface FakeStack {
  StackName: string;
  StackStatus: string;
  StackStatusReason?: string;
}

export interface LoggedRequest {
  service: 'eks' | 'cloudformation' | 'eksctl';
  method: string;
  path: string;
  action: string;
}

export interface EksctlCall {
  argv: string[];
  /** `create cluster`, `create nodegroup`, `delete cluster` … */
  command: string;
  /** The config file's text as eksctl was given it. */
  configText?: string;
  config?: Record<string, unknown>;
}

export interface EksctlFault {
  command: string;
  message: string;
  /** State an interrupted eksctl run leaves behind (e.g. a stack in ROLLBACK_COMPLETE). */
  leave?: (api: FakeEksApi, call: EksctlCall) => void;
  times: number;
}

export type EksctlHook = (
  event:
    | 'cluster-created'
    | 'nodegroup-created'
    | 'nodegroup-relabelled'
    | 'cluster-upgraded'
    | 'nodegroup-upgraded'
    | 'nodegroup-deleted'
    | 'addon-updated',
  detail: { name: string; version?: string; drained?: boolean },
) => void;

/**
 * The flags eksctl 0.230's `set labels` and `unset labels` define (pkg/ctl/set/labels.go,
 * pkg/ctl/unset/labels.go, cmdutils: --cluster, --nodegroup, --labels, --region, --timeout, --profile;
 * `set` also --config-file), plus the root command's persistent ones; long name → short name.
 */
const LABEL_FLAGS: Record<'set labels' | 'unset labels', Record<string, string | undefined>> = {
  'set labels': {
    cluster: 'c',
    nodegroup: 'n',
    labels: 'l',
    region: 'r',
    timeout: undefined,
    'config-file': 'f',
    profile: 'p',
    verbose: 'v',
    color: 'C',
  },
  'unset labels': {
    cluster: 'c',
    nodegroup: 'n',
    labels: 'l',
    region: 'r',
    timeout: undefined,
    profile: 'p',
    verbose: 'v',
    color: 'C',
  },
};

/** Parses `eksctl <verb> labels …` as cobra/pflag would: unknown flags and stray arguments are refused. */
export function parseLabelArgv(
  command: 'set labels' | 'unset labels',
  argv: readonly string[],
): { flags: Record<string, string>; positional: string[] } | { error: string } {
  const known = LABEL_FLAGS[command];
  const byShort = Object.fromEntries(Object.entries(known).flatMap(([l, sh]) => (sh ? [[sh, l]] : [])));
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  const rest = argv.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const long = a.startsWith('--');
    const body = a.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const raw = eq >= 0 ? body.slice(0, eq) : body;
    const name = long ? raw : byShort[raw];
    if (!name || !(name in known))
      return { error: long ? `unknown flag: --${raw}` : `unknown shorthand flag: '${raw}' in ${a}` };
    let value: string | undefined = eq >= 0 ? body.slice(eq + 1) : undefined;
    if (value === undefined) {
      value = rest[i + 1];
      if (value === undefined) return { error: `flag needs an argument: --${name}` };
      i++;
    }
    flags[name] = name in flags && name === 'labels' ? `${flags[name]},${value}` : value;
  }
  return { flags, positional };
}

/** The value of `--flag=value` or `--flag value` in an argv. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (const [i, a] of argv.entries()) {
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    if (a === flag) return argv[i + 1];
  }
  return undefined;
}

const minorNumber = (v: string) => Number(v.split('.')[1]);

/** One transient answer of the fault mode: status, the SDK's error type (`x-amzn-errortype`), none for a proxy's page. */
export interface AwsTransientFault {
  status: number;
  code?: string;
}

/** The transient-fault mode (`failFirstAttemptOfEach`): the first attempt of each distinct API request fails. */
export interface AwsFirstAttemptFaults {
  /** Cycled through for EKS; default 429 ThrottlingException, 500 ServerException, 502 (a proxy's HTML page), 503 ServiceUnavailableException. */
  eks?: AwsTransientFault[];
  /** Cycled through for CloudFormation; default 400 Throttling (how CloudFormation throttles), 500 InternalFailure, 502, 503 ServiceUnavailable. */
  cloudformation?: AwsTransientFault[];
  /** Requests never faulted. */
  except?: (r: LoggedRequest) => boolean;
  /** A Retry-After (seconds) sent with each fault; none by default (the SDK would really wait it). */
  retryAfterSeconds?: number;
}

/** One fault of that mode: the request it hit and whether the same request came again (was retried). */
export interface AwsInjectedFault extends AwsTransientFault {
  key: string;
  service: LoggedRequest['service'];
  action: string;
  retried: boolean;
}

const FIRST_ATTEMPT_DEFAULTS: Record<'eks' | 'cloudformation', AwsTransientFault[]> = {
  eks: [
    { status: 429, code: 'ThrottlingException' },
    { status: 500, code: 'ServerException' },
    { status: 502 },
    { status: 503, code: 'ServiceUnavailableException' },
  ],
  cloudformation: [
    { status: 400, code: 'Throttling' },
    { status: 500, code: 'InternalFailure' },
    { status: 502 },
    { status: 503, code: 'ServiceUnavailable' },
  ],
};

/** Seconds since the epoch, as EKS's REST-JSON timestamps travel. */
export const epochSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/**
 * The versions EKS lists, with support dates as data: every one supported until well after the tests'
 * clocks (a test that judges dates sets its own). 1.29 is unsupported: listed only with `includeAll`.
 */
export const DEFAULT_VERSIONS: Record<string, unknown>[] = [
  {
    clusterVersion: '1.29',
    versionStatus: 'UNSUPPORTED',
    endOfStandardSupportDate: epochSeconds('2025-03-23'),
    endOfExtendedSupportDate: epochSeconds('2026-03-23'),
  },
  ...(
    [
      ['1.31', 'EXTENDED_SUPPORT', '2026-11-26', '2028-11-26'],
      ['1.32', 'STANDARD_SUPPORT', '2028-03-23', '2029-03-23'],
      ['1.33', 'STANDARD_SUPPORT', '2028-07-29', '2029-07-29'],
      ['1.34', 'STANDARD_SUPPORT', '2028-12-02', '2029-12-02'],
    ] as const
  ).map(([clusterVersion, versionStatus, standard, extended]) => ({
    clusterVersion,
    versionStatus,
    endOfStandardSupportDate: epochSeconds(standard),
    endOfExtendedSupportDate: epochSeconds(extended),
    ...(clusterVersion === '1.33' ? { defaultVersion: true } : {}),
  })),
];

/** RFC 4648 base32 without padding, as eksctl names access entry stacks (Go's StdEncoding.WithPadding(NoPadding)). */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class FakeEksApi {
  readonly requests: LoggedRequest[] = [];
  readonly clusters = new Map<string, FakeCluster>();
  readonly nodegroups = new Map<string, FakeNodegroup>(); // key: cluster/name
  readonly stacks = new Map<string, FakeStack>();
  readonly addons = new Map<string, FakeAddon>(); // key: cluster/name
  readonly accessEntries = new Map<string, FakeAccessEntry>(); // key: cluster/principalArn
  /** The principal whose credentials run eksctl: `create cluster` gives it an admin access entry. */
  creatorArn = 'arn:aws:iam::000000000000:role/fake-ci-creator';
  readonly eksctlCalls: EksctlCall[] = [];
  versions: Record<string, unknown>[] = DEFAULT_VERSIONS;
  /** `ListNodegroups`' page size when the request gives no maxResults (the real default: 100). */
  nodegroupPageSize = 100;
  private readonly eksctlFaults: EksctlFault[] = [];
  private readonly apiFaults: { action: string; status: number; code: string; times: number; message?: string }[] = [];
  /** Every fault the transient-fault mode injected, in order. */
  readonly transientFaults: AwsInjectedFault[] = [];
  private firstAttempt?: { opts: AwsFirstAttemptFaults; seen: Set<string> };
  private readonly hooks: EksctlHook[] = [];
  private holds: { command: string; started: () => void; released: Promise<void> }[] = [];
  private server!: http.Server;
  url = '';

  private constructor(
    readonly kubeEndpoint: string,
    readonly caData: string,
  ) {}

  static async start(opts: { kubeEndpoint: string; caData?: string }): Promise<FakeEksApi> {
    const api = new FakeEksApi(opts.kubeEndpoint, opts.caData ?? Buffer.from('FAKE CA').toString('base64'));
    ({ server: api.server, url: api.url } = await listenLoopback((req, res) => void api.handle(req, res)));
    return api;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  /** Requests that change the cloud: eksctl invocations and any non-read API call. */
  writes(): LoggedRequest[] {
    return this.requests.filter(
      (r) =>
        r.service === 'eksctl' || (r.service === 'eks' && r.method !== 'GET') || !/^(Describe|List|Get)/.test(r.action),
    );
  }

  onEksctl(hook: EksctlHook): void {
    this.hooks.push(hook);
  }

  /** The next `times` invocations of this eksctl command fail (after `leave` changed the state). */
  failEksctl(command: string, message: string, leave?: EksctlFault['leave'], times = 1): void {
    this.eksctlFaults.push({ command, message, leave, times });
  }

  /**
   * The next invocation of `create cluster` / `create nodegroup` starts (its stacks CREATE_IN_PROGRESS,
   * the cluster CREATING) and ends only on `release()`, as eksctl waits on CloudFormation for minutes.
   */
  holdEksctl(command: 'create cluster' | 'create nodegroup'): { started: Promise<void>; release: () => void } {
    let started!: () => void;
    let release!: () => void;
    const begun = new Promise<void>((r) => (started = r));
    const released = new Promise<void>((r) => (release = r));
    this.holds.push({ command, started, released });
    return { started: begun, release };
  }

  /** Runs `finish` now, or once the test releases a hold on this command. */
  private afterHold(command: string, finish: () => void): void {
    const hold = this.holds.find((h) => h.command === command);
    if (!hold) return finish();
    this.holds = this.holds.filter((h) => h !== hold);
    void hold.released.then(finish);
    hold.started();
  }

  /** The next `times` calls of an API action answer with this error (and `message`, else "injected fault"). */
  failApi(action: string, status: number, code: string, times = 1, message?: string): void {
    this.apiFaults.push({ action, status, code, times, message });
  }

  /**
   * Transient-fault mode: the first attempt of every distinct EKS or CloudFormation request (method, URL
   * and body; eksctl's own calls are not API requests) not `except`ed fails with a typed transient error,
   * taken in turn per service; a later attempt of the same request is served as usual and marks its
   * fault `retried`.
   */
  failFirstAttemptOfEach(opts: AwsFirstAttemptFaults = {}): void {
    this.firstAttempt = { opts, seen: new Set() };
  }

  /** Ends the transient-fault mode (the faults stay recorded). */
  stopFailingFirstAttempts(): void {
    this.firstAttempt = undefined;
  }

  /** The transient-fault mode's answer to this request, if it is the first attempt of one not excepted. */
  private firstAttemptFault(r: LoggedRequest, key: string, res: http.ServerResponse): boolean {
    const mode = this.firstAttempt;
    if (!mode || r.service === 'eksctl' || !failsFirstAttempt(this.transientFaults, mode, key, r)) return false;
    const list = mode.opts[r.service] ?? FIRST_ATTEMPT_DEFAULTS[r.service];
    const f = list[this.transientFaults.filter((x) => x.service === r.service).length % list.length]!;
    this.transientFaults.push({ ...f, key, service: r.service, action: r.action, retried: false });
    const retryAfter = mode.opts.retryAfterSeconds;
    if (retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
    if (!f.code) {
      const html = `<html><head><title>${f.status} Bad Gateway</title></head><body>${f.status}</body></html>`;
      res.writeHead(f.status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
      res.end(html);
    } else if (r.service === 'cloudformation') this.cfnError(res, f.status, f.code, 'Rate exceeded (injected)');
    else this.json(res, f.status, { message: `injected transient fault ${f.status}` }, f.code);
    return true;
  }

  cluster(name: string): FakeCluster | undefined {
    return this.clusters.get(name);
  }

  addonNames(cluster: string): string[] {
    return [...this.addons.values()].filter((a) => a.clusterName === cluster).map((a) => a.addonName);
  }

  accessEntryArns(cluster: string): string[] {
    return [...this.accessEntries.values()].filter((e) => e.clusterName === cluster).map((e) => e.principalArn);
  }

  /** An access entry as EKS makes it: a STANDARD one gets a username derived from the principal. */
  putAccessEntry(cluster: string, principalArn: string, kubernetesGroups: string[], type = 'STANDARD'): void {
    const account = principalArn.split(':')[4] ?? '';
    const role = principalArn.split('/').at(-1) ?? '';
    this.accessEntries.set(`${cluster}/${principalArn}`, {
      clusterName: cluster,
      principalArn,
      kubernetesGroups: [...kubernetesGroups],
      type,
      username: `arn:aws:sts::${account}:assumed-role/${role}/{{SessionName}}`,
    });
  }

  nodegroupNames(cluster: string): string[] {
    return [...this.nodegroups.values()].filter((n) => n.clusterName === cluster).map((n) => n.nodegroupName);
  }

  private json(res: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': 'fake-request',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(text);
  }

  private xml(res: http.ServerResponse, status: number, body: string, errorType?: string): void {
    res.writeHead(status, {
      'content-type': 'text/xml',
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': 'fake-request',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(body);
  }

  private fault(action: string) {
    const f = this.apiFaults.find((x) => x.times > 0 && x.action === action);
    if (f) f.times--;
    return f;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';

    if (url.pathname === '/__eksctl' && method === 'POST') return this.eksctl(JSON.parse(raw), res);

    if (method === 'POST' && url.pathname === '/' && raw.includes('Action=')) {
      const form = new URLSearchParams(raw);
      const action = form.get('Action') ?? '';
      const logged: LoggedRequest = { service: 'cloudformation', method, path: url.pathname, action };
      this.requests.push(logged);
      if (this.firstAttemptFault(logged, `${method} ${url.pathname}${url.search} ${raw}`, res)) return;
      const f = this.fault(action);
      if (f) return this.cfnError(res, f.status, f.code, f.message ?? 'injected fault');
      if (action !== 'DescribeStacks') return this.cfnError(res, 400, 'InvalidAction', `${action} is not faked`);
      const name = form.get('StackName') ?? '';
      const stack = this.stacks.get(name);
      if (!stack) return this.cfnError(res, 400, 'ValidationError', `Stack with id ${name} does not exist`);
      const reason = stack.StackStatusReason
        ? `<StackStatusReason>${xmlEscape(stack.StackStatusReason)}</StackStatusReason>`
        : '';
      return this.xml(
        res,
        200,
        `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>` +
          `<StackName>${xmlEscape(stack.StackName)}</StackName><StackId>arn:aws:cloudformation:fake:000000000000:stack/${xmlEscape(stack.StackName)}/1</StackId>` +
          `<StackStatus>${stack.StackStatus}</StackStatus>${reason}<CreationTime>2026-01-01T00:00:00Z</CreationTime>` +
          `</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      );
    }

    const seg = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const action =
      seg[0] === 'cluster-versions'
        ? 'DescribeClusterVersions'
        : seg[0] === 'addons' && seg[1] === 'supported-versions' && seg.length === 2
          ? 'DescribeAddonVersions'
          : seg[0] === 'clusters' && seg.length === 2
            ? 'DescribeCluster'
            : seg[0] === 'clusters' && seg[2] === 'node-groups' && seg.length === 3
              ? 'ListNodegroups'
              : seg[0] === 'clusters' && seg[2] === 'node-groups' && seg.length === 4
                ? 'DescribeNodegroup'
                : seg[0] === 'clusters' && seg[2] === 'addons' && seg.length === 3
                  ? 'ListAddons'
                  : seg[0] === 'clusters' && seg[2] === 'addons' && seg.length === 4
                    ? 'DescribeAddon'
                    : seg[0] === 'clusters' && seg[2] === 'access-entries' && seg.length === 3
                      ? 'ListAccessEntries'
                      : seg[0] === 'clusters' && seg[2] === 'access-entries' && seg.length === 4
                        ? 'DescribeAccessEntry'
                        : `${method} ${url.pathname}`;
    const logged: LoggedRequest = { service: 'eks', method, path: url.pathname, action };
    this.requests.push(logged);
    if (this.firstAttemptFault(logged, `${method} ${url.pathname}${url.search} ${raw}`, res)) return;
    const f = this.fault(action);
    if (f) return this.json(res, f.status, { message: f.message ?? 'injected fault' }, f.code);
    if (method !== 'GET') return this.json(res, 400, { message: `${action} is not faked` }, 'InvalidRequestException');
    const notFound = (what: string) =>
      this.json(res, 404, { message: `No ${what} found` }, 'ResourceNotFoundException');

    if (action === 'DescribeClusterVersions') {
      // Unsupported versions only with includeAll; `clusterVersions` narrows the list, as EKS does.
      const wanted = url.searchParams.getAll('clusterVersions');
      const all = url.searchParams.get('includeAll') === 'true';
      const list = this.versions.filter(
        (v) =>
          (all || v.versionStatus !== 'UNSUPPORTED') && (!wanted.length || wanted.includes(String(v.clusterVersion))),
      );
      return this.json(res, 200, { clusterVersions: list });
    }
    if (action === 'DescribeAddonVersions') {
      // Narrowed by addonName and kubernetesVersion, as EKS does; one page (the fake lists few).
      const name = url.searchParams.get('addonName');
      const k8s = url.searchParams.get('kubernetesVersion');
      const addons = Object.entries(FAKE_ADDON_VERSIONS)
        .filter(([n]) => !name || n === name)
        .map(([addonName, versions]) => ({
          addonName,
          type: 'networking',
          addonVersions: versions
            .filter((v) => !k8s || v.clusterVersions.includes(k8s))
            .map((v) => ({
              addonVersion: v.addonVersion,
              architecture: ['amd64', 'arm64'],
              compatibilities: v.clusterVersions.map((clusterVersion) => ({
                clusterVersion,
                platformVersions: ['*'],
                defaultVersion: fakeAddonDefault(addonName, clusterVersion) === v.addonVersion,
              })),
            })),
        }));
      return this.json(res, 200, { addons });
    }
    const cluster = this.clusters.get(seg[1] ?? '');
    if (!cluster) return notFound(`cluster found for name: ${seg[1]}.`);
    if (action === 'DescribeCluster') {
      // EKS has no API server to show while the control plane is being created.
      const reachable = cluster.status !== 'CREATING';
      return this.json(res, 200, {
        cluster: {
          name: cluster.name,
          arn: `arn:aws:eks:fake:000000000000:cluster/${cluster.name}`,
          status: cluster.status,
          version: cluster.version,
          ...(reachable ? { endpoint: cluster.endpoint, certificateAuthority: { data: cluster.caData } } : {}),
          upgradePolicy: { supportType: cluster.supportType ?? 'EXTENDED' },
          ...(cluster.authenticationMode ? { accessConfig: { authenticationMode: cluster.authenticationMode } } : {}),
        },
      });
    }
    if (action === 'ListAddons') return this.json(res, 200, { addons: this.addonNames(cluster.name) });
    if (action === 'DescribeAddon') {
      const addon = this.addons.get(`${cluster.name}/${seg[3]}`);
      return addon
        ? this.json(res, 200, { addon })
        : this.json(
            res,
            404,
            { message: `No addon: ${seg[3]} found in cluster: ${cluster.name}` },
            'ResourceNotFoundException',
          );
    }
    if (action === 'ListAccessEntries' || action === 'DescribeAccessEntry') {
      // EKS refuses the access entry API on a cluster that authenticates through aws-auth only.
      if (cluster.authenticationMode === 'CONFIG_MAP') {
        return this.json(
          res,
          400,
          { message: 'The cluster authentication mode must be set to API or API_AND_CONFIG_MAP' },
          'InvalidRequestException',
        );
      }
      if (action === 'ListAccessEntries')
        return this.json(res, 200, { accessEntries: this.accessEntryArns(cluster.name) });
      const entry = this.accessEntries.get(`${cluster.name}/${seg[3]}`);
      if (!entry)
        return this.json(
          res,
          404,
          { message: `The specified access entry resource is not found` },
          'ResourceNotFoundException',
        );
      return this.json(res, 200, {
        accessEntry: {
          ...entry,
          accessEntryArn: `arn:aws:eks:fake:000000000000:access-entry/${cluster.name}/role/${entry.principalArn.split('/').at(-1)}`,
          createdAt: 1767225600,
          modifiedAt: 1767225600,
          tags: {},
        },
      });
    }
    if (action === 'ListNodegroups') {
      const asked = url.searchParams.get('maxResults');
      const max = asked === null ? this.nodegroupPageSize : Number(asked);
      if (!Number.isInteger(max) || max < 1 || max > 100) {
        return this.json(res, 400, { message: 'maxResults must be between 1 and 100' }, 'InvalidParameterException');
      }
      const names = this.nodegroupNames(cluster.name);
      const start = Number(url.searchParams.get('nextToken') ?? 0) || 0;
      const page = names.slice(start, start + max);
      const more = start + max < names.length;
      return this.json(res, 200, { nodegroups: page, ...(more ? { nextToken: String(start + max) } : {}) });
    }
    if (action === 'DescribeNodegroup') {
      const ng = this.nodegroups.get(`${cluster.name}/${seg[3]}`);
      return ng ? this.json(res, 200, { nodegroup: ng }) : notFound(`node group found for name: ${seg[3]}.`);
    }
    return this.json(res, 404, { message: `${action} is not faked` }, 'ResourceNotFoundException');
  }

  /** `eksctl upgrade cluster`: one minor at a time, never down, an offered version; only with --approve. */
  private eksctlUpgradeCluster(argv: string[], reply: (ok: boolean, lines: string[]) => void): void {
    const name = flagValue(argv, '--name') ?? '';
    const cluster = this.clusters.get(name);
    if (!cluster) return reply(false, [`Error: cluster ${name} not found`]);
    if (cluster.status !== 'ACTIVE') {
      return reply(false, [`Error: cluster ${name} is ${cluster.status}: an update is in progress`]);
    }
    const version = flagValue(argv, '--version') ?? '';
    const offered = this.versions.find((v) => v.clusterVersion === version && v.versionStatus !== 'UNSUPPORTED');
    if (!offered) return reply(false, [`Error: control plane version "${version}" is not supported`]);
    const step = minorNumber(version) - minorNumber(cluster.version);
    if (step < 0) {
      return reply(false, [`Error: cannot upgrade to a lower version: ${cluster.version} → ${version}`]);
    }
    if (step === 0) return reply(true, [`no upgrade required: cluster ${name} runs ${cluster.version}`]);
    if (step > 1) {
      return reply(false, [
        `Error: upgrading more than one version at a time is not supported: ${cluster.version} → ${version}`,
      ]);
    }
    if (!argv.includes('--approve')) return reply(true, ['(plan) no changes applied; re-run with --approve']);
    cluster.version = version;
    for (const h of this.hooks) h('cluster-upgraded', { name, version });
    return reply(true, [`cluster "${name}" control plane has been upgraded to version "${version}"`]);
  }

  /** `eksctl upgrade nodegroup`: never past the control plane; refuses a version for a custom AMI, as eksctl does. */
  private eksctlUpgradeNodegroup(argv: string[], reply: (ok: boolean, lines: string[]) => void): void {
    const cluster = this.clusters.get(flagValue(argv, '--cluster') ?? '');
    if (!cluster) return reply(false, ['Error: --cluster must be an existing cluster']);
    const ngName = flagValue(argv, '--name') ?? '';
    const ng = this.nodegroups.get(`${cluster.name}/${ngName}`);
    if (!ng) {
      return reply(false, [
        `Error: upgrade is only supported for managed nodegroups; could not find one with name "${ngName}"`,
      ]);
    }
    if (ng.status === 'UPDATING') {
      return reply(false, [
        'Error: nodegroup is currently being updated, please retry the command after the existing update is complete',
      ]);
    }
    const version = flagValue(argv, '--kubernetes-version');
    if (ng.amiType === 'CUSTOM' && version) {
      return reply(false, ['Error: cannot specify kubernetes-version or release-version when using a custom AMI']);
    }
    const target = version ?? cluster.version;
    if (minorNumber(target) > minorNumber(cluster.version)) {
      return reply(false, [
        `Error: InvalidParameterException: Requested Kubernetes version ${target} is newer than the cluster's ${cluster.version}`,
      ]);
    }
    if (ng.version && minorNumber(target) < minorNumber(ng.version)) {
      return reply(false, [`Error: InvalidParameterException: cannot downgrade nodegroup ${ngName} to ${target}`]);
    }
    ng.version = target;
    for (const h of this.hooks) h('nodegroup-upgraded', { name: ngName, version: target });
    return reply(true, ['nodegroup successfully upgraded']);
  }

  /**
   * `eksctl delete nodegroup --cluster --name [--drain] --approve [--wait]` (pkg/ctl/delete/nodegroup.go): without
   * `--approve` only the plan (eksctl's plan mode, nothing deleted); a nodegroup EKS does not have is EKS's
   * ResourceNotFoundException (eksctl's PopulateNodegroup asks DescribeNodegroup); one being updated or deleted
   * is refused. Drained first (`--drain` is eksctl's default; the `nodegroup-deleted` hook says whether), then
   * the nodegroup and its stack are gone.
   */
  private eksctlDeleteNodegroup(argv: string[], reply: (ok: boolean, lines: string[]) => void): void {
    const clusterName = flagValue(argv, '--cluster') ?? '';
    const cluster = this.clusters.get(clusterName);
    if (!clusterName) return reply(false, ['Error: --cluster must be set']);
    if (!cluster) return reply(false, [`Error: ResourceNotFoundException: No cluster found for name: ${clusterName}.`]);
    const ngName = flagValue(argv, '--name') ?? '';
    if (!ngName) return reply(false, ['Error: --name must be set']);
    const ng = this.nodegroups.get(`${clusterName}/${ngName}`);
    const stackName = `eksctl-${clusterName}-nodegroup-${ngName}`;
    if (!ng) return reply(false, [`Error: ResourceNotFoundException: No node group found for name: ${ngName}.`]);
    const drainFlag = argv.find((a) => a === '--drain' || a.startsWith('--drain='));
    const drain = drainFlag === undefined || drainFlag === '--drain' || drainFlag === '--drain=true';
    if (!argv.includes('--approve') && !argv.includes('--approve=true')) {
      return reply(true, [
        `(plan) ${drain ? `drain 1 nodegroup(s) in cluster "${clusterName}"` : ''}`,
        `(plan) delete 1 nodegroups from cluster "${clusterName}"`,
        "no changes were applied, run again with '--approve' to apply the changes",
      ]);
    }
    if (ng.status !== 'ACTIVE' && ng.status !== 'DEGRADED') {
      return reply(false, [
        `Error: ResourceInUseException: Nodegroup ${ngName} is in ${ng.status} state and cannot be deleted now`,
      ]);
    }
    this.requests.push({
      service: 'eks',
      method: 'DELETE',
      path: `/clusters/${clusterName}/node-groups/${ngName}`,
      action: 'DeleteNodegroup',
    });
    this.nodegroups.delete(`${clusterName}/${ngName}`);
    this.stacks.delete(stackName);
    for (const h of this.hooks) h('nodegroup-deleted', { name: ngName, drained: drain });
    return reply(true, [
      ...(drain ? [`drained all nodes: [nodes of ${ngName}]`] : []),
      `deleted 1 nodegroup(s) from cluster "${clusterName}"`,
    ]);
  }

  private cfnError(res: http.ServerResponse, status: number, code: string, message: string): void {
    this.xml(
      res,
      status,
      `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type>` +
        `<Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`,
      code,
    );
  }

  /** What eksctl would do to the cloud for this invocation. */
  private eksctl(body: { argv: string[]; configText?: string }, res: http.ServerResponse): void {
    const argv = body.argv;
    const command = argv
      .filter((a) => !a.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    const call: EksctlCall = {
      argv,
      command,
      configText: body.configText,
      config: body.configText ? (parseYaml(body.configText) as Record<string, unknown>) : undefined,
    };
    this.eksctlCalls.push(call);
    this.requests.push({ service: 'eksctl', method: 'EXEC', path: argv.join(' '), action: command });
    const reply = (ok: boolean, lines: string[]) => this.json(res, 200, { ok, lines });

    const fault = this.eksctlFaults.find((f) => f.times > 0 && f.command === command);
    if (fault) {
      fault.times--;
      fault.leave?.(this, call);
      return reply(false, [`Error: ${fault.message}`]);
    }
    const refused = eksctlRefusal(call);
    if (refused) return reply(false, [`Error: ${refused}`]);
    const meta = (call.config?.metadata ?? {}) as { name?: string; version?: string };
    const cfg = (call.config ?? {}) as {
      addonsConfig?: { disableDefaultAddons?: boolean };
      addons?: { name: string }[];
      managedNodeGroups?: { desiredCapacity?: number; minSize?: number }[];
      nodeGroups?: unknown[];
      iam?: { withOIDC?: boolean; serviceAccounts?: { metadata: { name: string; namespace?: string } }[] };
      upgradePolicy?: { supportType?: string };
      accessConfig?: {
        authenticationMode?: string;
        accessEntries?: { principalARN: string; kubernetesGroups?: string[]; type?: string }[];
      };
    };
    const serviceAccountStacks = (name: string) =>
      (cfg.iam?.serviceAccounts ?? []).map(
        (sa) => `eksctl-${name}-addon-iamserviceaccount-${sa.metadata.namespace ?? 'default'}-${sa.metadata.name}`,
      );
    const accessEntryStack = (name: string, arn: string) =>
      `eksctl-${name}-accessentry-${base32(createHash('sha1').update(arn).digest())}`;
    if (command === 'create cluster') {
      const name = meta.name ?? '';
      const stackName = `eksctl-${name}-cluster`;
      const addons = cfg.addons ?? [];
      // eksctl's validateBareCluster (pkg/ctl/cmdutils/configfile.go), before anything is created.
      const bare = cfg.addonsConfig?.disableDefaultAddons === true && !addons.some((a) => a.name === 'vpc-cni');
      const hasNodes = [
        ...(cfg.managedNodeGroups ?? []),
        ...((cfg.nodeGroups ?? []) as { desiredCapacity?: number }[]),
      ].some((g) => (g.desiredCapacity ?? 2) > 0);
      if (bare && (hasNodes || (cfg.iam?.serviceAccounts ?? []).length > 0)) {
        return reply(false, [
          'Error: fields nodeGroups, managedNodeGroups, fargateProfiles, karpenter, gitops, iam.serviceAccounts, and iam.podIdentityAssociations are not supported during cluster creation in a cluster without VPC CNI if Auto Mode is disabled; please remove these fields and add them back after cluster creation is successful',
        ]);
      }
      if (this.clusters.has(name) || this.stacks.has(stackName)) {
        return reply(false, [
          `Error: creating CloudFormation stack "${stackName}": AlreadyExistsException: Stack [${stackName}] already exists`,
        ]);
      }
      const stack: FakeStack = { StackName: stackName, StackStatus: 'CREATE_IN_PROGRESS' };
      const cluster: FakeCluster = {
        name,
        status: 'CREATING',
        version: String(meta.version ?? '1.34'),
        endpoint: this.kubeEndpoint,
        caData: this.caData,
        supportType: cfg.upgradePolicy?.supportType ?? 'EXTENDED',
        authenticationMode: cfg.accessConfig?.authenticationMode ?? 'API_AND_CONFIG_MAP',
      };
      this.stacks.set(stackName, stack);
      this.clusters.set(name, cluster);
      // Without --without-nodegroup eksctl creates the config's nodegroups right after the control plane.
      const withNodegroups = !argv.includes('--without-nodegroup');
      return this.afterHold(command, () => {
        stack.StackStatus = 'CREATE_COMPLETE';
        cluster.status = 'ACTIVE';
        this.clusters.set(name, cluster);
        // eksctl's CreateAddonTasks: the default add-ons unless disabled, plus the config's own.
        const names = new Set(addons.map((a) => a.name));
        if (!cfg.addonsConfig?.disableDefaultAddons)
          for (const d of ['vpc-cni', 'kube-proxy', 'coredns', 'metrics-server']) names.add(d);
        for (const addonName of names) {
          this.addons.set(`${name}/${addonName}`, {
            addonName,
            clusterName: name,
            status: 'ACTIVE',
            // kube-proxy's version carries the cluster's minor, as EKS's do, also where the table has none.
            addonVersion:
              fakeAddonDefault(addonName, cluster.version) ??
              (addonName === 'kube-proxy' ? `v${cluster.version}.0-eksbuild.1` : 'v1.0.0-eksbuild.1'),
          });
        }
        if (cluster.authenticationMode !== 'CONFIG_MAP') {
          this.putAccessEntry(name, this.creatorArn, []);
          for (const e of cfg.accessConfig?.accessEntries ?? []) {
            this.putAccessEntry(name, e.principalARN, e.kubernetesGroups ?? [], e.type ?? 'STANDARD');
            this.stacks.set(accessEntryStack(name, e.principalARN), {
              StackName: accessEntryStack(name, e.principalARN),
              StackStatus: 'CREATE_COMPLETE',
            });
          }
        }
        if (cfg.iam?.withOIDC) {
          for (const sa of serviceAccountStacks(name))
            this.stacks.set(sa, { StackName: sa, StackStatus: 'CREATE_COMPLETE' });
        }
        for (const h of this.hooks) h('cluster-created', { name });
        const lines = [`EKS cluster "${name}" in "fake" region is ready`];
        if (withNodegroups) {
          const { made, lines: more } = this.plannedNodegroups(name, call);
          for (const { stack: ngStack, ng } of made) {
            ngStack.StackStatus = 'CREATE_COMPLETE';
            this.nodegroups.set(`${name}/${ng.nodegroupName}`, ng);
            for (const h of this.hooks) h('nodegroup-created', { name: ng.nodegroupName });
            lines.push(`created managed nodegroup "${ng.nodegroupName}"`);
          }
          lines.push(...more);
        }
        reply(true, lines);
      });
    }
    if (command === 'create nodegroup') {
      const name = meta.name ?? '';
      const cluster = this.clusters.get(name);
      if (!cluster || cluster.status !== 'ACTIVE') return reply(false, [`Error: cluster ${name} is not ACTIVE`]);
      const { made, lines } = this.plannedNodegroups(name, call);
      const finish = () => {
        for (const { stack, ng } of made) {
          stack.StackStatus = 'CREATE_COMPLETE';
          this.nodegroups.set(`${name}/${ng.nodegroupName}`, ng);
          for (const h of this.hooks) h('nodegroup-created', { name: ng.nodegroupName });
          lines.push(`created managed nodegroup "${ng.nodegroupName}"`);
        }
        reply(true, lines);
      };
      return made.length ? this.afterHold(command, finish) : finish();
    }
    if (command === 'delete nodegroup') return this.eksctlDeleteNodegroup(argv, reply);
    if (command === 'update addon') {
      // eksctl update addon --cluster --name [--version] [--wait] (pkg/actions/addon/update.go): no version
      // keeps the add-on's own; `latest` is the newest compatible with the cluster's version.
      const name = flagValue(argv, '--cluster') ?? '';
      const cluster = this.clusters.get(name);
      if (!cluster) return reply(false, [`Error: ResourceNotFoundException: No cluster found for name: ${name}.`]);
      const addonName = flagValue(argv, '--name') ?? '';
      const addon = this.addons.get(`${name}/${addonName}`);
      if (!addon) {
        return reply(false, [
          `Error: failed to get addon: ResourceNotFoundException: No addon: ${addonName} found in cluster: ${name}`,
        ]);
      }
      const asked = flagValue(argv, '--version');
      const compatible = (FAKE_ADDON_VERSIONS[addonName] ?? []).filter((v) =>
        v.clusterVersions.includes(cluster.version),
      );
      let version = addon.addonVersion;
      if (asked === 'latest') {
        if (!compatible.length)
          return reply(false, [
            `Error: failed to fetch addon version: no version of ${addonName} for ${cluster.version}`,
          ]);
        version = compatible[0]!.addonVersion;
      } else if (asked) {
        if (!compatible.some((v) => v.addonVersion === asked))
          return reply(false, [
            `Error: failed to fetch addon version: no version ${asked} of ${addonName} for ${cluster.version}`,
          ]);
        version = asked;
      }
      this.requests.push({
        service: 'eks',
        method: 'POST',
        path: `/clusters/${name}/addons/${addonName}/update`,
        action: 'UpdateAddon',
      });
      addon.addonVersion = version;
      for (const h of this.hooks) h('addon-updated', { name: addonName, version: cluster.version });
      return reply(true, [`updated addon ${addonName} to ${version}`]);
    }
    if (command === 'scale nodegroup') {
      // eksctl scale nodegroup --cluster --name [--nodes] --nodes-min --nodes-max: EKS UpdateNodegroupConfig.
      const flag = (n: string) => argv.find((a) => a.startsWith(`--${n}=`))?.split('=')[1];
      const cluster = flag('cluster') ?? '';
      const ng = this.nodegroups.get(`${cluster}/${flag('name') ?? ''}`);
      if (!ng) return reply(false, [`Error: nodegroup ${flag('name')} not found in cluster ${cluster}`]);
      const next = { ...ng.scalingConfig };
      if (flag('nodes') !== undefined) next.desiredSize = Number(flag('nodes'));
      if (flag('nodes-min') !== undefined) next.minSize = Number(flag('nodes-min'));
      if (flag('nodes-max') !== undefined) next.maxSize = Number(flag('nodes-max'));
      if (next.minSize > next.desiredSize || next.desiredSize > next.maxSize) {
        return reply(false, [
          `Error: failed to scale nodegroup: InvalidParameterException: desired size ${next.desiredSize} must be within minimum ${next.minSize} and maximum ${next.maxSize}`,
        ]);
      }
      ng.scalingConfig = next;
      this.requests.push({
        service: 'eks',
        method: 'POST',
        path: `/clusters/${cluster}/node-groups/${ng.nodegroupName}/update-config`,
        action: 'UpdateNodegroupConfig',
      });
      return reply(true, [
        `nodegroup ${ng.nodegroupName} scaled: min ${next.minSize}, max ${next.maxSize}, desired ${next.desiredSize}`,
      ]);
    }
    if (command === 'create iamserviceaccount') {
      const name = meta.name ?? '';
      const cluster = this.clusters.get(name);
      if (!cluster || cluster.status !== 'ACTIVE') return reply(false, [`Error: cluster ${name} is not ACTIVE`]);
      // eksctl's NewCreateIAMServiceAccountLoader, before any call.
      if (!cfg.iam?.serviceAccounts)
        return reply(false, [
          `Error: 'iam.serviceAccounts' is not defined in "${call.argv.find((a) => a.startsWith('--config-file='))?.slice(14) ?? ''}"`,
        ]);
      if (!argv.includes('--approve'))
        return reply(true, ['(plan) would create IAM service accounts; --approve not given']);
      const lines: string[] = [];
      for (const sa of serviceAccountStacks(name)) {
        if (this.stacks.has(sa)) lines.push(`1 existing iamserviceaccount(s) (${sa}) will be excluded`);
        else {
          this.stacks.set(sa, { StackName: sa, StackStatus: 'CREATE_COMPLETE' });
          lines.push(`created serviceaccount from stack "${sa}"`);
        }
      }
      return reply(true, lines);
    }
    if (command === 'create accessentry') {
      const name = meta.name ?? '';
      const cluster = this.clusters.get(name);
      if (!cluster || cluster.status !== 'ACTIVE') return reply(false, [`Error: cluster ${name} is not ACTIVE`]);
      // eksctl's NewCreateAccessEntryLoader, before any call.
      if (!cfg.accessConfig?.accessEntries?.length)
        return reply(false, ['Error: at least one access entry is required']);
      if (cluster.authenticationMode === 'CONFIG_MAP') {
        return reply(false, [
          'Error: access entries API is not currently enabled; please enable it using `eksctl utils update-authentication-mode --cluster <> --authentication-mode=API_AND_CONFIG_MAP`',
        ]);
      }
      // eksctl filters out the entries whose stack exists; any other is created through CloudFormation.
      const todo = (cfg.accessConfig?.accessEntries ?? []).filter(
        (e) => !this.stacks.has(accessEntryStack(name, e.principalARN)),
      );
      if (!todo.length) return reply(true, ['access entries already up-to-date']);
      for (const e of todo) {
        if (this.accessEntries.has(`${name}/${e.principalARN}`)) {
          return reply(false, [
            `Error: ResourceInUseException: The specified access entry resource is already in use on this cluster.`,
          ]);
        }
        this.putAccessEntry(name, e.principalARN, e.kubernetesGroups ?? [], e.type ?? 'STANDARD');
        this.stacks.set(accessEntryStack(name, e.principalARN), {
          StackName: accessEntryStack(name, e.principalARN),
          StackStatus: 'CREATE_COMPLETE',
        });
      }
      return reply(true, [`created ${todo.length} access entries`]);
    }
    if (command === 'set labels' || command === 'unset labels') return this.eksctlLabels(command, argv, reply);
    if (command === 'upgrade cluster') return this.eksctlUpgradeCluster(argv, reply);
    if (command === 'upgrade nodegroup') return this.eksctlUpgradeNodegroup(argv, reply);
    if (command === 'utils update-coredns' || command === 'utils update-kube-proxy') {
      const name = flagValue(argv, '--cluster') ?? '';
      const cluster = this.clusters.get(name);
      if (!cluster) return reply(false, [`Error: cluster ${name} not found`]);
      const addon = command.split('update-')[1]!;
      // eksctl's updateAddon (pkg/ctl/utils/update_addon.go): an EKS add-on is not eksctl's to update here.
      if (this.addons.has(`${name}/${addon}`)) {
        return reply(false, [
          `Error: addon ${addon} is installed as a managed EKS addon; to update it, use \`eksctl update addon\` instead`,
        ]);
      }
      // Without --approve eksctl only plans (and says so), as its upgrade commands do.
      if (!argv.includes('--approve')) return reply(true, [`(plan) would update ${addon}; re-run with --approve`]);
      for (const h of this.hooks) h('addon-updated', { name: addon, version: cluster.version });
      return reply(true, [`"${addon}" is now up-to-date`]);
    }
    if (command === 'delete cluster') {
      const i = argv.findIndex((a) => a === '--name' || a.startsWith('--name='));
      const name = argv[i]?.includes('=') ? argv[i]!.split('=')[1]! : (argv[i + 1] ?? '');
      this.clusters.delete(name);
      for (const key of [...this.nodegroups.keys()]) if (key.startsWith(`${name}/`)) this.nodegroups.delete(key);
      for (const key of [...this.addons.keys()]) if (key.startsWith(`${name}/`)) this.addons.delete(key);
      for (const key of [...this.accessEntries.keys()]) if (key.startsWith(`${name}/`)) this.accessEntries.delete(key);
      for (const key of [...this.stacks.keys()]) if (key.startsWith(`eksctl-${name}-`)) this.stacks.delete(key);
      return reply(true, [`all cluster resources were deleted`]);
    }
    return reply(false, [`Error: the eksctl TEST STAND-IN does not know \`${command}\``]);
  }

  /**
   * The config's managed nodegroups eksctl would create (their stacks started), less those it excludes:
   * a nodegroup that exists in EKS or has a stack, as eksctl's nodegroup filter does.
   */
  private plannedNodegroups(
    name: string,
    call: EksctlCall,
  ): { made: { stack: FakeStack; ng: FakeNodegroup }[]; lines: string[] } {
    const lines: string[] = [];
    const made: { stack: FakeStack; ng: FakeNodegroup }[] = [];
    for (const g of (call.config?.managedNodeGroups ?? []) as Record<string, unknown>[]) {
      const ngName = String(g.name);
      const ngStack = `eksctl-${name}-nodegroup-${ngName}`;
      if (this.nodegroups.has(`${name}/${ngName}`) || this.stacks.has(ngStack)) {
        lines.push(`1 existing nodegroup(s) (${ngName}) will be excluded`);
        continue;
      }
      const stack: FakeStack = { StackName: ngStack, StackStatus: 'CREATE_IN_PROGRESS' };
      this.stacks.set(ngStack, stack);
      made.push({
        stack,
        ng: {
          nodegroupName: ngName,
          clusterName: name,
          status: 'ACTIVE',
          labels: { ...((g.labels ?? {}) as Record<string, string>) },
          instanceTypes: [...((g.instanceTypes ?? []) as string[])],
          scalingConfig: {
            minSize: Number(g.minSize),
            maxSize: Number(g.maxSize),
            desiredSize: Number(g.desiredCapacity ?? g.minSize),
          },
          // eksctl resolves an AMI for families EKS has no AMI type of (Ubuntu): a launch template with an ImageId.
          amiType: g.ami || /^Ubuntu/.test(String(g.amiFamily ?? '')) ? 'CUSTOM' : 'AL2023_x86_64_STANDARD',
          version: this.clusters.get(name)?.version ?? '',
        },
      });
    }
    return { made, lines };
  }

  /**
   * `eksctl set labels` / `eksctl unset labels` on one managed nodegroup, refused as eksctl refuses them:
   * an unknown flag, a name argument, `--cluster`/`--nodegroup`/`--labels` not set, `--labels` with
   * `--config-file`, a `set` label not `key=value`, a cluster or nodegroup EKS does not have. The labels
   * change in EKS (through the nodegroup's stack, which eksctl updates, when it has one).
   */
  private eksctlLabels(
    command: 'set labels' | 'unset labels',
    argv: string[],
    reply: (ok: boolean, lines: string[]) => void,
  ): void {
    const parsed = parseLabelArgv(command, argv);
    if ('error' in parsed) return reply(false, [`Error: ${parsed.error}`]);
    const { flags, positional } = parsed;
    const cluster = flags.cluster ?? '';
    const nodegroup = flags.nodegroup ?? '';
    if (command === 'unset labels' && flags.labels === undefined)
      return reply(false, ['Error: required flag(s) "labels" not set']);
    if (command === 'set labels' && flags['config-file'] !== undefined && flags.labels !== undefined)
      return reply(false, ['Error: cannot use --labels when --config-file/-f is set']);
    if (command === 'set labels' && flags['config-file'] !== undefined)
      return reply(false, ['Error: the eksctl TEST STAND-IN does not play `set labels --config-file`']);
    if (command === 'set labels' && !flags.labels) return reply(false, ['Error: --labels must be set']);
    if (!cluster) return reply(false, ['Error: --cluster must be set']);
    if (!nodegroup) return reply(false, ['Error: --nodegroup must be set']);
    if (positional.length) return reply(false, ['Error: name argument is not supported']);
    const items = (flags.labels ?? '').split(',');
    const toSet: Record<string, string> = {};
    if (command === 'set labels') {
      for (const item of items) {
        const eq = item.indexOf('=');
        if (eq < 0)
          return reply(false, [
            `Error: invalid argument "${flags.labels}" for "-l, --labels" flag: ${item} must be formatted as key=value`,
          ]);
        toSet[item.slice(0, eq)] = item.slice(eq + 1);
      }
    }
    const c = this.clusters.get(cluster);
    if (!c) return reply(false, [`Error: ResourceNotFoundException: No cluster found for name: ${cluster}.`]);
    const ng = this.nodegroups.get(`${cluster}/${nodegroup}`);
    if (!ng) return reply(false, [`Error: ResourceNotFoundException: No node group found for name: ${nodegroup}.`]);
    if (command === 'set labels') ng.labels = { ...ng.labels, ...toSet };
    else for (const key of items) delete ng.labels[key];
    const stack = this.stacks.get(`eksctl-${cluster}-nodegroup-${nodegroup}`);
    if (stack) stack.StackStatus = 'UPDATE_COMPLETE';
    for (const h of this.hooks) h('nodegroup-relabelled', { name: nodegroup });
    const verb = command === 'set labels' ? 'setting label(s) on' : 'removing label(s) from';
    return reply(true, [`${verb} nodegroup ${nodegroup} in cluster ${cluster}`, 'done']);
  }
}

/** The flags eksctl knows for each command this flow runs (global ones included). */
const EKSCTL_FLAGS: Record<string, { known: string[]; notWithConfigFile: string[] }> = {
  'create cluster': {
    known: [
      'config-file',
      'f',
      'without-nodegroup',
      'write-kubeconfig',
      'kubeconfig',
      'timeout',
      'verbose',
      'v',
      'color',
    ],
    notWithConfigFile: ['name', 'region', 'version', 'nodes', 'node-type', 'zones', 'tags'],
  },
  'create nodegroup': {
    known: ['config-file', 'f', 'include', 'exclude', 'skip-outdated-addons-check', 'timeout', 'verbose', 'v', 'color'],
    notWithConfigFile: ['name', 'region', 'cluster', 'nodes', 'node-type', 'nodes-min', 'nodes-max', 'managed'],
  },
  'scale nodegroup': {
    known: [
      'cluster',
      'c',
      'name',
      'n',
      'nodes',
      'N',
      'nodes-min',
      'm',
      'nodes-max',
      'M',
      'region',
      'r',
      'wait',
      'timeout',
      'verbose',
      'v',
      'color',
    ],
    notWithConfigFile: [],
  },
  'update addon': {
    known: [
      'name',
      'version',
      'service-account-role-arn',
      'force',
      'wait',
      'cluster',
      'c',
      'region',
      'r',
      'config-file',
      'f',
      'timeout',
      'profile',
      'p',
      'verbose',
      'v',
      'color',
    ],
    notWithConfigFile: [],
  },
  'delete nodegroup': {
    known: [
      'cluster',
      'c',
      'region',
      'r',
      'name',
      'n',
      'config-file',
      'f',
      'approve',
      'include',
      'exclude',
      'only-missing',
      'update-auth-configmap',
      'drain',
      'max-grace-period',
      'pod-eviction-wait-period',
      'disable-eviction',
      'parallel',
      'wait',
      'w',
      'timeout',
      'profile',
      'p',
      'verbose',
      'v',
      'color',
    ],
    notWithConfigFile: [],
  },
  'delete cluster': {
    known: [
      'name',
      'n',
      'region',
      'r',
      'wait',
      'w',
      'force',
      'disable-nodegroup-eviction',
      'timeout',
      'verbose',
      'v',
      'color',
      'config-file',
      'f',
    ],
    notWithConfigFile: [],
  },
};

/** What eksctl refuses of an invocation of a command this flow runs, in eksctl's words; undefined: accepted. */
function eksctlRefusal(call: EksctlCall): string | undefined {
  const flags = EKSCTL_FLAGS[call.command];
  if (!flags) return undefined;
  const given = call.argv.filter((a) => a.startsWith('-')).map((a) => a.replace(/^--?/, '').split('=')[0]!);
  const withConfig = given.includes('config-file') || given.includes('f');
  for (const flag of given) {
    if (withConfig && flags.notWithConfigFile.includes(flag))
      return `cannot use --${flag} when --config-file/-f is set`;
    if (!flags.known.includes(flag) && !flags.notWithConfigFile.includes(flag)) return `unknown flag: --${flag}`;
  }
  if (withConfig && call.command !== 'delete cluster') {
    const meta = call.config?.metadata as { name?: unknown; region?: unknown } | undefined;
    if (!meta) return 'metadata must be set';
    if (!meta.name) return 'metadata.name must be set';
    if (!meta.region) return 'metadata.region must be set';
  }
  return undefined;
}
