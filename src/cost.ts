/**
 * The cost estimate: the monthly on-demand list price of a footprint at its minimum and maximum size,
 * from a dated price table (src/providers/<cloud>/prices.ts). A month is 730 hours. Pure, and knows no
 * provider: the provider's table names its cluster fee, disk types and hourly rates. What the table has no
 * price for is listed in `unpriced`, never guessed; usage-billed charges (traffic, NAT data) always are.
 */
import type { Footprint } from './footprint.js';

export const HOURS_PER_MONTH = 730;

/** A disk type's monthly prices; IOPS and throughput above the free baseline are billed apart (gp3). */
export interface DiskPrice {
  gbMonth: number;
  iopsMonth?: number;
  freeIops?: number;
  throughputMBpsMonth?: number;
  freeThroughputMBps?: number;
}

export interface RegionPrices {
  /** On-demand (Linux) price per hour, by machine type. */
  machineHour: Readonly<Record<string, number>>;
  disk: Readonly<Record<string, DiskPrice>>;
  /** The control plane's fee per hour (GKE cluster management fee, EKS standard support). */
  clusterHour: number;
  /** EKS extended support, per hour. */
  clusterExtendedHour?: number;
  natGatewayHour?: number;
  /** An in-use external (public) IPv4 address, per hour. */
  externalIpHour?: number;
}

export interface PriceTable {
  currency: 'USD';
  /** When the prices were read from their sources. */
  date: string;
  sources: readonly string[];
  /** What the cluster fee is called in `items[].what`. */
  clusterFeeName: string;
  regions: Readonly<Record<string, RegionPrices>>;
  /** Charges billed by usage, never estimated: always listed in `unpriced`. */
  usageBilled: readonly string[];
}

export interface CostItem {
  what: string;
  unitPrice: number;
  unit: string;
  quantityMin: number;
  quantityMax: number;
}

/** The `cost-estimate` output. */
export interface CostEstimate {
  currency: 'USD';
  priceDate: string;
  region: string;
  hoursPerMonth: number;
  monthly: { min: number; max: number };
  items: CostItem[];
  unpriced: string[];
}

export interface CostOptions {
  /** EKS `eks-support-type: extended`: the control plane billed at the extended rate. */
  extendedSupport?: boolean;
}

const cents = (n: number) => Math.round(n * 100) / 100;
/** Sums of prices without binary noise (0.1 + 0.2): rounded to a millionth of a dollar. */
const exact = (n: number) => Math.round(n * 1e6) / 1e6;
const range = (min: number, max: number) => (min === max ? `${min}` : `${min}–${max}`);

