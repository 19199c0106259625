/**
 * The EKS flow as data: the rendered eksctl ClusterConfig (every field of the reference document's
 * `gitpod-cluster.yaml`), merged with the user's `eksctl-config` overlay and validated, and the ordered
 * steps (control plane without nodegroups, Calico in place of the AWS VPC CNI, then the nodegroups).
 * `plan` prints them; `apply` pairs them with probes.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import {
  type Document,
  type Scalar,
  isCollection,
  isMap as isYamlMap,
  isPair,
  isScalar,
  parseAllDocuments,
  stringify,
} from 'yaml';
import type { DesiredPool, DesiredPools, InPlaceFixes } from '../desired.js';
import { type Config, InputError, type PoolConfig, escapeInvisible } from '../inputs.js';
import { AWS, DEFAULT_CALICO_VERSION, GITPOD_LABEL_PREFIX, POOL_ROLES, autoscalerTags } from '../reference.js';
import { RECORD_STEP_ID, recordStep } from '../record.js';
import type { StepSpec } from '../steps.js';
import { EKSCTL_SCHEMA } from './eksctl-schema.js';
import { schemaErrors } from './eksctl-validate.js';

export const AWS_STEP_IDS = [
  'cluster',
  'kubeconfig',
  'kube-system',
  'remove-aws-node',
  'tigera-operator',
  'calico-installation',
  'calico-ready',
  'nodegroups',
  'nodegroup-scaling',
  RECORD_STEP_ID,
] as const;
export type AwsStepId = (typeof AWS_STEP_IDS)[number];

/** Values only the cloud knows; `plan` shows the unresolved forms. */
export interface AwsFacts {
  /** ClusterConfig `metadata.version`: the resolved minor in `apply`; undefined while unresolved. */
  version?: string;
}

export function calicoVersion(config: Config): string {
  return config.calicoVersion || DEFAULT_CALICO_VERSION;
}

export function calicoManifestUrl(config: Config): string {
  return AWS.calico.manifestUrl.replace('{version}', calicoVersion(config));
}

function semver(v: string): number[] {
  return v
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number(n) || 0);
}

/** The manifests applied for the operator, in order: its CRDs (Calico ≥ 3.30 ships them apart), then itself. */
export function calicoManifestUrls(config: Config): string[] {
  const version = calicoVersion(config);
  const [a, b] = [semver(version), semver(AWS.calico.crdManifestSince)];
  const separateCrds = a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!);
  return [
    ...(separateCrds ? [AWS.calico.crdManifestUrl.replace('{version}', version)] : []),
    calicoManifestUrl(config),
  ];
}

/** Where the rendered (and merged) ClusterConfig is written for eksctl. */
export function eksctlConfigFile(config: Config): string {
  return path.join(config.tempDir, `${config.clusterName}.eksctl.yaml`);
}

/** A JSON-shaped ClusterConfig; `renderClusterConfig` returns it, `clusterConfigYaml` prints it. */
export type ClusterConfigDoc = Record<string, unknown> & {
  metadata: Record<string, unknown>;
  managedNodeGroups: Record<string, unknown>[];
};

function nodegroup(config: Config, pool: PoolConfig): Record<string, unknown> {
  const ng = AWS.nodegroup;
  return {
    name: pool.name,
    amiFamily: ng.amiFamily,
    spot: ng.spot,
    instanceTypes: [pool.machineType],
    desiredCapacity: Math.min(Math.max(ng.desiredCapacity, pool.minNodes), pool.maxNodes),
    minSize: pool.minNodes,
    maxSize: pool.maxNodes,
    maxPodsPerNode: config.maxPods,
    disableIMDSv1: ng.disableIMDSv1,
    volumeSize: config.diskSizeGb,
    volumeType: ng.volumeType,
    volumeIOPS: ng.volumeIOPS,
    volumeThroughput: ng.volumeThroughput,
    ebsOptimized: ng.ebsOptimized,
    privateNetworking: ng.privateNetworking,
    propagateASGTags: ng.propagateASGTags,
    iam: { attachPolicyARNs: [...ng.attachPolicyARNs] },
    tags: autoscalerTags(config.clusterName),
    labels: { ...pool.labels },
    preBootstrapCommands: [...ng.preBootstrapCommands],
  };
}

