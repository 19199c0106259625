/**
 * What eksctl (the pinned 0.230.0) refuses beyond its schema, for the ClusterConfig the action gives it:
 * the rendered reference config with the user's `eksctl-config` overlay merged over it. Read from eksctl's
 * own checks (pkg/apis/eksctl.io/v1alpha5/validation.go: ValidateClusterConfig, ValidateVPCConfig,
 * ValidateManagedNodeGroup, IsInvalidNameArg; pkg/ctl/cmdutils/configfile.go: NewCreateClusterLoader).
 *
 * Two kinds of rule, both data:
 * - RENDERED_CONFLICTS: a field the action renders that eksctl refuses once the overlay makes a choice
 *   (IPv6, Outposts, a custom AMI, a launch template, Bottlerocket). When the overlay did not set the
 *   field itself, the rendered one is dropped (`dropRenderedConflicts`); when it did, it is refused.
 * - eksctlRefusals: what eksctl refuses outright, each with the field to change.
 * Every finding's path is into the merged document; aws.ts names it in the user's file.
 */
import type { SchemaPath } from './validate.js';

export interface Finding {
  /** Where, in the merged ClusterConfig. */
  path: SchemaPath;
  /** What is wrong and what to change, without the path. */
  message: string;
}

type Doc = Record<string, unknown>;

