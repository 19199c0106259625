/**
 * EKS's side of `version-support` and `version-skew`: `DescribeClusterVersions` (unsupported versions
 * included) gives each minor's end of standard and extended support and its status; `DescribeCluster`'s
 * `upgradePolicy.supportType` says whether EKS bills extended support (EXTENDED) or upgrades the control
 * plane itself at the end of standard support (STANDARD); the nodegroups' versions come from
 * `DescribeNodegroup`. Reads only.
 */
import type { ClusterVersionInformation, EksApi } from './eks.js';
import type { CloudObservation, SupportWindow, VersionFacts, VersionedPart } from '../types.js';
import { eksExtendedCost, minorOf } from '../../verify/support.js';

const iso = (d: Date | undefined) => (d instanceof Date && Number.isFinite(d.getTime()) ? d.toISOString() : undefined);

function windowOf(v: ClusterVersionInformation | undefined): SupportWindow | undefined {
  if (!v) return undefined;
  return {
    endOfStandard: iso(v.endOfStandardSupportDate),
    endOfExtended: iso(v.endOfExtendedSupportDate),
    status: v.versionStatus ?? undefined,
  };
}

export async function eksVersionFacts(cluster: string, observed: CloudObservation, eks: EksApi): Promise<VersionFacts> {
  const version = observed.version ?? '';
  const minors = [...new Set([version, ...observed.pools.map((p) => p.version)].map(minorOf).filter((m) => !!m))];
  const [info, described] = await Promise.all([
    minors.length ? eks.versionSupport(minors as string[]) : Promise.resolve([]),
    eks.describeCluster(cluster),
  ]);
  const windowFor = (v: string | undefined) => windowOf(info.find((i) => i.clusterVersion === minorOf(v)));
  const controlPlane: VersionedPart = {
    name: 'control plane',
    kind: 'control-plane',
    version,
    support: windowFor(version),
  };
  const pools = observed.pools
    .filter((p) => p.version)
    .map((p): VersionedPart => ({ name: p.name, kind: 'pool', version: p.version!, support: windowFor(p.version) }));
  return {
    controlPlane,
    pools,
    consequence: eksConsequence(described?.upgradePolicy?.supportType ?? undefined),
    // The upgrade policy is the cluster's: a nodegroup's version is billed and upgraded with it.
    consequenceForPools: true,
  };
}

/** What EKS does once standard support ends, by the cluster's upgrade policy. */
export function eksConsequence(supportType: string | undefined): VersionFacts['consequence'] {
  if (supportType === 'STANDARD') {
    const automatic =
      'the upgrade policy is STANDARD: EKS upgrades the control plane by itself at the end of standard support';
    return { 'standard-ending': automatic, extended: automatic };
  }
  return {
    'standard-ending': `then ${eksExtendedCost()} (upgrade policy ${supportType ?? 'EXTENDED'})`,
    extended: `${eksExtendedCost()}; upgrade to leave it`,
  };
}
