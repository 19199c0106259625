/**
 * EKS preflight: what `apply` needs from the account and region, read before anything is created.
 *
 *   kubernetes-version  EKS DescribeClusterVersions: the version is offered (an existing cluster keeps its own)
 *   instance-types      EC2 DescribeInstanceTypeOfferings (availability-zone): the types exist in the zones
 *   ubuntu-image        SSM: Canonical's public parameter of the Ubuntu 24.04 EKS image for that version
 *   quotas              Service Quotas against what is in use plus what apply creates:
 *                         Elastic IPs (L-0263D0A3)   DescribeAddresses    + 1 (the single NAT gateway's)
 *                         VPCs (L-F678F1CE)          DescribeVpcs         + 1
 *                         NAT gateways per AZ (L-FE5A380F) DescribeNatGateways by zone + 1 in one zone
 *                         On-Demand Standard vCPU (L-1216C47A) running instances' vCPUs + the nodegroups'
 *
 * What apply creates (the rendered ClusterConfig, the user's overlay merged): with no cluster yet, eksctl's
 * VPC with one NAT gateway and its Elastic IP (none when the overlay brings a VPC), then the nodegroups
 * that do not exist yet at their desiredCapacity (ERROR when short) and maxSize (WARNING).
 */
import type { Config } from '../../inputs.js';
import type { Logger } from '../../log.js';
import { type AwsPreflightApi, type InstanceTypeInfo, isAwsDenied, isStandardFamily } from './preflight-client.js';
import type { EksApi } from './eks.js';
import { awsErrorMessage } from './eks.js';
import type { CheckOutcome, PreflightCheck, PreflightFinding, PreflightProvider, QuotaNeed } from '../../preflight.js';
import { quotaOutcome } from '../../preflight.js';
import { AWS } from '../../reference.js';
import { type ClusterConfigDoc, clusterConfigFor } from './plan.js';
import { awsMachineShape } from './machines.js';

/** The Service Quotas this flow's creations count against. */
export const AWS_QUOTAS = {
  elasticIps: { service: 'ec2', code: 'L-0263D0A3', name: 'EC2-VPC Elastic IPs' },
  vpcs: { service: 'vpc', code: 'L-F678F1CE', name: 'VPCs per Region' },
  natGateways: { service: 'vpc', code: 'L-FE5A380F', name: 'NAT gateways per Availability Zone' },
  standardVcpus: { service: 'ec2', code: 'L-1216C47A', name: 'Running On-Demand Standard instances (vCPU)' },
} as const;

/** eksctl spreads a new cluster over this many availability zones of the region when none are given. */
export const EKSCTL_DEFAULT_ZONE_COUNT = 3;

/** Canonical's public SSM parameter of the Ubuntu 24.04 EKS image, as eksctl resolves `amiFamily: Ubuntu2404`. */
export function ubuntuEksImageParameter(kubernetesVersion: string, arch: 'amd64' | 'arm64'): string {
  return `/aws/service/canonical/ubuntu/eks/24.04/${kubernetesVersion}/stable/current/${arch}/hvm/ebs-gp3/ami-id`;
}

/** One nodegroup as apply will create it (from the rendered ClusterConfig). */
export interface NodegroupPlan {
  name: string;
  instanceType: string;
  desired: number;
  max: number;
  amiFamily?: string;
  /** A fixed AMI in the overlay: no image to look up. */
  ami?: string;
}

export function nodegroupPlans(doc: ClusterConfigDoc): NodegroupPlan[] {
  return doc.managedNodeGroups.map((g) => ({
    name: String(g.name),
    instanceType: String((g.instanceTypes as string[] | undefined)?.[0] ?? g.instanceType ?? ''),
    desired: Number(g.desiredCapacity ?? g.minSize ?? 0),
    max: Number(g.maxSize ?? g.desiredCapacity ?? 0),
    amiFamily: g.amiFamily === undefined ? undefined : String(g.amiFamily),
    ami: g.ami === undefined ? undefined : String(g.ami),
  }));
}

/** true when the overlay names a VPC of its own (eksctl then creates no VPC, NAT gateway or Elastic IP). */
export function bringsOwnVpc(doc: ClusterConfigDoc): boolean {
  const vpc = doc.vpc as { id?: unknown; subnets?: unknown } | undefined;
  return !!(vpc?.id || vpc?.subnets);
}

