import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { EKSCTL_SCHEMA } from '../src/providers/eksctl-schema.js';
import { schemaErrors } from '../src/providers/eksctl-validate.js';
import { compactSchema, compactSchemaModule } from './support/eksctl-schema-compact.js';

const MODULE = new URL('../src/providers/eksctl-schema.ts', import.meta.url);

describe('the compact eksctl schema carried in the action', () => {
  it('equals the one derived from eksctl’s own schema file', () => {
    if (process.env.UPDATE_SCHEMA) writeFileSync(MODULE, compactSchemaModule());
    expect(EKSCTL_SCHEMA).toEqual(compactSchema());
    expect(readFileSync(MODULE, 'utf8')).toContain('EKSCTL_SCHEMA');
  });

  it('refuses unknown fields, boolean labels and numeric versions, naming the path', () => {
    const base = {
      apiVersion: 'eksctl.io/v1alpha5',
      kind: 'ClusterConfig',
      metadata: { name: 'a', region: 'eu-west-1' },
    };
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
