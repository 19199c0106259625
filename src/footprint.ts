/**
 * The footprint: what the whole cluster holds at its pools' minimum and maximum size — nodes, vCPUs,
 * memory, disk by type, external IPs, NAT gateways. Pure: no I/O, no provider named here. A provider
 * (src/providers/gcp/footprint.ts, src/providers/aws/footprint.ts) turns a Config into a `ClusterLayout`
 * and gives the machine shapes it knows; `footprintOf` does the sums. `preflight` compares it with quotas.
 */
import type { Config } from './inputs.js';
import type { PoolRole } from './reference.js';

/** vCPUs and memory of one machine type. */
export interface MachineShape {
  vcpus: number;
  memoryGb: number;
}

/** The machine shapes a provider knows; undefined for a type not in its table (looked up at apply time). */
export type ShapeLookup = (machineType: string) => MachineShape | undefined;

/** One node's boot disk. */
export interface DiskLayout {
  /** The cloud's disk type name: `pd-ssd`, `gp3` … */
  type: string;
  sizeGb: number;
  /** Provisioned IOPS and throughput (MB/s), where the disk type bills them (gp3). */
  iops?: number;
  throughputMBps?: number;
}

/** One pool as it is laid out in the cloud. */
export interface PoolLayout {
  role: PoolRole | 'other';
  name: string;
  machineType: string;
  /** As configured: per zone when `perZone`, else for the whole pool. */
  minNodes: number;
  maxNodes: number;
  /** The size the pool is created at (GKE `--num-nodes`, EKS `desiredCapacity`), same unit. */
  initialNodes: number;
  /** GKE: sizes are per zone, so the pool's nodes are size × zones. */
  perZone: boolean;
  disk: DiskLayout;
  /** Each node has an external (public) IPv4 address. */
  externalIpPerNode: boolean;
}

/** The cluster as the provider lays it out, before the sums. */
export interface ClusterLayout {
  /** The zones the nodes run in; empty names when the cloud picks them (GKE's default). */
  zones: number;
  zoneNames: string[];
  pools: PoolLayout[];
  /** NAT gateways, each with one external IPv4 address (EKS: `vpc.nat.gateway`). */
  natGateways: number;
}

/** The whole cluster at one size. `null` where an unknown machine type leaves a sum unknown. */
export interface FootprintSide {
  nodes: number;
  vcpus: number | null;
  memoryGb: number | null;
  /** GB by disk type: `{ "pd-ssd": 600 }`. */
  diskGb: Record<string, number>;
  externalIps: number;
  natGateways: number;
}

/** One pool's share, for checks by machine family (GCP's N2D_CPUS …). */
export interface PoolFootprint {
  role: PoolLayout['role'];
  name: string;
  machineType: string;
  /** undefined: not in the action's table (plan shows it as unknown; apply looks it up). */
  shape?: MachineShape;
  nodes: Record<Side, number>;
  disk: DiskLayout;
  externalIpPerNode: boolean;
}

export const SIDES = ['min', 'initial', 'max'] as const;
export type Side = (typeof SIDES)[number];

/** The `footprint` output (with `pools` and `unknownMachineTypes` added to the contract's shape). */
export interface Footprint {
  zones: number;
  /** The zones by name; empty when the cloud picks them (GKE's default for a regional cluster). */
  zoneNames: string[];
  min: FootprintSide;
  /** At the size the pools are created at: what preflight holds against the quotas. */
  initial: FootprintSide;
  max: FootprintSide;
  pools: PoolFootprint[];
  /** Machine types whose shape is unknown offline: their vCPUs and memory are `null` in the sums. */
  unknownMachineTypes: string[];
}

/** What a provider gives the shared footprint and cost code. */
export interface ProviderFootprint {
  layout(config: Config): ClusterLayout;
  shape: ShapeLookup;
}

/** The footprint of a layout, with the machine shapes of `shape`. */
export function footprintOfLayout(layout: ClusterLayout, shape: ShapeLookup): Footprint {
  const pools: PoolFootprint[] = layout.pools.map((p) => {
    const factor = p.perZone ? layout.zones : 1;
    const s = shape(p.machineType);
    return {
      role: p.role,
      name: p.name,
      machineType: p.machineType,
      ...(s ? { shape: s } : {}),
      nodes: { min: p.minNodes * factor, initial: p.initialNodes * factor, max: p.maxNodes * factor },
      disk: { ...p.disk },
      externalIpPerNode: p.externalIpPerNode,
    };
  });
  const side = (which: Side): FootprintSide => {
    let vcpus: number | null = 0;
    let memoryGb: number | null = 0;
    const diskGb: Record<string, number> = {};
    let nodes = 0;
    let externalIps = layout.natGateways;
    for (const p of pools) {
      const n = p.nodes[which];
      nodes += n;
      vcpus = p.shape && vcpus !== null ? vcpus + n * p.shape.vcpus : null;
      memoryGb = p.shape && memoryGb !== null ? memoryGb + n * p.shape.memoryGb : null;
      diskGb[p.disk.type] = (diskGb[p.disk.type] ?? 0) + n * p.disk.sizeGb;
      if (p.externalIpPerNode) externalIps += n;
    }
    return { nodes, vcpus, memoryGb, diskGb, externalIps, natGateways: layout.natGateways };
  };
  const unknownMachineTypes = [...new Set(pools.filter((p) => !p.shape).map((p) => p.machineType))];
  return {
    zones: layout.zones,
    zoneNames: [...layout.zoneNames],
    min: side('min'),
    initial: side('initial'),
    max: side('max'),
    pools,
    unknownMachineTypes,
  };
}

/** The footprint of a config, with the provider's layout rules and machine shapes. */
export function footprintOf(config: Config, provider: ProviderFootprint): Footprint {
  return footprintOfLayout(provider.layout(config), provider.shape);
}