/** The reference ClusterConfig for these inputs (before any user overlay). */
export function renderClusterConfig(config: Config, facts: AwsFacts): ClusterConfigDoc {
  const metadata: Record<string, unknown> = { name: config.clusterName, region: config.region };
  if (facts.version) metadata.version = facts.version;
  metadata.tags = { ...AWS.clusterTags };
  const doc: ClusterConfigDoc = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata,
    iam: {
      withOIDC: true,
      serviceAccounts: AWS.serviceAccounts.map((sa) => ({
        metadata: { name: sa.name, namespace: sa.namespace },
        wellKnownPolicies: { [sa.policy]: true },
      })),
    },
    vpc: {
      autoAllocateIPv6: AWS.vpc.autoAllocateIPv6,
      nat: { gateway: AWS.vpc.natGateway },
      clusterEndpoints: { privateAccess: AWS.vpc.privateAccess, publicAccess: AWS.vpc.publicAccess },
      publicAccessCIDRs: [...AWS.vpc.publicAccessCIDRs],
    },
    cloudWatch: { clusterLogging: { enableTypes: [...AWS.clusterLogging] } },
    managedNodeGroups: [nodegroup(config, config.pools.services), nodegroup(config, config.pools.workspaces)],
  };
  if (config.network === 'vpc-cni') {
    // Without Calico, `max-pods` IPs per node come from prefix delegation in the AWS VPC CNI.
    doc.addons = [
      {
        name: 'vpc-cni',
        configurationValues: JSON.stringify({ env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1' } }),
      },
    ];
  }
  return doc;
}

/** The ClusterConfig as YAML; when the version is still unresolved a comment says so. */
export function clusterConfigYaml(config: Config, doc: ClusterConfigDoc): string {
  const body = stringify(doc, { lineWidth: 0 });
  if (doc.metadata.version) return body;
  return (
    `# metadata.version is resolved through the EKS API at apply time (kubernetes-version: ${config.kubernetesVersion}).\n` +
    body
  );
}

const MINUTE = 60_000;

export function awsSteps(config: Config, facts: AwsFacts): StepSpec<AwsStepId>[] {
  const file = eksctlConfigFile(config);
  const version = facts.version ?? config.kubernetesVersion;
  const calico = config.network === 'calico';
  const ng = [config.pools.services.name, config.pools.workspaces.name].join(', ');
  const steps: StepSpec<AwsStepId>[] = [
    {
      id: 'cluster',
      description: `EKS control plane ${config.clusterName} in ${config.region}, Kubernetes ${version}, without nodegroups`,
      argv: ['eksctl', 'create', 'cluster', `--config-file=${file}`, '--without-nodegroup', '--write-kubeconfig=false'],
      timeoutMs: 40 * MINUTE,
    },
    {
      id: 'kubeconfig',
      description: `Kubeconfig for ${config.clusterName} written to ${config.kubeconfigPath} (mode 0600), KUBECONFIG exported`,
      api: 'EKS DescribeCluster for the endpoint and CA certificate; credentials from `aws eks get-token`',
      timeoutMs: 2 * MINUTE,
    },
    {
      id: 'kube-system',
      description: 'Wait until the API server answers and kube-system is listable',
      api: 'Kubernetes API: list pods in kube-system, retried until it answers',
      timeoutMs: 10 * MINUTE,
    },
  ];
  if (calico) {
    steps.push(
      {
        id: 'remove-aws-node',
        description: 'Remove the AWS VPC CNI daemonset kube-system/aws-node (absent is fine)',
        api: 'Kubernetes API: delete apps/v1 DaemonSet kube-system/aws-node when present',
        timeoutMs: 5 * MINUTE,
      },
      {
        id: 'tigera-operator',
        description: `Tigera operator of Calico ${calicoVersion(config)}`,
        api: `Kubernetes API: create each object of ${calicoManifestUrls(config).join(' and ')} that is missing, server-side apply each that differs, leave equal ones alone`,
        timeoutMs: 10 * MINUTE,
      },
      {
        id: 'calico-installation',
        description: 'Calico Installation `default` (kubernetesProvider EKS, Calico CNI, BGP disabled)',
        api: 'Kubernetes API: create or patch operator.tigera.io/v1 Installation default when missing or different',
        timeoutMs: 5 * MINUTE,
      },
      {
        id: 'calico-ready',
        description: 'Wait until Calico is ready (before the nodegroups exist: until its Installation is served)',
        api: 'Kubernetes API: read the Installation; once nodes exist, wait for TigeraStatus calico Available',
        timeoutMs: 15 * MINUTE,
      },
    );
  }
  steps.push(
    {
      id: 'nodegroups',
      description: `Managed nodegroups ${ng} (existing nodegroups are left alone)`,
      argv: ['eksctl', 'create', 'nodegroup', `--config-file=${file}`],
      timeoutMs: 40 * MINUTE,
    },
    {
      id: 'nodegroup-scaling',
      description: `Scaling bounds of nodegroups ${ng}: an existing nodegroup whose bounds differ is rescaled in place`,
      api:
        'EKS DescribeNodegroup per nodegroup; where the bounds differ: ' +
        `\`eksctl scale nodegroup --cluster=${config.clusterName} --region=${config.region} --name=<name> --nodes-min=<min> --nodes-max=<max>\`` +
        ' (with `--nodes=<n>` when the current size is outside the new bounds)',
      timeoutMs: 20 * MINUTE,
    },
    recordStep(),
  );
  return steps;
}

/**
 * `eksctl scale nodegroup` (eksctl pkg/ctl/scale/nodegroup.go): new bounds for one managed nodegroup, and
 * a desired size within them when the current one is not (EKS refuses a desired size outside the bounds).
 */
export function scaleNodegroupArgv(
  config: Config,
  nodegroup: string,
  min: number,
  max: number,
  current?: number,
): string[] {
  const inside = current === undefined || (current >= min && current <= max);
  return [
    'eksctl',
    'scale',
    'nodegroup',
    `--cluster=${config.clusterName}`,
    `--region=${config.region}`,
    `--name=${nodegroup}`,
    ...(inside ? [] : [`--nodes=${Math.min(Math.max(current, min), max)}`]),
    `--nodes-min=${min}`,
    `--nodes-max=${max}`,
  ];
}

/** The Gitpod nodegroups as the EKS API should show them (max pods and disks live in eksctl's launch template). */
export function awsDesiredPools(config: Config): DesiredPools {
  const pool = (role: (typeof POOL_ROLES)[number]): DesiredPool => {
    const p = config.pools[role];
    return {
      role,
      name: p.name,
      labels: { ...p.labels },
      machineType: p.machineType,
      minNodes: p.minNodes,
      maxNodes: p.maxNodes,
      image: AWS.nodegroup.amiType,
    };
  };
  return { services: pool('services'), workspaces: pool('workspaces') };
}

/** What EKS changes on an existing nodegroup: labels and scaling bounds in place; instance and AMI types never. */
export function awsFixes(config: Config): InPlaceFixes {
  const target = (name: string) => [
    `--cluster=${config.clusterName}`,
    `--region=${config.region}`,
    `--nodegroup=${name}`,
  ];
  return {
    poolNoun: 'nodegroup',
    fieldName: {
      machineType: 'instance types',
      minNodes: 'min nodes',
      maxNodes: 'max nodes',
      maxPods: 'max pods per node',
      image: 'AMI type',
    },
    labels: (want, have) => {
      const wrong = Object.entries(want.labels).filter(([k, v]) => have.labels[k] !== v);
      const extra = Object.keys(have.labels).filter((k) => k.startsWith(GITPOD_LABEL_PREFIX) && !(k in want.labels));
      const argvs: string[][] = [];
      if (wrong.length) {
        argvs.push([
          'eksctl',
          'set',
          'labels',
          ...target(want.name),
          `--labels=${wrong.map(([k, v]) => `${k}=${v}`).join(',')}`,
        ]);
      }
      if (extra.length) argvs.push(['eksctl', 'unset', 'labels', ...target(want.name), `--labels=${extra.join(',')}`]);
      return { kind: 'in-place', argvs };
    },
    scaling: (want, have) => ({
      kind: 'in-place',
      argvs: [scaleNodegroupArgv(config, want.name, want.minNodes, want.maxNodes, have.desiredNodes)],
    }),
    immutable: (want) => ({
      why: 'EKS cannot change it on an existing nodegroup, and apply will not recreate the nodegroup',
      todo: `set the inputs to match the nodegroup, or delete it (eksctl delete nodegroup --cluster ${config.clusterName} --name ${want.name} --region ${config.region}) and re-run apply`,
    }),
  };
}

// ---------------------------------------------------------------------------------------------------
// The user's overlay (`eksctl-config`): deep-merged over the rendered config, then validated.
// ---------------------------------------------------------------------------------------------------

const OVERLAY_FORM = 'a YAML eksctl ClusterConfig (apiVersion eksctl.io/v1alpha5) merged over the rendered one';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The key a list element is merged by: `name`, or `metadata.namespace/name` (iam.serviceAccounts). */
function keyOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  if (typeof item.name === 'string') return item.name;
  const meta = item.metadata;
  if (isMap(meta) && typeof meta.name === 'string') return `${String(meta.namespace ?? '')}/${meta.name}`;
  return undefined;
}

