/**
 * The desired state recorded in the cluster: `apply` writes the sizing it built the cluster with to the
 * ConfigMap `kube-system/gitpod-cluster-action` (only when it differs), and `verify` reads it back, so a
 * scheduled drift check needs only provider, cluster-name, region (and project): a sizing input left empty
 * takes the recorded value; an input given explicitly wins, and where it differs from the record the
 * report says so.
 */
import type { KubeClient, KubeObject } from './clients/kube.js';
import type { Config, InputName } from './inputs.js';
import { POOL_ROLES, type PoolRole } from './reference.js';
import { DONE_MEANWHILE, type ProbeResult, type StepAction, type StepSpec } from './steps.js';

export const RECORD_REF = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'kube-system',
  name: 'gitpod-cluster-action',
} as const;
/** The ConfigMap key holding the record (JSON). */
export const RECORD_KEY = 'desired-state.json';

export const RECORD_STEP_ID = 'record-desired-state';

interface RecordedPool {
  name: string;
  machineType: string;
  minNodes: number;
  maxNodes: number;
  extraLabels: Record<string, string>;
}

/** What apply built the cluster with, as far as the inputs chose it. */
export interface DesiredRecord {
  version: 1;
  provider: Config['provider'];
  cluster: string;
  pools: Record<PoolRole, RecordedPool>;
  diskSizeGb: number;
  maxPods: number;
}

export function recordOf(config: Config): DesiredRecord {
  const pool = (role: PoolRole): RecordedPool => {
    const p = config.pools[role];
    return {
      name: p.name,
      machineType: p.machineType,
      minNodes: p.minNodes,
      maxNodes: p.maxNodes,
      extraLabels: { ...p.extraLabels },
    };
  };
  return {
    version: 1,
    provider: config.provider,
    cluster: config.clusterName,
    pools: { services: pool('services'), workspaces: pool('workspaces') },
    diskSizeGb: config.diskSizeGb,
    maxPods: config.maxPods,
  };
}