export interface AwsQuotaInput {
  config: Config;
  /** Applied quota values by quota code; a missing one is not checked. */
  limits: Readonly<Record<string, number | undefined>>;
  /** The quotas' names as Service Quotas reports them (the console's); default the names of AWS_QUOTAS. */
  names?: Readonly<Record<string, string | undefined>>;
  inUse: { elasticIps?: number; vpcs?: number; natByZone?: Readonly<Record<string, number>>; vcpus?: number };
  zones: readonly string[];
  /** Nodegroups still to create. */
  nodegroups: readonly NodegroupPlan[];
  types: Readonly<Record<string, InstanceTypeInfo>>;
  /** true: the cluster (and its VPC) is still to be created by eksctl. */
  createsVpc: boolean;
}

const increase = (config: Config, q: { service: string; code: string }) => (wanted: number) =>
  `Request more: \`aws service-quotas request-service-quota-increase --service-code ${q.service} --quota-code ${q.code} --desired-value ${wanted} --region ${config.region}\``;

/** The quotas apply's creations count against, with what each needs. */
export function awsQuotaNeeds(input: AwsQuotaInput): QuotaNeed[] {
  const { config, limits, names = {}, inUse, zones, nodegroups, types, createsVpc } = input;
  const needs: QuotaNeed[] = [];
  const one = createsVpc ? 1 : 0;
  const add = (
    q: (typeof AWS_QUOTAS)[keyof typeof AWS_QUOTAS],
    scope: string,
    usage: number | undefined,
    need: number,
    extra: Partial<QuotaNeed> = {},
  ) => {
    const limit = limits[q.code];
    if (limit === undefined || usage === undefined) return;
    needs.push({
      quota: `${names[q.code] ?? q.name} (${q.code})`,
      scope,
      limit,
      usage,
      need,
      fix: increase(config, q),
      ...extra,
    });
  };
  add(AWS_QUOTAS.vpcs, config.region, inUse.vpcs, one, { breakdown: createsVpc ? "eksctl's cluster VPC" : undefined });
  add(AWS_QUOTAS.elasticIps, config.region, inUse.elasticIps, one, {
    breakdown: createsVpc ? 'the NAT gateway (natGateway: Single)' : undefined,
  });
  if (inUse.natByZone) {
    // eksctl puts its single NAT gateway in one of the cluster's zones: short only when no zone has room.
    const used = zones.map((z) => ({ zone: z, count: inUse.natByZone![z] ?? 0 }));
    const roomiest = used.sort((a, b) => a.count - b.count)[0];
    if (roomiest) {
      add(AWS_QUOTAS.natGateways, roomiest.zone, roomiest.count, one, {
        breakdown: createsVpc
          ? `eksctl's one NAT gateway, in the zone with most room of ${zones.join(', ')}`
          : undefined,
      });
    }
  }
  // What EC2 reported, else the action's table (src/providers/aws/machines.ts).
  const vcpuOf = (t: string) => types[t]?.vcpus ?? awsMachineShape(t)?.vcpus ?? 0;
  const standard = nodegroups.filter((g) => isStandardFamily(g.instanceType));
  const need = standard.reduce((s, g) => s + g.desired * vcpuOf(g.instanceType), 0);
  const needAtMax = standard.reduce((s, g) => s + g.max * vcpuOf(g.instanceType), 0);
  add(AWS_QUOTAS.standardVcpus, config.region, inUse.vcpus, need, {
    needAtMax,
    unit: 'vCPU',
    breakdown: standard.map((g) => `${g.desired} × ${vcpuOf(g.instanceType)} vCPU ${g.name}`).join(' + ') || undefined,
  });
  return needs;
}

// --- the checks ---------------------------------------------------------------------------------------

export interface AwsPreflightDeps {
  eks?: EksApi;
  api?: AwsPreflightApi;
}

const once = <T>(fn: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
};

