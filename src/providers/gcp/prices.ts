/**
 * GCP on-demand list prices (USD), read 2026-12-07 from:
 *   - https://cloud.google.com/compute/vm-instance-pricing (N2D, N2, E2, C3: per vCPU-hour and GB-hour;
 *     a predefined type costs vCPUs × vCPU rate + GB × memory rate)
 *   - https://cloud.google.com/compute/disks-image-pricing (pd-ssd, per GB-month)
 *   - https://cloud.google.com/kubernetes-engine/pricing (cluster management fee: $0.10 per cluster-hour;
 *     the free tier's credit covers one zonal or Autopilot cluster, never a regional one)
 * Iowa (us-central1), South Carolina (us-east1) and Oregon (us-west1) share one price list. External IPv4
 * addresses on VMs are billed by the hour too, but are not in this table yet: the estimate lists them as
 * unpriced. `scripts/refresh-prices.mjs` rebuilds these rows from the Cloud Billing Catalog API.
 */
import type { PriceTable, RegionPrices } from '../../cost.js';
import { gcpMachineShape } from './machines.js';

/** Per family: [vCPU-hour, GB-hour] in us-central1. */
const US_TIER1_RATES: Readonly<Record<string, readonly [number, number]>> = {
  n2d: [0.027502, 0.003686],
  n2: [0.031611, 0.004237],
  e2: [0.021811, 0.002923],
  c3: [0.03465, 0.003938],
};

/** The machine types priced: each standard type of the families above, vCPUs × rate + GB × rate. */
function machineHours(rates: Readonly<Record<string, readonly [number, number]>>): Record<string, number> {
  const out: Record<string, number> = {};
  const sizes: Record<string, number[]> = {
    n2d: [2, 4, 8, 16, 32, 48, 64, 80, 96],
    n2: [2, 4, 8, 16, 32, 48, 64, 80, 96],
    e2: [2, 4, 8, 16, 32],
    c3: [4, 8, 22, 44, 88, 176],
  };
  for (const [family, [cpu, gb]] of Object.entries(rates)) {
    for (const n of sizes[family] ?? []) {
      const type = `${family}-standard-${n}`;
      const shape = gcpMachineShape(type)!;
      out[type] = Math.round((shape.vcpus * cpu + shape.memoryGb * gb) * 1e6) / 1e6;
    }
  }
  return out;
}

const US_TIER1: RegionPrices = {
  machineHour: machineHours(US_TIER1_RATES),
  disk: { 'pd-ssd': { gbMonth: 0.17 } },
  clusterHour: 0.1,
};

export const GCP_PRICES: PriceTable = {
  currency: 'USD',
  date: '2026-12-07',
  sources: [
    'https://cloud.google.com/compute/vm-instance-pricing',
    'https://cloud.google.com/compute/disks-image-pricing',
    'https://cloud.google.com/kubernetes-engine/pricing',
  ],
  clusterFeeName: 'GKE cluster management fee',
  regions: { 'us-central1': US_TIER1, 'us-east1': US_TIER1, 'us-west1': US_TIER1 },
  usageBilled: ['network egress and load balancers (billed by use)'],
};
