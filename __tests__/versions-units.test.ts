/**
 * The provider-neutral arithmetic of versions over time (src/verify/support.ts), against hand-written
 * literals: days to a date by the UTC calendar, the phrases the report shows, the Calico release lines,
 * and the upgrade rounds apply walks (never down).
 */
import { describe, expect, it } from '@jest/globals';
import type { VersionFacts } from '../src/providers/types.js';
import {
  atMinor,
  calicoFindings,
  checkVersionSupport,
  daysUntil,
  minorsBetween,
  supportPhrase,
  upgradeMinors,
} from '../src/verify/support.js';

const t = (iso: string) => Date.parse(iso);

describe('days and phrases', () => {
  it('counts UTC calendar days, whatever the hour', () => {
    expect(daysUntil('2027-01-17T00:00:00Z', t('2026-12-07T23:59:59Z'))).toBe(41);
    expect(daysUntil('2027-01-17T00:00:00Z', t('2026-12-07T00:00:00Z'))).toBe(41);
    expect(daysUntil('2027-01-17', t('2027-01-17T18:00:00Z'))).toBe(0);
    expect(daysUntil('2027-01-17', t('2027-01-18T00:00:01Z'))).toBe(-1);
  });

  it('says ends in, ends today and ended ago, with the date', () => {
    expect(supportPhrase('standard support', '2027-01-17T00:00:00Z', t('2026-12-07T12:00:00Z'))).toBe(
      'standard support ends in 41 days, on 2027-01-17',
    );
    expect(supportPhrase('standard support', '2027-01-17T00:00:00Z', t('2027-01-16T12:00:00Z'))).toBe(
      'standard support ends in 1 day, on 2027-01-17',
    );
    expect(supportPhrase('extended support', '2027-01-17', t('2027-01-17T08:00:00Z'))).toBe(
      'extended support ends today, on 2027-01-17',
    );
    expect(supportPhrase('extended support', '2027-01-17', t('2027-01-18T08:00:00Z'))).toBe(
      'extended support ended 1 day ago, on 2027-01-17',
    );
  });

  it('counts minors between versions with provider suffixes', () => {
    expect(minorsBetween('v1.34.1-gke.1100000', '1.30.14-gke.1000')).toBe(4);
    expect(minorsBetween('1.33', 'v1.34.0-eks-abc')).toBe(-1);
    expect(minorsBetween('1.33', 'not-a-version')).toBeUndefined();
    expect(atMinor('1.33.5-gke.1201000', '1.33')).toBe(true);
    expect(atMinor('1.32.9', '1.33')).toBe(false);
    expect(atMinor(undefined, '1.33')).toBe(false);
  });
});

describe('version-support without dates, and Calico', () => {
  const facts = (support?: VersionFacts['controlPlane']['support']): VersionFacts => ({
    controlPlane: { name: 'control plane', kind: 'control-plane', version: '1.33.2', support },
    pools: [],
  });

  it('warns when the cloud states no dates at all', () => {
    const item = checkVersionSupport(facts(undefined), t('2026-12-07T00:00:00Z'));
    expect(item.status).toBe('WARNING');
    expect(item.errors.map((e) => e.message)).toEqual([
      'the control plane (Kubernetes 1.33.2): the cloud states no support dates for it',
    ]);
  });

  it('an EKS status UNSUPPORTED is an ERROR even without dates', () => {
    const item = checkVersionSupport(facts({ status: 'UNSUPPORTED' }), t('2026-12-07T00:00:00Z'));
    expect(item.status).toBe('ERROR');
  });

  it('Calico: current is fine; one minor older warns; two minors older is outside the supported lines', () => {
    expect(calicoFindings({ installed: 'v3.30.3', pinned: 'v3.30.3' })).toEqual([]);
    expect(calicoFindings({ installed: 'v3.31.0', pinned: 'v3.30.3' })).toEqual([]);
    expect(calicoFindings({ installed: 'v3.29.6', pinned: 'v3.30.3' }).map((e) => e.message)).toEqual([
      'Calico v3.29.6 runs, older than the pinned v3.30.3; apply upgrades it',
    ]);
    expect(calicoFindings({ installed: 'v3.28.2', pinned: 'v3.30.3' }).map((e) => e.message)).toEqual([
      'Calico v3.28.2 runs, older than the pinned v3.30.3, and outside the supported release lines (v3.30, v3.29: Calico supports the two newest minors); apply upgrades it',
    ]);
    expect(calicoFindings({ installed: undefined, pinned: 'v3.30.3' })[0]!.type).toBe('WARNING');
  });
});

describe('upgrade rounds', () => {
  it('one round per minor from the oldest part up to the asked one', () => {
    expect(upgradeMinors('1.34', '1.32.9-gke.1', ['1.32.9-gke.1', '1.32.9-gke.1'])).toEqual(['1.33', '1.34']);
    expect(upgradeMinors('1.34.1-gke.1100000', '1.32', [])).toEqual(['1.33', '1.34']);
    // A re-run after the first round's control plane: the pools still at 1.32 keep round 1.33.
    expect(upgradeMinors('1.34', '1.33', ['1.32', '1.33'])).toEqual(['1.33', '1.34']);
    expect(upgradeMinors('1.34', '1.34', ['1.34', '1.34'])).toEqual([]);
    // The pools lag behind a control plane already at the asked minor: their rounds only.
    expect(upgradeMinors('1.34', '1.34', ['1.33'])).toEqual(['1.34']);
  });

  it('`latest` never upgrades an existing cluster', () => {
    expect(upgradeMinors('latest', '1.30', ['1.30'])).toEqual([]);
  });

  it('an older minor is one error, naming both', () => {
    expect(() => upgradeMinors('1.31', '1.33.5-gke.1201000', [])).toThrow(
      "kubernetes-version '1.31' is older than Kubernetes 1.33, which the cluster runs: apply never downgrades; ask for 1.33 or newer, or `latest` to keep the cluster's version",
    );
  });
});