function recordText(record: DesiredRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export function recordObject(config: Config): KubeObject {
  return {
    apiVersion: RECORD_REF.apiVersion,
    kind: RECORD_REF.kind,
    metadata: {
      name: RECORD_REF.name,
      namespace: RECORD_REF.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'gitpod-cluster-action' },
    },
    data: { [RECORD_KEY]: recordText(recordOf(config)) },
  };
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The record in a ConfigMap, or why it cannot be used. */
export function parseRecord(obj: KubeObject): DesiredRecord | string {
  const text = isMap(obj.data) ? obj.data[RECORD_KEY] : undefined;
  if (typeof text !== 'string') return `it has no ${RECORD_KEY}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `its ${RECORD_KEY} is not JSON`;
  }
  if (!isMap(value) || value.version !== 1 || !isMap(value.pools)) return `its ${RECORD_KEY} is not a version 1 record`;
  for (const role of POOL_ROLES) {
    const p = value.pools[role];
    if (
      !isMap(p) ||
      typeof p.name !== 'string' ||
      typeof p.machineType !== 'string' ||
      !isCount(p.minNodes) ||
      !isCount(p.maxNodes) ||
      !isMap(p.extraLabels) ||
      !Object.values(p.extraLabels).every((v) => typeof v === 'string')
    ) {
      return `its ${role} pool is malformed`;
    }
  }
  if (!isCount(value.diskSizeGb) || !isCount(value.maxPods)) return 'its disk size or max pods is malformed';
  return value as unknown as DesiredRecord;
}

/** The `plan` step that writes the record. */
export function recordStep(): StepSpec<typeof RECORD_STEP_ID> {
  return {
    id: RECORD_STEP_ID,
    description: `Record the desired state (pool sizes, machine types, extra labels, disk, max pods) in ConfigMap ${RECORD_REF.namespace}/${RECORD_REF.name} for later drift checks`,
    api: `Kubernetes API: create ConfigMap ${RECORD_REF.namespace}/${RECORD_REF.name}, or merge-patch its ${RECORD_KEY} when it differs`,
    timeoutMs: 2 * 60_000,
  };
}

/** The step's probe and run, over the flow's Kubernetes client. */
export function recordAction<Ctx>(config: Config, kubeOf: (ctx: Ctx) => KubeClient): StepAction<Ctx> {
  const wanted = recordObject(config);
  const text = (wanted.data as Record<string, string>)[RECORD_KEY]!;
  const look = async (ctx: Ctx): Promise<{ probe: ProbeResult; existing?: KubeObject }> => {
    const existing = await kubeOf(ctx).get(RECORD_REF);
    if (!existing) return { probe: { done: false, detail: 'absent' } };
    const same = isMap(existing.data) && existing.data[RECORD_KEY] === text;
    return {
      existing,
      probe: same ? { done: true, detail: 'as recorded' } : { done: false, detail: 'differs from these inputs' },
    };
  };
  return {
    probe: async (ctx) => (await look(ctx)).probe,
    async run(ctx) {
      const kube = kubeOf(ctx);
      const { existing, probe } = await look(ctx);
      // Another run on this cluster may have recorded the same state since the probe: nothing to write.
      if (probe.done) return `${DONE_MEANWHILE}: ${probe.detail}`;
      if (!existing) {
        await kube.create(wanted);
        return `created ${RECORD_REF.namespace}/${RECORD_REF.name}`;
      }
      await kube.mergePatch(RECORD_REF, { data: { [RECORD_KEY]: text } });
      return `updated ${RECORD_REF.namespace}/${RECORD_REF.name}`;
    },
  };
}

/** The sizing inputs a record stands in for, and where each lives in the config. */
const SIZING: readonly {
  input: InputName;
  get: (c: Config) => unknown;
  from: (r: DesiredRecord) => unknown;
  set: (c: Config, r: DesiredRecord) => void;
}[] = [
  ...POOL_ROLES.flatMap((role) => [
    {
      input: `${role}-machine-type` as InputName,
      get: (c: Config) => c.pools[role].machineType,
      from: (r: DesiredRecord) => r.pools[role].machineType,
      set: (c: Config, r: DesiredRecord) => (c.pools[role].machineType = r.pools[role].machineType),
    },
    {
      input: `${role}-min-nodes` as InputName,
      get: (c: Config) => c.pools[role].minNodes,
      from: (r: DesiredRecord) => r.pools[role].minNodes,
      set: (c: Config, r: DesiredRecord) => (c.pools[role].minNodes = r.pools[role].minNodes),
    },
    {
      input: `${role}-max-nodes` as InputName,
      get: (c: Config) => c.pools[role].maxNodes,
      from: (r: DesiredRecord) => r.pools[role].maxNodes,
      set: (c: Config, r: DesiredRecord) => (c.pools[role].maxNodes = r.pools[role].maxNodes),
    },
    {
      input: `${role}-extra-labels` as InputName,
      get: (c: Config) => labelText(c.pools[role].extraLabels),
      from: (r: DesiredRecord) => labelText(r.pools[role].extraLabels),
      set: (c: Config, r: DesiredRecord) => {
        const p = c.pools[role];
        const reference = Object.fromEntries(Object.entries(p.labels).filter(([k]) => !(k in p.extraLabels)));
        p.extraLabels = { ...r.pools[role].extraLabels };
        p.labels = { ...reference, ...p.extraLabels };
      },
    },
  ]),
  {
    input: 'disk-size-gb',
    get: (c) => c.diskSizeGb,
    from: (r) => r.diskSizeGb,
    set: (c, r) => (c.diskSizeGb = r.diskSizeGb),
  },
  { input: 'max-pods', get: (c) => c.maxPods, from: (r) => r.maxPods, set: (c, r) => (c.maxPods = r.maxPods) },
];

function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export interface RecordedConfig {
  /** The config verify checks against: the inputs given, the record for those left empty. */
  config: Config;
  /** Inputs taken from the record. */
  taken: InputName[];
  /** Explicit inputs that differ from the record, one line each. */
  differences: string[];
}

/** The config with every sizing input left empty taken from the record; explicit inputs win. */
export function withRecord(config: Config, record: DesiredRecord): RecordedConfig {
  const effective: Config = structuredClone(config);
  const taken: InputName[] = [];
  const differences: string[] = [];
  for (const s of SIZING) {
    const [mine, theirs] = [s.get(config), s.from(record)];
    if (mine === theirs) continue;
    if (config.explicit.has(s.input)) {
      differences.push(
        `input ${s.input} is ${JSON.stringify(mine)}, the desired state apply recorded says ${JSON.stringify(theirs)}; checked against the input`,
      );
    } else {
      s.set(effective, record);
      taken.push(s.input);
    }
  }
  return { config: effective, taken, differences };
}
