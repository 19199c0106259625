/**
 * The AWS reads of preflight: EC2 (what is in use, what is offered), Service Quotas (the limits) and SSM
 * (Canonical's public Ubuntu EKS image parameters). Reads only. Loaded lazily, by preflight alone.
 *
 * EC2 goes through @aws-sdk/client-ec2: its query protocol answers in XML, which the SDK parses and a
 * hand-made client would have to. Service Quotas and SSM are two calls of the JSON 1.1 protocol
 * (`POST /`, `X-Amz-Target`, a JSON body): they are signed here with the @smithy/signature-v4 the project
 * already has, which saves two SDK clients (and their copies of the SDK core: Service Quotas has no release
 * on the line of the other clients). Credentials are the EC2 client's default chain, so all three see the
 * same principal.
 *
 * Endpoints: the SDK honours AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL; the signed calls honour
 * AWS_ENDPOINT_URL_SERVICE_QUOTAS / AWS_ENDPOINT_URL_SSM, then AWS_ENDPOINT_URL, as the SDK would.
 * Retries: the SDK's standard mode for EC2 (as src/providers/aws/eks.ts); the shared policy of src/retry.ts for
 * the signed calls (throttling, 5xx, network errors).
 */
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { AwsApiError } from './eks.js';
import { NodeSha256 } from './eks-token.js';
import { registerSecret } from '../../log.js';
import { type RetryPolicy, afterAttempts, isTransientStatus, parseRetryAfter, withRetry } from '../../retry.js';

export interface InstanceTypeInfo {
  vcpus: number;
  memoryGb: number;
  /** `x86_64`, `arm64` … */
  architectures: string[];
}

export interface AwsPreflightApi {
  /** A quota's applied value (its default when never changed); undefined when the quota is unknown. */
  serviceQuota(serviceCode: string, quotaCode: string): Promise<{ value: number; name: string } | undefined>;
  elasticIps(): Promise<number>;
  vpcs(): Promise<number>;
  /** NAT gateways pending or available, by availability zone. */
  natGatewaysByZone(): Promise<Record<string, number>>;
  availabilityZones(): Promise<string[]>;
  /** vCPUs of pending and running On-Demand instances of the Standard families (A, C, D, H, I, M, R, T, Z). */
  standardOnDemandVcpus(): Promise<number>;
  instanceTypes(types: readonly string[]): Promise<Record<string, InstanceTypeInfo>>;
  /** type → the availability zones that offer it. */
  instanceTypeZones(types: readonly string[]): Promise<Record<string, string[]>>;
  /** An SSM parameter's value; undefined when there is no such parameter. */
  parameter(name: string): Promise<string | undefined>;
}

/** The On-Demand Standard quota (L-1216C47A) covers these families; others have quotas of their own. */
const STANDARD_FAMILY = /^(?!inf|hpc|mac|dl|trn)[acdhimrtz]/;

export function isStandardFamily(instanceType: string): boolean {
  return STANDARD_FAMILY.test(instanceType);
}

/** Denied: the credentials may not make this call. */
export function isAwsDenied(err: unknown): boolean {
  const cause = err instanceof AwsApiError ? err.cause : err;
  const e = cause as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException'].includes(
      e?.name ?? '',
    ) || e?.$metadata?.httpStatusCode === 403
  );
}