export function costOf(fp: Footprint, region: string, table: PriceTable, opts: CostOptions = {}): CostEstimate {
  const prices = table.regions[region];
  const items: CostItem[] = [];
  const unpriced: string[] = [];
  if (!prices) {
    unpriced.push(`everything: region ${region} is not in the price table of ${table.date}`);
    return {
      currency: table.currency,
      priceDate: table.date,
      region,
      hoursPerMonth: HOURS_PER_MONTH,
      monthly: { min: 0, max: 0 },
      items,
      unpriced: [...unpriced, ...table.usageBilled],
    };
  }
  const h = HOURS_PER_MONTH;
  // Nodes, by machine type.
  const byType = new Map<string, { min: number; max: number }>();
  for (const p of fp.pools) {
    const t = byType.get(p.machineType) ?? { min: 0, max: 0 };
    byType.set(p.machineType, { min: t.min + p.nodes.min, max: t.max + p.nodes.max });
  }
  for (const [type, n] of byType) {
    const hour = prices.machineHour[type];
    if (hour === undefined) unpriced.push(`${type} nodes (${range(n.min, n.max)}): no price for ${type} in ${region}`);
    else
      items.push({
        what: `${type} node`,
        unitPrice: hour,
        unit: 'node-hour',
        quantityMin: n.min * h,
        quantityMax: n.max * h,
      });
  }
  // Disks, by type: size, then provisioned IOPS and throughput above the free baseline.
  const disks = new Map<string, { gb: [number, number]; iops: [number, number]; mbps: [number, number] }>();
  for (const p of fp.pools) {
    const d = disks.get(p.disk.type) ?? { gb: [0, 0], iops: [0, 0], mbps: [0, 0] };
    const price = prices.disk[p.disk.type];
    const extraIops = Math.max(0, (p.disk.iops ?? 0) - (price?.freeIops ?? 0));
    const extraMbps = Math.max(0, (p.disk.throughputMBps ?? 0) - (price?.freeThroughputMBps ?? 0));
    (['min', 'max'] as const).forEach((side, i) => {
      const n = p.nodes[side];
      d.gb[i]! += n * p.disk.sizeGb;
      d.iops[i]! += n * extraIops;
      d.mbps[i]! += n * extraMbps;
    });
    disks.set(p.disk.type, d);
  }
  for (const [type, d] of disks) {
    const price = prices.disk[type];
    if (!price) {
      unpriced.push(`${type} disks (${range(d.gb[0], d.gb[1])} GB): no price for ${type} in ${region}`);
      continue;
    }
    items.push({
      what: `${type} disk`,
      unitPrice: price.gbMonth,
      unit: 'GB-month',
      quantityMin: d.gb[0],
      quantityMax: d.gb[1],
    });
    if (d.iops[1] > 0) {
      if (price.iopsMonth === undefined) unpriced.push(`${type} provisioned IOPS above ${price.freeIops ?? 0}`);
      else
        items.push({
          what: `${type} IOPS above ${price.freeIops ?? 0} per volume`,
          unitPrice: price.iopsMonth,
          unit: 'IOPS-month',
          quantityMin: d.iops[0],
          quantityMax: d.iops[1],
        });
    }
    if (d.mbps[1] > 0) {
      if (price.throughputMBpsMonth === undefined)
        unpriced.push(`${type} provisioned throughput above ${price.freeThroughputMBps ?? 0} MB/s`);
      else
        items.push({
          what: `${type} throughput above ${price.freeThroughputMBps ?? 0} MB/s per volume`,
          unitPrice: price.throughputMBpsMonth,
          unit: 'MBps-month',
          quantityMin: d.mbps[0],
          quantityMax: d.mbps[1],
        });
    }
  }
  // The control plane.
  const extended = opts.extendedSupport === true;
  const clusterHour = extended ? prices.clusterExtendedHour : prices.clusterHour;
  if (clusterHour === undefined) unpriced.push(`${table.clusterFeeName} (extended support)`);
  else
    items.push({
      what: `${table.clusterFeeName}${extended ? ' (extended support)' : ''}`,
      unitPrice: clusterHour,
      unit: 'cluster-hour',
      quantityMin: h,
      quantityMax: h,
    });
  // NAT gateways and external IPv4 addresses.
  if (fp.max.natGateways > 0) {
    if (prices.natGatewayHour === undefined)
      unpriced.push(`NAT gateways (${range(fp.min.natGateways, fp.max.natGateways)})`);
    else
      items.push({
        what: 'NAT gateway',
        unitPrice: prices.natGatewayHour,
        unit: 'gateway-hour',
        quantityMin: fp.min.natGateways * h,
        quantityMax: fp.max.natGateways * h,
      });
  }
  if (fp.max.externalIps > 0) {
    if (prices.externalIpHour === undefined)
      unpriced.push(
        `external IPv4 addresses (${range(fp.min.externalIps, fp.max.externalIps)}): not in the price table of ${table.date}`,
      );
    else
      items.push({
        what: 'external IPv4 address',
        unitPrice: prices.externalIpHour,
        unit: 'address-hour',
        quantityMin: fp.min.externalIps * h,
        quantityMax: fp.max.externalIps * h,
      });
  }
  const total = (side: 'quantityMin' | 'quantityMax') =>
    cents(exact(items.reduce((sum, i) => sum + exact(i.unitPrice * i[side]), 0)));
  return {
    currency: table.currency,
    priceDate: table.date,
    region,
    hoursPerMonth: h,
    monthly: { min: total('quantityMin'), max: total('quantityMax') },
    items,
    unpriced: [...unpriced, ...table.usageBilled],
  };
}
