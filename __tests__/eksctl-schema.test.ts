import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EKSCTL_SCHEMA, EKSCTL_SCHEMA_VERSION } from '../src/providers/aws/eksctl/schema.js';
import { schemaErrors } from '../src/providers/aws/eksctl/validate.js';
import { EKSCTL_PINNED } from '../src/tools/eksctl.js';
import { compactSchema, compactSchemaModule, schemaUrl } from './support/eksctl-schema-compact.js';

const MODULE = new URL('../src/providers/aws/eksctl/schema.ts', import.meta.url);

const base = {
  apiVersion: 'eksctl.io/v1alpha5',
  kind: 'ClusterConfig',
  metadata: { name: 'a', region: 'eu-west-1' },
};

describe('the compact eksctl schema carried in the action', () => {
  it('equals the one derived from eksctl’s own schema file of the pinned release', () => {
    if (process.env.UPDATE_SCHEMA) writeFileSync(MODULE, compactSchemaModule());
    expect(EKSCTL_SCHEMA).toEqual(compactSchema());
    expect(readFileSync(MODULE, 'utf8')).toContain('EKSCTL_SCHEMA');
  });

  it('is the schema of the eksctl release the action pins: a new pin without its schema fails here', () => {
    expect(EKSCTL_PINNED).toBe('0.230.0');
    expect(EKSCTL_SCHEMA_VERSION).toBe(EKSCTL_PINNED);
    // The schema file is found by the pinned version; a pin whose schema is not beside it has none.
    expect(existsSync(schemaUrl(EKSCTL_PINNED))).toBe(true);
    expect(existsSync(schemaUrl('0.231.0'))).toBe(false);
    expect(() => compactSchema('0.231.0')).toThrow(/ENOENT/);
  });

  it('refuses vpc.controlPlaneOnPrivateSubnets, which eksctl 0.230.0 does not know (its main branch does)', () => {
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, vpc: { controlPlaneOnPrivateSubnets: true } })).toEqual([
      'vpc.controlPlaneOnPrivateSubnets: is not a field eksctl knows',
    ]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, vpc: { nat: { gateway: 'Single' } } })).toEqual([]);
  });

  it('refuses unknown fields, boolean labels and numeric versions, naming the path', () => {
    expect(schemaErrors(EKSCTL_SCHEMA, base)).toEqual([]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, metadata: { ...base.metadata, version: 1.33 } })).toEqual([
      'metadata.version: expected string, got number 1.33',
    ]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, managedNodeGroups: [{ name: 'x', labels: { a: true } }] })).toEqual([
      'managedNodeGroups[0].labels.a: expected string, got boolean true',
    ]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, managedNodeGroups: [{ name: 'x', maxPods: 3 }] })).toEqual([
      'managedNodeGroups[0].maxPods: is not a field eksctl knows',
    ]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, kind: undefined })).not.toEqual([]);
  });
});

describe('identityProviders, decoded as eksctl decodes them (by `type`, then the OIDC fields)', () => {
  const oidc = {
    type: 'oidc',
    name: 'corp-sso',
    issuerURL: 'https://sso.example.test/realms/eng',
    clientID: 'kubernetes',
  };
  const errs = (idp: unknown) => schemaErrors(EKSCTL_SCHEMA, { ...base, identityProviders: [idp] });

  it('accepts a valid OIDC provider, with its optional fields', () => {
    expect(errs(oidc)).toEqual([]);
    expect(errs({ ...oidc, usernameClaim: 'email', groupsPrefix: 'oidc:', requiredClaims: { aud: 'k8s' } })).toEqual(
      [],
    );
  });

  it.each(['issuerURL', 'clientID', 'name'])('refuses one without %s, or with it empty', (field) => {
    const { [field]: _gone, ...without } = oidc as Record<string, string>;
    expect(errs(without)).toEqual([`identityProviders[0].${field}: is required`]);
    expect(errs({ ...oidc, [field]: '' })).toEqual([`identityProviders[0].${field}: must be set and non-empty`]);
  });

  it('refuses a missing or unknown type, and OIDC fields of the wrong type', () => {
    const { type: _t, ...untyped } = oidc;
    expect(errs(untyped)).toEqual(['identityProviders[0].type: is required']);
    expect(errs({ ...oidc, type: 'saml' })).toEqual(['identityProviders[0].type: expected one of "oidc"']);
    expect(errs({ ...oidc, clientID: 42 })).toEqual(['identityProviders[0].clientID: expected string, got integer 42']);
    expect(errs({ ...oidc, tags: { team: 1 } })).toEqual([
      'identityProviders[0].tags.team: expected string, got integer 1',
    ]);
    expect(errs('oidc')).toEqual(['identityProviders[0]: expected object, got string "oidc"']);
  });

  it('ignores keys the OIDC variant does not know, as eksctl’s lenient inner decode does', () => {
    expect(errs({ ...oidc, displayName: 'SSO' })).toEqual([]);
  });
});

describe('required fields eksctl does not enforce', () => {
  it('accepts remoteNetworkConfig without vpcGatewayID, and still demands remoteNodeNetworks', () => {
    const rnc = { iam: { provider: 'SSM' }, remoteNodeNetworks: [{ cidrs: ['10.80.146.0/24'] }] };
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, remoteNetworkConfig: rnc })).toEqual([]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, remoteNetworkConfig: { iam: { provider: 'SSM' } } })).toEqual([
      'remoteNetworkConfig.remoteNodeNetworks: is required',
    ]);
  });
});

describe('enums eksctl compares ignoring case', () => {
  it('accepts amiFamily and ipFamily in any case, other enums only as spelled', () => {
    const ng = (amiFamily: string) => ({ ...base, managedNodeGroups: [{ name: 'x', amiFamily }] });
    expect(schemaErrors(EKSCTL_SCHEMA, ng('bottlerocket'))).toEqual([]);
    expect(schemaErrors(EKSCTL_SCHEMA, ng('BottleRocket'))).toEqual([]);
    expect(schemaErrors(EKSCTL_SCHEMA, ng('Debian12'))).toHaveLength(1);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, kubernetesNetworkConfig: { ipFamily: 'ipv6' } })).toEqual([]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, kubernetesNetworkConfig: { ipFamily: 'IPv5' } })).toEqual([
      'kubernetesNetworkConfig.ipFamily: expected one of "IPv4", "IPv6"',
    ]);
    expect(schemaErrors(EKSCTL_SCHEMA, { ...base, upgradePolicy: { supportType: 'standard' } })).toEqual([
      'upgradePolicy.supportType: expected one of "STANDARD", "EXTENDED"',
    ]);
  });
});
