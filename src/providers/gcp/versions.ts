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
    autoUpgrade: {
      status: info.autoUpgradeStatus,
      minorTarget: info.minorTargetVersion,
      patchTarget: info.patchTargetVersion,
    },
  };
}