/**
 * Deep merge, overlay over base. Maps merge key by key; `null` removes a key; lists whose elements all
 * have a name (managedNodeGroups, addons, iam.serviceAccounts …) merge element by element on that name,
 * new ones appended; any other list is replaced whole.
 */
export function mergeClusterConfig(base: unknown, overlay: unknown): unknown {
  if (isMap(base) && isMap(overlay)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(overlay)) {
      if (v === null) delete out[k];
      // Own keys only, defined, not assigned: `constructor` is a key like any other, `__proto__` too.
      else defineKey(out, k, Object.hasOwn(base, k) ? mergeClusterConfig(base[k], v) : structuredClone(v));
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(overlay)) {
    const baseKeys = base.map(keyOf);
    const overlayKeys = overlay.map(keyOf);
    if (baseKeys.every(Boolean) && overlayKeys.every(Boolean)) {
      const out = [...base];
      overlay.forEach((item, i) => {
        const at = baseKeys.indexOf(overlayKeys[i]);
        if (at >= 0) out[at] = mergeClusterConfig(base[at], item);
        else out.push(structuredClone(item));
      });
      return out;
    }
  }
  return structuredClone(overlay);
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** At most this long, on one line: a problem may quote the user's file (a key, a value, a parser message). */
const PROBLEM_MAX = 300;

function overlayError(config: Config, problem: string): InputError {
  const oneLine = escapeInvisible(problem);
  const shown = oneLine.length > PROBLEM_MAX ? `${oneLine.slice(0, PROBLEM_MAX)}…` : oneLine;
  return new InputError('eksctl-config', config.eksctlConfigPath, `${OVERLAY_FORM}; ${shown}`);
}

/** A ClusterConfig overlay is a few KB; a bigger file is not one (and is not read into memory). */
const OVERLAY_MAX_BYTES = 1024 * 1024;
/** eksctl's schema nests about 8 levels; free-form parts (kubeletExtraConfig) need a few more, not 64. */
const OVERLAY_MAX_DEPTH = 64;

/**
 * The overlay file's text. Only a regular file is read, and at most OVERLAY_MAX_BYTES of it: opened
 * non-blocking, so a FIFO cannot hold the run waiting for a writer, and checked on the open descriptor,
 * so a device (/dev/zero) or a directory is refused before a byte is read.
 */
function readOverlayText(config: Config): string {
  let fd: number;
  try {
    fd = openSync(config.eksctlConfigPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw overlayError(config, `the file cannot be read (${code ?? 'error'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw overlayError(config, 'it is a directory, not a file');
    if (!stat.isFile()) throw overlayError(config, 'it is not a regular file (a FIFO, socket or device)');
    const tooBig = () => overlayError(config, 'the file is larger than 1 MB (a ClusterConfig overlay is a few KB)');
    if (stat.size > OVERLAY_MAX_BYTES) throw tooBig();
    // Read to the end, not to `stat.size`: files such as /proc's report a size of 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > OVERLAY_MAX_BYTES) throw tooBig();
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw overlayError(config, `the file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Plain YAML only: one document, no tags the core schema does not know (`!!js/function`,
 * `!!python/object`, `!Ref` …), no alias bombs. Returns the document as plain data.
 */
function parseOverlay(config: Config, text: string): unknown {
  try {
    // uniqueKeys: yaml's own check compares every key with every other (minutes for a 1 MB file of
    // keys); duplicateKey does it in one pass.
    const docs = parseAllDocuments(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: false });
    if (docs.length > 1) {
      throw overlayError(config, `it holds ${docs.length} YAML documents, not one ClusterConfig`);
    }
    const parsed = docs[0];
    if (!parsed) return null;
    const [error] = parsed.errors;
    if (error) throw overlayError(config, `it is not valid YAML: ${error.message.split('\n')[0]}`);
    const [warning] = parsed.warnings;
    if (warning) throw overlayError(config, `it is not plain YAML: ${warning.message.split('\n')[0]}`);
    const duplicate = duplicateKey(parsed, text);
    if (duplicate) throw overlayError(config, `it is not valid YAML: ${duplicate}`);
    return parsed.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof InputError) throw err;
    // Alias bombs (`Excessive alias count …`) and nesting deeper than the parser's stack.
    throw overlayError(config, `it is not valid YAML: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
  }
}

/**
 * A key given twice in one mapping (or a list or mapping used as a key), as one line; undefined when
 * there is none. Walks the parsed nodes without recursion, each mapping's keys through one Set.
 */
function duplicateKey(doc: Document, text: string): string | undefined {
  const line = (node: { range?: [number, number, number] | null }) =>
    text.slice(0, node.range?.[0] ?? 0).split('\n').length;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!isCollection(node)) continue;
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isPair(item)) {
        stack.push(item);
        continue;
      }
      if (isYamlMap(node)) {
        if (!isScalar(item.key)) return `a list or mapping is used as a key (line ${line(item.key as Scalar)})`;
        const key = `${typeof item.key.value}:${String(item.key.value)}`;
        if (seen.has(key)) return `Map keys must be unique: ${JSON.stringify(item.key.value)} (line ${line(item.key)})`;
        seen.add(key);
      }
      stack.push(item.value);
    }
  }
  return undefined;
}

/** Where `parts` points in a document, for messages. */
const pathText = (parts: readonly (string | number)[]) =>
  parts
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '') || '(document)';

/**
 * The first thing in `doc` that is not plain data: a value YAML tags made (a Buffer from `!!binary`, a
 * Date from a YAML 1.1 timestamp, a Set, a Map), a `__proto__` key, an alias that contains itself, or
 * nesting deeper than OVERLAY_MAX_DEPTH. Walked without recursion, so no depth can overflow the stack.
 */
function plainDataProblem(doc: unknown): string | undefined {
  const stack: { value: unknown; at: (string | number)[]; ancestors: Set<object> }[] = [
    { value: doc, at: [], ancestors: new Set() },
  ];
  while (stack.length) {
    const { value, at: where, ancestors } = stack.pop()!;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) continue;
    const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
    if (typeof value !== 'object' || !plain) {
      const kind = typeof value === 'object' ? (value as object).constructor?.name : typeof value;
      return `${pathText(where)} is a ${kind ?? 'value'}, not a string, number, boolean, list or mapping`;
    }
    if (ancestors.has(value)) return `${pathText(where)} is an alias that contains itself`;
    if (where.length > OVERLAY_MAX_DEPTH)
      return `it nests deeper than ${OVERLAY_MAX_DEPTH} levels (at ${pathText(where.slice(0, 8))}…)`;
    const inside = new Set(ancestors).add(value);
    for (const [key, child] of Object.entries(value)) {
      if (key === '__proto__') return `${pathText([...where, key])}: the key \`__proto__\` is not allowed`;
      stack.push({ value: child, at: [...where, Array.isArray(value) ? Number(key) : key], ancestors: inside });
    }
  }
  return undefined;
}

/** Reads and parses the overlay file; undefined when none is given. */
export function readOverlay(config: Config): Record<string, unknown> | undefined {
  if (!config.eksctlConfigPath) return undefined;
  const doc = parseOverlay(config, readOverlayText(config));
  if (!isMap(doc)) throw overlayError(config, 'it is not a YAML mapping');
  const problem = plainDataProblem(doc);
  if (problem) throw overlayError(config, problem);
  const meta = doc.metadata;
  if (doc.apiVersion !== undefined && doc.apiVersion !== 'eksctl.io/v1alpha5')
    throw overlayError(config, `apiVersion is ${JSON.stringify(doc.apiVersion)}`);
  if (doc.kind !== undefined && doc.kind !== 'ClusterConfig')
    throw overlayError(config, `kind is ${JSON.stringify(doc.kind)}`);
  if (meta !== undefined && !isMap(meta)) throw overlayError(config, 'metadata is not a mapping');
  if (isMap(meta)) {
    const fixed = [
      ['name', config.clusterName, 'cluster-name'],
      ['region', config.region, 'region'],
      ['version', config.kubernetesVersion, 'kubernetes-version'],
    ] as const;
    for (const [field, want, input] of fixed) {
      if (meta[field] !== undefined && meta[field] !== want) {
        throw overlayError(
          config,
          `metadata.${field} ${JSON.stringify(meta[field])} differs from the \`${input}\` input (${want}): set the input instead`,
        );
      }
    }
  }
  return doc;
}

function sameLabels(want: Record<string, string>, got: unknown): string | undefined {
  if (!isMap(got)) return 'has no labels';
  for (const [k, v] of Object.entries(want)) {
    if (got[k] !== v) return `must keep the label ${k}=${v}${k in got ? ` (has ${JSON.stringify(got[k])})` : ''}`;
  }
  return undefined;
}

/** eksctl's rule for nodegroup names (they also name CloudFormation stacks); EKS allows 63 characters. */
const NODEGROUP_NAME = /^[A-Za-z][-A-Za-z0-9]{0,62}$/;

/**
 * What eksctl itself would refuse in the nodegroups, only after the control plane exists: a name outside
 * its rule, and a managed nodegroup's `overrideBootstrapCommand` without a custom `ami`.
 * `preBootstrapCommands` are eksctl's to run on the nodes: they are kept, and shown verbatim by `plan`.
 */
function eksctlNodegroupProblem(doc: Record<string, unknown>): string | undefined {
  for (const list of ['managedNodeGroups', 'nodeGroups'] as const) {
    for (const [i, ng] of ((doc[list] ?? []) as Record<string, unknown>[]).entries()) {
      if (!NODEGROUP_NAME.test(String(ng.name))) {
        return `${list}[${i}].name ${JSON.stringify(ng.name)} is not a nodegroup name eksctl accepts (a letter, then letters, digits and hyphens, at most 63)`;
      }
      if (list === 'managedNodeGroups' && ng.overrideBootstrapCommand !== undefined && !ng.ami) {
        return `${list}[${i}].overrideBootstrapCommand can only be set with a custom AMI (${list}[${i}].ami), as eksctl requires`;
      }
    }
  }
  return undefined;
}

/** The checks that keep a merged config Gitpod's: throws one InputError naming the first problem. */
export function validateClusterConfig(doc: Record<string, unknown>, config: Config): void {
  const schemaProblems = schemaErrors(EKSCTL_SCHEMA, doc, 3);
  if (schemaProblems.length) throw overlayError(config, `eksctl's schema refuses it: ${schemaProblems.join('; ')}`);
  const meta = doc.metadata as Record<string, unknown>;
  if (meta.name !== config.clusterName || meta.region !== config.region)
    throw overlayError(config, 'metadata.name and metadata.region must stay the cluster-name and region inputs');
  const nodegroupProblem = eksctlNodegroupProblem(doc);
  if (nodegroupProblem) throw overlayError(config, nodegroupProblem);
  const groups = (doc.managedNodeGroups ?? []) as Record<string, unknown>[];
  for (const role of POOL_ROLES) {
    const pool = config.pools[role];
    const ng = groups.find((g) => g.name === pool.name);
    if (!ng) throw overlayError(config, `managedNodeGroups must keep the ${role} nodegroup \`${pool.name}\``);
    const labels = sameLabels(pool.labels, ng.labels);
    if (labels) throw overlayError(config, `nodegroup \`${pool.name}\` ${labels}`);
    const maxPods = ng.maxPodsPerNode;
    if (typeof maxPods !== 'number' || maxPods < config.maxPods) {
      throw overlayError(
        config,
        `nodegroup \`${pool.name}\` has maxPodsPerNode ${String(maxPods)}, below the max-pods input (${config.maxPods})`,
      );
    }
    const [min, max, want] = [ng.minSize, ng.maxSize, ng.desiredCapacity] as (number | undefined)[];
    if (min !== undefined && max !== undefined && min > max)
      throw overlayError(config, `nodegroup \`${pool.name}\` has minSize ${min} above maxSize ${max}`);
    if (want !== undefined && ((min !== undefined && want < min) || (max !== undefined && want > max)))
      throw overlayError(config, `nodegroup \`${pool.name}\` has desiredCapacity ${want} outside minSize..maxSize`);
  }
  if (config.network === 'vpc-cni') {
    // Without Calico, max-pods per node only fits in the VPC when the VPC CNI hands out /28 prefixes.
    const addon = ((doc.addons ?? []) as Record<string, unknown>[]).find((a) => a.name === 'vpc-cni');
    let prefix = false;
    try {
      prefix = JSON.parse(String(addon?.configurationValues ?? '{}'))?.env?.ENABLE_PREFIX_DELEGATION === 'true';
    } catch {
      prefix = false;
    }
    if (!prefix) {
      throw overlayError(
        config,
        'with `network: vpc-cni` the vpc-cni addon must keep ENABLE_PREFIX_DELEGATION "true", or nodes cannot run max-pods pods',
      );
    }
  }
}

/** The ClusterConfig eksctl is given: rendered, the user's overlay merged over it, validated. */
export function clusterConfigFor(config: Config, facts: AwsFacts): ClusterConfigDoc {
  const rendered = renderClusterConfig(config, facts);
  const overlay = readOverlay(config);
  const doc = (overlay ? mergeClusterConfig(rendered, overlay) : rendered) as ClusterConfigDoc;
  validateClusterConfig(doc, config);
  return doc;
}
