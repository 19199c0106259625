/**
 * Derives the compact eksctl ClusterConfig schema that src/providers/aws/eksctl/schema.ts carries: eksctl's
 * own JSON schema of the pinned release (EKSCTL_PINNED, whose file is `reference/eksctl-clusterconfig.
 * v<version>.schema.json`) with descriptions dropped, keeping only what validation reads.
 */
import { readFileSync } from 'node:fs';
import { EKSCTL_PINNED } from '../../src/tools/eksctl.js';

const KEEP = new Set(['$ref', 'type', 'properties', 'additionalProperties', 'items', 'enum', 'required', 'oneOf']);

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (!KEEP.has(k)) continue;
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([name, s]) => [name, strip(s)]))
        : strip(v);
  }
  return out;
}

/** The schema file of an eksctl release; the pinned one's is the one carried. */
export const schemaUrl = (version: string): URL =>
  new URL(`../reference/eksctl-clusterconfig.v${version}.schema.json`, import.meta.url);

export const SHARED_SCHEMA_URL = schemaUrl(EKSCTL_PINNED);

/** The compact schema of eksctl `version` (the pinned one by default), from its schema file. */
export function compactSchema(version = EKSCTL_PINNED): { $ref: string; definitions: Record<string, unknown> } {
  const full = JSON.parse(readFileSync(schemaUrl(version), 'utf8')) as {
    $ref: string;
    definitions: Record<string, unknown>;
  };
  return {
    $ref: full.$ref,
    definitions: Object.fromEntries(Object.entries(full.definitions).map(([k, v]) => [k, strip(v)])),
  };
}

export function compactSchemaModule(): string {
  return [
    '/**',
    ` * eksctl's ClusterConfig JSON schema (v${EKSCTL_PINNED}, the pinned release), compacted: descriptions dropped,`,
    ' * only the keywords the validator in eksctl-validate.ts reads. Generated from',
    ` * shared/reference/eksctl-clusterconfig.v${EKSCTL_PINNED}.schema.json by`,
    ' * `UPDATE_SCHEMA=1 npm test -- __tests__/eksctl-schema.test.ts`; a test keeps it equal to that file and',
    ' * EKSCTL_SCHEMA_VERSION equal to EKSCTL_PINNED (src/tools/eksctl.ts).',
    ' */',
    "import type { SchemaNode } from './eksctl-validate.js';",
    '',
    '/** The eksctl release this schema is of. */',
    `export const EKSCTL_SCHEMA_VERSION = '${EKSCTL_PINNED}';`,
    '',
    '// prettier-ignore',
    `export const EKSCTL_SCHEMA: { $ref: string; definitions: Record<string, SchemaNode> } = ${JSON.stringify(compactSchema())};`,
    '',
  ].join('\n');
}
