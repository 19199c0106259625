/**
 * The footprint and the cost estimate of a config, from its provider's data (the Provider's `estimate`,
 * loaded with it: src/providers/index.ts): its layout rules, machine shapes, price table and region table.
 * The shared code (src/footprint.ts, src/cost.ts) takes these.
 */
import { type CostEstimate, type PriceTable, costOf } from '../cost.js';
import {
  type ClusterLayout,
  type Footprint,
  type MachineShape,
  type ProviderFootprint,
  footprintOfLayout,
} from '../footprint.js';
import type { Config } from '../inputs.js';
import { type RegionTable, regionNotice } from '../regions.js';
import type { ClusterConfigDoc } from './aws/plan.js';
import { providerOf } from './index.js';

/** One provider's data for the footprint and the cost estimate. */
export interface ProviderEstimateData {
  footprint: ProviderFootprint;
  prices: PriceTable;
  regions: RegionTable;
  /** AWS: the layout of the ClusterConfig eksctl is given (the user's overlay merged), when the caller has it. */
  layoutOf?(config: Config, doc: ClusterConfigDoc): ClusterLayout;
}

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
  const data = providerOf(config).estimate;
  const layout = doc && data.layoutOf ? data.layoutOf(config, doc) : data.footprint.layout(config);
  const footprint = footprintOfLayout(layout, (type) => data.footprint.shape(type) ?? reported[type]);
  // Read defensively: `eks-support-type` is added by another change; absent means standard support.
  const support = (config as unknown as { eksSupportType?: unknown }).eksSupportType;
  const cost = costOf(footprint, config.region, data.prices, {
    extendedSupport: config.provider === 'aws' && support === 'extended',
  });
  const notice = regionNotice(data.regions, config.region);
  return { footprint, cost, ...(notice ? { notice } : {}) };
}
