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

export type SchemaPath = (string | number)[];

/** One thing the schema refuses: where (a path into the checked document) and what, without the path. */
export interface SchemaProblem {
  path: SchemaPath;
  message: string;
}

export function pathOf(parts: readonly (string | number)[]): string {
  return parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}${acc ? '.' : ''}${p}`), '');
}

/**
 * `required` entries of the generated schema that eksctl does not enforce. The schema marks `+required`
 * comments of eksctl's Go types, but eksctl never checks a config against its schema: it decodes it
 * strictly (unknown fields and wrong types refused) and then runs its own validation, which enforces most
 * of them and not these. `remoteNetworkConfig.vpcGatewayID`: validateRemoteNetworkingConfig checks it only
 * when set (eksctl's examples/43-hybrid-nodes.yaml leaves it out).
 */
const REQUIRED_NOT_ENFORCED: Readonly<Record<string, readonly string[]>> = {
  RemoteNetworkConfig: ['vpcGatewayID'],
};

/**
 * Enum fields eksctl compares ignoring case: `amiFamily` (normalizeAMIFamily, EqualFold) and
 * `kubernetesNetworkConfig.ipFamily` (validateKubernetesNetworkConfig lowercases it). The schema lists
 * their values in one spelling; eksctl takes `bottlerocket` and `ipv6` alike.
 */
const ENUM_IGNORING_CASE: Readonly<Record<string, readonly string[]>> = {
  ManagedNodeGroup: ['amiFamily'],
  NodeGroup: ['amiFamily'],
  KubernetesNetworkConfig: ['ipFamily'],
};

/**
 * Every problem found (at most `limit`), each with its path. A schema node with `oneOf` is a union
 * decoded the way eksctl decodes IdentityProvider (identity_provider.go, UnmarshalJSON): the node's own
 * fields first (`type`, an enum, required), then the mapping is decoded into the variant with plain
 * json.Unmarshal, so the variant's known fields are type-checked and its unknown keys ignored; then
 * validateIdentityProvider demands each of the variant's required fields set and non-empty.
 */
export function schemaProblems(schema: SchemaDoc, doc: unknown, limit = 5): SchemaProblem[] {
  const errors: SchemaProblem[] = [];
  const resolve = (node: SchemaNode): { n: SchemaNode; name?: string } => {
    let n = node;
    let name: string | undefined;
    for (let hops = 0; n.$ref && hops < 20; hops++) {
      name = decodeURIComponent(n.$ref.replace(/^#\/definitions\//, ''));
      const target = schema.definitions[name];
      if (!target) return { n: {} };
      n = { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
    }
    return { n, name };
  };

  /** `variant`: inside a union's variant, unknown keys pass and required fields must be non-empty. */
  const check = (
    node: SchemaNode,
    value: unknown,
    at: SchemaPath,
    out: SchemaProblem[],
    variant = false,
    ignoreCase = false,
  ): void => {
    if (out.length >= limit) return;
    const { n, name } = resolve(node);
    const push = (path: SchemaPath, message: string) => out.push({ path, message });
    const actual = typeOf(value);
    if (n.oneOf) {
      if (actual !== 'object') {
        push(at, `expected object, got ${actual} ${JSON.stringify(value)}`);
        return;
      }
      const own = n.properties ?? {};
      const before = out.length;
      check({ properties: own, required: n.required }, value, at, out, true);
      if (out.length > before) return;
      const rest = Object.fromEntries(Object.entries(value as object).filter(([k]) => !Object.hasOwn(own, k)));
      const trials = n.oneOf.map((alt) => {
        const trial: SchemaProblem[] = [];
        check(alt, rest, at, trial, true);
        return trial;
      });
      if (trials.some((t) => t.length === 0)) return;
      if (trials.length === 1) out.push(...trials[0]!.slice(0, limit - out.length));
      else push(at, 'matches none of the accepted forms');
      return;
    }
    if (n.type) {
      const types = Array.isArray(n.type) ? n.type : [n.type];
      if (!types.some((t) => typeMatches(t, actual))) {
        push(at, `expected ${types.join(' or ')}, got ${actual} ${JSON.stringify(value)}`);
        return;
      }
    }
    const same = (e: unknown) =>
      e === value ||
      (ignoreCase && typeof e === 'string' && typeof value === 'string' && e.toLowerCase() === value.toLowerCase());
    if (n.enum && !n.enum.some(same)) {
      push(at, `expected one of ${n.enum.map((e) => JSON.stringify(e)).join(', ')}`);
      return;
    }
    if (actual === 'array' && n.items) {
      (value as unknown[]).forEach((item, i) => check(n.items!, item, [...at, i], out));
    }
    if (actual === 'object') {
      const obj = value as Record<string, unknown>;
      const skip = (name && REQUIRED_NOT_ENFORCED[name]) || [];
      const caseless = (name && ENUM_IGNORING_CASE[name]) || [];
      for (const req of n.required ?? []) {
        if (skip.includes(req)) continue;
        if (!Object.hasOwn(obj, req)) push([...at, req], 'is required');
        else if (variant && (obj[req] === '' || obj[req] === null)) push([...at, req], 'must be set and non-empty');
      }
      for (const [key, child] of Object.entries(obj)) {
        // Own properties only: a key named `constructor` must not find Object.prototype's.
        const prop = n.properties && Object.hasOwn(n.properties, key) ? n.properties[key] : undefined;
        if (prop) check(prop, child, [...at, key], out, false, caseless.includes(key));
        else if (variant) continue;
        else if (n.additionalProperties === false) push([...at, key], 'is not a field eksctl knows');
        else if (typeof n.additionalProperties === 'object') check(n.additionalProperties, child, [...at, key], out);
      }
    }
  };

  check({ $ref: schema.$ref }, doc, [], errors);
  return errors.slice(0, limit);
}

/** Every problem found, as `path: what is wrong` (at most `limit`). */
export function schemaErrors(schema: SchemaDoc, doc: unknown, limit = 5): string[] {
  return schemaProblems(schema, doc, limit).map((p) => `${pathOf(p.path) || '(document)'}: ${p.message}`);
}
