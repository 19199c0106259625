/**
 * How an EKS cluster built by this action is laid out, for the footprint, read from the ClusterConfig
 * eksctl is given (rendered, or merged with the user's `eksctl-config`): nodegroup sizes are for the
 * whole nodegroup across its zones; nodes with `privateNetworking` have no public IP; the VPC eksctl
 * creates has `vpc.nat.gateway` NAT gateways (Single: 1, HighlyAvailable: one per zone), each with an
 * Elastic IP; an existing VPC (`vpc.id`) brings its own. eksctl's defaults fill what a nodegroup leaves out.
 */
import type { ClusterLayout, PoolLayout, ProviderFootprint } from '../../footprint.js';
import type { Config } from '../../inputs.js';
import { POOL_ROLES } from '../../reference.js';
import { zonesOf } from '../../regions.js';
import { type ClusterConfigDoc, renderClusterConfig } from './plan.js';
import { awsMachineShape } from './machines.js';
import { AWS_REGIONS, eksctlDefaultZoneCount } from './regions.js';

/** eksctl's defaults for a nodegroup's root volume (pkg/apis/eksctl.io/v1alpha5/types.go: DefaultNodeVolumeSize, DefaultNodeVolumeType, DefaultNodeVolumeGP3IOPS, DefaultNodeVolumeThroughput). */
const EKSCTL_VOLUME_DEFAULTS = { volumeSize: 80, volumeType: 'gp3', volumeIOPS: 3000, volumeThroughput: 125 };

type Map = Record<string, unknown>;
const isMap = (v: unknown): v is Map => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

export function awsLayout(config: Config, doc: ClusterConfigDoc = renderClusterConfig(config, {})): ClusterLayout {
  const azs = Array.isArray(doc.availabilityZones) ? (doc.availabilityZones as string[]) : [];
  const zones = azs.length || eksctlDefaultZoneCount(config.region, zonesOf(AWS_REGIONS, config.region)?.length);
  const vpc = isMap(doc.vpc) ? doc.vpc : {};
  const gateway = isMap(vpc.nat) ? vpc.nat.gateway : undefined;
  const natGateways = vpc.id ? 0 : gateway === 'Disable' ? 0 : gateway === 'HighlyAvailable' ? zones : 1;
  const roleOf = (name: unknown) => POOL_ROLES.find((r) => config.pools[r].name === name) ?? 'other';
  const pools: PoolLayout[] = [];
  for (const list of ['managedNodeGroups', 'nodeGroups'] as const) {
    for (const ng of ((doc as Map)[list] ?? []) as Map[]) {
      const types = Array.isArray(ng.instanceTypes) ? (ng.instanceTypes as string[]) : [];
      const min = num(ng.minSize, num(ng.desiredCapacity, 2));
      const max = num(ng.maxSize, Math.max(min, num(ng.desiredCapacity, 2)));
      const d = EKSCTL_VOLUME_DEFAULTS;
      const type = typeof ng.volumeType === 'string' ? ng.volumeType : d.volumeType;
      pools.push({
        role: roleOf(ng.name),
        name: String(ng.name),
        machineType: String(types[0] ?? ng.instanceType ?? 'm5.large'),
        minNodes: min,
        maxNodes: max,
        initialNodes: num(ng.desiredCapacity, min),
        perZone: false,
        disk: {
          type,
          sizeGb: num(ng.volumeSize, d.volumeSize),
          ...(type === 'gp3'
            ? { iops: num(ng.volumeIOPS, d.volumeIOPS), throughputMBps: num(ng.volumeThroughput, d.volumeThroughput) }
            : {}),
        },
        externalIpPerNode: ng.privateNetworking !== true,
      });
    }
  }
  return { zones, zoneNames: azs, natGateways, pools };
}

export const AWS_FOOTPRINT: ProviderFootprint = { layout: (config) => awsLayout(config), shape: awsMachineShape };
