/**
 * FAKE EKS + CloudFormation REST APIs on loopback, for tests (the real ones are out of reach here).
 *
 * The real AWS SDK clients talk to it through AWS_ENDPOINT_URL_EKS / AWS_ENDPOINT_URL_CLOUDFORMATION:
 * EKS's REST-JSON reads (DescribeCluster, ListNodegroups, DescribeNodegroup, DescribeClusterVersions) and
 * CloudFormation's query-protocol DescribeStacks, with typed errors (`x-amzn-errortype`). It also plays
 * eksctl's effect on the cloud for the eksctl TEST STAND-IN (eksctl-stand-in.mjs), which POSTs each
 * invocation (argv + config file) to /__eksctl. Every request is logged; faults can be injected.
 */
import http from 'node:http';
import { closeServer, listenLoopback, readBody } from './loopback.js';
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
  private readonly eksctlFaults: EksctlFault[] = [];
  private readonly apiFaults: { action: string; status: number; code: string; times: number }[] = [];
  private readonly hooks: EksctlHook[] = [];
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

  /** The next `times` calls of an API action answer with this error. */
  failApi(action: string, status: number, code: string, times = 1): void {
    this.apiFaults.push({ action, status, code, times });
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
      this.requests.push({ service: 'cloudformation', method, path: url.pathname, action });
      const f = this.fault(action);
      if (f) return this.cfnError(res, f.status, f.code, 'injected fault');
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
    this.requests.push({ service: 'eks', method, path: url.pathname, action });
    const f = this.fault(action);
    if (f) return this.json(res, f.status, { message: 'injected fault' }, f.code);
    if (method !== 'GET') return this.json(res, 400, { message: `${action} is not faked` }, 'InvalidRequestException');
    const notFound = (what: string) =>
      this.json(res, 404, { message: `No ${what} found` }, 'ResourceNotFoundException');

    if (action === 'DescribeClusterVersions') return this.json(res, 200, { clusterVersions: this.versions });
    const cluster = this.clusters.get(seg[1] ?? '');
    if (!cluster) return notFound(`cluster found for name: ${seg[1]}.`);
    if (action === 'DescribeCluster') {
      return this.json(res, 200, {
        cluster: {
          name: cluster.name,
          arn: `arn:aws:eks:fake:000000000000:cluster/${cluster.name}`,
          status: cluster.status,
          version: cluster.version,
          endpoint: cluster.endpoint,
          certificateAuthority: { data: cluster.caData },
        },
      });
    }
    if (action === 'ListNodegroups') return this.json(res, 200, { nodegroups: this.nodegroupNames(cluster.name) });
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
    const meta = (call.config?.metadata ?? {}) as { name?: string; version?: string };
    if (command === 'create cluster') {
      const name = meta.name ?? '';
      const stackName = `eksctl-${name}-cluster`;
      if (this.clusters.has(name) || this.stacks.has(stackName)) {
        return reply(false, [
          `Error: creating CloudFormation stack "${stackName}": AlreadyExistsException: Stack [${stackName}] already exists`,
        ]);
      }
      this.stacks.set(stackName, { StackName: stackName, StackStatus: 'CREATE_COMPLETE' });
      this.clusters.set(name, {
        name,
        status: 'ACTIVE',
        version: String(meta.version ?? '1.34'),
        endpoint: this.kubeEndpoint,
        caData: this.caData,
      });
      for (const h of this.hooks) h('cluster-created', { name });
      return reply(true, [`EKS cluster "${name}" in "fake" region is ready`]);
    }
    if (command === 'create nodegroup') {
      const name = meta.name ?? '';
      const cluster = this.clusters.get(name);
      if (!cluster || cluster.status !== 'ACTIVE') return reply(false, [`Error: cluster ${name} is not ACTIVE`]);
      const lines: string[] = [];
      for (const g of (call.config?.managedNodeGroups ?? []) as Record<string, unknown>[]) {
        const ngName = String(g.name);
        if (this.nodegroups.has(`${name}/${ngName}`)) {
          lines.push(`1 existing nodegroup(s) (${ngName}) will be excluded`);
          continue;
        }
        this.stacks.set(`eksctl-${name}-nodegroup-${ngName}`, {
          StackName: `eksctl-${name}-nodegroup-${ngName}`,
          StackStatus: 'CREATE_COMPLETE',
        });
        this.nodegroups.set(`${name}/${ngName}`, {
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
        });
        for (const h of this.hooks) h('nodegroup-created', { name: ngName });
        lines.push(`created managed nodegroup "${ngName}"`);
      }
      return reply(true, lines);
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
}
