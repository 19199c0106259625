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
import { type DesiredPools, type InPlaceFixes, desiredPoolsOf } from '../../desired.js';
import { type Config, InputError, type PoolConfig, escapeInvisible } from '../../inputs.js';
import { AWS, DEFAULT_CALICO_VERSION, GITPOD_LABEL_PREFIX, POOL_ROLES, autoscalerTags } from '../../reference.js';
import { RECORD_STEP_ID, recordStep } from '../../record.js';
import type { StepSpec } from '../../steps.js';
import { type Finding, dropRenderedConflicts, eksctlRefusal, ownImage } from './eksctl/rules.js';
import { EKSCTL_SCHEMA } from './eksctl/schema.js';
import { type SchemaPath, pathOf, schemaProblems } from './eksctl/validate.js';

export const AWS_STEP_IDS = [
  'cluster',
  'kubeconfig',
  'kube-system',
  'remove-aws-node',
  'tigera-operator',
  'calico-installation',
  'calico-ready',
  'nodegroups',
  'nodegroup-labels',
  'nodegroup-scaling',
  'service-accounts',
  'access-entries',
  'viewer-rbac',
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
    // No preBootstrapCommands: the reference's edit AL2's /etc/eks/bootstrap.sh (REFERENCE_DEVIATIONS).
  };
}

/** The reference ClusterConfig for these inputs (before any user overlay). */
export function renderClusterConfig(config: Config, facts: AwsFacts): ClusterConfigDoc {
  const metadata: Record<string, unknown> = { name: config.clusterName, region: config.region };
  if (facts.version) metadata.version = facts.version;
  metadata.tags = { ...config.clusterTags };
  const doc: ClusterConfigDoc = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata,
    ...(config.nodeLocations.length ? { availabilityZones: [...config.nodeLocations] } : {}),
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
    upgradePolicy: { supportType: AWS.supportTypes[config.supportType] },
    accessConfig: {
      authenticationMode: AWS.authenticationMode,
      ...(config.viewerRoleArns.length ? { accessEntries: viewerAccessEntries(config) } : {}),
    },
    managedNodeGroups: [nodegroup(config, config.pools.services), nodegroup(config, config.pools.workspaces)],
  };
  if (config.network === 'calico') {
    // No vpc-cni add-on, ever: an add-on update would bring aws-node back beside Calico.
    doc.addonsConfig = { disableDefaultAddons: true };
    doc.addons = AWS.calicoAddons.map((name) => ({ name }));
  }
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

/** The access entries of `viewer-role-arns`: a Kubernetes group of ours, no EKS access policy. */
export function viewerAccessEntries(config: Config): Record<string, unknown>[] {
  return config.viewerRoleArns.map((arn) => ({
    principalARN: arn,
    type: 'STANDARD',
    kubernetesGroups: [AWS.viewer.group],
  }));
}

/**
 * The Kubernetes RBAC objects behind the viewers' group: a ClusterRole for the nodes and the Calico
 * objects, a Role in kube-system for the aws-node DaemonSet, each bound to the group. Reads only.
 */
