/**
 * Each provider's data for the footprint and the cost estimate, by provider: its layout rules, machine
 * shapes, price table and region table. The shared code (src/footprint.ts, src/cost.ts) takes these.
 */
import { type CostEstimate, type PriceTable, costOf } from '../cost.js';
import { type Footprint, type MachineShape, type ProviderFootprint, footprintOfLayout } from '../footprint.js';
import type { Config } from '../inputs.js';
import type { Provider } from '../reference.js';
import { type RegionTable, regionNotice } from '../regions.js';
import type { ClusterConfigDoc } from './aws/plan.js';
import { AWS_FOOTPRINT, awsLayout } from './aws/footprint.js';
import { AWS_PRICES } from './aws/prices.js';
import { AWS_REGIONS } from './aws/regions.js';
import { GCP_FOOTPRINT } from './gcp/footprint.js';
import { GCP_PRICES } from './gcp/prices.js';
import { GCP_REGIONS } from './gcp/regions.js';

export interface ProviderEstimateData {
  footprint: ProviderFootprint;
  prices: PriceTable;
  regions: RegionTable;
}

export const ESTIMATE_DATA: Readonly<Record<Provider, ProviderEstimateData>> = {
  gcp: { footprint: GCP_FOOTPRINT, prices: GCP_PRICES, regions: GCP_REGIONS },
  aws: { footprint: AWS_FOOTPRINT, prices: AWS_PRICES, regions: AWS_REGIONS },
};

export interface Estimate {
  footprint: Footprint;
  cost: CostEstimate;
  /** A warning to log: the region is newer than the action's table. */
  notice?: string;
}

/**
 * The footprint and cost of a config. On AWS `doc` is the ClusterConfig eksctl is given (the user's
 * overlay merged in), when the caller has it; without it, the rendered one.
 */
export function estimateOf(
  config: Config,
  doc?: ClusterConfigDoc,
  reported: Readonly<Record<string, MachineShape>> = {},
): Estimate {
  const data = ESTIMATE_DATA[config.provider];
  const layout = config.provider === 'aws' && doc ? awsLayout(config, doc) : data.footprint.layout(config);
  const footprint = footprintOfLayout(layout, (type) => data.footprint.shape(type) ?? reported[type]);
  // Read defensively: `eks-support-type` is added by another change; absent means standard support.
  const support = (config as unknown as { eksSupportType?: unknown }).eksSupportType;
  const cost = costOf(footprint, config.region, data.prices, {
    extendedSupport: config.provider === 'aws' && support === 'extended',
  });
  const notice = regionNotice(data.regions, config.region);
  return { footprint, cost, ...(notice ? { notice } : {}) };
}