/** A JSON 1.1 service's error: its `__type` (or x-amzn-errortype) and message. */
export class AwsJsonError extends Error {
  readonly $metadata: { httpStatusCode: number; attempts?: number };
  constructor(
    name: string,
    message: string,
    status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

const SDK_RETRY = { retryMode: 'standard', maxAttempts: 3 } as const;
const SDK_HTTP = { connectionTimeout: 10_000, requestTimeout: 60_000, throwOnRequestTimeout: true } as const;
const ATTEMPT_TIMEOUT_MS = 60_000;

/** Where a JSON service is reached: its own override, the global one, else the public regional endpoint. */
export function awsServiceEndpoint(
  envName: string,
  host: string,
  region: string,
  env: NodeJS.ProcessEnv = process.env,
): URL {
  const raw = env[`AWS_ENDPOINT_URL_${envName}`]?.trim() || env.AWS_ENDPOINT_URL?.trim();
  if (raw) return new URL(raw);
  return new URL(`https://${host}.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}/`);
}

export interface AwsPreflightOptions {
  region: string;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

export async function awsPreflightApi(opts: AwsPreflightOptions): Promise<AwsPreflightApi> {
  const ec2 = await import('@aws-sdk/client-ec2');
  const env = opts.env ?? process.env;
  const fetchFn = opts.fetch ?? fetch;
  const client = new ec2.EC2Client({
    region: opts.region,
    retryMode: SDK_RETRY.retryMode,
    maxAttempts: SDK_RETRY.maxAttempts,
    requestHandler: SDK_HTTP,
  });

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new AwsApiError(what, err);
    }
  }

  async function credentials(): Promise<AwsCredentialIdentity> {
    const creds = await call('AWS credentials', () => client.config.credentials());
    registerSecret(creds.accessKeyId);
    registerSecret(creds.secretAccessKey);
    registerSecret(creds.sessionToken);
    return creds;
  }

  /** One JSON 1.1 call, signed, under the shared retry policy. */
  async function json<T>(
    service: { envName: string; host: string; signingName: string; target: string },
    action: string,
    body: unknown,
  ): Promise<T> {
    const url = awsServiceEndpoint(service.envName, service.host, opts.region, env);
    const what = `${service.signingName} ${action}`;
    const attempt = async (): Promise<T> => {
      const { SignatureV4 } = await import('@smithy/signature-v4');
      const signer = new SignatureV4({
        credentials: await credentials(),
        region: opts.region,
        service: service.signingName,
        sha256: NodeSha256,
      });
      const text = JSON.stringify(body);
      const signed = await signer.sign({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname || '/',
        headers: {
          host: url.host,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `${service.target}.${action}`,
        },
        body: text,
      });
      const res = await fetchFn(url, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body: text,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const answer = await res.text();
      if (res.ok) return JSON.parse(answer) as T;
      let parsed: { __type?: string; message?: string; Message?: string } = {};
      try {
        parsed = JSON.parse(answer);
      } catch {
        /* a proxy's page: keep the status */
      }
      const type = (res.headers.get('x-amzn-errortype') ?? parsed.__type ?? `HTTP${res.status}`)
        .split(':')[0]!
        .split('#')
        .pop()!;
      throw new AwsJsonError(
        type,
        parsed.message ?? parsed.Message ?? answer.slice(0, 200),
        res.status,
        parseRetryAfter(res.headers.get('retry-after')),
      );
    };
    return withRetry(attempt, {
      policy: opts.retry,
      classify: (err) =>
        err instanceof AwsJsonError
          ? {
              transient: isTransientStatus(err.$metadata.httpStatusCode) || /Throttl|TooManyRequests/.test(err.name),
              retryAfterMs: err.retryAfterMs,
              reason: `${err.name}: ${err.message}`,
            }
          : { transient: !(err instanceof SyntaxError), reason: (err as Error)?.message ?? String(err) },
      giveUp: (err, attempts) => {
        if (err instanceof AwsJsonError) err.$metadata.attempts = attempts;
        return new AwsApiError(`${what}${afterAttempts(attempts)}`, err);
      },
    });
  }

  const QUOTAS = {
    envName: 'SERVICE_QUOTAS',
    host: 'servicequotas',
    signingName: 'servicequotas',
    target: 'ServiceQuotasV20190624',
  };
  const SSM = { envName: 'SSM', host: 'ssm', signingName: 'ssm', target: 'AmazonSSM' };
  const named = (err: unknown, name: string) => ((err as AwsApiError)?.cause as { name?: string })?.name === name;

  return {
    async serviceQuota(serviceCode, quotaCode) {
      type Answer = { Quota?: { Value?: number; QuotaName?: string } };
      let answer: Answer;
      try {
        answer = await json<Answer>(QUOTAS, 'GetServiceQuota', { ServiceCode: serviceCode, QuotaCode: quotaCode });
      } catch (err) {
        // A quota never changed in this account may have no applied value: its default stands.
        if (!named(err, 'NoSuchResourceException')) throw err;
        try {
          answer = await json<Answer>(QUOTAS, 'GetAWSDefaultServiceQuota', {
            ServiceCode: serviceCode,
            QuotaCode: quotaCode,
          });
        } catch (again) {
          if (named(again, 'NoSuchResourceException')) return undefined;
          throw again;
        }
      }
      const value = answer.Quota?.Value;
      return value === undefined ? undefined : { value, name: answer.Quota?.QuotaName ?? quotaCode };
    },

    async elasticIps() {
      const res = await call('EC2 DescribeAddresses', () =>
        client.send(new ec2.DescribeAddressesCommand({ Filters: [{ Name: 'domain', Values: ['vpc'] }] })),
      );
      return res.Addresses?.length ?? 0;
    },

    async vpcs() {
      let count = 0;
      let NextToken: string | undefined;
      do {
        const page = await call('EC2 DescribeVpcs', () =>
          client.send(new ec2.DescribeVpcsCommand({ NextToken, MaxResults: 1000 })),
        );
        count += page.Vpcs?.length ?? 0;
        NextToken = page.NextToken;
      } while (NextToken);
      return count;
    },

    async natGatewaysByZone() {
      const subnets: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await call('EC2 DescribeNatGateways', () =>
          client.send(
            new ec2.DescribeNatGatewaysCommand({
              Filter: [{ Name: 'state', Values: ['pending', 'available'] }],
              NextToken,
              MaxResults: 1000,
            }),
          ),
        );
        subnets.push(...(page.NatGateways ?? []).map((g) => g.SubnetId ?? ''));
        NextToken = page.NextToken;
      } while (NextToken);
      const ids = [...new Set(subnets.filter(Boolean))];
      const zoneOf = new Map<string, string>();
      if (ids.length) {
        const res = await call('EC2 DescribeSubnets', () =>
          client.send(new ec2.DescribeSubnetsCommand({ SubnetIds: ids })),
        );
        for (const s of res.Subnets ?? []) zoneOf.set(s.SubnetId ?? '', s.AvailabilityZone ?? '');
      }
      const byZone: Record<string, number> = {};
      for (const id of subnets) {
        const zone = zoneOf.get(id) ?? 'unknown';
        byZone[zone] = (byZone[zone] ?? 0) + 1;
      }
      return byZone;
    },

    async availabilityZones() {
      const res = await call('EC2 DescribeAvailabilityZones', () =>
        client.send(
          new ec2.DescribeAvailabilityZonesCommand({
            Filters: [
              { Name: 'zone-type', Values: ['availability-zone'] },
              { Name: 'state', Values: ['available'] },
            ],
          }),
        ),
      );
      return (res.AvailabilityZones ?? [])
        .map((z) => z.ZoneName ?? '')
        .filter(Boolean)
        .sort();
    },

    async standardOnDemandVcpus() {
      let vcpus = 0;
      let NextToken: string | undefined;
      do {
        const page = await call('EC2 DescribeInstances', () =>
          client.send(
            new ec2.DescribeInstancesCommand({
              Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
              NextToken,
              MaxResults: 1000,
            }),
          ),
        );
        for (const r of page.Reservations ?? []) {
          for (const i of r.Instances ?? []) {
            // Spot instances count against the Spot quotas, not this one.
            if (i.InstanceLifecycle === 'spot' || !isStandardFamily(i.InstanceType ?? '')) continue;
            vcpus += (i.CpuOptions?.CoreCount ?? 0) * (i.CpuOptions?.ThreadsPerCore ?? 1);
          }
        }
        NextToken = page.NextToken;
      } while (NextToken);
      return vcpus;
    },

    async instanceTypes(types) {
      const res = await call('EC2 DescribeInstanceTypes', () =>
        client.send(
          new ec2.DescribeInstanceTypesCommand({
            InstanceTypes: [...types] as import('@aws-sdk/client-ec2')._InstanceType[],
          }),
        ),
      );
      const out: Record<string, InstanceTypeInfo> = {};
      for (const t of res.InstanceTypes ?? []) {
        out[String(t.InstanceType)] = {
          vcpus: t.VCpuInfo?.DefaultVCpus ?? 0,
          memoryGb: (t.MemoryInfo?.SizeInMiB ?? 0) / 1024,
          architectures: (t.ProcessorInfo?.SupportedArchitectures ?? []).map(String),
        };
      }
      return out;
    },

    async instanceTypeZones(types) {
      const out: Record<string, string[]> = Object.fromEntries(types.map((t) => [t, [] as string[]]));
      let NextToken: string | undefined;
      do {
        const page = await call('EC2 DescribeInstanceTypeOfferings', () =>
          client.send(
            new ec2.DescribeInstanceTypeOfferingsCommand({
              LocationType: 'availability-zone',
              Filters: [{ Name: 'instance-type', Values: [...types] }],
              NextToken,
            }),
          ),
        );
        for (const o of page.InstanceTypeOfferings ?? []) {
          out[String(o.InstanceType)]?.push(o.Location ?? '');
        }
        NextToken = page.NextToken;
      } while (NextToken);
      for (const t of types) out[t]!.sort();
      return out;
    },

    async parameter(name) {
      try {
        const res = await json<{ Parameter?: { Value?: string } }>(SSM, 'GetParameter', { Name: name });
        return res.Parameter?.Value;
      } catch (err) {
        if (named(err, 'ParameterNotFound')) return undefined;
        throw err;
      }
    },
  };
}
