/**
 * Regions and zones: the shape of a provider's table (the data lives in src/providers/<cloud>/regions.ts)
 * and the checks `parseConfig` runs on `region` and `node-locations` before anything else happens.
 */

/** A provider's regions, each with the letters of its zones. */
export interface RegionTable {
  /** When the table was last compared with its source. */
  date: string;
  source: string;
  zoneName(region: string, letter: string): string;
  /** How an error names the accepted form of a zone. */
  zoneForm: string;
  regions: Readonly<Record<string, readonly string[]>>;
}

/** The zones of a region by name; undefined when the region is not in the table. */
export function zonesOf(table: RegionTable, region: string): string[] | undefined {
  const letters = table.regions[region];
  return letters?.map((l) => table.zoneName(region, l));
}

/**
 * Said (as a warning) when a well-formed region is not in the table: clouds open regions faster than
 * this action is released, and the cloud's own API refuses a region that does not exist at its first
 * call, before anything is created. Refusing here would lock users of a new region out with no way round.
 */
export function regionNotice(table: RegionTable, region: string): string | undefined {
  if (table.regions[region]) return undefined;
  return `Region ${region} is not in this action's table of ${table.date} (${table.source}): it is used as given, its zones are checked only for their form, and the footprint assumes the default zone count.`;
}
