/**
 * EKS preflight against the FAKE EC2 / Service Quotas / SSM (aws-quota-api.ts) and the FAKE EKS API,
 * through the real @aws-sdk/client-ec2 and client-eks and the action's own SigV4-signed JSON client:
 * quotas against what is in use plus what apply creates (hand-computed), instance types in the zones,
 * Canonical's Ubuntu image, denied reads as WARNINGs, and only reads sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { awsServiceEndpoint, isStandardFamily } from '../src/providers/aws/preflight-client.js';
import { memoryLogger } from '../src/log.js';
import { type PreflightReport, runChecks } from '../src/preflight.js';
import { awsPreflight, ubuntuEksImageParameter } from '../src/providers/aws/preflight.js';
import { configOf } from './fixtures.js';
import {
  DEFAULT_AWS_QUOTAS,
  DEFAULT_INSTANCE_TYPES,
  FakeAwsQuotaApi,
  ubuntuImageParameters,
} from './fakes/aws-quota-api.js';
import { FakeEksApi } from './fakes/eks-api.js';
import { FAKE_AWS_ENV } from './support/aws-world.js';

const item = (r: PreflightReport, name: string) => r.items.find((i) => i.name === name)!;
const messages = (r: PreflightReport, type: 'ERROR' | 'WARNING') =>
  r.items.flatMap((i) => i.errors.filter((e) => e.type === type).map((e) => e.message));

let quota: FakeAwsQuotaApi;
let eks: FakeEksApi;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  quota = await FakeAwsQuotaApi.start('eu-west-1');
  eks = await FakeEksApi.start({ kubeEndpoint: 'http://127.0.0.1:9' });
  const env = {
    ...FAKE_AWS_ENV,
    ...quota.env,
    AWS_ENDPOINT_URL_EKS: eks.url,
    AWS_ENDPOINT_URL_CLOUDFORMATION: eks.url,
  };
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await Promise.all([quota?.close(), eks?.close()]);
});
beforeEach(() => {
  quota.requests.length = 0;
  quota.quotas = structuredClone(DEFAULT_AWS_QUOTAS) as typeof quota.quotas;
  quota.instanceTypes = structuredClone(DEFAULT_INSTANCE_TYPES) as typeof quota.instanceTypes;
  quota.parameters = ubuntuImageParameters(['1.31', '1.32', '1.33', '1.34']);
  quota.denied.clear();
  quota.elasticIps = 0;
  quota.vpcs = 1;
  quota.natGateways = [];
  quota.instances = [];
  eks.clusters.clear();
  eks.nodegroups.clear();
  eks.requests.length = 0;
});

async function run(inputs: Record<string, string> = {}): Promise<PreflightReport> {
  const config = configOf({ provider: 'aws', command: 'preflight', region: 'eu-west-1', ...inputs });
  return runChecks(await awsPreflight(config, memoryLogger()));
}

describe('EKS preflight', () => {
  it('passes on the defaults, reading only, and resolves Canonical’s image parameter', async () => {
    const r = await run();
    expect(r.items.map((i) => [i.name, i.status])).toEqual([
      ['kubernetes-version', 'OK'],
      ['instance-types', 'OK'],
      ['ubuntu-image', 'OK'],
      ['quotas', 'OK'],
    ]);
    expect(item(r, 'ubuntu-image').details).toEqual([
      'amd64: ami-0a000000000000003 (/aws/service/canonical/ubuntu/eks/24.04/1.34/stable/current/amd64/hvm/ebs-gp3/ami-id)',
    ]);
    // desiredCapacity 2 of each: 2 × 4 (m6i.xlarge) + 2 × 8 (m6i.2xlarge) = 24 vCPU; at maxSize 4 × 4 + 10 × 8 = 96.
    expect(item(r, 'quotas').details).toContain(
      'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (L-1216C47A) in eu-west-1: need 24 vCPU (2 × 4 vCPU services + 2 × 8 vCPU workspaces), 0 in use, limit 640',
    );
    expect(eks.writes()).toEqual([]);
    expect(new Set(quota.actions())).toEqual(
      new Set([
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeInstanceTypeOfferings',
        'ec2:DescribeInstanceTypes',
        'ssm:GetParameter',
        'servicequotas:GetServiceQuota',
        'ec2:DescribeAddresses',
        'ec2:DescribeVpcs',
        'ec2:DescribeNatGateways',
        'ec2:DescribeInstances',
      ]),
    );
    expect(ubuntuEksImageParameter('1.33', 'arm64')).toBe(
      '/aws/service/canonical/ubuntu/eks/24.04/1.33/stable/current/arm64/hvm/ebs-gp3/ami-id',
    );
  });

  it('a vCPU quota too small: counts running On-Demand Standard vCPUs only, names the need, the limit and the command', async () => {
    quota.quotas['L-1216C47A']!.value = 16;
    quota.instances = [
      { type: 'm6i.large', coreCount: 1, threadsPerCore: 2 },
      { type: 'm6i.xlarge', coreCount: 2, threadsPerCore: 2, lifecycle: 'spot' },
      { type: 'm6i.xlarge', coreCount: 2, threadsPerCore: 2, state: 'stopped' },
      { type: 'p4d.24xlarge', coreCount: 48, threadsPerCore: 2 },
    ];
    const r = await run();
    expect(r.status).toBe('ERROR');
    expect(messages(r, 'ERROR')).toEqual([
      'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (L-1216C47A) in eu-west-1: need 24 vCPU (2 × 4 vCPU services + 2 × 8 vCPU workspaces), 2 in use, limit 16: short by 10 vCPU. Request more: `aws service-quotas request-service-quota-increase --service-code ec2 --quota-code L-1216C47A --desired-value 26 --region eu-west-1`',
    ]);
  });

  it('Elastic IPs, VPCs and NAT gateways at their limits: one line each', async () => {
    quota.elasticIps = 5;
    quota.vpcs = 5;
    quota.natGateways = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].flatMap((zone) =>
      Array.from({ length: 5 }, () => ({ zone, state: 'available' as const })),
    );
    const r = await run();
    expect(messages(r, 'ERROR').map((m) => m.split(': short')[0])).toEqual([
      "VPCs per Region (L-F678F1CE) in eu-west-1: need 1 (eksctl's cluster VPC), 5 in use, limit 5",
      'EC2-VPC Elastic IPs (L-0263D0A3) in eu-west-1: need 1 (the NAT gateway (natGateway: Single)), 5 in use, limit 5',
      "NAT gateways per Availability Zone (L-FE5A380F) in eu-west-1a: need 1 (eksctl's one NAT gateway, in the zone with most room of eu-west-1a, eu-west-1b, eu-west-1c), 5 in use, limit 5",
    ]);
  });

  it('a quota never changed in the account is read from its default', async () => {
    quota.quotas['L-1216C47A'] = { ...quota.quotas['L-1216C47A']!, value: 5, applied: false };
    const r = await run();
    expect(messages(r, 'ERROR')[0]).toMatch(/\(L-1216C47A\) in eu-west-1: need 24 vCPU .* limit 5: short by 19 vCPU/);
    expect(quota.actions()).toContain('servicequotas:GetAWSDefaultServiceQuota');
  });

  it('denied quota and usage reads are WARNINGs naming the permission; nothing fails', async () => {
    quota.quotas['L-1216C47A']!.value = 1;
    quota.denied.add('GetServiceQuota');
    quota.denied.add('DescribeInstances');
    const r = await run();
    expect(r.status).toBe('WARNING');
    const warnings = messages(r, 'WARNING');
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^quotas: Running On-Demand Standard instances \(vCPU\) \(L-1216C47A\) not checked, the credentials may not read it \(.*AccessDeniedException.*\); `servicequotas:GetServiceQuota` would allow it$/,
      ),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^quotas: running vCPUs not checked, the credentials may not read it \(.*UnauthorizedOperation.*\); `ec2:DescribeInstances` would allow it$/,
      ),
    );
  });

  it('an instance type missing from a zone the cluster spans is an ERROR', async () => {
    quota.instanceTypes['m6i.2xlarge']!.zones = ['eu-west-1a', 'eu-west-1b'];
    const r = await run();
    expect(item(r, 'instance-types').errors).toEqual([
      {
        type: 'ERROR',
        message:
          'instance type m6i.2xlarge is offered in only eu-west-1a, eu-west-1b of eu-west-1; the cluster spans 3 zones: choose another type or zones (`aws ec2 describe-instance-type-offerings --location-type availability-zone --filters Name=instance-type,Values=m6i.2xlarge --region eu-west-1`)',
      },
    ]);
  });

  it('no Ubuntu image for the version is an ERROR; an arm64 type looks up the arm64 image', async () => {
    quota.parameters.delete(ubuntuEksImageParameter('1.34', 'amd64'));
    const r = await run({ 'services-machine-type': 'm7g.xlarge' });
    expect(item(r, 'ubuntu-image').errors.map((e) => e.message.split(' (no SSM')[0])).toEqual([
      'Canonical publishes no Ubuntu 24.04 EKS image for Kubernetes 1.34 (amd64) in eu-west-1',
    ]);
    expect(item(r, 'ubuntu-image').details).toEqual([
      `arm64: ami-0b000000000000003 (${ubuntuEksImageParameter('1.34', 'arm64')})`,
    ]);
  });

  it('on an existing cluster with its nodegroups, nothing is counted; the version is the cluster’s', async () => {
    quota.quotas['L-1216C47A']!.value = 0;
    quota.vpcs = 5;
    eks.clusters.set('gitpod', {
      name: 'gitpod',
      status: 'ACTIVE',
      version: '1.33',
      endpoint: 'http://127.0.0.1:9',
      caData: '',
    });
    for (const name of ['services', 'workspaces']) {
      eks.nodegroups.set(`gitpod/${name}`, {
        nodegroupName: name,
        clusterName: 'gitpod',
        status: 'ACTIVE',
        labels: {},
        instanceTypes: ['m6i.xlarge'],
        scalingConfig: { minSize: 1, maxSize: 4, desiredSize: 2 },
        amiType: 'CUSTOM',
      });
    }
    const r = await run();
    expect(r.status).toBe('OK');
    expect(item(r, 'kubernetes-version').details).toEqual(['cluster gitpod exists at 1.33']);
    expect(item(r, 'instance-types').details).toEqual(['every nodegroup exists']);
  });
});

describe('the signed JSON client’s endpoints, as the SDK resolves them', () => {
  it('takes AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, else the regional endpoint (China under .com.cn)', () => {
    const sq = (env: Record<string, string>, region = 'eu-west-1') =>
      awsServiceEndpoint('SERVICE_QUOTAS', 'servicequotas', region, env).toString();
    expect(sq({})).toBe('https://servicequotas.eu-west-1.amazonaws.com/');
    expect(sq({}, 'cn-north-1')).toBe('https://servicequotas.cn-north-1.amazonaws.com.cn/');
    expect(sq({ AWS_ENDPOINT_URL: 'http://127.0.0.1:7' })).toBe('http://127.0.0.1:7/');
    expect(sq({ AWS_ENDPOINT_URL: 'http://127.0.0.1:7', AWS_ENDPOINT_URL_SERVICE_QUOTAS: 'http://127.0.0.1:8' })).toBe(
      'http://127.0.0.1:8/',
    );
    expect(awsServiceEndpoint('SSM', 'ssm', 'us-east-1', {}).toString()).toBe('https://ssm.us-east-1.amazonaws.com/');
  });

  it('counts the Standard families of L-1216C47A only', () => {
    expect(
      ['m6i.xlarge', 't3.micro', 'r7g.large', 'c7i.2xlarge', 'i4i.large', 'z1d.large'].map(isStandardFamily),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['p4d.24xlarge', 'g5.xlarge', 'inf2.xlarge', 'x2iedn.xlarge', 'mac1.metal', 'trn1.2xlarge'].map(isStandardFamily),
    ).toEqual([false, false, false, false, false, false]);
  });
});
