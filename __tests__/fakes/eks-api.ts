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
 * status) or exists in EKS, as eksctl's nodegroup filter does. `holdEksctl` keeps the next create in the
 * middle (stacks CREATE_IN_PROGRESS, the cluster CREATING) until the test releases it.
 *
 * As strict as the real ones: a cluster has no endpoint and no CA while CREATING; `ListNodegroups` pages
 * (`maxResults` 1–100, default 100; `nextToken`); eksctl refuses an unknown flag, a flag the config file
 * must carry instead, and a config without metadata.name or metadata.region (eksctl's own messages), and
 * `create cluster` creates the config's nodegroups too unless `--without-nodegroup` is given.
 */
import http from 'node:http';
import { closeServer, failsFirstAttempt, listenLoopback, readBody } from './loopback.js';
import { parse as parseYaml } from 'yaml';

export interface FakeCluster {
  name: string;
  status: string;
  version: string;
  endpoint: string;
  caData: string;
}

export interface FakeNodegroup {
  nodegroupName: string;
  clusterName: string;
  status: string;
  labels: Record<string, string>;
  instanceTypes: string[];
  scalingConfig: { minSize: number; maxSize: number; desiredSize: number };
  amiType: string;
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

export type EksctlHook = (event: 'cluster-created' | 'nodegroup-created', detail: { name: string }) => void;

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

const DEFAULT_VERSIONS = [
  { clusterVersion: '1.31', versionStatus: 'EXTENDED_SUPPORT' },
  { clusterVersion: '1.32', versionStatus: 'STANDARD_SUPPORT' },
  { clusterVersion: '1.33', versionStatus: 'STANDARD_SUPPORT', defaultVersion: true },
  { clusterVersion: '1.34', versionStatus: 'STANDARD_SUPPORT' },
];

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class FakeEksApi {
  readonly requests: LoggedRequest[] = [];
  readonly clusters = new Map<string, FakeCluster>();
  readonly nodegroups = new Map<string, FakeNodegroup>(); // key: cluster/name
  readonly stacks = new Map<string, FakeStack>();
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
        : seg[0] === 'clusters' && seg.length === 2
          ? 'DescribeCluster'
          : seg[0] === 'clusters' && seg[2] === 'node-groups' && seg.length === 3
            ? 'ListNodegroups'
            : seg[0] === 'clusters' && seg[2] === 'node-groups' && seg.length === 4
              ? 'DescribeNodegroup'
              : `${method} ${url.pathname}`;
    const logged: LoggedRequest = { service: 'eks', method, path: url.pathname, action };
    this.requests.push(logged);
    if (this.firstAttemptFault(logged, `${method} ${url.pathname}${url.search} ${raw}`, res)) return;
    const f = this.fault(action);
    if (f) return this.json(res, f.status, { message: f.message ?? 'injected fault' }, f.code);
    if (method !== 'GET') return this.json(res, 400, { message: `${action} is not faked` }, 'InvalidRequestException');
    const notFound = (what: string) =>
      this.json(res, 404, { message: `No ${what} found` }, 'ResourceNotFoundException');

    if (action === 'DescribeClusterVersions') return this.json(res, 200, { clusterVersions: this.versions });
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
    if (command === 'create cluster') {
      const name = meta.name ?? '';
      const stackName = `eksctl-${name}-cluster`;
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
      };
      this.stacks.set(stackName, stack);
      this.clusters.set(name, cluster);
      // Without --without-nodegroup eksctl creates the config's nodegroups right after the control plane.
      const withNodegroups = !argv.includes('--without-nodegroup');
      return this.afterHold(command, () => {
        stack.StackStatus = 'CREATE_COMPLETE';
        cluster.status = 'ACTIVE';
        this.clusters.set(name, cluster);
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
    if (command === 'delete cluster') {
      const i = argv.findIndex((a) => a === '--name' || a.startsWith('--name='));
      const name = argv[i]?.includes('=') ? argv[i]!.split('=')[1]! : (argv[i + 1] ?? '');
      this.clusters.delete(name);
      for (const key of [...this.nodegroups.keys()]) if (key.startsWith(`${name}/`)) this.nodegroups.delete(key);
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
          amiType: g.amiFamily || g.ami ? 'CUSTOM' : 'AL2023_x86_64_STANDARD',
        },
      });
    }
    return { made, lines };
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