export function viewerRbacObjects(): Record<string, unknown>[] {
  const { group, name, clusterRules, namespacedRules } = AWS.viewer;
  const namespace = AWS.calico.awsNode.namespace;
  const rbac = 'rbac.authorization.k8s.io';
  const subjects = [{ kind: 'Group', apiGroup: rbac, name: group }];
  const rules = (list: readonly Record<string, unknown>[]) => list.map((r) => structuredClone({ ...r }));
  return [
    { apiVersion: `${rbac}/v1`, kind: 'ClusterRole', metadata: { name }, rules: rules(clusterRules) },
    {
      apiVersion: `${rbac}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name },
      subjects,
    },
    { apiVersion: `${rbac}/v1`, kind: 'Role', metadata: { name, namespace }, rules: rules(namespacedRules) },
    {
      apiVersion: `${rbac}/v1`,
      kind: 'RoleBinding',
      metadata: { name, namespace },
      roleRef: { apiGroup: rbac, kind: 'Role', name },
      subjects,
    },
  ];
}

/** True when eksctl creates the cluster without the AWS VPC CNI (`disableDefaultAddons`, no vpc-cni add-on). */
export function isBareCluster(doc: Record<string, unknown>): boolean {
  const disabled = (doc.addonsConfig as { disableDefaultAddons?: boolean } | undefined)?.disableDefaultAddons === true;
  const addons = (doc.addons ?? []) as { name?: string }[];
  return disabled && !addons.some((a) => a.name === AWS.vpcCniAddon);
}

/**
 * The ClusterConfig `eksctl create cluster` is given. On a cluster without the VPC CNI eksctl refuses
 * nodegroups, `iam.serviceAccounts` and `iam.podIdentityAssociations` at creation (its
 * `validateBareCluster`, even with `--without-nodegroup`): nodegroups and service accounts are left out
 * here, and the `nodegroups` and `service-accounts` steps create them from the whole config once Calico
 * is in. What no later step creates is refused in `validateClusterConfig` (bareClusterProblem).
 */
export function clusterCreateConfig(doc: ClusterConfigDoc): Record<string, unknown> {
  if (!isBareCluster(doc)) return doc;
  const { managedNodeGroups: _m, nodeGroups: _n, ...rest } = doc;
  const iam = rest.iam as Record<string, unknown> | undefined;
  if (iam) {
    const { serviceAccounts: _s, ...keep } = iam;
    rest.iam = keep;
  }
  return rest;
}

/** Where the ClusterConfig of `eksctl create cluster` is written: apart from the whole one only when it differs. */
export function eksctlClusterConfigFile(config: Config): string {
  return config.network === 'calico'
    ? path.join(config.tempDir, `${config.clusterName}.eksctl-cluster.yaml`)
    : eksctlConfigFile(config);
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
      description: calico
        ? `EKS control plane ${config.clusterName} in ${config.region}, Kubernetes ${version}, without nodegroups, service accounts or the vpc-cni add-on (the ClusterConfig without managedNodeGroups and iam.serviceAccounts)`
        : `EKS control plane ${config.clusterName} in ${config.region}, Kubernetes ${version}, without nodegroups`,
      argv: [
        'eksctl',
        'create',
        'cluster',
        `--config-file=${eksctlClusterConfigFile(config)}`,
        '--without-nodegroup',
        '--write-kubeconfig=false',
      ],
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
  steps.push({
    id: 'nodegroups',
    description: `Managed nodegroups ${ng} (existing nodegroups are left alone)`,
    argv: ['eksctl', 'create', 'nodegroup', `--config-file=${file}`],
    timeoutMs: 40 * MINUTE,
  });
  steps.push({
    id: 'nodegroup-labels',
    description: `Labels of nodegroups ${ng}: an existing nodegroup whose labels differ from the table is relabelled in place`,
    api:
      'EKS DescribeNodegroup per nodegroup; where labels are missing or wrong: ' +
      `\`eksctl set labels --cluster=${config.clusterName} --region=${config.region} --nodegroup=<name> --labels=<key=value,…>\`; ` +
      `where a ${GITPOD_LABEL_PREFIX}* label is not for that nodegroup: \`eksctl unset labels … --labels=<key,…>\``,
    timeoutMs: 20 * MINUTE,
  });
  steps.push({
    id: 'nodegroup-scaling',
    description: `Scaling bounds of nodegroups ${ng}: an existing nodegroup whose bounds differ is rescaled in place`,
    api:
      'EKS DescribeNodegroup per nodegroup; where the bounds differ: ' +
      `\`eksctl scale nodegroup --cluster=${config.clusterName} --region=${config.region} --name=<name> --nodes-min=<min> --nodes-max=<max>\`` +
      ' (with `--nodes=<n>` when the current size is outside the new bounds)',
    timeoutMs: 20 * MINUTE,
  });
  steps.push({
    id: 'service-accounts',
    description: `IAM roles for the service accounts ${AWS.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`).join(', ')} (existing ones are left alone)`,
    argv: ['eksctl', 'create', 'iamserviceaccount', `--config-file=${file}`, '--approve'],
    timeoutMs: 20 * MINUTE,
  });
  if (config.viewerRoleArns.length) {
    steps.push(
      {
        id: 'access-entries',
        description: `EKS access entries for ${config.viewerRoleArns.join(', ')} in the Kubernetes group ${AWS.viewer.group} (existing ones are left alone)`,
        argv: ['eksctl', 'create', 'accessentry', `--config-file=${file}`],
        timeoutMs: 10 * MINUTE,
      },
      {
        id: 'viewer-rbac',
        description: `Read-only RBAC for the group ${AWS.viewer.group}: ClusterRole and ClusterRoleBinding ${AWS.viewer.name} (nodes; Calico Installation and TigeraStatus), Role and RoleBinding ${AWS.calico.awsNode.namespace}/${AWS.viewer.name} (the aws-node DaemonSet)`,
        api: 'Kubernetes API: create each of the four objects that is missing, server-side apply each that differs',
        timeoutMs: 5 * MINUTE,
      },
    );
  }
  steps.push(recordStep());
  return steps;
}

/**
 * `eksctl set labels`: adds or overwrites labels on one managed nodegroup (eksctl pkg/ctl/set/labels.go;
 * `--labels` is a `key=value,…` map, which eksctl refuses together with `--config-file`).
 */
export function setLabelsArgv(config: Config, nodegroup: string, labels: Readonly<Record<string, string>>): string[] {
  const list = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return ['eksctl', 'set', 'labels', ...labelsTarget(config, nodegroup), `--labels=${list}`];
}

/** `eksctl unset labels`: removes labels (by key) from one managed nodegroup (eksctl pkg/ctl/unset/labels.go). */
export function unsetLabelsArgv(config: Config, nodegroup: string, keys: readonly string[]): string[] {
  return ['eksctl', 'unset', 'labels', ...labelsTarget(config, nodegroup), `--labels=${keys.join(',')}`];
}

function labelsTarget(config: Config, nodegroup: string): string[] {
  return [`--cluster=${config.clusterName}`, `--region=${config.region}`, `--nodegroup=${nodegroup}`];
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
  return desiredPoolsOf(config, { image: AWS.nodegroup.amiType });
}

/** What EKS changes on an existing nodegroup: labels and scaling bounds in place; instance and AMI types never. */
export function awsFixes(config: Config): InPlaceFixes {
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
      const wrong = Object.fromEntries(Object.entries(want.labels).filter(([k, v]) => have.labels[k] !== v));
      const extra = Object.keys(have.labels).filter((k) => k.startsWith(GITPOD_LABEL_PREFIX) && !(k in want.labels));
      const argvs: string[][] = [];
      if (Object.keys(wrong).length) argvs.push(setLabelsArgv(config, want.name, wrong));
      if (extra.length) argvs.push(unsetLabelsArgv(config, want.name, extra));
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

/** The parsed YAML of each overlay read, so a problem can be shown at its line in the user's file. */
const OVERLAY_SOURCE = new WeakMap<object, { document: Document; text: string }>();

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
    const data: unknown = parsed.toJS({ maxAliasCount: 100 });
    if (isMap(data)) OVERLAY_SOURCE.set(data, { document: parsed, text });
    return data;
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

/**
 * Where a path of the merged document comes from in the overlay, following mergeClusterConfig: a map key
 * is itself, an element of a list merged by name is the overlay's element of that name, an appended one
 * the overlay's n-th new element, an element of a list replaced whole the same index. `found` is how many
 * leading parts the overlay has (0: the path is the rendered config's alone).
 */
export function overlayPathOf(
  base: unknown,
  overlay: unknown,
  merged: readonly (string | number)[],
): { path: SchemaPath; found: number } {
  const path: SchemaPath = [];
  let [b, o] = [base, overlay];
  for (const [depth, part] of merged.entries()) {
    let next: string | number | undefined;
    if (typeof part === 'string') {
      next = isMap(o) && Object.hasOwn(o, part) ? part : undefined;
      b = isMap(b) ? b[part] : undefined;
    } else if (Array.isArray(o)) {
      const keyed = Array.isArray(b) && b.map(keyOf).every(Boolean) && o.map(keyOf).every(Boolean);
      if (keyed) {
        const baseKeys = (b as unknown[]).map(keyOf);
        const overlayKeys = o.map(keyOf);
        const fresh = overlayKeys.flatMap((k, i) => (baseKeys.includes(k) ? [] : [i]));
        const at = part < baseKeys.length ? overlayKeys.indexOf(baseKeys[part]) : (fresh[part - baseKeys.length] ?? -1);
        next = at >= 0 ? at : undefined;
        b = part < baseKeys.length ? (b as unknown[])[part] : undefined;
      } else {
        next = part < o.length ? part : undefined;
        b = undefined;
      }
    }
    if (next === undefined) return { path: [...path, ...merged.slice(depth)], found: depth };
    path.push(next);
    o = (o as Record<string | number, unknown>)[next];
  }
  return { path, found: merged.length };
}

/**
 * On a cluster without the VPC CNI eksctl refuses these at creation (validateBareCluster), and no later
 * step of this flow creates them: an overlay that sets one is refused before anything runs.
 */
function bareClusterProblem(doc: Record<string, unknown>): string | undefined {
  if (!isBareCluster(doc)) return undefined;
  const iam = (doc.iam ?? {}) as Record<string, unknown>;
  const set = [
    ['iam.podIdentityAssociations', iam.podIdentityAssociations],
    ['fargateProfiles', doc.fargateProfiles],
    ['karpenter', doc.karpenter],
    ['gitops.flux', (doc.gitops as { flux?: unknown } | undefined)?.flux],
  ].filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length));
  if (!set.length) return undefined;
  return (
    `${set.map(([k]) => k).join(', ')} cannot be created with \`network: calico\`: eksctl creates that cluster without the VPC CNI ` +
    '(addonsConfig.disableDefaultAddons) and refuses them at creation; remove them (add them after apply), or use `network: vpc-cni`'
  );
}