function isMap(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at `path`, or undefined. */
export function getPath(doc: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = doc;
  for (const p of path) {
    if (Array.isArray(at) && typeof p === 'number') at = at[p];
    else if (isMap(at) && typeof p === 'string' && Object.hasOwn(at, p)) at = at[p];
    else return undefined;
  }
  return at;
}

function deletePath(doc: unknown, path: readonly (string | number)[]): void {
  const parent = getPath(doc, path.slice(0, -1));
  const last = path.at(-1);
  if (isMap(parent) && typeof last === 'string') delete parent[last];
}

// eksctl's own predicates, by their names there -------------------------------------------------------

/** eksctl's IsInvalidNameArg: any character outside letters, digits and `-`. */
export const isInvalidNameArg = (name: string): boolean => /[^a-zA-Z0-9-]+/.test(name);
/** eksctl's IsEnabled / IsDisabled on a *bool: set and true / set and false. */
const isEnabled = (v: unknown) => v === true;
const isDisabled = (v: unknown) => v === false;
const nonEmptyList = (v: unknown) => Array.isArray(v) && v.length > 0;
const isSet = (v: unknown) => v !== undefined && v !== null;

/** SupportedAMIFamilies() of eksctl 0.230.0. */
const AMI_FAMILIES = {
  amazonLinux: ['AmazonLinux2023', 'AmazonLinux2'],
  ubuntu: [
    'UbuntuPro2604',
    'Ubuntu2604',
    'UbuntuPro2404',
    'Ubuntu2404',
    'UbuntuPro2204',
    'Ubuntu2204',
    'UbuntuPro2004',
    'Ubuntu2004',
  ],
  bottlerocket: ['Bottlerocket', 'BottlerocketFips'],
  windows: [
    'WindowsServer2019CoreContainer',
    'WindowsServer2019FullContainer',
    'WindowsServer2022CoreContainer',
    'WindowsServer2022FullContainer',
    'WindowsServer2025CoreContainer',
    'WindowsServer2025FullContainer',
  ],
} as const;
const ALL_AMI_FAMILIES: readonly string[] = Object.values(AMI_FAMILIES).flat();

/** eksctl's normalizeAMIFamily: the supported family equal ignoring case, else the value as given. */
export function amiFamilyOf(ng: Doc): string {
  const given = typeof ng.amiFamily === 'string' ? ng.amiFamily : '';
  return ALL_AMI_FAMILIES.find((f) => f.toLowerCase() === given.toLowerCase()) ?? given;
}
const isFamily = (kind: keyof typeof AMI_FAMILIES, family: string) =>
  (AMI_FAMILIES[kind] as readonly string[]).includes(family);

/** kubernetesNetworkConfig.ipFamily IPv6 (eksctl compares it ignoring case). */
export const ipv6 = (doc: Doc) =>
  String(getPath(doc, ['kubernetesNetworkConfig', 'ipFamily']) ?? '').toLowerCase() === 'ipv6';
/** eksctl's IsControlPlaneOnOutposts: `outpost.controlPlaneOutpostARN` set. */
export const onOutposts = (doc: Doc) => Boolean(getPath(doc, ['outpost', 'controlPlaneOutpostARN']));
const customAmi = (ng: Doc) => Boolean(ng.ami) && !isSet(ng.launchTemplate);
const launchTemplate = (ng: Doc) => isSet(ng.launchTemplate);

// Rendered fields eksctl refuses for the user's choice ---------------------------------------------

export interface RenderedConflict {
  /** The name this rule goes by (tests and the README use it). */
  name: string;
  /** The user's choice, as the message says it. */
  choice: string;
  /** The fields eksctl then refuses, relative to the cluster (or to each nodegroup with `nodegroup`). */
  fields: readonly (readonly string[])[];
  /** Whether eksctl refuses this field's value under that choice (eksctl's own test of it). */
  refuses: (value: unknown) => boolean;
  /** Per managed nodegroup (its path is managedNodeGroups[i]); else the cluster. */
  nodegroup?: boolean;
  applies: (doc: Doc, ng: Doc) => boolean;
  /** eksctl's words. */
  eksctl: string;
}

export const RENDERED_CONFLICTS: readonly RenderedConflict[] = [
  {
    name: 'ipv6-nat',
    choice: 'kubernetesNetworkConfig.ipFamily IPv6',
    fields: [['vpc', 'nat']],
    refuses: isSet,
    applies: ipv6,
    eksctl: 'setting NAT is not supported with IPv6',
  },
  {
    name: 'ipv6-auto-allocate',
    choice: 'kubernetesNetworkConfig.ipFamily IPv6',
    fields: [['vpc', 'autoAllocateIPv6']],
    refuses: isEnabled,
    applies: ipv6,
    eksctl: 'auto allocate ipv6 is not supported with IPv6',
  },
  {
    name: 'outposts-oidc',
    choice: 'a control plane on Outposts (outpost.controlPlaneOutpostARN)',
    fields: [['iam', 'withOIDC']],
    refuses: isEnabled,
    applies: onOutposts,
    eksctl: 'iam.withOIDC is not supported on Outposts',
  },
  {
    name: 'outposts-public-access-cidrs',
    choice: 'a control plane on Outposts (outpost.controlPlaneOutpostARN)',
    fields: [['vpc', 'publicAccessCIDRs']],
    refuses: nonEmptyList,
    applies: onOutposts,
    eksctl: 'publicAccessCIDRs is not supported on Outposts',
  },
  {
    name: 'outposts-auto-allocate',
    choice: 'a control plane on Outposts (outpost.controlPlaneOutpostARN)',
    fields: [['vpc', 'autoAllocateIPv6']],
    refuses: isEnabled,
    applies: onOutposts,
    eksctl: 'autoAllocateIPv6 is not supported on Outposts',
  },
  {
    name: 'outposts-public-endpoint',
    choice: 'a control plane on Outposts (outpost.controlPlaneOutpostARN)',
    fields: [['vpc', 'clusterEndpoints', 'publicAccess']],
    refuses: isEnabled,
    applies: onOutposts,
    eksctl: 'clusterEndpoints.publicAccess cannot be enabled for a cluster on Outposts',
  },
  {
    name: 'outposts-addons',
    choice: 'a control plane on Outposts (outpost.controlPlaneOutpostARN)',
    fields: [['addons']],
    refuses: nonEmptyList,
    applies: onOutposts,
    eksctl: 'Addons are not supported on Outposts',
  },
  {
    name: 'custom-ami-max-pods',
    choice: 'a custom AMI (ami)',
    fields: [['maxPodsPerNode']],
    refuses: (v) => isSet(v) && v !== 0,
    nodegroup: true,
    applies: (_doc, ng) => customAmi(ng),
    eksctl: 'maxPodsPerNode is not supported when using a custom AMI',
  },
  {
    name: 'launch-template-volumeSize',
    choice: 'a launch template (launchTemplate)',
    fields: [['volumeSize']],
    refuses: isSet,
    nodegroup: true,
    applies: (_doc, ng) => launchTemplate(ng),
    eksctl: 'cannot set volumeSize in managedNodeGroup when a launch template is supplied',
  },
  {
    name: 'launch-template-maxPodsPerNode',
    choice: 'a launch template (launchTemplate)',
    fields: [['maxPodsPerNode']],
    refuses: (v) => isSet(v) && v !== 0,
    nodegroup: true,
    applies: (_doc, ng) => launchTemplate(ng),
    eksctl: 'cannot set maxPodsPerNode in managedNodeGroup when a launch template is supplied',
  },
  {
    name: 'launch-template-preBootstrapCommands',
    choice: 'a launch template (launchTemplate)',
    fields: [['preBootstrapCommands']],
    refuses: nonEmptyList,
    nodegroup: true,
    applies: (_doc, ng) => launchTemplate(ng),
    eksctl: 'cannot set preBootstrapCommands in managedNodeGroup when a launch template is supplied',
  },
  {
    name: 'launch-template-disableIMDSv1',
    choice: 'a launch template (launchTemplate)',
    fields: [['disableIMDSv1']],
    refuses: isDisabled,
    nodegroup: true,
    applies: (_doc, ng) => launchTemplate(ng),
    eksctl: 'cannot set disableIMDSv1 in managedNodeGroup when a launch template is supplied',
  },
  {
    name: 'bottlerocket-bootstrap',
    choice: 'amiFamily Bottlerocket',
    fields: [['preBootstrapCommands']],
    refuses: isSet,
    nodegroup: true,
    applies: (_doc, ng) => isFamily('bottlerocket', amiFamilyOf(ng)),
    eksctl: 'preBootstrapCommands is not supported for Bottlerocket nodegroups',
  },
  {
    name: 'instance-type-single',
    choice: 'instanceType',
    fields: [['instanceTypes']],
    refuses: nonEmptyList,
    nodegroup: true,
    applies: (_doc, ng) => Boolean(ng.instanceType),
    eksctl: 'only one of instanceType or instanceTypes can be specified',
  },
  {
    name: 'volume-type-iops',
    choice: 'a volumeType other than io1, io2 or gp3',
    fields: [['volumeIOPS']],
    refuses: isSet,
    nodegroup: true,
    applies: (_doc, ng) => isSet(ng.volumeType) && !['io1', 'io2', 'gp3'].includes(String(ng.volumeType)),
    eksctl: 'volumeIOPS is only supported for io1, io2 and gp3 volume types',
  },
  {
    name: 'volume-type-throughput',
    choice: 'a volumeType other than gp3',
    fields: [['volumeThroughput']],
    refuses: isSet,
    nodegroup: true,
    applies: (_doc, ng) => isSet(ng.volumeType) && ng.volumeType !== 'gp3',
    eksctl: 'volumeThroughput is only supported for gp3 volume type',
  },
  {
    name: 'instance-role-attach-policies',
    choice: 'iam.instanceRoleARN (the role must carry the policies)',
    fields: [['iam', 'attachPolicyARNs']],
    refuses: nonEmptyList,
    nodegroup: true,
    applies: (_doc, ng) => Boolean(getPath(ng, ['iam', 'instanceRoleARN'])),
    eksctl: 'iam.instanceRoleARN and iam.attachPolicyARNs cannot be set at the same time',
  },
  {
    name: 'fully-private-endpoints',
    choice: 'a fully-private cluster (privateCluster.enabled)',
    fields: [['vpc', 'clusterEndpoints']],
    refuses: isSet,
    applies: (doc) => isEnabled(getPath(doc, ['privateCluster', 'enabled'])),
    eksctl:
      'vpc.clusterEndpoints cannot be set for a fully-private cluster (privateCluster.enabled) as the endpoint access defaults to private-only',
  },
];

/** Every (rule, path) that applies to `doc` and whose field eksctl refuses there. */
function conflicts(doc: Doc): { rule: RenderedConflict; path: SchemaPath }[] {
  const found: { rule: RenderedConflict; path: SchemaPath }[] = [];
  const groups = Array.isArray(doc.managedNodeGroups) ? doc.managedNodeGroups : [];
  for (const rule of RENDERED_CONFLICTS) {
    const scopes: { ng: Doc; at: SchemaPath }[] = rule.nodegroup
      ? groups.flatMap((ng, i) => (isMap(ng) ? [{ ng, at: ['managedNodeGroups', i] as SchemaPath }] : []))
      : [{ ng: {}, at: [] }];
    for (const { ng, at } of scopes) {
      if (!rule.applies(doc, ng)) continue;
      for (const field of rule.fields) {
        const path = [...at, ...field];
        if (rule.refuses(getPath(doc, path))) found.push({ rule, path });
      }
    }
  }
  return found;
}

/**
 * Drops each rendered field eksctl refuses for the overlay's choices, where the overlay did not set that
 * field itself (`setByUser` says, for a merged path). Returns what was dropped, for `plan` to say.
 */
export function dropRenderedConflicts(doc: Doc, setByUser: (path: SchemaPath) => boolean): string[] {
  const dropped: string[] = [];
  for (const { rule, path } of conflicts(doc)) {
    if (setByUser(path)) continue;
    deletePath(doc, path);
    dropped.push(`${pathText(path)} (${rule.name}: ${rule.eksctl})`);
  }
  return dropped;
}

const pathText = (p: SchemaPath) =>
  p.reduce<string>((acc, x) => (typeof x === 'number' ? `${acc}[${x}]` : `${acc}${acc ? '.' : ''}${x}`), '');

// What eksctl refuses outright ---------------------------------------------------------------------

/**
 * The first thing eksctl would refuse in `doc` (after the rendered conflicts were dropped), with the field
 * to change; undefined when there is none. `gitpodPools` are the names of the action's two nodegroups.
 */
export function eksctlRefusal(
  doc: Doc,
  gitpodPools: readonly string[],
  kubernetesVersion = 'latest',
): Finding | undefined {
  const [conflict] = conflicts(doc);
  if (conflict) {
    return {
      path: conflict.path,
      message: `eksctl refuses it with ${conflict.rule.choice} ("${conflict.rule.eksctl}"): remove it`,
    };
  }
  if (onOutposts(doc)) {
    return {
      path: ['outpost', 'controlPlaneOutpostARN'],
      message: `eksctl does not support managed nodegroups with the control plane on Outposts, and the Gitpod pools (${gitpodPools.join(', ')}) are managed nodegroups: remove \`outpost\``,
    };
  }
  if (isEnabled(getPath(doc, ['autoModeConfig', 'enabled']))) {
    return {
      path: ['autoModeConfig', 'enabled'],
      message: `eksctl refuses nodegroups in the cluster config of an Auto Mode cluster, and the Gitpod pools (${gitpodPools.join(', ')}) are managed nodegroups: set it to false or remove autoModeConfig`,
    };
  }
  const iam = isMap(doc.iam) ? doc.iam : {};
  if (isDisabled(iam.withOIDC) && nonEmptyList(iam.serviceAccounts)) {
    return {
      path: ['iam', 'withOIDC'],
      message:
        'eksctl creates iam.serviceAccounts (the reference renders some) only with OIDC ("iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created"): set it to true',
    };
  }
  if (isDisabled(iam.withOIDC) && isSet(doc.karpenter)) {
    return { path: ['iam', 'withOIDC'], message: 'eksctl demands it with Karpenter: set it to true' };
  }
  const endpoints = getPath(doc, ['vpc', 'clusterEndpoints']);
  if (isMap(endpoints) && isDisabled(endpoints.publicAccess) && isDisabled(endpoints.privateAccess)) {
    return {
      path: ['vpc', 'clusterEndpoints'],
      message:
        'eksctl demands public or private access ("Kubernetes API access must have one of public or private clusterEndpoints enabled")',
    };
  }
  const names = new Set<string>();
  for (const list of ['managedNodeGroups', 'nodeGroups'] as const) {
    const groups = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
    for (const [i, item] of groups.entries()) {
      if (!isMap(item)) continue;
      const problem = nodegroupRefusal(item, list === 'managedNodeGroups', kubernetesVersion);
      if (problem) return { path: [list, i, ...problem.path], message: problem.message };
      const name = String(item.name ?? '');
      if (names.has(name)) {
        return { path: [list, i, 'name'], message: `${JSON.stringify(name)} is not unique across the nodegroups` };
      }
      names.add(name);
    }
  }
  if (ipv6(doc)) {
    const addons = Array.isArray(doc.addons) ? (doc.addons as unknown[]) : [];
    const auto = isEnabled(getPath(doc, ['autoModeConfig', 'enabled']));
    if (!auto && !addons.some((a) => isMap(a) && a.name === 'coredns')) {
      return {
        path: ['kubernetesNetworkConfig', 'ipFamily'],
        message: 'eksctl demands the core addons for IPv6 ("missing addon(s): coredns"): add a `coredns` addon',
      };
    }
  }
  return undefined;
}

/** eksctl's AmazonLinux2EOLVersion: no AmazonLinux2 nodes from this Kubernetes minor on. */
const AL2_EOL_VERSION = [1, 33] as const;

/** Whether the kubernetes-version input is at or past AL2's end; `latest` is (the pinned eksctl offers 1.33+). */
function pastAl2(kubernetesVersion: string): boolean {
  if (kubernetesVersion === 'latest') return true;
  const [major = 0, minor = 0] = kubernetesVersion.split('.').map(Number);
  return major > AL2_EOL_VERSION[0] || (major === AL2_EOL_VERSION[0] && minor >= AL2_EOL_VERSION[1]);
}

/** eksctl's per-nodegroup checks that can fail on an overlay; path relative to the nodegroup. */
function nodegroupRefusal(ng: Doc, managed: boolean, kubernetesVersion: string): Finding | undefined {
  const name = String(ng.name ?? '');
  if (isInvalidNameArg(name)) {
    return {
      path: ['name'],
      message: `${JSON.stringify(name)} is not a nodegroup name eksctl accepts (letters, digits and hyphens only)`,
    };
  }
  const family = amiFamilyOf(ng);
  if (family && !ALL_AMI_FAMILIES.includes(family)) {
    return { path: ['amiFamily'], message: `eksctl supports ${ALL_AMI_FAMILIES.join(', ')}` };
  }
  if (ng.ami && !family && !launchTemplate(ng)) {
    return { path: ['amiFamily'], message: 'must be set with a custom AMI (ami), as eksctl requires' };
  }
  // SetNodeGroupDefaults / SetManagedNodeGroupDefaults (a managed one only without its own AMI).
  if (family === 'AmazonLinux2' && (!managed || !ng.ami) && pastAl2(kubernetesVersion)) {
    return {
      path: ['amiFamily'],
      message: `eksctl refuses AmazonLinux2 for Kubernetes ${AL2_EOL_VERSION.join('.')} and later (kubernetes-version ${kubernetesVersion}): use AmazonLinux2023, or an older kubernetes-version`,
    };
  }
  // ValidateNodeGroup: an unmanaged nodegroup's own AMI needs its bootstrap command but on AL2023, Bottlerocket, Windows.
  if (
    !managed &&
    ng.ami &&
    !isSet(ng.overrideBootstrapCommand) &&
    family !== 'AmazonLinux2023' &&
    !isFamily('bottlerocket', family) &&
    !isFamily('windows', family)
  ) {
    return {
      path: ['overrideBootstrapCommand'],
      message: `is required with a custom AMI (ami) based on ${family}, as eksctl requires`,
    };
  }
  if (managed && isSet(ng.overrideBootstrapCommand) && isFamily('bottlerocket', family)) {
    return { path: ['overrideBootstrapCommand'], message: 'is not supported for Bottlerocket nodegroups: remove it' };
  }
  if (managed && isSet(ng.overrideBootstrapCommand) && isFamily('windows', family)) {
    return { path: ['overrideBootstrapCommand'], message: 'is not supported for Windows nodegroups: remove it' };
  }
  if (managed && launchTemplate(ng)) {
    const lt = ng.launchTemplate as Doc;
    if (lt.version !== undefined && !(/^[0-9]+$/.test(String(lt.version)) && Number(lt.version) >= 1)) {
      return { path: ['launchTemplate', 'version'], message: 'must be a launch template version number, 1 or more' };
    }
    const incompatible: [string, (v: unknown) => boolean][] = [
      ['instanceType', Boolean],
      ['ami', Boolean],
      ['overrideBootstrapCommand', isSet],
      ['instanceName', Boolean],
      ['instancePrefix', Boolean],
      ['disablePodIMDS', isEnabled],
      ['placement', isSet],
    ];
    for (const [field, set] of incompatible) {
      if (set(ng[field])) return { path: [field], message: 'cannot be set with a launch template (launchTemplate)' };
    }
    for (const field of ['allow', 'enableSSM'])
      if (isEnabled(getPath(ng, ['ssh', field])))
        return { path: ['ssh', field], message: 'cannot be set with a launch template (launchTemplate)' };
    for (const [a, b] of [
      ['ssh', 'sourceSecurityGroupIds'],
      ['securityGroups', 'attachIDs'],
    ] as const)
      if (nonEmptyList(getPath(ng, [a, b])))
        return { path: [a, b], message: 'cannot be set with a launch template (launchTemplate)' };
  } else if (managed && ng.ami) {
    if (!String(ng.ami).startsWith('ami-')) return { path: ['ami'], message: 'is not an AMI ID (ami-…)' };
    if (!isFamily('amazonLinux', family) && !isFamily('bottlerocket', family) && !isFamily('ubuntu', family)) {
      return {
        path: ['amiFamily'],
        message: 'with a custom AMI a managed nodegroup must be Amazon Linux, Bottlerocket or Ubuntu',
      };
    }
    if (!isSet(ng.overrideBootstrapCommand) && family !== 'AmazonLinux2023' && !isFamily('bottlerocket', family)) {
      return {
        path: ['overrideBootstrapCommand'],
        message: `is required with a custom AMI (ami) based on ${family}, as eksctl requires (or use AmazonLinux2023 or Bottlerocket)`,
      };
    }
    if (ng.releaseVersion) return { path: ['releaseVersion'], message: 'is not supported with a custom AMI (ami)' };
    if (isEnabled(getPath(ng, ['ssh', 'enableSSM'])))
      return { path: ['ssh', 'enableSSM'], message: 'is not supported with a custom AMI (ami)' };
  } else if (managed && isSet(ng.overrideBootstrapCommand) && family !== 'AmazonLinux2023') {
    return {
      path: ['overrideBootstrapCommand'],
      message: 'can only be set with a custom AMI (ami) or amiFamily AmazonLinux2023, as eksctl requires',
    };
  }
  const volume = volumeRefusal(ng);
  if (volume) return volume;
  const label = labelRefusal(ng.labels);
  if (label) return label;
  if (!managed && isSet(ng.bottlerocket) && !isFamily('bottlerocket', family)) {
    return { path: ['bottlerocket'], message: 'can only be used with amiFamily Bottlerocket or BottlerocketFips' };
  }
  return undefined;
}

/** eksctl's validateVolumeOpts ranges (MinGP3Iops … MaxThroughput). */
const VOLUME_RANGES: Readonly<Record<string, { iops?: [number, number]; throughput?: [number, number] }>> = {
  gp3: { iops: [3000, 16000], throughput: [125, 1000] },
  io1: { iops: [100, 64000] },
  io2: { iops: [100, 256000] },
};

function volumeRefusal(ng: Doc): Finding | undefined {
  const range = VOLUME_RANGES[isSet(ng.volumeType) ? String(ng.volumeType) : 'gp3'];
  for (const [field, key] of [
    ['volumeIOPS', 'iops'],
    ['volumeThroughput', 'throughput'],
  ] as const) {
    const value = ng[field];
    const [min, max] = range?.[key] ?? [];
    if (typeof value === 'number' && min !== undefined && (value < min || value > max!)) {
      return {
        path: [field],
        message: `must be within range ${min}-${max} for ${String(ng.volumeType ?? 'gp3')}, as eksctl requires`,
      };
    }
  }
  return undefined;
}

/** Label keys eksctl allows under kubernetes.io / k8s.io (the kubelet's own, kubeletapis.IsKubeletLabel). */
const KUBELET_LABELS = new Set([
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
]);
const KUBELET_LABEL_NAMESPACES = ['kubelet.kubernetes.io', 'node.kubernetes.io'];

/** eksctl's validateLabels: one `/` at most, and no key under kubernetes.io or k8s.io but the kubelet's. */
function labelRefusal(labels: unknown): Finding | undefined {
  if (!isMap(labels)) return undefined;
  for (const key of Object.keys(labels)) {
    const parts = key.split('/');
    if (parts.length > 2) return { path: ['labels', key], message: "a node label key can only use one '/' separator" };
    if (parts.length < 2) continue;
    const ns = parts[0]!;
    const reserved = ['kubernetes.io', 'k8s.io'].some((d) => ns === d || ns.endsWith(`.${d}`));
    const kubelet = KUBELET_LABELS.has(key) || KUBELET_LABEL_NAMESPACES.some((d) => ns === d || ns.endsWith(`.${d}`));
    if (reserved && !kubelet) {
      return {
        path: ['labels', key],
        message: 'eksctl refuses nodegroup labels with the reserved prefixes kubernetes.io/ and k8s.io/',
      };
    }
  }
  return undefined;
}

/**
 * A managed nodegroup EKS will report as amiType CUSTOM: eksctl writes an image into its launch template, for
 * `ami` or a family EKS has no AMI type of (Ubuntu: eksctl resolves Canonical's image). `eksctl upgrade
 * nodegroup --kubernetes-version` refuses those (pkg/actions/nodegroup/upgrade.go), so apply replaces them.
 */
export function customAmiNodegroup(ng: Doc): boolean {
  return Boolean(ng.ami) || isFamily('ubuntu', amiFamilyOf(ng));
}

/** A Gitpod pool whose image comes from the user (custom AMI or launch template): eksctl sets no max pods. */
export function ownImage(ng: Doc): 'ami' | 'launchTemplate' | undefined {
  if (launchTemplate(ng)) return 'launchTemplate';
  if (ng.ami) return 'ami';
  return undefined;
}
