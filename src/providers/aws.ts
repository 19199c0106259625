/**
 * The EKS flow as data: the rendered eksctl ClusterConfig (every field of the reference document's
 * `gitpod-cluster.yaml`), merged with the user's `eksctl-config` overlay and validated, and the ordered
 * steps (control plane without nodegroups, Calico in place of the AWS VPC CNI, then the nodegroups).
 * `plan` prints them; `apply` pairs them with probes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { type Config, InputError, type PoolConfig } from '../inputs.js';
import { AWS, DEFAULT_CALICO_VERSION, POOL_ROLES, autoscalerTags } from '../reference.js';
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
  steps.push({
    id: 'nodegroups',
    description: `Managed nodegroups ${ng} (existing nodegroups are left alone)`,
    argv: ['eksctl', 'create', 'nodegroup', `--config-file=${file}`],
    timeoutMs: 40 * MINUTE,
  });
  return steps;
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
      else out[k] = k in base ? mergeClusterConfig(base[k], v) : structuredClone(v);
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

function overlayError(config: Config, problem: string): InputError {
  return new InputError('eksctl-config', config.eksctlConfigPath, `${OVERLAY_FORM}; ${problem}`);
}

/** Reads and parses the overlay file; undefined when none is given. */
export function readOverlay(config: Config): Record<string, unknown> | undefined {
  if (!config.eksctlConfigPath) return undefined;
  let text: string;
  try {
    text = readFileSync(config.eksctlConfigPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw overlayError(config, `the file cannot be read (${code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = parse(text, { prettyErrors: false });
  } catch (err) {
    throw overlayError(config, `it is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isMap(doc)) throw overlayError(config, 'it is not a YAML mapping');
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

/** The checks that keep a merged config Gitpod's: throws one InputError naming the first problem. */
export function validateClusterConfig(doc: Record<string, unknown>, config: Config): void {
  const schemaProblems = schemaErrors(EKSCTL_SCHEMA, doc, 3);
  if (schemaProblems.length) throw overlayError(config, `eksctl's schema refuses it: ${schemaProblems.join('; ')}`);
  const meta = doc.metadata as Record<string, unknown>;
  if (meta.name !== config.clusterName || meta.region !== config.region)
    throw overlayError(config, 'metadata.name and metadata.region must stay the cluster-name and region inputs');
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