/**
 * A problem found in the merged config, named where the user would look: the path in their overlay file
 * and its line there; a path only the rendered config has is named as the action's.
 */
function findingText(finding: Finding, rendered: unknown, overlay: Record<string, unknown> | undefined): string {
  if (!overlay) return `${pathOf(finding.path) || '(document)'} (rendered by the action): ${finding.message}`;
  const { path: inFile, found } = overlayPathOf(rendered, overlay, finding.path);
  if (found === 0 && finding.path.length > 0) {
    return `${pathOf(finding.path)} (rendered by the action, not in the file): ${finding.message}`;
  }
  const source = OVERLAY_SOURCE.get(overlay);
  const node = source?.document.getIn(inFile.slice(0, found), true) as { range?: [number, number, number] } | undefined;
  const line = node?.range ? source!.text.slice(0, node.range[0]).split('\n').length : undefined;
  return `${pathOf(inFile) || '(document)'}${line ? ` (line ${line})` : ''}: ${finding.message}`;
}

/** The checks that keep a merged config one eksctl accepts and Gitpod's. */
function clusterConfigFinding(doc: Record<string, unknown>, config: Config): Finding | string | undefined {
  const [schemaProblem] = schemaProblems(EKSCTL_SCHEMA, doc, 1);
  if (schemaProblem)
    return { path: schemaProblem.path, message: `eksctl's schema refuses it: ${schemaProblem.message}` };
  const meta = doc.metadata as Record<string, unknown>;
  if (meta.name !== config.clusterName || meta.region !== config.region)
    return 'metadata.name and metadata.region must stay the cluster-name and region inputs';
  const groups = (doc.managedNodeGroups ?? []) as Record<string, unknown>[];
  const refusal = eksctlRefusal(
    doc,
    POOL_ROLES.map((r) => config.pools[r].name),
    // apply resolves the version first (metadata.version); plan has the input (`latest` is past 1.33).
    typeof meta.version === 'string' ? meta.version : config.kubernetesVersion,
  );
  if (refusal) return refusal;
  const addonNames = ((doc.addons ?? []) as { name?: string }[]).map((a) => a.name);
  if (config.network === 'calico' && addonNames.includes(AWS.vpcCniAddon)) {
    // verify's network check would report it at once: its next update brings aws-node back.
    const at = ((doc.addons ?? []) as { name?: string }[]).findIndex((a) => a.name === AWS.vpcCniAddon);
    return {
      path: ['addons', at, 'name'],
      message:
        'with `network: calico` addons must not hold vpc-cni (it brings aws-node back beside Calico); use `network: vpc-cni` to keep the AWS VPC CNI',
    };
  }
  const bareProblem = bareClusterProblem(doc);
  if (bareProblem) return bareProblem;
  for (const role of POOL_ROLES) {
    const pool = config.pools[role];
    const i = groups.findIndex((g) => g.name === pool.name);
    const ng = groups[i];
    if (!ng) return `managedNodeGroups must keep the ${role} nodegroup \`${pool.name}\``;
    const labels = sameLabels(pool.labels, ng.labels);
    if (labels) return { path: ['managedNodeGroups', i, 'labels'], message: `nodegroup \`${pool.name}\` ${labels}` };
    const maxPods = ng.maxPodsPerNode;
    // With a custom AMI or a launch template eksctl refuses maxPodsPerNode: the image sets max pods.
    if (!ownImage(ng) && (typeof maxPods !== 'number' || maxPods < config.maxPods)) {
      return {
        path: ['managedNodeGroups', i, 'maxPodsPerNode'],
        message: `nodegroup \`${pool.name}\` has maxPodsPerNode ${String(maxPods)}, below the max-pods input (${config.maxPods})`,
      };
    }
    const [min, max, want] = [ng.minSize, ng.maxSize, ng.desiredCapacity] as (number | undefined)[];
    if (min !== undefined && max !== undefined && min > max)
      return {
        path: ['managedNodeGroups', i, 'minSize'],
        message: `nodegroup \`${pool.name}\` has minSize ${min} above maxSize ${max}`,
      };
    if (want !== undefined && ((min !== undefined && want < min) || (max !== undefined && want > max)))
      return {
        path: ['managedNodeGroups', i, 'desiredCapacity'],
        message: `nodegroup \`${pool.name}\` has desiredCapacity ${want} outside minSize..maxSize`,
      };
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
      return 'with `network: vpc-cni` the vpc-cni addon must keep ENABLE_PREFIX_DELEGATION "true", or nodes cannot run max-pods pods';
    }
  }
  return undefined;
}

