/**
 * Derives the compact eksctl ClusterConfig schema that src/providers/eksctl-schema.ts carries: eksctl's
 * own JSON schema (v0.230.0) with descriptions dropped, keeping only what validation reads.
 */
import { readFileSync } from 'node:fs';

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

export const SHARED_SCHEMA_URL = new URL('../reference/eksctl-clusterconfig.schema.json', import.meta.url);

export function compactSchema(): { $ref: string; definitions: Record<string, unknown> } {
  const full = JSON.parse(readFileSync(SHARED_SCHEMA_URL, 'utf8')) as {
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
    " * eksctl's ClusterConfig JSON schema (v0.230.0), compacted: descriptions dropped, only the keywords the",
    ' * validator in eksctl-validate.ts reads. Generated from shared/reference/eksctl-clusterconfig.schema.json by',
    ' * `UPDATE_SCHEMA=1 npm test -- __tests__/eksctl-schema.test.ts`; a test keeps it equal to that file.',
    ' */',
    "import type { SchemaNode } from './eksctl-validate.js';",
    '',
    '// prettier-ignore',
    `export const EKSCTL_SCHEMA: { $ref: string; definitions: Record<string, SchemaNode> } = ${JSON.stringify(compactSchema())};`,
    '',
  ].join('\n');
}