export async function awsPreflight(
  config: Config,
  log: Logger,
  deps: AwsPreflightDeps = {},
): Promise<PreflightProvider & { close(): Promise<void> }> {
  // The user's overlay is read (and refused when bad) before any request, as apply does.
  const plannedDoc = clusterConfigFor(config, {});
  const eks = once(async () => deps.eks ?? (await import('./eks.js')).eksApi({ region: config.region }));
  const api = once(
    async () => deps.api ?? (await import('./preflight-client.js')).awsPreflightApi({ region: config.region }),
  );

  const existing = once(async () => {
    const e = await eks();
    try {
      const cluster = await e.describeCluster(config.clusterName);
      const nodegroups = cluster ? new Set(await e.listNodegroups(config.clusterName)) : new Set<string>();
      return { cluster, nodegroups };
    } catch (err) {
      log.warning(
        `preflight: could not tell whether EKS cluster ${config.clusterName} exists (${awsErrorMessage(err)}); counting everything as new`,
      );
      return { cluster: undefined, nodegroups: new Set<string>() };
    }
  });
  const version = once(async () => {
    const { cluster } = await existing();
    const { resolveVersion } = await import('./apply.js');
    return resolveVersion(config, await eks(), cluster);
  });
  const toCreate = once(async () => {
    const { nodegroups } = await existing();
    return nodegroupPlans(plannedDoc).filter((g) => !nodegroups.has(g.name));
  });
  const zones = once(async () => {
    const given = plannedDoc.availabilityZones as string[] | undefined;
    return given?.length ? [...given] : await (await api()).availabilityZones();
  });
  const typeInfo = once(async () => {
    const types = [...new Set(nodegroupPlans(plannedDoc).map((g) => g.instanceType))];
    return (await api()).instanceTypes(types);
  });

  const checks: PreflightCheck[] = [
    {
      name: 'kubernetes-version',
      description: `EKS offers Kubernetes ${config.kubernetesVersion} in ${config.region}`,
      permission: 'eks:DescribeClusterVersions',
      async run() {
        try {
          const v = await version();
          const { cluster } = await existing();
          return {
            details: [cluster ? `cluster ${config.clusterName} exists at ${v}` : `${config.kubernetesVersion} → ${v}`],
          };
        } catch (err) {
          if ((err as Error).name === 'InputError')
            return { errors: [{ type: 'ERROR', message: (err as Error).message }] };
          throw err;
        }
      },
    },
    {
      name: 'instance-types',
      description: `the instance types are offered in the availability zones of ${config.region}`,
      permission: 'ec2:DescribeInstanceTypeOfferings',
      async run() {
        const plans = await toCreate();
        if (!plans.length) return { details: ['every nodegroup exists'] };
        const zs = await zones();
        const explicit = !!(plannedDoc.availabilityZones as string[] | undefined)?.length;
        const need = explicit ? zs.length : Math.min(EKSCTL_DEFAULT_ZONE_COUNT, zs.length);
        const types = [...new Set(plans.map((g) => g.instanceType))];
        const offered = await (await api()).instanceTypeZones(types);
        const errors: PreflightFinding[] = [];
        const details: string[] = [];
        for (const type of types) {
          const inZones = zs.filter((z) => offered[type]?.includes(z));
          const missing = zs.filter((z) => !inZones.includes(z));
          const list = `\`aws ec2 describe-instance-type-offerings --location-type availability-zone --filters Name=instance-type,Values=${type} --region ${config.region}\``;
          if (inZones.length < need || (explicit && missing.length)) {
            errors.push({
              type: 'ERROR',
              message: `instance type ${type} is offered in ${inZones.length ? `only ${inZones.join(', ')}` : 'no availability zone'} of ${config.region}${explicit ? ` (the cluster's zones: ${zs.join(', ')})` : `; the cluster spans ${need} zones`}: choose another type or zones (${list})`,
            });
          } else if (missing.length) {
            errors.push({
              type: 'WARNING',
              message: `instance type ${type} is not offered in ${missing.join(', ')}; eksctl picks ${need} of the zones of ${config.region}: set availabilityZones in eksctl-config to zones that offer it`,
            });
          }
          details.push(`${type}: ${inZones.length}/${zs.length} zones`);
        }
        return { errors, details };
      },
    },
    {
      name: 'ubuntu-image',
      description: `Canonical publishes an Ubuntu 24.04 EKS image for the version in ${config.region}`,
      permission: 'ssm:GetParameter',
      async run() {
        const plans = (await toCreate()).filter(
          (g) => !g.ami && (g.amiFamily ?? AWS.nodegroup.amiFamily) === 'Ubuntu2404',
        );
        if (!plans.length) return { details: ['no nodegroup to create uses amiFamily Ubuntu2404'] };
        const v = await version();
        let info: Record<string, InstanceTypeInfo> = {};
        try {
          info = await typeInfo();
        } catch {
          /* the architecture then defaults to amd64 */
        }
        const archs = [
          ...new Set(plans.map((g) => (info[g.instanceType]?.architectures.includes('arm64') ? 'arm64' : 'amd64'))),
        ] as ('amd64' | 'arm64')[];
        const errors: PreflightFinding[] = [];
        const details: string[] = [];
        for (const arch of archs) {
          const name = ubuntuEksImageParameter(v, arch);
          const ami = await (await api()).parameter(name);
          if (ami) details.push(`${arch}: ${ami} (${name})`);
          else
            errors.push({
              type: 'ERROR',
              message: `Canonical publishes no Ubuntu 24.04 EKS image for Kubernetes ${v} (${arch}) in ${config.region} (no SSM parameter ${name}): choose another kubernetes-version (\`aws ssm get-parameters-by-path --path /aws/service/canonical/ubuntu/eks/24.04 --region ${config.region}\`)`,
            });
        }
        return { errors, details };
      },
    },
    {
      name: 'quotas',
      description: `Service Quotas of ${config.region} hold what apply creates`,
      permission: 'servicequotas:GetServiceQuota',
      async run(): Promise<CheckOutcome> {
        const a = await api();
        const { cluster } = await existing();
        const createsVpc = !cluster && !bringsOwnVpc(plannedDoc);
        const plans = await toCreate();
        const notes: string[] = [];
        const denied: PreflightFinding[] = [];
        // Each read on its own: a denied one leaves its quota unchecked (WARNING), the others still count.
        const read = async <T>(what: string, permission: string, fn: () => Promise<T>): Promise<T | undefined> => {
          try {
            return await fn();
          } catch (err) {
            denied.push({
              type: 'WARNING',
              message: `quotas: ${what} not checked, ${isAwsDenied(err) ? `the credentials may not read it (${awsErrorMessage(err)}); \`${permission}\` would allow it` : `the read failed: ${awsErrorMessage(err)}`}`,
            });
            return undefined;
          }
        };
        const limits: Record<string, number | undefined> = {};
        const names: Record<string, string | undefined> = {};
        for (const q of Object.values(AWS_QUOTAS)) {
          const got = await read(`${q.name} (${q.code})`, 'servicequotas:GetServiceQuota', () =>
            a.serviceQuota(q.service, q.code),
          );
          limits[q.code] = got?.value;
          names[q.code] = got?.name;
        }
        const inUse = {
          elasticIps: await read('Elastic IPs in use', 'ec2:DescribeAddresses', () => a.elasticIps()),
          vpcs: await read('VPCs in use', 'ec2:DescribeVpcs', () => a.vpcs()),
          natByZone: await read('NAT gateways in use', 'ec2:DescribeNatGateways', () => a.natGatewaysByZone()),
          vcpus: await read('running vCPUs', 'ec2:DescribeInstances', () => a.standardOnDemandVcpus()),
        };
        const types = (await read('instance type shapes', 'ec2:DescribeInstanceTypes', () => typeInfo())) ?? {};
        const zs = (await read('availability zones', 'ec2:DescribeAvailabilityZones', () => zones())) ?? [];
        if (cluster)
          notes.push(`cluster ${config.clusterName} exists: its VPC, NAT gateway and Elastic IP count as in use`);
        const outcome = quotaOutcome(
          awsQuotaNeeds({ config, limits, names, inUse, zones: zs, nodegroups: plans, types, createsVpc }),
        );
        return { errors: [...(outcome.errors ?? []), ...denied], details: [...notes, ...(outcome.details ?? [])] };
      },
    },
  ];

  return {
    provider: 'aws',
    cluster: config.clusterName,
    region: config.region,
    checks,
    isDenied: isAwsDenied,
    describe: awsErrorMessage,
    async machineShapes() {
      const shapes: Record<string, { vcpus: number; memoryGb: number }> = {};
      for (const [type, info] of Object.entries(await typeInfo().catch(() => ({})))) {
        if (info.vcpus && info.memoryGb) shapes[type] = { vcpus: info.vcpus, memoryGb: info.memoryGb };
      }
      return shapes;
    },
    async close() {},
  };
}
