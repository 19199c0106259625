/**
 * FAKE EC2, Service Quotas and SSM on loopback: what preflight reads on AWS, on the wire as the real
 * services speak it. The real @aws-sdk/client-ec2 and the action's own SigV4-signed JSON client reach it
 * through AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL_SERVICE_QUOTAS / AWS_ENDPOINT_URL_SSM (`env`).
 *
 *   EC2             the query protocol: a form body (`Action`, `Version=2016-11-15`, `Filter.N.Name`,
 *                   `Filter.N.Value.M` …), XML answers in the 2016-11-15 namespace, errors as
 *                   `<Response><Errors><Error><Code>` (UnauthorizedOperation is a 403)
 *   Service Quotas  JSON 1.1, `X-Amz-Target: ServiceQuotasV20190624.<Action>`, errors as `__type`
 *   SSM             JSON 1.1, `X-Amz-Target: AmazonSSM.GetParameter`, ParameterNotFound
 *
 * As strict as the real ones: every request must carry a SigV4 Authorization for its service's signing
 * name, an unknown action or filter is refused, and what is in use, the limits, the zones, the offerings
 * and the public image parameters are data the tests set. Every request is logged with its action.
 */
import http from 'node:http';
import { closeServer, listenLoopback, readBody } from './loopback.js';

export interface AwsQuotaRequest {
  service: 'ec2' | 'servicequotas' | 'ssm';
  action: string;
  params: Record<string, string>;
  status?: number;
}

export interface FakeInstance {
  type: string;
  state?: 'pending' | 'running' | 'stopped' | 'terminated';
  coreCount: number;
  threadsPerCore: number;
  lifecycle?: 'spot';
}

export interface FakeInstanceType {
  vcpus: number;
  memoryMiB: number;
  arch: 'x86_64' | 'arm64';
  /** Zones that offer it; default every zone. */
  zones?: string[];
}

export interface FakeServiceQuota {
  service: string;
  name: string;
  value: number;
  /** false: never changed in this account (GetServiceQuota answers NoSuchResourceException). */
  applied?: boolean;
}

export const DEFAULT_AWS_QUOTAS: Readonly<Record<string, FakeServiceQuota>> = {
  'L-0263D0A3': { service: 'ec2', name: 'EC2-VPC Elastic IPs', value: 5 },
  'L-F678F1CE': { service: 'vpc', name: 'VPCs per Region', value: 5 },
  'L-FE5A380F': { service: 'vpc', name: 'NAT gateways per Availability Zone', value: 5 },
  'L-1216C47A': {
    service: 'ec2',
    name: 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances',
    value: 640,
  },
};

export const DEFAULT_INSTANCE_TYPES: Readonly<Record<string, FakeInstanceType>> = {
  'm6i.large': { vcpus: 2, memoryMiB: 8192, arch: 'x86_64' },
  'm6i.xlarge': { vcpus: 4, memoryMiB: 16384, arch: 'x86_64' },
  'm6i.2xlarge': { vcpus: 8, memoryMiB: 32768, arch: 'x86_64' },
  'm7g.xlarge': { vcpus: 4, memoryMiB: 16384, arch: 'arm64' },
};

