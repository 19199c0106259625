/**
 * GKE's side of `version-support` and `version-skew`: the control plane's support window and
 * auto-upgrade state from `clusters.fetchClusterUpgradeInfo`, each pool's version from the cluster, and
 * the window of a pool on another minor from `nodePools.fetchNodePoolUpgradeInfo`. Reads only.
 */
import type { Gke, GkeUpgradeInfo } from './gke.js';
import type { CloudObservation, SupportWindow, VersionFacts, VersionedPart } from '../types.js';
import { minorOf } from '../../verify/support.js';

function windowOf(u: GkeUpgradeInfo): SupportWindow | undefined {
  if (!u.endOfStandardSupport && !u.endOfExtendedSupport) return undefined;
  return { endOfStandard: u.endOfStandardSupport, endOfExtended: u.endOfExtendedSupport };
}

export async function gkeVersionFacts(cluster: string, observed: CloudObservation, gke: Gke): Promise<VersionFacts> {
  const info = await gke.clusterUpgradeInfo(cluster);
  const version = observed.version ?? '';
  const cpMinor = minorOf(version);
  const controlPlane: VersionedPart = {
    name: 'control plane',
    kind: 'control-plane',
    version,
    support: windowOf(info),
  };
  const pools = await Promise.all(
    observed.pools
      .filter((p) => p.version)
      .map(async (p): Promise<VersionedPart> => {
        const same = minorOf(p.version) === cpMinor;
        const support = same ? controlPlane.support : windowOf(await gke.nodePoolUpgradeInfo(cluster, p.name));
        return { name: p.name, kind: 'pool', version: p.version!, support };
      }),
  );
  return {
    controlPlane,
    pools,
    // GKE's auto-upgrade state is the cluster's control plane's: a pool's finding does not carry it.
    consequence: gkeConsequence(info.autoUpgradeStatus, info.minorTargetVersion ?? info.patchTargetVersion),
  };
}

/** What GKE does once standard support ends: its auto-upgrade status and next target. */
export function gkeConsequence(status: readonly string[], target: string | undefined): VersionFacts['consequence'] {
  const text = `GKE auto-upgrade ${status.join(', ') || 'UNKNOWN'}${target ? `, next target ${target}` : ''}`;
  return { 'standard-ending': text, extended: text };
}
