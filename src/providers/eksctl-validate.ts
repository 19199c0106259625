/**
 * A small JSON-schema checker for eksctl ClusterConfig documents, over the compacted copy of eksctl's own
 * schema (eksctl-schema.ts). It reads only the keywords that schema uses ($ref, type, properties,
 * additionalProperties, items, enum, required, oneOf), so a user's `eksctl-config` overlay with an unknown
 * field, a boolean label or a numeric version is refused before eksctl ever runs, with the path named.
 */

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  required?: string[];
  oneOf?: SchemaNode[];
}

export interface SchemaDoc {
  $ref: string;
  definitions: Record<string, SchemaNode>;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function pathOf(parts: readonly (string | number)[]): string {
  return parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}${acc ? '.' : ''}${p}`), '');
}

/** Every problem found, as `path: what is wrong` (at most `limit`). */
export function schemaErrors(schema: SchemaDoc, doc: unknown, limit = 5): string[] {
  const errors: string[] = [];
  const resolve = (node: SchemaNode): SchemaNode => {
    let n = node;
    for (let hops = 0; n.$ref && hops < 20; hops++) {
      const name = decodeURIComponent(n.$ref.replace(/^#\/definitions\//, ''));
      const target = schema.definitions[name];
      if (!target) return {};
      n = { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
    }
    return n;
  };

  const check = (node: SchemaNode, value: unknown, at: (string | number)[], out: string[]): void => {
    if (out.length >= limit) return;
    const n = resolve(node);
    const where = pathOf(at) || '(document)';
    if (n.oneOf) {
      const ok = n.oneOf.some((alt) => {
        const trial: string[] = [];
        check(alt, value, at, trial);
        return trial.length === 0;
      });
      if (!ok) out.push(`${where}: matches none of the accepted forms`);
      return;
    }
    const actual = typeOf(value);
    if (n.type) {
      const types = Array.isArray(n.type) ? n.type : [n.type];
      if (!types.some((t) => typeMatches(t, actual))) {
        out.push(`${where}: expected ${types.join(' or ')}, got ${actual} ${JSON.stringify(value)}`);
        return;
      }
    }
    if (n.enum && !n.enum.some((e) => e === value)) {
      out.push(`${where}: expected one of ${n.enum.map((e) => JSON.stringify(e)).join(', ')}`);
      return;
    }
    if (actual === 'array' && n.items) {
      (value as unknown[]).forEach((item, i) => check(n.items!, item, [...at, i], out));
    }
    if (actual === 'object') {
      const obj = value as Record<string, unknown>;
      for (const req of n.required ?? []) if (!(req in obj)) out.push(`${pathOf([...at, req])}: is required`);
      for (const [key, child] of Object.entries(obj)) {
        // Own properties only: a key named `constructor` must not find Object.prototype's.
        const prop = n.properties && Object.hasOwn(n.properties, key) ? n.properties[key] : undefined;
        if (prop) check(prop, child, [...at, key], out);
        else if (n.additionalProperties === false) out.push(`${pathOf([...at, key])}: is not a field eksctl knows`);
        else if (typeof n.additionalProperties === 'object') check(n.additionalProperties, child, [...at, key], out);
      }
    }
  };

  check({ $ref: schema.$ref }, doc, [], errors);
  return errors.slice(0, limit);
}