/**
 * The checks that keep a merged config one eksctl accepts and Gitpod's: throws one InputError naming the
 * first problem, at its path in the user's overlay (and line) when it comes from there.
 */
export function validateClusterConfig(
  doc: Record<string, unknown>,
  config: Config,
  from?: { rendered: unknown; overlay?: Record<string, unknown> },
): void {
  const finding = clusterConfigFinding(doc, config);
  if (finding === undefined) return;
  if (typeof finding === 'string') throw overlayError(config, finding);
  throw overlayError(config, findingText(finding, from?.rendered ?? {}, from?.overlay));
}

/** The merged ClusterConfig and what `plan` must tell about it. */
export interface ClusterConfigResult {
  doc: ClusterConfigDoc;
  /** Rendered fields dropped because eksctl refuses them for the overlay's choices. */
  dropped: string[];
  /** What the user must see: a Gitpod pool whose own image must set max pods. */
  notes: string[];
}

/** The ClusterConfig eksctl is given, with what was dropped and what the user must know. */
export function clusterConfigResult(config: Config, facts: AwsFacts): ClusterConfigResult {
  const rendered = renderClusterConfig(config, facts);
  const overlay = readOverlay(config);
  const doc = (overlay ? mergeClusterConfig(rendered, overlay) : rendered) as ClusterConfigDoc;
  const dropped = overlay
    ? dropRenderedConflicts(doc, (p) => overlayPathOf(rendered, overlay, p).found === p.length)
    : [];
  validateClusterConfig(doc, config, { rendered, overlay });
  const notes: string[] = [];
  for (const role of POOL_ROLES) {
    const pool = config.pools[role];
    const ng = doc.managedNodeGroups.find((g) => g.name === pool.name);
    const own = ng && ownImage(ng);
    if (!own) continue;
    const what = own === 'ami' ? 'custom AMI (ami)' : 'launch template (launchTemplate)';
    notes.push(
      `The ${role} nodegroup \`${pool.name}\` uses its own ${what}, where eksctl does not set maxPodsPerNode: the ${own === 'ami' ? 'image' : 'launch template'} must configure the kubelet for ${config.maxPods} pods per node (the max-pods input); verify checks it on the nodes.`,
    );
  }
  return { doc, dropped, notes };
}

/** The ClusterConfig eksctl is given: rendered, the user's overlay merged over it, validated. */
export function clusterConfigFor(config: Config, facts: AwsFacts): ClusterConfigDoc {
  return clusterConfigResult(config, facts).doc;
}
