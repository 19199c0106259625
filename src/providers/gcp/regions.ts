/**
 * GCP regions and their zones, as data. Source: https://cloud.google.com/compute/docs/regions-zones
 * (the table "Available regions and zones"), as of 2026-12-07. A region that opened later is used as
 * given, with a warning (see `regionNotice` in src/regions.ts).
 */
import type { RegionTable } from '../../regions.js';

const abc = ['a', 'b', 'c'];

export const GCP_REGIONS: RegionTable = {
  date: '2026-12-07',
  source: 'https://cloud.google.com/compute/docs/regions-zones',
  /** `us-central1-a`: the region, a hyphen, a letter. */
  zoneName: (region, letter) => `${region}-${letter}`,
  zoneForm: 'a zone of the region such as `us-central1-a`',
  regions: {
    'africa-south1': abc,
    'asia-east1': abc,
    'asia-east2': abc,
    'asia-northeast1': abc,
    'asia-northeast2': abc,
    'asia-northeast3': abc,
    'asia-south1': abc,
    'asia-south2': abc,
    'asia-southeast1': abc,
    'asia-southeast2': abc,
    'australia-southeast1': abc,
    'australia-southeast2': abc,
    'europe-central2': abc,
    'europe-north1': abc,
    'europe-north2': abc,
    'europe-southwest1': abc,
    'europe-west1': ['b', 'c', 'd'],
    'europe-west2': abc,
    'europe-west3': abc,
    'europe-west4': abc,
    'europe-west6': abc,
    'europe-west8': abc,
    'europe-west9': abc,
    'europe-west10': abc,
    'europe-west12': abc,
    'me-central1': abc,
    'me-central2': abc,
    'me-west1': abc,
    'northamerica-northeast1': abc,
    'northamerica-northeast2': abc,
    'northamerica-south1': abc,
    'southamerica-east1': abc,
    'southamerica-west1': abc,
    'us-central1': ['a', 'b', 'c', 'f'],
    'us-east1': ['b', 'c', 'd'],
    'us-east4': abc,
    'us-east5': abc,
    'us-south1': abc,
    'us-west1': abc,
    'us-west2': abc,
    'us-west3': abc,
    'us-west4': abc,
  },
};

/**
 * Zones a regional GKE cluster's node pools run in when `--node-locations` is not given: GKE picks
 * three zones of the region ("By default, GKE replicates each node pool across three zones of the
 * control plane's region", https://cloud.google.com/kubernetes-engine/docs/concepts/regional-clusters).
 */
export const GKE_DEFAULT_ZONE_COUNT = 3;
/** GKE's default zone count for a region with `known` zones (undefined: a region newer than the table). */
export const GCP_DEFAULT_ZONES_FOR = (known: number | undefined): number =>
  known === undefined ? GKE_DEFAULT_ZONE_COUNT : Math.min(GKE_DEFAULT_ZONE_COUNT, known);