const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const EC2_ACTIONS = [
  'DescribeAddresses',
  'DescribeVpcs',
  'DescribeNatGateways',
  'DescribeSubnets',
  'DescribeAvailabilityZones',
  'DescribeInstances',
  'DescribeInstanceTypes',
  'DescribeInstanceTypeOfferings',
];
/** The filters each action accepts (those this fake evaluates). */
const FILTERS: Record<string, string[]> = {
  DescribeAddresses: ['domain'],
  DescribeNatGateways: ['state'],
  DescribeAvailabilityZones: ['zone-type', 'state'],
  DescribeInstances: ['instance-state-name'],
  DescribeInstanceTypeOfferings: ['instance-type', 'location'],
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = (name: string, value: string | number) =>
  `<${name}>${typeof value === 'number' ? value : esc(value)}</${name}>`;

/** The Ubuntu 24.04 EKS image parameters Canonical publishes, for these versions and both architectures. */
export function ubuntuImageParameters(versions: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  versions.forEach((v, i) => {
    for (const arch of ['amd64', 'arm64']) {
      params.set(
        `/aws/service/canonical/ubuntu/eks/24.04/${v}/stable/current/${arch}/hvm/ebs-gp3/ami-id`,
        `ami-0${arch === 'amd64' ? 'a' : 'b'}${String(i).padStart(15, '0')}`,
      );
    }
  });
  return params;
}

export class FakeAwsQuotaApi {
  readonly requests: AwsQuotaRequest[] = [];
  quotas: Record<string, FakeServiceQuota> = structuredClone(DEFAULT_AWS_QUOTAS) as Record<string, FakeServiceQuota>;
  zones: string[];
  instanceTypes: Record<string, FakeInstanceType> = structuredClone(DEFAULT_INSTANCE_TYPES) as Record<
    string,
    FakeInstanceType
  >;
  /** Elastic IPs allocated in the account (domain vpc). */
  elasticIps = 0;
  vpcs = 1;
  /** NAT gateways: their subnet's zone and state. */
  natGateways: { zone: string; state: 'pending' | 'available' | 'deleted' }[] = [];
  instances: FakeInstance[] = [];
  parameters: Map<string, string> = ubuntuImageParameters(['1.31', '1.32', '1.33', '1.34']);
  /** Actions answered AccessDenied / UnauthorizedOperation. */
  readonly denied = new Set<string>();
  url = '';
  private server!: http.Server;

  private constructor(readonly region: string) {
    this.zones = ['a', 'b', 'c'].map((z) => `${region}${z}`);
  }

  static async start(region = 'eu-west-1'): Promise<FakeAwsQuotaApi> {
    const api = new FakeAwsQuotaApi(region);
    ({ server: api.server, url: api.url } = await listenLoopback((req, res) => void api.handle(req, res)));
    return api;
  }

  /** The environment that points the SDK's EC2 client and the signed JSON client at this fake. */
  get env(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_EC2: this.url,
      AWS_ENDPOINT_URL_SERVICE_QUOTAS: this.url,
      AWS_ENDPOINT_URL_SSM: this.url,
    };
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  actions(): string[] {
    return this.requests.map((r) => `${r.service}:${r.action}`);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const auth = String(req.headers.authorization ?? '');
    if (target) {
      const [prefix, action = ''] = target.split('.');
      const service =
        prefix === 'AmazonSSM' ? 'ssm' : prefix === 'ServiceQuotasV20190624' ? 'servicequotas' : undefined;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        /* refused below */
      }
      const logged: AwsQuotaRequest = { service: service ?? 'ssm', action, params: body as Record<string, string> };
      this.requests.push(logged);
      res.on('finish', () => (logged.status = res.statusCode));
      if (!service) return this.jsonError(res, 400, 'UnknownOperationException', `unknown target ${target}`);
      if (!signedFor(auth, service)) return this.jsonError(res, 403, 'IncompleteSignatureException', 'not signed');
      if (req.headers['content-type'] !== 'application/x-amz-json-1.1')
        return this.jsonError(res, 400, 'SerializationException', 'expected application/x-amz-json-1.1');
      if (this.denied.has(action)) {
        return this.jsonError(
          res,
          400,
          'AccessDeniedException',
          `User: arn:aws:iam::000000000000:user/fake is not authorized to perform: ${service}:${action}`,
        );
      }
      return service === 'ssm' ? this.ssm(res, action, body) : this.serviceQuotas(res, action, body);
    }

    const form = new URLSearchParams(raw);
    const action = form.get('Action') ?? '';
    const params = Object.fromEntries(form);
    const logged: AwsQuotaRequest = { service: 'ec2', action, params };
    this.requests.push(logged);
    res.on('finish', () => (logged.status = res.statusCode));
    if (!signedFor(auth, 'ec2'))
      return this.ec2Error(res, 401, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
    if (form.get('Version') !== '2016-11-15' || !EC2_ACTIONS.includes(action))
      return this.ec2Error(res, 400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
    if (this.denied.has(action))
      return this.ec2Error(res, 403, 'UnauthorizedOperation', 'You are not authorized to perform this operation.');
    const filters = filtersOf(form);
    for (const name of Object.keys(filters)) {
      if (!(FILTERS[action] ?? []).includes(name))
        return this.ec2Error(res, 400, 'InvalidParameterValue', `The filter '${name}' is invalid`);
    }
    const keep = (name: string, value: string) => !filters[name] || filters[name]!.includes(value);
    const reply = (inner: string) =>
      this.xml(
        res,
        200,
        `<${action}Response xmlns="${EC2_NS}"><requestId>fake</requestId>${inner}</${action}Response>`,
      );

    switch (action) {
      case 'DescribeAddresses': {
        const items = keep('domain', 'vpc')
          ? Array.from(
              { length: this.elasticIps },
              (_, i) =>
                `<item>${tag('publicIp', `203.0.113.${i + 1}`)}${tag('allocationId', `eipalloc-${i}`)}${tag('domain', 'vpc')}</item>`,
            )
          : [];
        return reply(`<addressesSet>${items.join('')}</addressesSet>`);
      }
      case 'DescribeVpcs': {
        const items = Array.from(
          { length: this.vpcs },
          (_, i) =>
            `<item>${tag('vpcId', `vpc-${i}`)}${tag('state', 'available')}${tag('cidrBlock', `10.${i}.0.0/16`)}${tag('isDefault', i === 0 ? 'true' : 'false')}</item>`,
        );
        return reply(`<vpcSet>${items.join('')}</vpcSet>`);
      }
      case 'DescribeNatGateways': {
        const items = this.natGateways
          .map((g, i) => ({ ...g, i }))
          .filter((g) => keep('state', g.state))
          .map(
            (g) =>
              `<item>${tag('natGatewayId', `nat-${g.i}`)}${tag('subnetId', `subnet-${g.zone}`)}${tag('state', g.state)}${tag('vpcId', 'vpc-1')}</item>`,
          );
        return reply(`<natGatewaySet>${items.join('')}</natGatewaySet>`);
      }
      case 'DescribeSubnets': {
        const ids = listOf(form, 'SubnetId');
        const unknown = ids.find((id) => !this.zones.includes(id.replace(/^subnet-/, '')));
        if (unknown)
          return this.ec2Error(res, 400, 'InvalidSubnetID.NotFound', `The subnet ID '${unknown}' does not exist`);
        const items = ids.map(
          (id) =>
            `<item>${tag('subnetId', id)}${tag('availabilityZone', id.replace(/^subnet-/, ''))}${tag('state', 'available')}</item>`,
        );
        return reply(`<subnetSet>${items.join('')}</subnetSet>`);
      }
      case 'DescribeAvailabilityZones': {
        const items = this.zones
          .filter(() => keep('zone-type', 'availability-zone') && keep('state', 'available'))
          .map(
            (z, i) =>
              `<item>${tag('zoneName', z)}${tag('zoneState', 'available')}${tag('regionName', this.region)}${tag('zoneId', `euw1-az${i + 1}`)}${tag('zoneType', 'availability-zone')}</item>`,
          );
        return reply(`<availabilityZoneInfo>${items.join('')}</availabilityZoneInfo>`);
      }
      case 'DescribeInstances': {
        const items = this.instances
          .map((inst, i) => ({ ...inst, i, state: inst.state ?? 'running' }))
          .filter((inst) => keep('instance-state-name', inst.state))
          .map(
            (inst) =>
              `<item>${tag('reservationId', `r-${inst.i}`)}<instancesSet><item>${tag('instanceId', `i-${inst.i}`)}${tag('instanceType', inst.type)}` +
              `<instanceState>${tag('code', inst.state === 'running' ? 16 : 0)}${tag('name', inst.state)}</instanceState>` +
              `<cpuOptions>${tag('coreCount', inst.coreCount)}${tag('threadsPerCore', inst.threadsPerCore)}</cpuOptions>` +
              `${inst.lifecycle ? tag('instanceLifecycle', inst.lifecycle) : ''}</item></instancesSet></item>`,
          );
        return reply(`<reservationSet>${items.join('')}</reservationSet>`);
      }
      case 'DescribeInstanceTypes': {
        const types = listOf(form, 'InstanceType');
        const unknown = types.filter((t) => !this.instanceTypes[t]);
        if (unknown.length)
          return this.ec2Error(
            res,
            400,
            'InvalidInstanceType',
            `The following supplied instance types do not exist: [${unknown.join(', ')}]`,
          );
        const items = types.map((t) => {
          const it = this.instanceTypes[t]!;
          return `<item>${tag('instanceType', t)}<vCpuInfo>${tag('defaultVCpus', it.vcpus)}</vCpuInfo><memoryInfo>${tag('sizeInMiB', it.memoryMiB)}</memoryInfo><processorInfo><supportedArchitectures>${tag('item', it.arch)}</supportedArchitectures></processorInfo></item>`;
        });
        return reply(`<instanceTypeSet>${items.join('')}</instanceTypeSet>`);
      }
      case 'DescribeInstanceTypeOfferings': {
        const locationType = form.get('LocationType') ?? 'region';
        if (!['region', 'availability-zone', 'availability-zone-id'].includes(locationType))
          return this.ec2Error(res, 400, 'InvalidParameterValue', `Invalid LocationType ${locationType}`);
        const items: string[] = [];
        for (const [t, it] of Object.entries(this.instanceTypes)) {
          if (!keep('instance-type', t)) continue;
          const locations = locationType === 'region' ? [this.region] : (it.zones ?? this.zones);
          for (const loc of locations.filter((l) => keep('location', l))) {
            items.push(
              `<item>${tag('instanceType', t)}${tag('locationType', locationType)}${tag('location', loc)}</item>`,
            );
          }
        }
        return reply(`<instanceTypeOfferingSet>${items.join('')}</instanceTypeOfferingSet>`);
      }
    }
    return this.ec2Error(res, 400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
  }

  private serviceQuotas(res: http.ServerResponse, action: string, body: Record<string, unknown>): void {
    if (action !== 'GetServiceQuota' && action !== 'GetAWSDefaultServiceQuota')
      return this.jsonError(res, 400, 'UnknownOperationException', `unknown operation ${action}`);
    const code = String(body.QuotaCode ?? '');
    const service = String(body.ServiceCode ?? '');
    const q = this.quotas[code];
    if (!q || q.service !== service || (action === 'GetServiceQuota' && q.applied === false)) {
      return this.jsonError(
        res,
        400,
        'NoSuchResourceException',
        `The request failed because the specified quota ${service}/${code} does not exist.`,
      );
    }
    return this.json(res, 200, {
      Quota: {
        ServiceCode: service,
        ServiceName:
          service === 'ec2' ? 'Amazon Elastic Compute Cloud (Amazon EC2)' : 'Amazon Virtual Private Cloud (Amazon VPC)',
        QuotaArn: `arn:aws:servicequotas:${this.region}:000000000000:${service}/${code}`,
        QuotaCode: code,
        QuotaName: q.name,
        Value: q.value,
        Unit: 'None',
        Adjustable: true,
        GlobalQuota: false,
      },
    });
  }

  private ssm(res: http.ServerResponse, action: string, body: Record<string, unknown>): void {
    if (action !== 'GetParameter')
      return this.jsonError(res, 400, 'UnknownOperationException', `unknown operation ${action}`);
    const name = String(body.Name ?? '');
    const value = this.parameters.get(name);
    if (value === undefined) return this.jsonError(res, 400, 'ParameterNotFound', '');
    return this.json(res, 200, {
      Parameter: {
        Name: name,
        Type: 'String',
        Value: value,
        Version: 1,
        LastModifiedDate: 1.7e9,
        ARN: `arn:aws:ssm:${this.region}::parameter${name}`,
        DataType: 'aws:ec2:image',
      },
    });
  }

  private xml(res: http.ServerResponse, status: number, body: string): void {
    res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  private ec2Error(res: http.ServerResponse, status: number, code: string, message: string): void {
    this.xml(
      res,
      status,
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>${tag('Code', code)}${tag('Message', message)}</Error></Errors>${tag('RequestID', 'fake')}</Response>`,
    );
  }

  private json(res: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': 'fake-request',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(text);
  }

  private jsonError(res: http.ServerResponse, status: number, type: string, message: string): void {
    this.json(res, status, { __type: type, message }, type);
  }
}

/** A SigV4 Authorization for this signing name (`Credential=<key>/<date>/<region>/<service>/aws4_request`). */
function signedFor(auth: string, service: string): boolean {
  return new RegExp(
    `^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+/\\d{8}/[a-z0-9-]+/${service}/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$`,
  ).test(auth);
}

/** `Filter.N.Name` / `Filter.N.Value.M` → name → values. */
function filtersOf(form: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of form) {
    const m = /^Filter\.(\d+)\.Name$/.exec(k);
    if (!m) continue;
    out[v] = [...form].filter(([kk]) => new RegExp(`^Filter\\.${m[1]}\\.Value\\.\\d+$`).test(kk)).map(([, vv]) => vv);
  }
  return out;
}

/** `Name.1`, `Name.2` … in order. */
function listOf(form: URLSearchParams, name: string): string[] {
  return [...form]
    .filter(([k]) => new RegExp(`^${name}\\.\\d+$`).test(k))
    .sort(([a], [b]) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .map(([, v]) => v);
}
