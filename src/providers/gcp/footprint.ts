/**
 * How a GKE cluster built by this action is laid out, for the footprint: both pools are sized per zone
 * (a regional pool of 1 node is 1 node in each of its zones), in `node-locations` or GKE's three default
 * zones; each node gets an external IPv4 address (GKE's default: the flow creates no private nodes);
 * no NAT gateway.
 */
import type { ClusterLayout, ProviderFootprint } from '../../footprint.js';
import type { Config } from '../../inputs.js';
import { GCP, POOL_ROLES } from '../../reference.js';
import { zonesOf } from '../../regions.js';
import { gcpMachineShape } from './machines.js';
import { initialNodesPerZone } from './request.js';
import { GCP_DEFAULT_ZONES_FOR, GCP_REGIONS } from './regions.js';

export function gcpLayout(config: Config): ClusterLayout {
  const zones = config.nodeLocations.length
    ? config.nodeLocations.length
    : GCP_DEFAULT_ZONES_FOR(zonesOf(GCP_REGIONS, config.region)?.length);
  return {
    zones,
    zoneNames: [...config.nodeLocations],
    natGateways: 0,
    pools: POOL_ROLES.map((role) => {
      const p = config.pools[role];
      return {
        role,
        name: p.name,
        machineType: p.machineType,
        minNodes: p.minNodes,
        maxNodes: p.maxNodes,
        initialNodes: initialNodesPerZone(p),
        perZone: true,
        disk: { type: GCP.pool.diskType, sizeGb: config.diskSizeGb },
        externalIpPerNode: true,
      };
    }),
  };
}

export const GCP_FOOTPRINT: ProviderFootprint = { layout: gcpLayout, shape: gcpMachineShape };
