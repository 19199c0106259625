/**
 * Action inputs → one typed, validated Config.
 *
 * Every input the action reads is named in `INPUT_NAMES` (a test holds that list equal to action.yml).
 * Bad input throws one InputError naming the input, the value received and the accepted form, before
 * any download, process or network request.
 */
import os from 'node:os';
import path from 'node:path';
import {
  type PoolRole,
  type PoolSizing,
  type Provider,
  POOL_ROLES,
  PROVIDERS,
  POOL_LABELS,
  REFERENCE_MAX_PODS,
  AWS,
  seedFor,
} from './reference.js';
import { type RegionTable, zonesOf } from './regions.js';
import { AWS_REGIONS, EKSCTL_MIN_ZONES } from './providers/aws/regions.js';
import { GCP_REGIONS } from './providers/gcp/regions.js';

export const INPUT_NAMES = [
  'provider',
  'command',
  'cluster-name',
  'region',
  'project',
  'kubernetes-version',
  'services-machine-type',
  'workspaces-machine-type',
  'services-min-nodes',
  'services-max-nodes',
  'workspaces-min-nodes',
  'workspaces-max-nodes',
  'disk-size-gb',
  'services-extra-labels',
  'workspaces-extra-labels',
  'max-pods',
  'calico-version',
  'network',
  'eksctl-config',
  'kubeconfig',
  'kubeconfig-path',
  'gcloud-version',
  'eksctl-version',
  'kubectl-version',
  'tool-mirror',
  'use-runner-tools',
  'fail-on-drift',
  'confirm-destroy',
  'github-token',
  'eks-support-type',
  'viewer-role-arns',
  'cluster-tags',
  'node-locations',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** Reads one input, already trimmed; '' when not set. */
export type InputReader = (name: InputName) => string;

export const COMMANDS = ['plan', 'preflight', 'apply', 'verify', 'destroy'] as const;
export type Command = (typeof COMMANDS)[number];

export const NETWORKS = ['calico', 'vpc-cni'] as const;
export type Network = (typeof NETWORKS)[number];

export const SUPPORT_TYPES = ['standard', 'extended'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

/** Inputs whose values are secrets: never echoed in an error. */
const SECRET_INPUTS: ReadonlySet<InputName> = new Set(['github-token']);
/** Inputs that are URLs and may carry credentials (`https://user:password@…`): echoed without them. */
const CREDENTIAL_URL_INPUTS: ReadonlySet<InputName> = new Set(['tool-mirror']);

export class InputError extends Error {
  constructor(
    readonly input: InputName,
    value: string,
    accepted: string,
  ) {
    const shown = SECRET_INPUTS.has(input)
      ? '(hidden)'
      : showValue(CREDENTIAL_URL_INPUTS.has(input) ? withoutUserinfo(value) : value);
    super(`Input '${input}' received ${shown}: expected ${accepted}.`);
    this.name = 'InputError';
  }
}

/**
 * A URL without what stands before its last `@` (user, password, token), even when it does not parse (an
 * unencoded `/` in a password): an error may hide a little too much, never a credential.
 */
export function withoutUserinfo(value: string): string {
  return value.replace(/^([^:/?#@\s]*:\/\/)\S*@/, '$1***@');
}

/** A value as an error shows it: quoted, control characters escaped, long values cut. */
export function showValue(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return escapeInvisible(JSON.stringify(cut));
}

/**
 * Control characters, bidirectional overrides and line separators as `\uXXXX`: quoted in an error, they
 * would end its line or make it read other than it is ("Trojan Source").
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
// eslint-disable-next-line no-control-regex -- control and bidirectional characters are what is escaped here
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

export interface PoolConfig extends PoolSizing {
  role: PoolRole;
  /** Reference labels of the role plus the extra labels: what apply sets and verify demands. */
  labels: Record<string, string>;
  /** The extra labels alone, as given. */
  extraLabels: Record<string, string>;
}

export interface ToolVersions {
  /** '' means the version pinned in the code. */
  gcloud: string;
  eksctl: string;
  kubectl: string;
}

export interface Config {
  provider: Provider;
  command: Command;
  clusterName: string;
  region: string;
  /** true when `region` was not given and the reference region stands in (plan only). */
  regionDefaulted: boolean;
  /** `node-locations`: the zones of the nodes (GKE: of both pools; EKS: the cluster's); [] = the cloud's default. */
  nodeLocations: string[];
  /** GCP project; '' on AWS. */
  project: string;
  kubernetesVersion: string;
  pools: Record<PoolRole, PoolConfig>;
  diskSizeGb: number;
  maxPods: number;
  /** '' means the pinned release. */
  calicoVersion: string;
  network: Network;
  eksctlConfigPath: string;
  /** AWS: the cluster's upgrade policy (`eks-support-type`). */
  supportType: SupportType;
  /** AWS: IAM role ARNs given read-only Kubernetes access through EKS access entries. */
  viewerRoleArns: string[];
  /** AWS: ClusterConfig `metadata.tags` (`cluster-tags`; the reference's two by default). */
  clusterTags: Record<string, string>;
  kubeconfig: string;
  kubeconfigPath: string;
  tools: ToolVersions;
  toolMirror: string;
  /** `use-runner-tools`: take gcloud and kubectl from the runner's PATH when there (src/tools/runner.ts). */
  useRunnerTools: boolean;
  failOnDrift: boolean;
  confirmDestroy: string;
  githubToken: string;
  /** The runner's temp folder (RUNNER_TEMP), else the OS temp folder. */
  tempDir: string;
  /** The inputs given a value (not left empty): explicit inputs win over the desired state apply recorded. */
  explicit: ReadonlySet<InputName>;
}

// --- naming rules ---------------------------------------------------------------------------------

const GKE_CLUSTER_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const EKS_CLUSTER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,99}$/;
const GCP_REGION = /^[a-z]+-[a-z]+[0-9]{1,2}$/;
const AWS_REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$/;
const GCP_PROJECT = /^(?:[a-z][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_MACHINE_TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){1,4}$/;
const AWS_INSTANCE_TYPE = /^[a-z][a-z0-9-]{0,15}\.[a-z0-9]{1,16}$/;
const LABEL_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)*$/;

const KUBE_VERSION: Record<Provider, { re: RegExp; accepted: string }> = {
  gcp: {
    re: /^(?:latest|1\.[0-9]{1,2}(?:\.[0-9]{1,3}(?:-gke\.[0-9]{1,10})?)?)$/,
    accepted: '`latest`, a minor such as `1.33`, or an exact GKE version such as `1.33.4-gke.1172000`',
  },
  aws: {
    re: /^(?:latest|1\.[0-9]{1,2})$/,
    accepted: '`latest` or a minor such as `1.33` (EKS versions are minors)',
  },
};

/**
 * The Kubernetes minors each provider has ever offered: GKE every 1.x from 1.0 (2015), EKS every minor from 1.10
 * (2018), each up to the newest this table knows. A version below the first, or more than NEWER_MINORS_ALLOWED
 * past the newest, is refused in `plan` already, offline (`1.99`, `1.3`); within the range the cloud API at apply
 * time says whether it still offers it.
 */
export const KUBERNETES_MINORS_OFFERED: Record<Provider, { first: number; newest: number }> = {
  gcp: { first: 0, newest: 37 },
  aws: { first: 10, newest: 37 },
};
/** Minors past the table's newest that still pass: a release newer than this code is not refused before asking. */
export const NEWER_MINORS_ALLOWED = 2;

function kubernetesMinorProblem(provider: Provider, version: string): string | undefined {
  const minor = /^v?1\.([0-9]+)/.exec(version)?.[1];
  if (minor === undefined) return undefined;
  const { first, newest } = KUBERNETES_MINORS_OFFERED[provider];
  const n = Number(minor);
  if (n >= first && n <= newest + NEWER_MINORS_ALLOWED) return undefined;
  const cloud = provider === 'gcp' ? 'GKE' : 'EKS';
  return `a Kubernetes version ${cloud} has offered: 1.${first} to 1.${newest} (and the next minors as they come), not 1.${minor}`;
}

const TOOL_VERSION: Record<keyof ToolVersions, { re: RegExp; accepted: string }> = {
  gcloud: {
    re: /^(?:latest|[0-9]{2,4}\.[0-9]{1,3}\.[0-9]{1,3})$/,
    accepted: '`latest` or a version such as `528.0.0`',
  },
  eksctl: {
    re: /^(?:latest|v?[0-9]{1,3}\.[0-9]{1,4}\.[0-9]{1,4})$/,
    accepted: '`latest` or a version such as `0.230.0`',
  },
  kubectl: {
    re: /^(?:latest|v?1\.[0-9]{1,2}(?:\.[0-9]{1,3})?)$/,
    accepted: '`latest`, a minor such as `1.33` or an exact version such as `1.33.4`',
  },
};

const LIMITS = {
  nodes: { min: 0, max: 1000 },
  maxPods: { min: 8, max: 256 },
  diskSizeGb: { gcp: { min: 10, max: 65536 }, aws: { min: 1, max: 16384 } },
} as const;

const REGION_FORM: Record<Provider, RegExp> = { gcp: GCP_REGION, aws: AWS_REGION };
export const REGION_TABLES: Record<Provider, RegionTable> = { gcp: GCP_REGIONS, aws: AWS_REGIONS };
const PROVIDER_NAME: Record<Provider, string> = { gcp: 'a GCP', aws: 'an AWS' };

// --- parsing ----------------------------------------------------------------------------------------

function oneOf<T extends string>(input: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, value, `one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
}

function integer(input: InputName, value: string, min: number, max: number): number {
  if (!/^[0-9]{1,9}$/.test(value)) throw new InputError(input, value, `a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError(input, value, `a whole number from ${min} to ${max}`);
  return n;
}

/** Strict booleans, as YAML 1.2's core schema spells them (the same set as core.getBooleanInput). */
function boolean(input: InputName, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(input, value, '`true` or `false`');
}

function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0 && !DNS_SUBDOMAIN.test(prefix)) return `label key prefix '${prefix}' is not a DNS subdomain`;
  if (!LABEL_NAME.test(name)) return `label name '${name}' is not 1-63 letters, digits, '-', '_' or '.'`;
  if (/(^|\.)(kubernetes\.io|k8s\.io)$/.test(prefix)) return `label prefix '${prefix}' is reserved for Kubernetes`;
  return undefined;
}

/**
 * The `key=value` items of a comma- or newline-separated list input, trimmed, empty items skipped; an item
 * without a key before its `=` is one InputError with the accepted form.
 */
function* keyValueItems(input: InputName, value: string, accepted: string): Generator<[string, string]> {
  for (const raw of value.split(/[,\n]/)) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    if (eq <= 0) throw new InputError(input, value, accepted);
    yield [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
  }
}

/** `key=value` pairs separated by commas or newlines. */
export function parseLabels(input: InputName, value: string, role: PoolRole): Record<string, string> {
  const accepted =
    'comma-separated `key=value` Kubernetes labels (e.g. `gitpod.io/workload_services=true`), each key once';
  const labels: Record<string, string> = {};
  for (const [key, val] of keyValueItems(input, value, accepted)) {
    const problem =
      labelKeyProblem(key) ??
      (LABEL_VALUE.test(val)
        ? undefined
        : `label value '${val}' is not valid: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty)`);
    if (problem) throw new InputError(input, value, `${accepted}; ${problem}`);
    if (key in labels) throw new InputError(input, value, `${accepted}; '${key}' appears twice`);
    const reference = POOL_LABELS[role][key];
    if (reference !== undefined && reference !== val) {
      throw new InputError(
        input,
        value,
        `${accepted}; '${key}' is a reference label of this pool and must stay '${reference}'`,
      );
    }
    labels[key] = val;
  }
  return labels;
}

/** An IAM role ARN in any partition (aws, aws-cn, aws-us-gov …), as EKS access entries take it. */
const IAM_ROLE_ARN = /^arn:aws[-a-z]*:iam::[0-9]{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Comma- or newline-separated IAM role ARNs, each once. */
export function parseRoleArns(input: InputName, value: string): string[] {
  const accepted =
    'comma-separated IAM role ARNs such as `arn:aws:iam::123456789012:role/gitpod-drift-check`, each once';
  const arns: string[] = [];
  for (const raw of value.split(/[,\n]/)) {
    const arn = raw.trim();
    if (!arn) continue;
    if (!IAM_ROLE_ARN.test(arn) || arn.includes('//') || arn.endsWith('/'))
      throw new InputError(input, value, `${accepted}; ${showValue(arn)} is not one`);
    if (arns.includes(arn)) throw new InputError(input, value, `${accepted}; ${showValue(arn)} appears twice`);
    arns.push(arn);
  }
  return arns;
}

/** AWS tag rules: key 1-128 and value 0-256 characters of letters, digits, spaces and `_.:/=+-@`; no `aws:` prefix. */
const AWS_TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const AWS_TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
/** eksctl adds its own tags (alpha.eksctl.io/…, eksctl.cluster.k8s.io/…) to the 50 a resource may carry. */
const AWS_TAG_MAX = 40;

/** `key=value` AWS tags separated by commas or newlines. */
export function parseAwsTags(input: InputName, value: string): Record<string, string> {
  const accepted = `comma-separated \`key=value\` AWS tags (e.g. \`department=cs,project=gitpod\`), each key once, at most ${AWS_TAG_MAX}`;
  const tags: Record<string, string> = {};
  for (const [key, val] of keyValueItems(input, value, accepted)) {
    const problem = !AWS_TAG_KEY.test(key)
      ? `tag key '${key}' is not 1-128 letters, digits, spaces or \`_.:/=+-@\``
      : /^aws:/i.test(key)
        ? `tag key '${key}' starts with \`aws:\`, which AWS reserves`
        : !AWS_TAG_VALUE.test(val)
          ? `tag value '${val}' is not 0-256 letters, digits, spaces or \`_.:/=+-@\``
          : Object.hasOwn(tags, key)
            ? `'${key}' appears twice`
            : undefined;
    if (problem) throw new InputError(input, value, `${accepted}; ${problem}`);
    Object.defineProperty(tags, key, { value: val, enumerable: true, writable: true, configurable: true });
  }
  if (Object.keys(tags).length > AWS_TAG_MAX) throw new InputError(input, value, accepted);
  if (!Object.keys(tags).length) throw new InputError(input, value, accepted);
  return tags;
}

/**
 * `node-locations`: comma-separated zones of the region, each once. A region in the table takes only its
 * own zones; a region newer than the table takes zones of its form (`<region>-a` / `<region>a`). EKS needs
 * at least two (eksctl's MinRequiredAvailabilityZones).
 */
export function parseNodeLocations(provider: Provider, region: string, value: string): string[] {
  const table = REGION_TABLES[provider];
  const known = zonesOf(table, region);
  const example = known ? known.slice(0, 2).join(',') : `${table.zoneName(region, 'a')},${table.zoneName(region, 'b')}`;
  const accepted = `comma-separated zones of region ${region}${known ? ` (${known.join(', ')})` : ''}, each once, e.g. \`${example}\``;
  const zones: string[] = [];
  for (const raw of value.split(/[,\n]/)) {
    const zone = raw.trim();
    if (!zone) continue;
    const inRegion = known
      ? known.includes(zone)
      : new RegExp(`^${region}${provider === 'gcp' ? '-' : ''}[a-z]$`).test(zone);
    if (!inRegion)
      throw new InputError(
        'node-locations',
        value,
        `${accepted}; ${showValue(zone)} is not ${table.zoneForm.replace('the region', `region ${region}`)}`,
      );
    if (zones.includes(zone))
      throw new InputError('node-locations', value, `${accepted}; ${showValue(zone)} appears twice`);
    zones.push(zone);
  }
  if (provider === 'aws' && zones.length > 0 && zones.length < EKSCTL_MIN_ZONES) {
    throw new InputError(
      'node-locations',
      value,
      `${accepted}; eksctl needs at least ${EKSCTL_MIN_ZONES} availability zones`,
    );
  }
  return zones;
}

function envProject(env: NodeJS.ProcessEnv): string {
  return env.CLOUDSDK_CORE_PROJECT || env.GOOGLE_CLOUD_PROJECT || env.GCLOUD_PROJECT || '';
}

/** Turns the raw inputs into a Config, or throws the first InputError. Pure: no I/O. */
export function parseConfig(readInput: InputReader, env: NodeJS.ProcessEnv = process.env): Config {
  const explicit = new Set<InputName>();
  const read: InputReader = (name) => {
    const value = readInput(name);
    if (value) explicit.add(name);
    return value;
  };
  const provider = oneOf('provider', read('provider'), PROVIDERS);
  const command = oneOf('command', read('command') || 'apply', COMMANDS);
  const seed = seedFor(provider);

  const clusterName = read('cluster-name') || 'gitpod';
  if (provider === 'gcp' && !GKE_CLUSTER_NAME.test(clusterName)) {
    throw new InputError(
      'cluster-name',
      clusterName,
      `a GKE cluster name: 1-40 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (this one has ${clusterName.length} characters)`,
    );
  }
  if (provider === 'aws' && !EKS_CLUSTER_NAME.test(clusterName)) {
    throw new InputError(
      'cluster-name',
      clusterName,
      'an EKS cluster name eksctl accepts: 1-100 letters, digits and hyphens, starting with a letter',
    );
  }

  let region = read('region');
  const regionDefaulted = !region;
  if (!region) {
    if (command !== 'plan') {
      const accepted = provider === 'gcp' ? 'a GCP region such as `us-central1`' : 'an AWS region such as `eu-west-1`';
      throw new InputError('region', region, `${accepted} (required for \`${command}\`)`);
    }
    region = seed.region;
  }
  const other = provider === 'gcp' ? 'aws' : 'gcp';
  if (
    REGION_TABLES[other].regions[region] ||
    (!REGION_FORM[provider].test(region) && REGION_FORM[other].test(region))
  ) {
    throw new InputError(
      'region',
      region,
      `${PROVIDER_NAME[provider]} region such as \`${seed.region}\`: \`${region}\` is ${PROVIDER_NAME[other]} region; provider is ${provider}`,
    );
  }
  if (provider === 'gcp' && !GCP_REGION.test(region)) {
    throw new InputError(
      'region',
      region,
      'a GCP region such as `us-central1` or `europe-west4` (a region, not a zone)',
    );
  }
  if (provider === 'aws' && !AWS_REGION.test(region)) {
    throw new InputError('region', region, 'an AWS region such as `eu-west-1` or `us-gov-west-1`');
  }

  const nodeLocations = parseNodeLocations(provider, region, read('node-locations'));

  let project = '';
  if (provider === 'gcp') {
    project = read('project') || envProject(env);
    if (!project) {
      throw new InputError(
        'project',
        '',
        'a GCP project ID, as the input or in CLOUDSDK_CORE_PROJECT, GOOGLE_CLOUD_PROJECT or GCLOUD_PROJECT (google-github-actions/auth sets them)',
      );
    }
    if (!GCP_PROJECT.test(project)) {
      throw new InputError(
        'project',
        project,
        'a GCP project ID: 6-30 lowercase letters, digits and hyphens, starting with a letter',
      );
    }
  }

  const kubernetesVersion = read('kubernetes-version') || 'latest';
  if (!KUBE_VERSION[provider].re.test(kubernetesVersion)) {
    throw new InputError('kubernetes-version', kubernetesVersion, KUBE_VERSION[provider].accepted);
  }
  const versionProblem = kubernetesMinorProblem(provider, kubernetesVersion);
  if (versionProblem) throw new InputError('kubernetes-version', kubernetesVersion, versionProblem);

  const machineType = provider === 'gcp' ? GCP_MACHINE_TYPE : AWS_INSTANCE_TYPE;
  const machineAccepted =
    provider === 'gcp' ? 'a GCE machine type such as `n2d-standard-8`' : 'an EC2 instance type such as `m6i.xlarge`';
  const pools = {} as Record<PoolRole, PoolConfig>;
  for (const role of POOL_ROLES) {
    const base = seed.pools[role];
    const typeInput = `${role}-machine-type` as const;
    const type = read(typeInput) || base.machineType;
    if (!machineType.test(type)) throw new InputError(typeInput, type, machineAccepted);

    const minInput = `${role}-min-nodes` as const;
    const maxInput = `${role}-max-nodes` as const;
    const minRaw = read(minInput);
    const maxRaw = read(maxInput);
    const minNodes = minRaw ? integer(minInput, minRaw, LIMITS.nodes.min, LIMITS.nodes.max) : base.minNodes;
    const maxNodes = maxRaw ? integer(maxInput, maxRaw, 1, LIMITS.nodes.max) : base.maxNodes;
    if (minNodes > maxNodes) {
      const which = minRaw ? minInput : maxInput;
      throw new InputError(
        which,
        minRaw ? minRaw : maxRaw,
        // A value the user did not give is named as the default it is (`services-max-nodes (default 4)`).
        `${minInput} (${minRaw ? '' : 'default '}${minNodes}) at most ${maxInput} (${maxRaw ? '' : 'default '}${maxNodes})`,
      );
    }

    const extraInput = `${role}-extra-labels` as const;
    const extraLabels = parseLabels(extraInput, read(extraInput), role);
    pools[role] = {
      role,
      name: base.name,
      machineType: type,
      minNodes,
      maxNodes,
      labels: { ...POOL_LABELS[role], ...extraLabels },
      extraLabels,
    };
  }

  const diskRaw = read('disk-size-gb');
  const diskLimits = LIMITS.diskSizeGb[provider];
  const diskSizeGb = diskRaw ? integer('disk-size-gb', diskRaw, diskLimits.min, diskLimits.max) : seed.diskSizeGb;

  const maxPodsRaw = read('max-pods');
  const maxPods = maxPodsRaw
    ? integer('max-pods', maxPodsRaw, LIMITS.maxPods.min, LIMITS.maxPods.max)
    : REFERENCE_MAX_PODS;

  const network = oneOf('network', read('network') || 'calico', NETWORKS);
  const calicoVersion = read('calico-version');
  if (calicoVersion && !/^v3\.[0-9]{1,3}\.[0-9]{1,3}$/.test(calicoVersion)) {
    throw new InputError('calico-version', calicoVersion, 'a Calico release such as `v3.32.1`');
  }
  const eksctlConfigPath = read('eksctl-config');
  if (provider === 'gcp') {
    if (eksctlConfigPath)
      throw new InputError('eksctl-config', eksctlConfigPath, 'no value with `provider: gcp` (AWS only)');
    if (network !== 'calico')
      throw new InputError(
        'network',
        network,
        'no value with `provider: gcp` (AWS only; GKE uses its own network policy)',
      );
    if (calicoVersion)
      throw new InputError('calico-version', calicoVersion, 'no value with `provider: gcp` (AWS only)');
  }

  const supportTypeRaw = read('eks-support-type');
  const supportType = oneOf('eks-support-type', supportTypeRaw || 'standard', SUPPORT_TYPES);
  const viewerRaw = read('viewer-role-arns');
  const viewerRoleArns = parseRoleArns('viewer-role-arns', viewerRaw);
  const tagsRaw = read('cluster-tags');
  const clusterTags = tagsRaw ? parseAwsTags('cluster-tags', tagsRaw) : { ...AWS.clusterTags };
  if (provider === 'gcp') {
    // `standard` is action.yml's default, which the runner passes on GCP too.
    for (const [input, value] of [
      ['eks-support-type', supportTypeRaw === 'standard' ? '' : supportTypeRaw],
      ['viewer-role-arns', viewerRaw],
      ['cluster-tags', tagsRaw],
    ] as const) {
      if (value) throw new InputError(input, value, 'no value with `provider: gcp` (AWS only)');
    }
  }

  const tools: ToolVersions = { gcloud: '', eksctl: '', kubectl: '' };
  for (const tool of ['gcloud', 'eksctl', 'kubectl'] as const) {
    const input = `${tool}-version` as const;
    const v = read(input);
    if (v && !TOOL_VERSION[tool].re.test(v)) throw new InputError(input, v, TOOL_VERSION[tool].accepted);
    tools[tool] = v;
  }

  const toolMirror = read('tool-mirror');
  if (toolMirror) {
    let url: URL | undefined;
    try {
      url = new URL(toolMirror);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
      throw new InputError('tool-mirror', toolMirror, 'an http(s) base URL such as `https://mirror.example.com`');
    }
  }

  const useRunnerToolsRaw = read('use-runner-tools');
  const useRunnerTools = useRunnerToolsRaw ? boolean('use-runner-tools', useRunnerToolsRaw) : false;

  const failOnDriftRaw = read('fail-on-drift');
  const failOnDrift = failOnDriftRaw ? boolean('fail-on-drift', failOnDriftRaw) : true;

  const confirmDestroy = read('confirm-destroy');
  if (command === 'destroy' && confirmDestroy !== clusterName) {
    throw new InputError(
      'confirm-destroy',
      confirmDestroy,
      `the cluster name \`${clusterName}\` to confirm \`destroy\``,
    );
  }

  const tempDir = env.RUNNER_TEMP || os.tmpdir();
  const kubeconfigPath = read('kubeconfig-path') || path.join(tempDir, `${clusterName}.kubeconfig`);
  const kubeconfig = read('kubeconfig');
  for (const [input, value] of [
    ['kubeconfig-path', kubeconfigPath],
    ['kubeconfig', kubeconfig],
    ['eksctl-config', eksctlConfigPath],
  ] as const) {
    if (/[\0\n\r]/.test(value)) throw new InputError(input, value, 'a file path without NUL or line breaks');
  }

  return {
    provider,
    command,
    clusterName,
    region,
    regionDefaulted,
    nodeLocations,
    project,
    kubernetesVersion,
    pools,
    diskSizeGb,
    maxPods,
    calicoVersion,
    network,
    eksctlConfigPath,
    supportType,
    viewerRoleArns,
    clusterTags,
    kubeconfig,
    kubeconfigPath,
    tools,
    toolMirror,
    useRunnerTools,
    failOnDrift,
    confirmDestroy,
    githubToken: read('github-token'),
    tempDir,
    explicit,
  };
}
