export const id = 187;
export const ids = [187];
export const modules = {

/***/ 1048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jy: () => (/* binding */ eksctlRefusal),
/* harmony export */   QB: () => (/* binding */ ownImage),
/* harmony export */   UP: () => (/* binding */ dropRenderedConflicts),
/* harmony export */   qj: () => (/* binding */ customAmiNodegroup)
/* harmony export */ });
/* unused harmony exports getPath, isInvalidNameArg, amiFamilyOf, ipv6, onOutposts, RENDERED_CONFLICTS */
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The value at `path`, or undefined. */
function getPath(doc, path) {
    let at = doc;
    for (const p of path) {
        if (Array.isArray(at) && typeof p === 'number')
            at = at[p];
        else if (isMap(at) && typeof p === 'string' && Object.hasOwn(at, p))
            at = at[p];
        else
            return undefined;
    }
    return at;
}
function deletePath(doc, path) {
    const parent = getPath(doc, path.slice(0, -1));
    const last = path.at(-1);
    if (isMap(parent) && typeof last === 'string')
        delete parent[last];
}
// eksctl's own predicates, by their names there -------------------------------------------------------
/** eksctl's IsInvalidNameArg: any character outside letters, digits and `-`. */
const isInvalidNameArg = (name) => /[^a-zA-Z0-9-]+/.test(name);
/** eksctl's IsEnabled / IsDisabled on a *bool: set and true / set and false. */
const isEnabled = (v) => v === true;
const isDisabled = (v) => v === false;
const nonEmptyList = (v) => Array.isArray(v) && v.length > 0;
const isSet = (v) => v !== undefined && v !== null;
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
};
const ALL_AMI_FAMILIES = Object.values(AMI_FAMILIES).flat();
/** eksctl's normalizeAMIFamily: the supported family equal ignoring case, else the value as given. */
function amiFamilyOf(ng) {
    const given = typeof ng.amiFamily === 'string' ? ng.amiFamily : '';
    return ALL_AMI_FAMILIES.find((f) => f.toLowerCase() === given.toLowerCase()) ?? given;
}
const isFamily = (kind, family) => AMI_FAMILIES[kind].includes(family);
/** kubernetesNetworkConfig.ipFamily IPv6 (eksctl compares it ignoring case). */
const ipv6 = (doc) => String(getPath(doc, ['kubernetesNetworkConfig', 'ipFamily']) ?? '').toLowerCase() === 'ipv6';
/** eksctl's IsControlPlaneOnOutposts: `outpost.controlPlaneOutpostARN` set. */
const onOutposts = (doc) => Boolean(getPath(doc, ['outpost', 'controlPlaneOutpostARN']));
const customAmi = (ng) => Boolean(ng.ami) && !isSet(ng.launchTemplate);
const launchTemplate = (ng) => isSet(ng.launchTemplate);
const RENDERED_CONFLICTS = [
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
        eksctl: 'vpc.clusterEndpoints cannot be set for a fully-private cluster (privateCluster.enabled) as the endpoint access defaults to private-only',
    },
];
/** Every (rule, path) that applies to `doc` and whose field eksctl refuses there. */
function conflicts(doc) {
    const found = [];
    const groups = Array.isArray(doc.managedNodeGroups) ? doc.managedNodeGroups : [];
    for (const rule of RENDERED_CONFLICTS) {
        const scopes = rule.nodegroup
            ? groups.flatMap((ng, i) => (isMap(ng) ? [{ ng, at: ['managedNodeGroups', i] }] : []))
            : [{ ng: {}, at: [] }];
        for (const { ng, at } of scopes) {
            if (!rule.applies(doc, ng))
                continue;
            for (const field of rule.fields) {
                const path = [...at, ...field];
                if (rule.refuses(getPath(doc, path)))
                    found.push({ rule, path });
            }
        }
    }
    return found;
}
/**
 * Drops each rendered field eksctl refuses for the overlay's choices, where the overlay did not set that
 * field itself (`setByUser` says, for a merged path). Returns what was dropped, for `plan` to say.
 */
function dropRenderedConflicts(doc, setByUser) {
    const dropped = [];
    for (const { rule, path } of conflicts(doc)) {
        if (setByUser(path))
            continue;
        deletePath(doc, path);
        dropped.push(`${pathText(path)} (${rule.name}: ${rule.eksctl})`);
    }
    return dropped;
}
const pathText = (p) => p.reduce((acc, x) => (typeof x === 'number' ? `${acc}[${x}]` : `${acc}${acc ? '.' : ''}${x}`), '');
// What eksctl refuses outright ---------------------------------------------------------------------
/**
 * The first thing eksctl would refuse in `doc` (after the rendered conflicts were dropped), with the field
 * to change; undefined when there is none. `gitpodPools` are the names of the action's two nodegroups.
 */
function eksctlRefusal(doc, gitpodPools, kubernetesVersion = 'latest') {
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
            message: 'eksctl creates iam.serviceAccounts (the reference renders some) only with OIDC ("iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created"): set it to true',
        };
    }
    if (isDisabled(iam.withOIDC) && isSet(doc.karpenter)) {
        return { path: ['iam', 'withOIDC'], message: 'eksctl demands it with Karpenter: set it to true' };
    }
    const endpoints = getPath(doc, ['vpc', 'clusterEndpoints']);
    if (isMap(endpoints) && isDisabled(endpoints.publicAccess) && isDisabled(endpoints.privateAccess)) {
        return {
            path: ['vpc', 'clusterEndpoints'],
            message: 'eksctl demands public or private access ("Kubernetes API access must have one of public or private clusterEndpoints enabled")',
        };
    }
    const names = new Set();
    for (const list of ['managedNodeGroups', 'nodeGroups']) {
        const groups = Array.isArray(doc[list]) ? doc[list] : [];
        for (const [i, item] of groups.entries()) {
            if (!isMap(item))
                continue;
            const problem = nodegroupRefusal(item, list === 'managedNodeGroups', kubernetesVersion);
            if (problem)
                return { path: [list, i, ...problem.path], message: problem.message };
            const name = String(item.name ?? '');
            if (names.has(name)) {
                return { path: [list, i, 'name'], message: `${JSON.stringify(name)} is not unique across the nodegroups` };
            }
            names.add(name);
        }
    }
    if (ipv6(doc)) {
        const addons = Array.isArray(doc.addons) ? doc.addons : [];
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
const AL2_EOL_VERSION = [1, 33];
/** Whether the kubernetes-version input is at or past AL2's end; `latest` is (the pinned eksctl offers 1.33+). */
function pastAl2(kubernetesVersion) {
    if (kubernetesVersion === 'latest')
        return true;
    const [major = 0, minor = 0] = kubernetesVersion.split('.').map(Number);
    return major > AL2_EOL_VERSION[0] || (major === AL2_EOL_VERSION[0] && minor >= AL2_EOL_VERSION[1]);
}
/** eksctl's per-nodegroup checks that can fail on an overlay; path relative to the nodegroup. */
function nodegroupRefusal(ng, managed, kubernetesVersion) {
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
    if (!managed &&
        ng.ami &&
        !isSet(ng.overrideBootstrapCommand) &&
        family !== 'AmazonLinux2023' &&
        !isFamily('bottlerocket', family) &&
        !isFamily('windows', family)) {
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
        const lt = ng.launchTemplate;
        if (lt.version !== undefined && !(/^[0-9]+$/.test(String(lt.version)) && Number(lt.version) >= 1)) {
            return { path: ['launchTemplate', 'version'], message: 'must be a launch template version number, 1 or more' };
        }
        const incompatible = [
            ['instanceType', Boolean],
            ['ami', Boolean],
            ['overrideBootstrapCommand', isSet],
            ['instanceName', Boolean],
            ['instancePrefix', Boolean],
            ['disablePodIMDS', isEnabled],
            ['placement', isSet],
        ];
        for (const [field, set] of incompatible) {
            if (set(ng[field]))
                return { path: [field], message: 'cannot be set with a launch template (launchTemplate)' };
        }
        for (const field of ['allow', 'enableSSM'])
            if (isEnabled(getPath(ng, ['ssh', field])))
                return { path: ['ssh', field], message: 'cannot be set with a launch template (launchTemplate)' };
        for (const [a, b] of [
            ['ssh', 'sourceSecurityGroupIds'],
            ['securityGroups', 'attachIDs'],
        ])
            if (nonEmptyList(getPath(ng, [a, b])))
                return { path: [a, b], message: 'cannot be set with a launch template (launchTemplate)' };
    }
    else if (managed && ng.ami) {
        if (!String(ng.ami).startsWith('ami-'))
            return { path: ['ami'], message: 'is not an AMI ID (ami-…)' };
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
        if (ng.releaseVersion)
            return { path: ['releaseVersion'], message: 'is not supported with a custom AMI (ami)' };
        if (isEnabled(getPath(ng, ['ssh', 'enableSSM'])))
            return { path: ['ssh', 'enableSSM'], message: 'is not supported with a custom AMI (ami)' };
    }
    else if (managed && isSet(ng.overrideBootstrapCommand) && family !== 'AmazonLinux2023') {
        return {
            path: ['overrideBootstrapCommand'],
            message: 'can only be set with a custom AMI (ami) or amiFamily AmazonLinux2023, as eksctl requires',
        };
    }
    const volume = volumeRefusal(ng);
    if (volume)
        return volume;
    const label = labelRefusal(ng.labels);
    if (label)
        return label;
    if (!managed && isSet(ng.bottlerocket) && !isFamily('bottlerocket', family)) {
        return { path: ['bottlerocket'], message: 'can only be used with amiFamily Bottlerocket or BottlerocketFips' };
    }
    return undefined;
}
/** eksctl's validateVolumeOpts ranges (MinGP3Iops … MaxThroughput). */
const VOLUME_RANGES = {
    gp3: { iops: [3000, 16000], throughput: [125, 1000] },
    io1: { iops: [100, 64000] },
    io2: { iops: [100, 256000] },
};
function volumeRefusal(ng) {
    const range = VOLUME_RANGES[isSet(ng.volumeType) ? String(ng.volumeType) : 'gp3'];
    for (const [field, key] of [
        ['volumeIOPS', 'iops'],
        ['volumeThroughput', 'throughput'],
    ]) {
        const value = ng[field];
        const [min, max] = range?.[key] ?? [];
        if (typeof value === 'number' && min !== undefined && (value < min || value > max)) {
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
function labelRefusal(labels) {
    if (!isMap(labels))
        return undefined;
    for (const key of Object.keys(labels)) {
        const parts = key.split('/');
        if (parts.length > 2)
            return { path: ['labels', key], message: "a node label key can only use one '/' separator" };
        if (parts.length < 2)
            continue;
        const ns = parts[0];
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
function customAmiNodegroup(ng) {
    return Boolean(ng.ami) || isFamily('ubuntu', amiFamilyOf(ng));
}
/** A Gitpod pool whose image comes from the user (custom AMI or launch template): eksctl sets no max pods. */
function ownImage(ng) {
    if (launchTemplate(ng))
        return 'launchTemplate';
    if (ng.ami)
        return 'ami';
    return undefined;
}


/***/ }),

/***/ 23187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  awsProvider: () => (/* binding */ awsProvider)
});

// EXTERNAL MODULE: ./src/markdown.ts
var markdown = __webpack_require__(83758);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/regions.ts
var regions = __webpack_require__(75374);
// EXTERNAL MODULE: ./src/providers/aws/plan.ts + 2 modules
var plan = __webpack_require__(17504);
// EXTERNAL MODULE: ./src/providers/aws/machines.ts
var machines = __webpack_require__(29212);
// EXTERNAL MODULE: ./src/providers/aws/regions.ts
var aws_regions = __webpack_require__(19941);
;// CONCATENATED MODULE: ./src/providers/aws/footprint.ts





/** eksctl's defaults for a nodegroup's root volume (pkg/apis/eksctl.io/v1alpha5/types.go: DefaultNodeVolumeSize, DefaultNodeVolumeType, DefaultNodeVolumeGP3IOPS, DefaultNodeVolumeThroughput). */
const EKSCTL_VOLUME_DEFAULTS = { volumeSize: 80, volumeType: 'gp3', volumeIOPS: 3000, volumeThroughput: 125 };
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v, fallback) => (typeof v === 'number' ? v : fallback);
function awsLayout(config, doc = (0,plan/* renderClusterConfig */.ZR)(config, {})) {
    const azs = Array.isArray(doc.availabilityZones) ? doc.availabilityZones : [];
    const zones = azs.length || (0,aws_regions/* eksctlDefaultZoneCount */.LV)(config.region, (0,regions/* zonesOf */.j)(aws_regions/* AWS_REGIONS */.m_, config.region)?.length);
    const vpc = isMap(doc.vpc) ? doc.vpc : {};
    const gateway = isMap(vpc.nat) ? vpc.nat.gateway : undefined;
    const natGateways = vpc.id ? 0 : gateway === 'Disable' ? 0 : gateway === 'HighlyAvailable' ? zones : 1;
    const roleOf = (name) => reference/* POOL_ROLES */.Fe.find((r) => config.pools[r].name === name) ?? 'other';
    const pools = [];
    for (const list of ['managedNodeGroups', 'nodeGroups']) {
        for (const ng of (doc[list] ?? [])) {
            const types = Array.isArray(ng.instanceTypes) ? ng.instanceTypes : [];
            const min = num(ng.minSize, num(ng.desiredCapacity, 2));
            const max = num(ng.maxSize, Math.max(min, num(ng.desiredCapacity, 2)));
            const d = EKSCTL_VOLUME_DEFAULTS;
            const type = typeof ng.volumeType === 'string' ? ng.volumeType : d.volumeType;
            pools.push({
                role: roleOf(ng.name),
                name: String(ng.name),
                machineType: String(types[0] ?? ng.instanceType ?? 'm5.large'),
                minNodes: min,
                maxNodes: max,
                initialNodes: num(ng.desiredCapacity, min),
                perZone: false,
                disk: {
                    type,
                    sizeGb: num(ng.volumeSize, d.volumeSize),
                    ...(type === 'gp3'
                        ? { iops: num(ng.volumeIOPS, d.volumeIOPS), throughputMBps: num(ng.volumeThroughput, d.volumeThroughput) }
                        : {}),
                },
                externalIpPerNode: ng.privateNetworking !== true,
            });
        }
    }
    return { zones, zoneNames: azs, natGateways, pools };
}
const AWS_FOOTPRINT = { layout: (config) => awsLayout(config), shape: machines/* awsMachineShape */.K };

;// CONCATENATED MODULE: ./src/providers/aws/prices.ts
const US = {
    machineHour: {
        'm5.large': 0.096,
        'm5.xlarge': 0.192,
        'm5.2xlarge': 0.384,
        'm5.4xlarge': 0.768,
        'm6i.large': 0.096,
        'm6i.xlarge': 0.192,
        'm6i.2xlarge': 0.384,
        'm6i.4xlarge': 0.768,
        'm6i.8xlarge': 1.536,
        'm7i.large': 0.1008,
        'm7i.xlarge': 0.2016,
        'm7i.2xlarge': 0.4032,
        'm7i.4xlarge': 0.8064,
        'c6i.large': 0.085,
        'c6i.xlarge': 0.17,
        'c6i.2xlarge': 0.34,
        'c6i.4xlarge': 0.68,
    },
    disk: {
        gp3: { gbMonth: 0.08, iopsMonth: 0.005, freeIops: 3000, throughputMBpsMonth: 0.04, freeThroughputMBps: 125 },
    },
    clusterHour: 0.1,
    clusterExtendedHour: 0.6,
    natGatewayHour: 0.045,
    externalIpHour: 0.005,
};
const EU_WEST_1 = {
    machineHour: {
        'm5.large': 0.107,
        'm5.xlarge': 0.214,
        'm5.2xlarge': 0.428,
        'm5.4xlarge': 0.856,
        'm6i.large': 0.107,
        'm6i.xlarge': 0.214,
        'm6i.2xlarge': 0.428,
        'm6i.4xlarge': 0.856,
        'm6i.8xlarge': 1.712,
        'c6i.large': 0.096,
        'c6i.xlarge': 0.192,
        'c6i.2xlarge': 0.384,
        'c6i.4xlarge': 0.768,
    },
    disk: {
        gp3: { gbMonth: 0.088, iopsMonth: 0.0055, freeIops: 3000, throughputMBpsMonth: 0.044, freeThroughputMBps: 125 },
    },
    clusterHour: 0.1,
    clusterExtendedHour: 0.6,
    natGatewayHour: 0.048,
    externalIpHour: 0.005,
};
const AWS_PRICES = {
    currency: 'USD',
    date: '2026-12-07',
    sources: [
        'https://aws.amazon.com/ec2/pricing/on-demand/',
        'https://aws.amazon.com/ebs/pricing/',
        'https://aws.amazon.com/eks/pricing/',
        'https://aws.amazon.com/vpc/pricing/',
    ],
    clusterFeeName: 'EKS cluster',
    regions: { 'us-east-1': US, 'us-east-2': US, 'us-west-2': US, 'eu-west-1': EU_WEST_1 },
    usageBilled: ['NAT gateway data processing, network egress and load balancers (billed by use)'],
};

// EXTERNAL MODULE: ./src/verify/checks.ts + 1 modules
var checks = __webpack_require__(81612);
;// CONCATENATED MODULE: ./src/providers/aws/network.ts


async function eksNetworkFacts(config, observed, kube) {
    if (config.network !== 'calico')
        return {};
    const { awsNode, installation } = reference/* AWS */.kS.calico;
    // `get` answers undefined on 404, also when the Installation kind itself is not served (no tigera operator).
    const [ds, inst] = await Promise.all([
        kube.get({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: awsNode.name, namespace: awsNode.namespace }),
        kube.get({ apiVersion: installation.apiVersion, kind: installation.kind, name: installation.metadata.name }),
    ]);
    const running = inst?.status?.calicoVersion;
    return {
        awsNodePresent: ds !== undefined,
        calicoInstallation: inst !== undefined,
        ...(observed.network.vpcCniAddon ? { vpcCniAddon: observed.network.vpcCniAddon } : {}),
        ...(typeof running === 'string' && running ? { calicoVersion: running } : {}),
    };
}
function checkEksNetwork(config, facts) {
    const errors = [];
    if (config.network === 'calico') {
        const { awsNode, installation } = reference/* AWS */.kS.calico;
        if (facts.awsNodePresent) {
            errors.push((0,checks/* error */.z3)(`the AWS VPC CNI daemonset ${awsNode.namespace}/${awsNode.name} is still present`));
        }
        if (facts.vpcCniAddon) {
            const { version, status } = facts.vpcCniAddon;
            const shown = [version, status].filter(Boolean).join(', ');
            errors.push((0,checks/* error */.z3)(`the ${reference/* AWS */.kS.vpcCniAddon} EKS add-on is installed${shown ? ` (${shown})` : ''}: an add-on update brings aws-node back beside Calico; delete the add-on (\`eksctl delete addon --cluster ${config.clusterName} --region ${config.region} --name ${reference/* AWS */.kS.vpcCniAddon}\`)`));
        }
        if (!facts.calicoInstallation) {
            errors.push((0,checks/* error */.z3)(`no Calico ${installation.kind} named ${installation.metadata.name} (${installation.apiVersion})`));
        }
    }
    return (0,checks/* item */.AS)('network', errors);
}

;// CONCATENATED MODULE: ./src/providers/aws/differences.ts


const shown = (v) => JSON.stringify(v ?? null);
/**
 * The EKS cluster's own settings the ClusterConfig renders. The upgrade policy: eksctl (0.230) has no
 * command that changes it on an existing cluster and `apply` changes the cloud through eksctl only, so a
 * difference is reported here with the AWS CLI command that fixes it.
 */
function eksClusterDifferences(config, observed) {
    const out = [];
    const wanted = reference/* AWS */.kS.supportTypes[config.supportType];
    const found = observed.eks?.supportType;
    if (found !== undefined && found !== wanted) {
        out.push((0,checks/* error */.z3)(`cluster ${config.clusterName}: upgrade policy support type is ${shown(found)}, wanted ${shown(wanted)} (eks-support-type: ${config.supportType}); ` +
            `run \`aws eks update-cluster-config --name ${config.clusterName} --region ${config.region} --upgrade-policy supportType=${wanted}\``));
    }
    return out;
}

// EXTERNAL MODULE: ./src/providers/aws/upgrade.ts
var upgrade = __webpack_require__(39340);
;// CONCATENATED MODULE: ./src/providers/aws/index.ts
/**
 * EKS, as one `Provider`: the flow `plan` prints (providers/aws/plan.ts: the steps and the rendered eksctl
 * ClusterConfig, the upgrade round of providers/aws/upgrade.ts), `apply` (providers/aws/apply.ts) and the
 * cloud view (providers/aws/cloud.ts), both loaded with their SDK only when a command needs them,
 * `destroy`'s step and what it leaves, the desired nodegroups and how EKS changes an existing one.
 * Everything about EKS is in this folder (eksctl's schema and rules in eksctl/).
 */









const MINUTE = 60_000;
const awsProvider = {
    name: 'aws',
    platform: 'EKS',
    destroyTool: 'eksctl',
    networkIsDrift: false,
    plan: (config) => {
        const { doc, notes, dropped } = (0,plan/* clusterConfigResult */.c)(config, {});
        return {
            steps: [...(0,plan/* awsSteps */.TR)(config, {}), ...(0,upgrade/* eksPlannedUpgrade */.Qh)(config, doc)],
            eksctlConfig: (0,plan/* clusterConfigYaml */.UZ)(config, doc),
            notes,
            dropped,
            clusterConfig: doc,
        };
    },
    apply: async (config, io) => (await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(892), __webpack_require__.e(368), __webpack_require__.e(285)]).then(__webpack_require__.bind(__webpack_require__, 96368))).applyFlow(config, io),
    preflight: async (config, log) => (await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.bind(__webpack_require__, 55711))).awsPreflight(config, log),
    cloud: async (config, log) => (await __webpack_require__.e(/* import() */ 389).then(__webpack_require__.bind(__webpack_require__, 389))).awsCloud(config, log),
    destroySteps: (config) => [
        {
            id: 'delete-cluster',
            description: `Delete EKS cluster ${config.clusterName} in ${config.region}, its nodegroups and eksctl's CloudFormation stacks`,
            argv: ['eksctl', 'delete', 'cluster', `--name=${config.clusterName}`, `--region=${config.region}`, '--wait'],
            timeoutMs: 90 * MINUTE,
        },
    ],
    leftovers: (config) => [
        `The CloudWatch log group /aws/eks/${config.clusterName}/cluster (kept by AWS after the cluster is gone).`,
        'EBS volumes of PersistentVolumes with reclaim policy Retain, and load balancers whose Services were not deleted first.',
        `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
    ],
    desiredPools: plan/* awsDesiredPools */.P,
    fixes: plan/* awsFixes */.Hv,
    clusterDifferences: eksClusterDifferences,
    where: (config) => config.region,
    settingsFacts: (config) => ({ where: '', extra: `, network ${(0,markdown/* mdCode */.xs)(config.network)}`, perZone: '' }),
    networkFacts: eksNetworkFacts,
    checkNetwork: checkEksNetwork,
    calicoPin: (config, facts) => config.network === 'calico' && facts.calicoInstallation
        ? { installed: facts.calicoVersion, pinned: config.calicoVersion || reference/* DEFAULT_CALICO_VERSION */.Dt }
        : undefined,
    estimate: { footprint: AWS_FOOTPRINT, prices: AWS_PRICES, regions: aws_regions/* AWS_REGIONS */.m_, layoutOf: awsLayout },
    estimateConfig: (config) => {
        if (!config.eksctlConfigPath)
            return undefined;
        try {
            return (0,plan/* clusterConfigFor */.CR)(config, {});
        }
        catch {
            return undefined;
        }
    },
    notFound: (config) => `EKS cluster ${config.clusterName} not found in region ${config.region}: check cluster-name, region`,
};


/***/ }),

/***/ 29212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ awsMachineShape)
/* harmony export */ });
/** vCPUs of each size name. */
const SIZES = {
    large: 2,
    xlarge: 4,
    '2xlarge': 8,
    '4xlarge': 16,
    '8xlarge': 32,
    '12xlarge': 48,
    '16xlarge': 64,
    '24xlarge': 96,
    '32xlarge': 128,
    '48xlarge': 192,
};
/** Per family: GiB of memory per vCPU and the largest size offered. */
const FAMILIES = {
    m5: { gbPerVcpu: 4, sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'] },
    m5a: {
        gbPerVcpu: 4,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'],
    },
    m6i: {
        gbPerVcpu: 4,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
    },
    m6a: {
        gbPerVcpu: 4,
        sizes: [
            'large',
            'xlarge',
            '2xlarge',
            '4xlarge',
            '8xlarge',
            '12xlarge',
            '16xlarge',
            '24xlarge',
            '32xlarge',
            '48xlarge',
        ],
    },
    m7i: {
        gbPerVcpu: 4,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
    },
    m7a: {
        gbPerVcpu: 4,
        sizes: [
            'large',
            'xlarge',
            '2xlarge',
            '4xlarge',
            '8xlarge',
            '12xlarge',
            '16xlarge',
            '24xlarge',
            '32xlarge',
            '48xlarge',
        ],
    },
    c6i: {
        gbPerVcpu: 2,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
    },
    c7i: {
        gbPerVcpu: 2,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
    },
    r6i: {
        gbPerVcpu: 8,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
    },
    r7i: {
        gbPerVcpu: 8,
        sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
    },
};
function awsMachineShape(instanceType) {
    const [family, size] = instanceType.split('.');
    const rule = FAMILIES[family ?? ''];
    if (!rule || !size || !rule.sizes.includes(size))
        return undefined;
    const vcpus = SIZES[size];
    return { vcpus, memoryGb: vcpus * rule.gbPerVcpu };
}


/***/ }),

/***/ 17504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ awsDesiredPools),
  Hv: () => (/* binding */ awsFixes),
  TR: () => (/* binding */ awsSteps),
  pN: () => (/* binding */ calicoManifestUrls),
  wR: () => (/* binding */ calicoVersion),
  CR: () => (/* binding */ clusterConfigFor),
  c: () => (/* binding */ clusterConfigResult),
  UZ: () => (/* binding */ clusterConfigYaml),
  bU: () => (/* binding */ clusterCreateConfig),
  vg: () => (/* binding */ eksctlClusterConfigFile),
  $o: () => (/* binding */ eksctlConfigFile),
  ZR: () => (/* binding */ renderClusterConfig),
  $H: () => (/* binding */ viewerRbacObjects)
});

// UNUSED EXPORTS: AWS_STEP_IDS, calicoManifestUrl, isBareCluster, mergeClusterConfig, overlayPathOf, readOverlay, scaleNodegroupArgv, setLabelsArgv, unsetLabelsArgv, validateClusterConfig, viewerAccessEntries

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/desired.ts
var desired = __webpack_require__(73761);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(38422);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/record.ts
var record = __webpack_require__(94846);
// EXTERNAL MODULE: ./src/providers/aws/eksctl/rules.ts
var rules = __webpack_require__(1048);
;// CONCATENATED MODULE: ./src/providers/aws/eksctl/schema.ts
/** The eksctl release this schema is of. */
const EKSCTL_SCHEMA_VERSION = '0.230.0';
// prettier-ignore
const EKSCTL_SCHEMA = { "$ref": "#/definitions/ClusterConfig", "definitions": { "ARN": { "$ref": "#/definitions/github.com|aws|aws-sdk-go-v2|aws|arn.ARN" }, "AZSubnetMapping": { "additionalProperties": { "$ref": "#/definitions/AZSubnetSpec" }, "type": "object" }, "AZSubnetSpec": { "properties": { "az": { "type": "string" }, "cidr": { "$ref": "#/definitions/github.com|weaveworks|eksctl|pkg|utils|ipnet.IPNet" }, "id": { "type": "string" } }, "additionalProperties": false }, "AccessConfig": { "properties": { "accessEntries": { "items": { "$ref": "#/definitions/AccessEntry" }, "type": "array" }, "authenticationMode": { "$ref": "#/definitions/github.com|aws|aws-sdk-go-v2|service|eks|types.AuthenticationMode" }, "bootstrapClusterCreatorAdminPermissions": { "type": "boolean" } }, "additionalProperties": false }, "AccessEntry": { "properties": { "accessPolicies": { "items": { "$ref": "#/definitions/AccessPolicy" }, "type": "array" }, "kubernetesGroups": { "items": { "type": "string" }, "type": "array" }, "kubernetesUsername": { "type": "string" }, "principalARN": { "$ref": "#/definitions/ARN" }, "type": { "type": "string" } }, "additionalProperties": false }, "AccessPolicy": { "properties": { "accessScope": { "$ref": "#/definitions/AccessScope" }, "policyARN": { "$ref": "#/definitions/ARN" } }, "additionalProperties": false }, "AccessScope": { "properties": { "namespaces": { "items": { "type": "string" }, "type": "array" }, "type": { "$ref": "#/definitions/github.com|aws|aws-sdk-go-v2|service|eks|types.AccessScopeType" } }, "additionalProperties": false }, "Addon": { "required": ["name"], "properties": { "attachPolicy": { "$ref": "#/definitions/InlineDocument" }, "attachPolicyARNs": { "items": { "type": "string" }, "type": "array" }, "configurationValues": { "type": "string" }, "name": { "type": "string" }, "namespaceConfig": { "$ref": "#/definitions/AddonNamespaceConfig" }, "owners": { "items": { "type": "string" }, "type": "array" }, "permissionsBoundary": { "type": "string" }, "podIdentityAssociations": { "items": { "$ref": "#/definitions/PodIdentityAssociation" }, "type": "array" }, "publishers": { "items": { "type": "string" }, "type": "array" }, "resolveConflicts": { "$ref": "#/definitions/github.com|aws|aws-sdk-go-v2|service|eks|types.ResolveConflicts" }, "serviceAccountRoleARN": { "type": "string" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "types": { "items": { "type": "string" }, "type": "array" }, "useDefaultPodIdentityAssociations": { "type": "boolean" }, "version": { "type": "string" }, "wellKnownPolicies": { "$ref": "#/definitions/WellKnownPolicies" } }, "additionalProperties": false }, "AddonNamespaceConfig": { "properties": { "namespace": { "type": "string" } }, "additionalProperties": false }, "AddonsConfig": { "properties": { "autoApplyPodIdentityAssociations": { "type": "boolean" }, "disableDefaultAddons": { "type": "boolean" } }, "additionalProperties": false }, "ArgoCDAWSIDC": { "required": ["idcInstanceArn"], "properties": { "idcInstanceArn": { "type": "string" }, "idcRegion": { "type": "string" } }, "additionalProperties": false }, "ArgoCDConfiguration": { "properties": { "awsIdc": { "$ref": "#/definitions/ArgoCDAWSIDC" }, "namespace": { "type": "string" }, "networkAccess": { "$ref": "#/definitions/ArgoCDNetworkAccess" }, "rbacRoleMappings": { "items": { "$ref": "#/definitions/ArgoCDRoleMapping" }, "type": "array" } }, "additionalProperties": false }, "ArgoCDNetworkAccess": { "properties": { "vpceIds": { "items": { "type": "string" }, "type": "array" } }, "additionalProperties": false }, "ArgoCDRoleMapping": { "required": ["role", "identities"], "properties": { "identities": { "items": { "$ref": "#/definitions/SSOIdentity" }, "type": "array" }, "role": { "type": "string" } }, "additionalProperties": false }, "AutoModeConfig": { "properties": { "enabled": { "type": "boolean" }, "nodePools": { "items": { "type": "string" }, "type": "array" }, "nodeRoleARN": { "$ref": "#/definitions/ARN" }, "permissionsBoundaryARN": { "$ref": "#/definitions/ARN" } }, "additionalProperties": false }, "Capability": { "required": ["name", "type"], "properties": { "accessPolicies": { "items": { "$ref": "#/definitions/AccessPolicy" }, "type": "array" }, "attachPolicy": { "$ref": "#/definitions/InlineDocument" }, "attachPolicyARNs": { "items": { "type": "string" }, "type": "array" }, "configuration": { "$ref": "#/definitions/CapabilityConfiguration" }, "deletePropagationPolicy": { "type": "string" }, "name": { "type": "string" }, "permissionsBoundary": { "type": "string" }, "roleArn": { "type": "string" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "type": { "type": "string" } }, "additionalProperties": false }, "CapabilityConfiguration": { "properties": { "argocd": { "$ref": "#/definitions/ArgoCDConfiguration" } }, "additionalProperties": false }, "CapacityReservation": { "properties": { "capacityReservationPreference": { "type": "string" }, "capacityReservationTarget": { "$ref": "#/definitions/CapacityReservationTarget" } }, "additionalProperties": false }, "CapacityReservationTarget": { "properties": { "capacityReservationID": { "type": "string" }, "capacityReservationResourceGroupARN": { "type": "string" } }, "additionalProperties": false }, "ClusterCloudWatch": { "properties": { "clusterLogging": { "$ref": "#/definitions/ClusterCloudWatchLogging" } }, "additionalProperties": false }, "ClusterCloudWatchLogging": { "properties": { "enableTypes": { "items": { "type": "string", "enum": ["api", "audit", "authenticator", "controllerManager", "scheduler", "all", "*"] }, "type": "array" }, "logRetentionInDays": { "type": "integer" } }, "additionalProperties": false }, "ClusterConfig": { "required": ["metadata", "kind", "apiVersion"], "properties": { "accessConfig": { "$ref": "#/definitions/AccessConfig" }, "addons": { "items": { "$ref": "#/definitions/Addon" }, "type": "array" }, "addonsConfig": { "$ref": "#/definitions/AddonsConfig" }, "apiVersion": { "type": "string", "enum": ["eksctl.io/v1alpha5"] }, "autoModeConfig": { "$ref": "#/definitions/AutoModeConfig" }, "availabilityZones": { "items": { "type": "string" }, "type": "array" }, "capabilities": { "items": { "$ref": "#/definitions/Capability" }, "type": "array" }, "cloudWatch": { "$ref": "#/definitions/ClusterCloudWatch" }, "controlPlaneScalingConfig": { "$ref": "#/definitions/ControlPlaneScalingConfig" }, "fargateProfiles": { "items": { "$ref": "#/definitions/FargateProfile" }, "type": "array" }, "gitops": { "$ref": "#/definitions/GitOps" }, "iam": { "$ref": "#/definitions/ClusterIAM" }, "iamIdentityMappings": { "items": { "$ref": "#/definitions/IAMIdentityMapping" }, "type": "array" }, "identityProviders": { "items": { "$ref": "#/definitions/IdentityProvider" }, "type": "array" }, "karpenter": { "$ref": "#/definitions/Karpenter" }, "kind": { "type": "string", "enum": ["ClusterConfig"] }, "kubeAPIServerConfig": { "$ref": "#/definitions/KubeAPIServerConfig" }, "kubeControllerManagerConfig": { "$ref": "#/definitions/KubeControllerManagerConfig" }, "kubeSchedulerConfig": { "$ref": "#/definitions/KubeSchedulerConfig" }, "kubernetesNetworkConfig": { "$ref": "#/definitions/KubernetesNetworkConfig" }, "localZones": { "items": { "type": "string" }, "type": "array" }, "managedNodeGroups": { "items": { "$ref": "#/definitions/ManagedNodeGroup" }, "type": "array" }, "metadata": { "$ref": "#/definitions/ClusterMeta" }, "nodeGroups": { "items": { "$ref": "#/definitions/NodeGroup" }, "type": "array" }, "outpost": { "$ref": "#/definitions/Outpost" }, "privateCluster": { "$ref": "#/definitions/PrivateCluster" }, "remoteNetworkConfig": { "$ref": "#/definitions/RemoteNetworkConfig" }, "secretsEncryption": { "$ref": "#/definitions/SecretsEncryption" }, "upgradePolicy": { "$ref": "#/definitions/UpgradePolicy" }, "vpc": { "$ref": "#/definitions/ClusterVPC" }, "zonalShiftConfig": { "$ref": "#/definitions/ZonalShiftConfig" } }, "additionalProperties": false }, "ClusterEndpoints": { "properties": { "privateAccess": { "type": "boolean" }, "publicAccess": { "type": "boolean" } }, "additionalProperties": false }, "ClusterIAM": { "properties": { "fargatePodExecutionRoleARN": { "type": "string" }, "fargatePodExecutionRolePermissionsBoundary": { "type": "string" }, "podIdentityAssociations": { "items": { "$ref": "#/definitions/PodIdentityAssociation" }, "type": "array" }, "serviceAccounts": { "items": { "$ref": "#/definitions/ClusterIAMServiceAccount" }, "type": "array" }, "serviceRoleARN": { "type": "string" }, "serviceRolePermissionsBoundary": { "type": "string" }, "vpcResourceControllerPolicy": { "type": "boolean" }, "withOIDC": { "type": "boolean" } }, "additionalProperties": false }, "ClusterIAMMeta": { "properties": { "annotations": { "additionalProperties": { "type": "string" }, "type": "object" }, "labels": { "additionalProperties": { "type": "string" }, "type": "object" }, "name": { "type": "string" }, "namespace": { "type": "string" } }, "additionalProperties": false }, "ClusterIAMServiceAccount": { "properties": { "attachPolicy": { "$ref": "#/definitions/InlineDocument" }, "attachPolicyARNs": { "items": { "type": "string" }, "type": "array" }, "attachRoleARN": { "type": "string" }, "metadata": { "$ref": "#/definitions/ClusterIAMMeta" }, "permissionsBoundary": { "type": "string" }, "roleName": { "type": "string" }, "roleOnly": { "type": "boolean" }, "status": { "$ref": "#/definitions/ClusterIAMServiceAccountStatus" }, "subjectPattern": { "type": "string" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "wellKnownPolicies": { "$ref": "#/definitions/WellKnownPolicies" } }, "additionalProperties": false }, "ClusterIAMServiceAccountStatus": { "properties": { "capabilities": { "items": { "type": "string" }, "type": "array" }, "roleARN": { "type": "string" }, "stackName": { "type": "string" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" } }, "additionalProperties": false }, "ClusterMeta": { "required": ["name", "region"], "properties": { "annotations": { "additionalProperties": { "type": "string" }, "type": "object" }, "forceUpdateVersion": { "type": "boolean" }, "name": { "type": "string" }, "region": { "type": "string" }, "rollbackConfig": { "$ref": "#/definitions/RollbackConfig" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "version": { "type": "string" } }, "additionalProperties": false }, "ClusterNAT": { "properties": { "gateway": { "type": "string", "enum": ["HighlyAvailable", "Single", "Disable"] } }, "additionalProperties": false }, "ClusterSubnets": { "properties": { "private": { "$ref": "#/definitions/AZSubnetMapping" }, "public": { "$ref": "#/definitions/AZSubnetMapping" } }, "additionalProperties": false }, "ClusterVPC": { "properties": { "autoAllocateIPv6": { "type": "boolean" }, "cidr": { "$ref": "#/definitions/github.com|weaveworks|eksctl|pkg|utils|ipnet.IPNet" }, "clusterEndpoints": { "$ref": "#/definitions/ClusterEndpoints" }, "controlPlaneEgressMode": { "type": "string" }, "controlPlaneSecurityGroupIDs": { "items": { "type": "string" }, "type": "array" }, "controlPlaneSubnetIDs": { "items": { "type": "string" }, "type": "array" }, "extraCIDRs": { "items": { "type": "string" }, "type": "array" }, "extraIPv6CIDRs": { "items": { "type": "string" }, "type": "array" }, "hostnameType": { "type": "string" }, "id": { "type": "string" }, "ipv6Cidr": { "type": "string" }, "ipv6Pool": { "type": "string" }, "manageSharedNodeSecurityGroupRules": { "type": "boolean" }, "nat": { "$ref": "#/definitions/ClusterNAT" }, "publicAccessCIDRs": { "items": { "type": "string" }, "type": "array" }, "securityGroup": { "type": "string" }, "sharedNodeSecurityGroup": { "type": "string" }, "subnets": { "$ref": "#/definitions/ClusterSubnets" } }, "additionalProperties": false }, "ControlPlaneScalingConfig": { "properties": { "tier": { "type": "string" } }, "additionalProperties": false }, "FargateProfile": { "required": ["name"], "properties": { "name": { "type": "string" }, "podExecutionRoleARN": { "type": "string" }, "selectors": { "items": { "$ref": "#/definitions/FargateProfileSelector" }, "type": "array" }, "status": { "type": "string" }, "subnets": { "items": { "type": "string" }, "type": "array" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" } }, "additionalProperties": false }, "FargateProfileSelector": { "required": ["namespace"], "properties": { "labels": { "additionalProperties": { "type": "string" }, "type": "object" }, "namespace": { "type": "string" } }, "additionalProperties": false }, "Flux": { "properties": { "flags": { "$ref": "#/definitions/FluxFlags" }, "gitProvider": { "type": "string" } }, "additionalProperties": false }, "FluxFlags": { "additionalProperties": { "type": "string" }, "type": "object" }, "GitOps": { "properties": { "flux": { "$ref": "#/definitions/Flux" } }, "additionalProperties": false }, "HorizontalPodAutoscalerControllerConfig": { "properties": { "horizontalPodAutoscalerSyncPeriod": { "type": "string" } }, "additionalProperties": false }, "IAMIdentityMapping": { "properties": { "account": { "type": "string" }, "arn": { "type": "string" }, "groups": { "items": { "type": "string" }, "type": "array" }, "namespace": { "type": "string" }, "noDuplicateARNs": { "type": "boolean" }, "serviceName": { "type": "string" }, "username": { "type": "string" } }, "additionalProperties": false }, "IdentityProvider": { "required": ["type"], "properties": { "type": { "type": "string", "enum": ["oidc"] } }, "oneOf": [{ "$ref": "#/definitions/OIDCIdentityProvider" }] }, "InlineDocument": { "additionalProperties": {}, "type": "object" }, "InstanceMarketOptions": { "properties": { "marketType": { "type": "string" } }, "additionalProperties": false }, "InstanceSelector": { "properties": { "allow": { "type": "string" }, "cpuArchitecture": { "type": "string", "enum": ["x86_64", "amd64", "arm64"] }, "deny": { "type": "string" }, "gpus": { "type": "integer" }, "memory": { "type": "string" }, "neuron_devices": { "type": "integer" }, "vCPUs": { "type": "integer" } }, "additionalProperties": false }, "Karpenter": { "required": ["version"], "properties": { "createServiceAccount": { "type": "boolean" }, "defaultInstanceProfile": { "type": "string" }, "version": { "type": "string" }, "withSpotInterruptionQueue": { "type": "boolean" } }, "additionalProperties": false }, "KubeAPIServerConfig": { "properties": { "eventTTL": { "type": "string" }, "serviceNodePortRange": { "$ref": "#/definitions/ServiceNodePortRange" } }, "additionalProperties": false }, "KubeControllerManagerConfig": { "properties": { "horizontalPodAutoscalerControllerConfig": { "$ref": "#/definitions/HorizontalPodAutoscalerControllerConfig" } }, "additionalProperties": false }, "KubeSchedulerConfig": { "properties": { "nodeResourcesFit": { "$ref": "#/definitions/NodeResourcesFitConfig" } }, "additionalProperties": false }, "KubernetesNetworkConfig": { "properties": { "ipFamily": { "type": "string", "enum": ["IPv4", "IPv6"] }, "serviceIPv4CIDR": { "type": "string" }, "serviceIPv6CIDR": { "type": "string" } }, "additionalProperties": false }, "LaunchTemplate": { "required": ["id"], "properties": { "id": { "type": "string" }, "version": { "type": "string" } }, "additionalProperties": false }, "ManagedNodeGroup": { "required": ["name"], "properties": { "additionalVolumes": { "items": { "$ref": "#/definitions/VolumeMapping" }, "type": "array" }, "ami": { "type": "string" }, "amiFamily": { "type": "string", "enum": ["AmazonLinux2023", "AmazonLinux2", "UbuntuPro2604", "Ubuntu2604", "UbuntuPro2404", "Ubuntu2404", "UbuntuPro2204", "Ubuntu2204", "UbuntuPro2004", "Ubuntu2004", "Bottlerocket", "BottlerocketFips", "WindowsServer2019CoreContainer", "WindowsServer2019FullContainer", "WindowsServer2022CoreContainer", "WindowsServer2022FullContainer", "WindowsServer2025CoreContainer", "WindowsServer2025FullContainer"] }, "asgSuspendProcesses": { "items": { "type": "string" }, "type": "array" }, "availabilityZones": { "items": { "type": "string" }, "type": "array" }, "bottlerocket": { "$ref": "#/definitions/NodeGroupBottlerocket" }, "capacityReservation": { "$ref": "#/definitions/CapacityReservation" }, "desiredCapacity": { "type": "integer" }, "disableIMDSv1": { "type": "boolean" }, "disablePodIMDS": { "type": "boolean" }, "ebsOptimized": { "type": "boolean" }, "efaEnabled": { "type": "boolean" }, "enableDetailedMonitoring": { "type": "boolean" }, "iam": { "$ref": "#/definitions/NodeGroupIAM" }, "instanceMarketOptions": { "$ref": "#/definitions/InstanceMarketOptions" }, "instanceName": { "type": "string" }, "instancePrefix": { "type": "string" }, "instanceSelector": { "$ref": "#/definitions/InstanceSelector" }, "instanceType": { "type": "string" }, "instanceTypes": { "items": { "type": "string" }, "type": "array" }, "labels": { "additionalProperties": { "type": "string" }, "type": "object" }, "launchTemplate": { "$ref": "#/definitions/LaunchTemplate" }, "maxPodsPerNode": { "type": "integer" }, "maxSize": { "type": "integer" }, "minSize": { "type": "integer" }, "name": { "type": "string" }, "nodeRepairConfig": { "$ref": "#/definitions/NodeGroupNodeRepairConfig" }, "outpostARN": { "type": "string" }, "overrideBootstrapCommand": { "type": "string" }, "placement": { "$ref": "#/definitions/Placement" }, "preBootstrapCommands": { "items": { "type": "string" }, "type": "array" }, "privateNetworking": { "type": "boolean" }, "propagateASGTags": { "type": "boolean" }, "releaseVersion": { "type": "string" }, "securityGroups": { "$ref": "#/definitions/NodeGroupSGs" }, "spot": { "type": "boolean" }, "ssh": { "$ref": "#/definitions/NodeGroupSSH" }, "subnets": { "items": { "type": "string" }, "type": "array" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "taints": { "items": { "$ref": "#/definitions/NodeGroupTaint" }, "type": "array" }, "updateConfig": { "$ref": "#/definitions/NodeGroupUpdateConfig" }, "volumeEncrypted": { "type": "boolean" }, "volumeIOPS": { "type": "integer" }, "volumeKmsKeyID": { "type": "string" }, "volumeName": { "type": "string" }, "volumeSize": { "type": "integer" }, "volumeThroughput": { "type": "integer" }, "volumeType": { "type": "string", "enum": ["gp2", "gp3", "io1", "io2", "sc1", "st1"] } }, "additionalProperties": false }, "MetricsCollection": { "required": ["granularity"], "properties": { "granularity": { "type": "string" }, "metrics": { "items": { "type": "string" }, "type": "array" } }, "additionalProperties": false }, "NodeGroup": { "required": ["name"], "properties": { "additionalVolumes": { "items": { "$ref": "#/definitions/VolumeMapping" }, "type": "array" }, "ami": { "type": "string" }, "amiFamily": { "type": "string", "enum": ["AmazonLinux2023", "AmazonLinux2", "UbuntuPro2604", "Ubuntu2604", "UbuntuPro2404", "Ubuntu2404", "UbuntuPro2204", "Ubuntu2204", "UbuntuPro2004", "Ubuntu2004", "Bottlerocket", "BottlerocketFips", "WindowsServer2019CoreContainer", "WindowsServer2019FullContainer", "WindowsServer2022CoreContainer", "WindowsServer2022FullContainer", "WindowsServer2025CoreContainer", "WindowsServer2025FullContainer"] }, "asgMetricsCollection": { "items": { "$ref": "#/definitions/MetricsCollection" }, "type": "array" }, "asgSuspendProcesses": { "items": { "type": "string" }, "type": "array" }, "availabilityZones": { "items": { "type": "string" }, "type": "array" }, "bottlerocket": { "$ref": "#/definitions/NodeGroupBottlerocket" }, "capacityReservation": { "$ref": "#/definitions/CapacityReservation" }, "classicLoadBalancerNames": { "items": { "type": "string" }, "type": "array" }, "clusterDNS": { "type": "string" }, "containerRuntime": { "type": "string" }, "cpuCredits": { "type": "string" }, "desiredCapacity": { "type": "integer" }, "disableIMDSv1": { "type": "boolean" }, "disablePodIMDS": { "type": "boolean" }, "ebsOptimized": { "type": "boolean" }, "efaEnabled": { "type": "boolean" }, "enableDetailedMonitoring": { "type": "boolean" }, "enclaveEnabled": { "type": "boolean" }, "iam": { "$ref": "#/definitions/NodeGroupIAM" }, "instanceMarketOptions": { "$ref": "#/definitions/InstanceMarketOptions" }, "instanceName": { "type": "string" }, "instancePrefix": { "type": "string" }, "instanceSelector": { "$ref": "#/definitions/InstanceSelector" }, "instanceType": { "type": "string" }, "instancesDistribution": { "$ref": "#/definitions/NodeGroupInstancesDistribution" }, "kubeletExtraConfig": { "$ref": "#/definitions/InlineDocument" }, "labels": { "additionalProperties": { "type": "string" }, "type": "object" }, "localZones": { "items": { "type": "string" }, "type": "array" }, "maxInstanceLifetime": { "type": "integer" }, "maxPodsPerNode": { "type": "integer" }, "maxSize": { "type": "integer" }, "minSize": { "type": "integer" }, "name": { "type": "string" }, "outpostARN": { "type": "string" }, "overrideBootstrapCommand": { "type": "string" }, "placement": { "$ref": "#/definitions/Placement" }, "preBootstrapCommands": { "items": { "type": "string" }, "type": "array" }, "privateNetworking": { "type": "boolean" }, "propagateASGTags": { "type": "boolean" }, "securityGroups": { "$ref": "#/definitions/NodeGroupSGs" }, "ssh": { "$ref": "#/definitions/NodeGroupSSH" }, "subnets": { "items": { "type": "string" }, "type": "array" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "taints": { "$ref": "#/definitions/taintsWrapper" }, "targetGroupARNs": { "items": { "type": "string" }, "type": "array" }, "updateConfig": { "$ref": "#/definitions/NodeGroupUpdateConfig" }, "volumeEncrypted": { "type": "boolean" }, "volumeIOPS": { "type": "integer" }, "volumeKmsKeyID": { "type": "string" }, "volumeName": { "type": "string" }, "volumeSize": { "type": "integer" }, "volumeThroughput": { "type": "integer" }, "volumeType": { "type": "string", "enum": ["gp2", "gp3", "io1", "io2", "sc1", "st1"] } }, "additionalProperties": false }, "NodeGroupBottlerocket": { "properties": { "enableAdminContainer": { "type": "boolean" }, "settings": { "$ref": "#/definitions/InlineDocument" } }, "additionalProperties": false }, "NodeGroupIAM": { "properties": { "attachPolicy": { "$ref": "#/definitions/InlineDocument" }, "attachPolicyARNs": { "items": { "type": "string" }, "type": "array" }, "instanceProfileARN": { "type": "string" }, "instanceRoleARN": { "type": "string" }, "instanceRoleName": { "type": "string" }, "instanceRolePermissionsBoundary": { "type": "string" }, "withAddonPolicies": { "$ref": "#/definitions/NodeGroupIAMAddonPolicies" } }, "additionalProperties": false }, "NodeGroupIAMAddonPolicies": { "properties": { "albIngress": { "type": "boolean" }, "appMesh": { "type": "boolean" }, "appMeshPreview": { "type": "boolean" }, "autoScaler": { "type": "boolean" }, "awsLoadBalancerController": { "type": "boolean" }, "certManager": { "type": "boolean" }, "cloudWatch": { "type": "boolean" }, "ebs": { "type": "boolean" }, "efs": { "type": "boolean" }, "externalDNS": { "type": "boolean" }, "fsx": { "type": "boolean" }, "imageBuilder": { "type": "boolean" }, "xRay": { "type": "boolean" } }, "additionalProperties": false }, "NodeGroupInstancesDistribution": { "required": ["instanceTypes"], "properties": { "capacityRebalance": { "type": "boolean" }, "instanceTypes": { "items": { "type": "string" }, "type": "array" }, "maxPrice": { "type": "number" }, "onDemandBaseCapacity": { "type": "integer" }, "onDemandPercentageAboveBaseCapacity": { "type": "integer" }, "spotAllocationStrategy": { "type": "string" }, "spotInstancePools": { "type": "integer" } }, "additionalProperties": false }, "NodeGroupNodeRepairConfig": { "properties": { "enabled": { "type": "boolean" }, "maxParallelNodesRepairedCount": { "type": "integer" }, "maxParallelNodesRepairedPercentage": { "type": "integer" }, "maxUnhealthyNodeThresholdCount": { "type": "integer" }, "maxUnhealthyNodeThresholdPercentage": { "type": "integer" }, "nodeRepairConfigOverrides": { "items": { "$ref": "#/definitions/NodeRepairConfigOverride" }, "type": "array" } }, "additionalProperties": false }, "NodeGroupSGs": { "properties": { "attachIDs": { "items": { "type": "string" }, "type": "array" }, "withLocal": { "type": "boolean" }, "withShared": { "type": "boolean" } }, "additionalProperties": false }, "NodeGroupSSH": { "properties": { "allow": { "type": "boolean" }, "enableSsm": { "type": "boolean" }, "publicKey": { "type": "string" }, "publicKeyName": { "type": "string" }, "publicKeyPath": { "type": "string" }, "sourceSecurityGroupIds": { "items": { "type": "string" }, "type": "array" } }, "additionalProperties": false }, "NodeGroupTaint": { "properties": { "effect": { "$ref": "#/definitions/k8s.io|api|core|v1.TaintEffect" }, "key": { "type": "string" }, "value": { "type": "string" } }, "additionalProperties": false }, "NodeGroupUpdateConfig": { "properties": { "maxUnavailable": { "type": "integer" }, "maxUnavailablePercentage": { "type": "integer" } }, "additionalProperties": false }, "NodeRepairConfigOverride": { "properties": { "minRepairWaitTimeMins": { "type": "integer" }, "nodeMonitoringCondition": { "type": "string" }, "nodeUnhealthyReason": { "type": "string" }, "repairAction": { "type": "string" } }, "additionalProperties": false }, "NodeResourcesFitConfig": { "properties": { "scoringStrategy": { "$ref": "#/definitions/ScoringStrategy" } }, "additionalProperties": false }, "OIDCIdentityProvider": { "required": ["name", "issuerURL", "clientID"], "properties": { "clientID": { "type": "string" }, "groupsClaim": { "type": "string" }, "groupsPrefix": { "type": "string" }, "issuerURL": { "type": "string" }, "name": { "type": "string" }, "requiredClaims": { "additionalProperties": { "type": "string" }, "type": "object" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "usernameClaim": { "type": "string" }, "usernamePrefix": { "type": "string" } }, "additionalProperties": false }, "Outpost": { "properties": { "controlPlaneInstanceType": { "type": "string" }, "controlPlaneOutpostARN": { "type": "string" }, "controlPlanePlacement": { "$ref": "#/definitions/Placement" }, "etcdInstanceType": { "type": "string" }, "etcdPlacement": { "$ref": "#/definitions/Placement" } }, "additionalProperties": false }, "Placement": { "properties": { "groupName": { "type": "string" }, "spreadLevel": { "type": "string" } }, "additionalProperties": false }, "PodIdentityAssociation": { "properties": { "createServiceAccount": { "type": "boolean" }, "disableSessionTags": { "type": "boolean" }, "namespace": { "type": "string" }, "permissionPolicy": { "$ref": "#/definitions/InlineDocument" }, "permissionPolicyARNs": { "items": { "type": "string" }, "type": "array" }, "permissionPolicyName": { "type": "string" }, "permissionsBoundaryARN": { "type": "string" }, "policy": { "type": "string" }, "roleARN": { "type": "string" }, "roleName": { "type": "string" }, "serviceAccountName": { "type": "string" }, "tags": { "additionalProperties": { "type": "string" }, "type": "object" }, "targetRoleARN": { "type": "string" }, "wellKnownPolicies": { "$ref": "#/definitions/WellKnownPolicies" } }, "additionalProperties": false }, "PrivateCluster": { "properties": { "additionalEndpointServices": { "items": { "type": "string" }, "type": "array" }, "enabled": { "type": "boolean" }, "skipEndpointCreation": { "type": "boolean" } }, "additionalProperties": false }, "RemoteNetwork": { "properties": { "cidrs": { "items": { "type": "string" }, "type": "array" } }, "additionalProperties": false }, "RemoteNetworkConfig": { "required": ["vpcGatewayID", "remoteNodeNetworks"], "properties": { "iam": { "$ref": "#/definitions/RemoteNodesIAM" }, "remoteNodeNetworks": { "items": { "$ref": "#/definitions/RemoteNetwork" }, "type": "array" }, "remotePodNetworks": { "items": { "$ref": "#/definitions/RemoteNetwork" }, "type": "array" }, "vpcGatewayID": { "$ref": "#/definitions/VPCGateway" } }, "additionalProperties": false }, "RemoteNodesIAM": { "properties": { "caBundleCert": { "type": "string" }, "provider": { "type": "string" }, "roleARN": { "type": "string" } }, "additionalProperties": false }, "ResourceWeight": { "properties": { "name": { "type": "string" }, "weight": { "type": "integer" } }, "additionalProperties": false }, "RollbackConfig": { "properties": { "timeoutMinutes": { "type": "integer" } }, "additionalProperties": false }, "SSOIdentity": { "required": ["id", "type"], "properties": { "id": { "type": "string" }, "type": { "type": "string" } }, "additionalProperties": false }, "ScoringStrategy": { "properties": { "resources": { "items": { "$ref": "#/definitions/ResourceWeight" }, "type": "array" }, "type": { "type": "string" } }, "additionalProperties": false }, "SecretsEncryption": { "required": ["keyARN"], "properties": { "keyARN": { "type": "string" } }, "additionalProperties": false }, "ServiceNodePortRange": { "properties": { "maxPort": { "type": "integer" }, "minPort": { "type": "integer" } }, "additionalProperties": false }, "UpgradePolicy": { "properties": { "supportType": { "type": "string", "enum": ["STANDARD", "EXTENDED"] } }, "additionalProperties": false }, "VPCGateway": { "type": "string" }, "VolumeMapping": { "properties": { "snapshotID": { "type": "string" }, "volumeEncrypted": { "type": "boolean" }, "volumeIOPS": { "type": "integer" }, "volumeKmsKeyID": { "type": "string" }, "volumeName": { "type": "string" }, "volumeSize": { "type": "integer" }, "volumeThroughput": { "type": "integer" }, "volumeType": { "type": "string", "enum": ["gp2", "gp3", "io1", "io2", "sc1", "st1"] } }, "additionalProperties": false }, "WellKnownPolicies": { "properties": { "autoScaler": { "type": "boolean" }, "awsLoadBalancerController": { "type": "boolean" }, "certManager": { "type": "boolean" }, "ebsCSIController": { "type": "boolean" }, "efsCSIController": { "type": "boolean" }, "externalDNS": { "type": "boolean" }, "imageBuilder": { "type": "boolean" } }, "additionalProperties": false }, "ZonalShiftConfig": { "properties": { "enabled": { "type": "boolean" } }, "additionalProperties": false }, "github.com|aws|aws-sdk-go-v2|aws|arn.ARN": {}, "github.com|aws|aws-sdk-go-v2|service|eks|types.AccessScopeType": { "type": "string" }, "github.com|aws|aws-sdk-go-v2|service|eks|types.AuthenticationMode": { "type": "string" }, "github.com|aws|aws-sdk-go-v2|service|eks|types.ResolveConflicts": { "type": "string" }, "github.com|weaveworks|eksctl|pkg|utils|ipnet.IPNet": { "type": "string" }, "k8s.io|api|core|v1.TaintEffect": { "type": "string" }, "taintsWrapper": { "items": { "$ref": "#/definitions/NodeGroupTaint" }, "type": "array" } } };

;// CONCATENATED MODULE: ./src/providers/aws/eksctl/validate.ts
/**
 * A small JSON-schema checker for eksctl ClusterConfig documents, over the compacted copy of eksctl's own
 * schema (eksctl-schema.ts). It reads only the keywords that schema uses ($ref, type, properties,
 * additionalProperties, items, enum, required, oneOf), so a user's `eksctl-config` overlay with an unknown
 * field, a boolean label or a numeric version is refused before eksctl ever runs, with the path named.
 */
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value;
}
function typeMatches(expected, actual) {
    return expected === actual || (expected === 'number' && actual === 'integer');
}
function pathOf(parts) {
    return parts.reduce((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}${acc ? '.' : ''}${p}`), '');
}
/**
 * `required` entries of the generated schema that eksctl does not enforce. The schema marks `+required`
 * comments of eksctl's Go types, but eksctl never checks a config against its schema: it decodes it
 * strictly (unknown fields and wrong types refused) and then runs its own validation, which enforces most
 * of them and not these. `remoteNetworkConfig.vpcGatewayID`: validateRemoteNetworkingConfig checks it only
 * when set (eksctl's examples/43-hybrid-nodes.yaml leaves it out).
 */
const REQUIRED_NOT_ENFORCED = {
    RemoteNetworkConfig: ['vpcGatewayID'],
};
/**
 * Enum fields eksctl compares ignoring case: `amiFamily` (normalizeAMIFamily, EqualFold) and
 * `kubernetesNetworkConfig.ipFamily` (validateKubernetesNetworkConfig lowercases it). The schema lists
 * their values in one spelling; eksctl takes `bottlerocket` and `ipv6` alike.
 */
const ENUM_IGNORING_CASE = {
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
function schemaProblems(schema, doc, limit = 5) {
    const errors = [];
    const resolve = (node) => {
        let n = node;
        let name;
        for (let hops = 0; n.$ref && hops < 20; hops++) {
            name = decodeURIComponent(n.$ref.replace(/^#\/definitions\//, ''));
            const target = schema.definitions[name];
            if (!target)
                return { n: {} };
            n = { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
        }
        return { n, name };
    };
    /** `variant`: inside a union's variant, unknown keys pass and required fields must be non-empty. */
    const check = (node, value, at, out, variant = false, ignoreCase = false) => {
        if (out.length >= limit)
            return;
        const { n, name } = resolve(node);
        const push = (path, message) => out.push({ path, message });
        const actual = typeOf(value);
        if (n.oneOf) {
            if (actual !== 'object') {
                push(at, `expected object, got ${actual} ${JSON.stringify(value)}`);
                return;
            }
            const own = n.properties ?? {};
            const before = out.length;
            check({ properties: own, required: n.required }, value, at, out, true);
            if (out.length > before)
                return;
            const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !Object.hasOwn(own, k)));
            const trials = n.oneOf.map((alt) => {
                const trial = [];
                check(alt, rest, at, trial, true);
                return trial;
            });
            if (trials.some((t) => t.length === 0))
                return;
            if (trials.length === 1)
                out.push(...trials[0].slice(0, limit - out.length));
            else
                push(at, 'matches none of the accepted forms');
            return;
        }
        if (n.type) {
            const types = Array.isArray(n.type) ? n.type : [n.type];
            if (!types.some((t) => typeMatches(t, actual))) {
                push(at, `expected ${types.join(' or ')}, got ${actual} ${JSON.stringify(value)}`);
                return;
            }
        }
        const same = (e) => e === value ||
            (ignoreCase && typeof e === 'string' && typeof value === 'string' && e.toLowerCase() === value.toLowerCase());
        if (n.enum && !n.enum.some(same)) {
            push(at, `expected one of ${n.enum.map((e) => JSON.stringify(e)).join(', ')}`);
            return;
        }
        if (actual === 'array' && n.items) {
            value.forEach((item, i) => check(n.items, item, [...at, i], out));
        }
        if (actual === 'object') {
            const obj = value;
            const skip = (name && REQUIRED_NOT_ENFORCED[name]) || [];
            const caseless = (name && ENUM_IGNORING_CASE[name]) || [];
            for (const req of n.required ?? []) {
                if (skip.includes(req))
                    continue;
                if (!Object.hasOwn(obj, req))
                    push([...at, req], 'is required');
                else if (variant && (obj[req] === '' || obj[req] === null))
                    push([...at, req], 'must be set and non-empty');
            }
            for (const [key, child] of Object.entries(obj)) {
                // Own properties only: a key named `constructor` must not find Object.prototype's.
                const prop = n.properties && Object.hasOwn(n.properties, key) ? n.properties[key] : undefined;
                if (prop)
                    check(prop, child, [...at, key], out, false, caseless.includes(key));
                else if (variant)
                    continue;
                else if (n.additionalProperties === false)
                    push([...at, key], 'is not a field eksctl knows');
                else if (typeof n.additionalProperties === 'object')
                    check(n.additionalProperties, child, [...at, key], out);
            }
        }
    };
    check({ $ref: schema.$ref }, doc, [], errors);
    return errors.slice(0, limit);
}
/** Every problem found, as `path: what is wrong` (at most `limit`). */
function schemaErrors(schema, doc, limit = 5) {
    return schemaProblems(schema, doc, limit).map((p) => `${pathOf(p.path) || '(document)'}: ${p.message}`);
}

;// CONCATENATED MODULE: ./src/providers/aws/plan.ts
/**
 * The EKS flow as data: the rendered eksctl ClusterConfig (every field of the reference document's
 * `gitpod-cluster.yaml`), merged with the user's `eksctl-config` overlay and validated, and the ordered
 * steps (control plane without nodegroups, Calico in place of the AWS VPC CNI, then the nodegroups).
 * `plan` prints them; `apply` pairs them with probes.
 */










const AWS_STEP_IDS = [
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
    record/* RECORD_STEP_ID */.ho,
];
function calicoVersion(config) {
    return config.calicoVersion || reference/* DEFAULT_CALICO_VERSION */.Dt;
}
function calicoManifestUrl(config) {
    return reference/* AWS */.kS.calico.manifestUrl.replace('{version}', calicoVersion(config));
}
function semver(v) {
    return v
        .replace(/^v/, '')
        .split('.')
        .map((n) => Number(n) || 0);
}
/** The manifests applied for the operator, in order: its CRDs (Calico ≥ 3.30 ships them apart), then itself. */
function calicoManifestUrls(config) {
    const version = calicoVersion(config);
    const [a, b] = [semver(version), semver(reference/* AWS */.kS.calico.crdManifestSince)];
    const separateCrds = a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
    return [
        ...(separateCrds ? [reference/* AWS */.kS.calico.crdManifestUrl.replace('{version}', version)] : []),
        calicoManifestUrl(config),
    ];
}
/** Where the rendered (and merged) ClusterConfig is written for eksctl. */
function eksctlConfigFile(config) {
    return external_node_path_default().join(config.tempDir, `${config.clusterName}.eksctl.yaml`);
}
function nodegroup(config, pool) {
    const ng = reference/* AWS */.kS.nodegroup;
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
        tags: (0,reference/* autoscalerTags */.P8)(config.clusterName),
        labels: { ...pool.labels },
        // No preBootstrapCommands: the reference's edit AL2's /etc/eks/bootstrap.sh (REFERENCE_DEVIATIONS).
    };
}
/** The reference ClusterConfig for these inputs (before any user overlay). */
function renderClusterConfig(config, facts) {
    const metadata = { name: config.clusterName, region: config.region };
    if (facts.version)
        metadata.version = facts.version;
    metadata.tags = { ...config.clusterTags };
    const doc = {
        apiVersion: 'eksctl.io/v1alpha5',
        kind: 'ClusterConfig',
        metadata,
        ...(config.nodeLocations.length ? { availabilityZones: [...config.nodeLocations] } : {}),
        iam: {
            withOIDC: true,
            serviceAccounts: reference/* AWS */.kS.serviceAccounts.map((sa) => ({
                metadata: { name: sa.name, namespace: sa.namespace },
                wellKnownPolicies: { [sa.policy]: true },
            })),
        },
        vpc: {
            autoAllocateIPv6: reference/* AWS */.kS.vpc.autoAllocateIPv6,
            nat: { gateway: reference/* AWS */.kS.vpc.natGateway },
            clusterEndpoints: { privateAccess: reference/* AWS */.kS.vpc.privateAccess, publicAccess: reference/* AWS */.kS.vpc.publicAccess },
            publicAccessCIDRs: [...reference/* AWS */.kS.vpc.publicAccessCIDRs],
        },
        cloudWatch: { clusterLogging: { enableTypes: [...reference/* AWS */.kS.clusterLogging] } },
        upgradePolicy: { supportType: reference/* AWS */.kS.supportTypes[config.supportType] },
        accessConfig: {
            authenticationMode: reference/* AWS */.kS.authenticationMode,
            ...(config.viewerRoleArns.length ? { accessEntries: viewerAccessEntries(config) } : {}),
        },
        managedNodeGroups: [nodegroup(config, config.pools.services), nodegroup(config, config.pools.workspaces)],
    };
    if (config.network === 'calico') {
        // No vpc-cni add-on, ever: an add-on update would bring aws-node back beside Calico.
        doc.addonsConfig = { disableDefaultAddons: true };
        doc.addons = reference/* AWS */.kS.calicoAddons.map((name) => ({ name }));
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
function viewerAccessEntries(config) {
    return config.viewerRoleArns.map((arn) => ({
        principalARN: arn,
        type: 'STANDARD',
        kubernetesGroups: [reference/* AWS */.kS.viewer.group],
    }));
}
/**
 * The Kubernetes RBAC objects behind the viewers' group: a ClusterRole for the nodes and the Calico
 * objects, a Role in kube-system for the aws-node DaemonSet, each bound to the group. Reads only.
 */
function viewerRbacObjects() {
    const { group, name, clusterRules, namespacedRules } = reference/* AWS */.kS.viewer;
    const namespace = reference/* AWS */.kS.calico.awsNode.namespace;
    const rbac = 'rbac.authorization.k8s.io';
    const subjects = [{ kind: 'Group', apiGroup: rbac, name: group }];
    const rules = (list) => list.map((r) => structuredClone({ ...r }));
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
function isBareCluster(doc) {
    const disabled = doc.addonsConfig?.disableDefaultAddons === true;
    const addons = (doc.addons ?? []);
    return disabled && !addons.some((a) => a.name === reference/* AWS */.kS.vpcCniAddon);
}
/**
 * The ClusterConfig `eksctl create cluster` is given. On a cluster without the VPC CNI eksctl refuses
 * nodegroups, `iam.serviceAccounts` and `iam.podIdentityAssociations` at creation (its
 * `validateBareCluster`, even with `--without-nodegroup`): nodegroups and service accounts are left out
 * here, and the `nodegroups` and `service-accounts` steps create them from the whole config once Calico
 * is in. What no later step creates is refused in `validateClusterConfig` (bareClusterProblem).
 */
function clusterCreateConfig(doc) {
    if (!isBareCluster(doc))
        return doc;
    const { managedNodeGroups: _m, nodeGroups: _n, ...rest } = doc;
    const iam = rest.iam;
    if (iam) {
        const { serviceAccounts: _s, ...keep } = iam;
        rest.iam = keep;
    }
    return rest;
}
/** Where the ClusterConfig of `eksctl create cluster` is written: apart from the whole one only when it differs. */
function eksctlClusterConfigFile(config) {
    return config.network === 'calico'
        ? external_node_path_default().join(config.tempDir, `${config.clusterName}.eksctl-cluster.yaml`)
        : eksctlConfigFile(config);
}
/** The ClusterConfig as YAML; when the version is still unresolved a comment says so. */
function clusterConfigYaml(config, doc) {
    const body = (0,dist/* stringify */.As)(doc, { lineWidth: 0 });
    if (doc.metadata.version)
        return body;
    return (`# metadata.version is resolved through the EKS API at apply time (kubernetes-version: ${config.kubernetesVersion}).\n` +
        body);
}
const MINUTE = 60_000;
function awsSteps(config, facts) {
    const file = eksctlConfigFile(config);
    const version = facts.version ?? config.kubernetesVersion;
    const calico = config.network === 'calico';
    const ng = [config.pools.services.name, config.pools.workspaces.name].join(', ');
    const steps = [
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
        steps.push({
            id: 'remove-aws-node',
            description: 'Remove the AWS VPC CNI daemonset kube-system/aws-node (absent is fine)',
            api: 'Kubernetes API: delete apps/v1 DaemonSet kube-system/aws-node when present',
            timeoutMs: 5 * MINUTE,
        }, {
            id: 'tigera-operator',
            description: `Tigera operator of Calico ${calicoVersion(config)}`,
            api: `Kubernetes API: create each object of ${calicoManifestUrls(config).join(' and ')} that is missing, server-side apply each that differs, leave equal ones alone`,
            timeoutMs: 10 * MINUTE,
        }, {
            id: 'calico-installation',
            description: 'Calico Installation `default` (kubernetesProvider EKS, Calico CNI, BGP disabled)',
            api: 'Kubernetes API: create or patch operator.tigera.io/v1 Installation default when missing or different',
            timeoutMs: 5 * MINUTE,
        }, {
            id: 'calico-ready',
            description: 'Wait until Calico is ready (before the nodegroups exist: until its Installation is served)',
            api: 'Kubernetes API: read the Installation; once nodes exist, wait for TigeraStatus calico Available',
            timeoutMs: 15 * MINUTE,
        });
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
        api: 'EKS DescribeNodegroup per nodegroup; where labels are missing or wrong: ' +
            `\`eksctl set labels --cluster=${config.clusterName} --region=${config.region} --nodegroup=<name> --labels=<key=value,…>\`; ` +
            `where a ${reference/* GITPOD_LABEL_PREFIX */.q6}* label is not for that nodegroup: \`eksctl unset labels … --labels=<key,…>\``,
        timeoutMs: 20 * MINUTE,
    });
    steps.push({
        id: 'nodegroup-scaling',
        description: `Scaling bounds of nodegroups ${ng}: an existing nodegroup whose bounds differ is rescaled in place`,
        api: 'EKS DescribeNodegroup per nodegroup; where the bounds differ: ' +
            `\`eksctl scale nodegroup --cluster=${config.clusterName} --region=${config.region} --name=<name> --nodes-min=<min> --nodes-max=<max>\`` +
            ' (with `--nodes=<n>` when the current size is outside the new bounds)',
        timeoutMs: 20 * MINUTE,
    });
    steps.push({
        id: 'service-accounts',
        description: `IAM roles for the service accounts ${reference/* AWS */.kS.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`).join(', ')} (existing ones are left alone)`,
        argv: ['eksctl', 'create', 'iamserviceaccount', `--config-file=${file}`, '--approve'],
        timeoutMs: 20 * MINUTE,
    });
    if (config.viewerRoleArns.length) {
        steps.push({
            id: 'access-entries',
            description: `EKS access entries for ${config.viewerRoleArns.join(', ')} in the Kubernetes group ${reference/* AWS */.kS.viewer.group} (existing ones are left alone)`,
            argv: ['eksctl', 'create', 'accessentry', `--config-file=${file}`],
            timeoutMs: 10 * MINUTE,
        }, {
            id: 'viewer-rbac',
            description: `Read-only RBAC for the group ${reference/* AWS */.kS.viewer.group}: ClusterRole and ClusterRoleBinding ${reference/* AWS */.kS.viewer.name} (nodes; Calico Installation and TigeraStatus), Role and RoleBinding ${reference/* AWS */.kS.calico.awsNode.namespace}/${reference/* AWS */.kS.viewer.name} (the aws-node DaemonSet)`,
            api: 'Kubernetes API: create each of the four objects that is missing, server-side apply each that differs',
            timeoutMs: 5 * MINUTE,
        });
    }
    steps.push((0,record/* recordStep */.IC)());
    return steps;
}
/**
 * `eksctl set labels`: adds or overwrites labels on one managed nodegroup (eksctl pkg/ctl/set/labels.go;
 * `--labels` is a `key=value,…` map, which eksctl refuses together with `--config-file`).
 */
function setLabelsArgv(config, nodegroup, labels) {
    const list = Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
    return ['eksctl', 'set', 'labels', ...labelsTarget(config, nodegroup), `--labels=${list}`];
}
/** `eksctl unset labels`: removes labels (by key) from one managed nodegroup (eksctl pkg/ctl/unset/labels.go). */
function unsetLabelsArgv(config, nodegroup, keys) {
    return ['eksctl', 'unset', 'labels', ...labelsTarget(config, nodegroup), `--labels=${keys.join(',')}`];
}
function labelsTarget(config, nodegroup) {
    return [`--cluster=${config.clusterName}`, `--region=${config.region}`, `--nodegroup=${nodegroup}`];
}
/**
 * `eksctl scale nodegroup` (eksctl pkg/ctl/scale/nodegroup.go): new bounds for one managed nodegroup, and
 * a desired size within them when the current one is not (EKS refuses a desired size outside the bounds).
 */
function scaleNodegroupArgv(config, nodegroup, min, max, current) {
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
function awsDesiredPools(config) {
    return (0,desired/* desiredPoolsOf */.RK)(config, { image: reference/* AWS */.kS.nodegroup.amiType });
}
/** What EKS changes on an existing nodegroup: labels and scaling bounds in place; instance and AMI types never. */
function awsFixes(config) {
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
            const extra = Object.keys(have.labels).filter((k) => k.startsWith(reference/* GITPOD_LABEL_PREFIX */.q6) && !(k in want.labels));
            const argvs = [];
            if (Object.keys(wrong).length)
                argvs.push(setLabelsArgv(config, want.name, wrong));
            if (extra.length)
                argvs.push(unsetLabelsArgv(config, want.name, extra));
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
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The key a list element is merged by: `name`, or `metadata.namespace/name` (iam.serviceAccounts). */
function keyOf(item) {
    if (!isMap(item))
        return undefined;
    if (typeof item.name === 'string')
        return item.name;
    const meta = item.metadata;
    if (isMap(meta) && typeof meta.name === 'string')
        return `${String(meta.namespace ?? '')}/${meta.name}`;
    return undefined;
}
/**
 * Deep merge, overlay over base. Maps merge key by key; `null` removes a key; lists whose elements all
 * have a name (managedNodeGroups, addons, iam.serviceAccounts …) merge element by element on that name,
 * new ones appended; any other list is replaced whole.
 */
function mergeClusterConfig(base, overlay) {
    if (isMap(base) && isMap(overlay)) {
        const out = { ...base };
        for (const [k, v] of Object.entries(overlay)) {
            if (v === null)
                delete out[k];
            // Own keys only, defined, not assigned: `constructor` is a key like any other, `__proto__` too.
            else
                defineKey(out, k, Object.hasOwn(base, k) ? mergeClusterConfig(base[k], v) : structuredClone(v));
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
                if (at >= 0)
                    out[at] = mergeClusterConfig(base[at], item);
                else
                    out.push(structuredClone(item));
            });
            return out;
        }
    }
    return structuredClone(overlay);
}
function defineKey(target, key, value) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
/** At most this long, on one line: a problem may quote the user's file (a key, a value, a parser message). */
const PROBLEM_MAX = 300;
function overlayError(config, problem) {
    const oneLine = (0,inputs/* escapeInvisible */.ts)(problem);
    const shown = oneLine.length > PROBLEM_MAX ? `${oneLine.slice(0, PROBLEM_MAX)}…` : oneLine;
    return new inputs/* InputError */.dz('eksctl-config', config.eksctlConfigPath, `${OVERLAY_FORM}; ${shown}`);
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
function readOverlayText(config) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(config.eksctlConfigPath, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (err) {
        const code = err.code;
        throw overlayError(config, `the file cannot be read (${code ?? 'error'})`);
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (stat.isDirectory())
            throw overlayError(config, 'it is a directory, not a file');
        if (!stat.isFile())
            throw overlayError(config, 'it is not a regular file (a FIFO, socket or device)');
        const tooBig = () => overlayError(config, 'the file is larger than 1 MB (a ClusterConfig overlay is a few KB)');
        if (stat.size > OVERLAY_MAX_BYTES)
            throw tooBig();
        // Read to the end, not to `stat.size`: files such as /proc's report a size of 0.
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.alloc(64 * 1024);
            const n = (0,external_node_fs_.readSync)(fd, chunk, 0, chunk.length, null);
            if (n === 0)
                break;
            total += n;
            if (total > OVERLAY_MAX_BYTES)
                throw tooBig();
            chunks.push(chunk.subarray(0, n));
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    catch (err) {
        if (err instanceof inputs/* InputError */.dz)
            throw err;
        throw overlayError(config, `the file cannot be read (${err.code ?? 'error'})`);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The parsed YAML of each overlay read, so a problem can be shown at its line in the user's file. */
const OVERLAY_SOURCE = new WeakMap();
/**
 * Plain YAML only: one document, no tags the core schema does not know (`!!js/function`,
 * `!!python/object`, `!Ref` …), no alias bombs. Returns the document as plain data.
 */
function parseOverlay(config, text) {
    try {
        // uniqueKeys: yaml's own check compares every key with every other (minutes for a 1 MB file of
        // keys); duplicateKey does it in one pass.
        const docs = (0,dist/* parseAllDocuments */.hR)(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: false });
        if (docs.length > 1) {
            throw overlayError(config, `it holds ${docs.length} YAML documents, not one ClusterConfig`);
        }
        const parsed = docs[0];
        if (!parsed)
            return null;
        const [error] = parsed.errors;
        if (error)
            throw overlayError(config, `it is not valid YAML: ${error.message.split('\n')[0]}`);
        const [warning] = parsed.warnings;
        if (warning)
            throw overlayError(config, `it is not plain YAML: ${warning.message.split('\n')[0]}`);
        const duplicate = duplicateKey(parsed, text);
        if (duplicate)
            throw overlayError(config, `it is not valid YAML: ${duplicate}`);
        const data = parsed.toJS({ maxAliasCount: 100 });
        if (isMap(data))
            OVERLAY_SOURCE.set(data, { document: parsed, text });
        return data;
    }
    catch (err) {
        if (err instanceof inputs/* InputError */.dz)
            throw err;
        // Alias bombs (`Excessive alias count …`) and nesting deeper than the parser's stack.
        throw overlayError(config, `it is not valid YAML: ${String(err?.message ?? err).split('\n')[0]}`);
    }
}
/**
 * A key given twice in one mapping (or a list or mapping used as a key), as one line; undefined when
 * there is none. Walks the parsed nodes without recursion, each mapping's keys through one Set.
 */
function duplicateKey(doc, text) {
    const line = (node) => text.slice(0, node.range?.[0] ?? 0).split('\n').length;
    const stack = [doc.contents];
    while (stack.length) {
        const node = stack.pop();
        if (!(0,dist/* isCollection */.P3)(node))
            continue;
        const seen = new Set();
        for (const item of node.items) {
            if (!(0,dist/* isPair */.tO)(item)) {
                stack.push(item);
                continue;
            }
            if ((0,dist/* isMap */.jh)(node)) {
                if (!(0,dist/* isScalar */.jn)(item.key))
                    return `a list or mapping is used as a key (line ${line(item.key)})`;
                const key = `${typeof item.key.value}:${String(item.key.value)}`;
                if (seen.has(key))
                    return `Map keys must be unique: ${JSON.stringify(item.key.value)} (line ${line(item.key)})`;
                seen.add(key);
            }
            stack.push(item.value);
        }
    }
    return undefined;
}
/** Where `parts` points in a document, for messages. */
const pathText = (parts) => parts
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '') || '(document)';
/**
 * The first thing in `doc` that is not plain data: a value YAML tags made (a Buffer from `!!binary`, a
 * Date from a YAML 1.1 timestamp, a Set, a Map), a `__proto__` key, an alias that contains itself, or
 * nesting deeper than OVERLAY_MAX_DEPTH. Walked without recursion, so no depth can overflow the stack.
 */
function plainDataProblem(doc) {
    const stack = [
        { value: doc, at: [], ancestors: new Set() },
    ];
    while (stack.length) {
        const { value, at: where, ancestors } = stack.pop();
        if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
            continue;
        const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
        if (typeof value !== 'object' || !plain) {
            const kind = typeof value === 'object' ? value.constructor?.name : typeof value;
            return `${pathText(where)} is a ${kind ?? 'value'}, not a string, number, boolean, list or mapping`;
        }
        if (ancestors.has(value))
            return `${pathText(where)} is an alias that contains itself`;
        if (where.length > OVERLAY_MAX_DEPTH)
            return `it nests deeper than ${OVERLAY_MAX_DEPTH} levels (at ${pathText(where.slice(0, 8))}…)`;
        const inside = new Set(ancestors).add(value);
        for (const [key, child] of Object.entries(value)) {
            if (key === '__proto__')
                return `${pathText([...where, key])}: the key \`__proto__\` is not allowed`;
            stack.push({ value: child, at: [...where, Array.isArray(value) ? Number(key) : key], ancestors: inside });
        }
    }
    return undefined;
}
/** Reads and parses the overlay file; undefined when none is given. */
function readOverlay(config) {
    if (!config.eksctlConfigPath)
        return undefined;
    const doc = parseOverlay(config, readOverlayText(config));
    if (!isMap(doc))
        throw overlayError(config, 'it is not a YAML mapping');
    const problem = plainDataProblem(doc);
    if (problem)
        throw overlayError(config, problem);
    const meta = doc.metadata;
    if (doc.apiVersion !== undefined && doc.apiVersion !== 'eksctl.io/v1alpha5')
        throw overlayError(config, `apiVersion is ${JSON.stringify(doc.apiVersion)}`);
    if (doc.kind !== undefined && doc.kind !== 'ClusterConfig')
        throw overlayError(config, `kind is ${JSON.stringify(doc.kind)}`);
    if (meta !== undefined && !isMap(meta))
        throw overlayError(config, 'metadata is not a mapping');
    if (isMap(meta)) {
        const fixed = [
            ['name', config.clusterName, 'cluster-name'],
            ['region', config.region, 'region'],
            ['version', config.kubernetesVersion, 'kubernetes-version'],
        ];
        for (const [field, want, input] of fixed) {
            if (meta[field] !== undefined && meta[field] !== want) {
                throw overlayError(config, `metadata.${field} ${JSON.stringify(meta[field])} differs from the \`${input}\` input (${want}): set the input instead`);
            }
        }
    }
    return doc;
}
function sameLabels(want, got) {
    if (!isMap(got))
        return 'has no labels';
    for (const [k, v] of Object.entries(want)) {
        if (got[k] !== v)
            return `must keep the label ${k}=${v}${k in got ? ` (has ${JSON.stringify(got[k])})` : ''}`;
    }
    return undefined;
}
/**
 * Where a path of the merged document comes from in the overlay, following mergeClusterConfig: a map key
 * is itself, an element of a list merged by name is the overlay's element of that name, an appended one
 * the overlay's n-th new element, an element of a list replaced whole the same index. `found` is how many
 * leading parts the overlay has (0: the path is the rendered config's alone).
 */
function overlayPathOf(base, overlay, merged) {
    const path = [];
    let [b, o] = [base, overlay];
    for (const [depth, part] of merged.entries()) {
        let next;
        if (typeof part === 'string') {
            next = isMap(o) && Object.hasOwn(o, part) ? part : undefined;
            b = isMap(b) ? b[part] : undefined;
        }
        else if (Array.isArray(o)) {
            const keyed = Array.isArray(b) && b.map(keyOf).every(Boolean) && o.map(keyOf).every(Boolean);
            if (keyed) {
                const baseKeys = b.map(keyOf);
                const overlayKeys = o.map(keyOf);
                const fresh = overlayKeys.flatMap((k, i) => (baseKeys.includes(k) ? [] : [i]));
                const at = part < baseKeys.length ? overlayKeys.indexOf(baseKeys[part]) : (fresh[part - baseKeys.length] ?? -1);
                next = at >= 0 ? at : undefined;
                b = part < baseKeys.length ? b[part] : undefined;
            }
            else {
                next = part < o.length ? part : undefined;
                b = undefined;
            }
        }
        if (next === undefined)
            return { path: [...path, ...merged.slice(depth)], found: depth };
        path.push(next);
        o = o[next];
    }
    return { path, found: merged.length };
}
/**
 * On a cluster without the VPC CNI eksctl refuses these at creation (validateBareCluster), and no later
 * step of this flow creates them: an overlay that sets one is refused before anything runs.
 */
function bareClusterProblem(doc) {
    if (!isBareCluster(doc))
        return undefined;
    const iam = (doc.iam ?? {});
    const set = [
        ['iam.podIdentityAssociations', iam.podIdentityAssociations],
        ['fargateProfiles', doc.fargateProfiles],
        ['karpenter', doc.karpenter],
        ['gitops.flux', doc.gitops?.flux],
    ].filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length));
    if (!set.length)
        return undefined;
    return (`${set.map(([k]) => k).join(', ')} cannot be created with \`network: calico\`: eksctl creates that cluster without the VPC CNI ` +
        '(addonsConfig.disableDefaultAddons) and refuses them at creation; remove them (add them after apply), or use `network: vpc-cni`');
}
/**
 * A problem found in the merged config, named where the user would look: the path in their overlay file
 * and its line there; a path only the rendered config has is named as the action's.
 */
function findingText(finding, rendered, overlay) {
    if (!overlay)
        return `${pathOf(finding.path) || '(document)'} (rendered by the action): ${finding.message}`;
    const { path: inFile, found } = overlayPathOf(rendered, overlay, finding.path);
    if (found === 0 && finding.path.length > 0) {
        return `${pathOf(finding.path)} (rendered by the action, not in the file): ${finding.message}`;
    }
    const source = OVERLAY_SOURCE.get(overlay);
    const node = source?.document.getIn(inFile.slice(0, found), true);
    const line = node?.range ? source.text.slice(0, node.range[0]).split('\n').length : undefined;
    return `${pathOf(inFile) || '(document)'}${line ? ` (line ${line})` : ''}: ${finding.message}`;
}
/** The checks that keep a merged config one eksctl accepts and Gitpod's. */
function clusterConfigFinding(doc, config) {
    const [schemaProblem] = schemaProblems(EKSCTL_SCHEMA, doc, 1);
    if (schemaProblem)
        return { path: schemaProblem.path, message: `eksctl's schema refuses it: ${schemaProblem.message}` };
    const meta = doc.metadata;
    if (meta.name !== config.clusterName || meta.region !== config.region)
        return 'metadata.name and metadata.region must stay the cluster-name and region inputs';
    const groups = (doc.managedNodeGroups ?? []);
    const refusal = (0,rules/* eksctlRefusal */.Jy)(doc, reference/* POOL_ROLES */.Fe.map((r) => config.pools[r].name), 
    // apply resolves the version first (metadata.version); plan has the input (`latest` is past 1.33).
    typeof meta.version === 'string' ? meta.version : config.kubernetesVersion);
    if (refusal)
        return refusal;
    const addonNames = (doc.addons ?? []).map((a) => a.name);
    if (config.network === 'calico' && addonNames.includes(reference/* AWS */.kS.vpcCniAddon)) {
        // verify's network check would report it at once: its next update brings aws-node back.
        const at = (doc.addons ?? []).findIndex((a) => a.name === reference/* AWS */.kS.vpcCniAddon);
        return {
            path: ['addons', at, 'name'],
            message: 'with `network: calico` addons must not hold vpc-cni (it brings aws-node back beside Calico); use `network: vpc-cni` to keep the AWS VPC CNI',
        };
    }
    const bareProblem = bareClusterProblem(doc);
    if (bareProblem)
        return bareProblem;
    for (const role of reference/* POOL_ROLES */.Fe) {
        const pool = config.pools[role];
        const i = groups.findIndex((g) => g.name === pool.name);
        const ng = groups[i];
        if (!ng)
            return `managedNodeGroups must keep the ${role} nodegroup \`${pool.name}\``;
        const labels = sameLabels(pool.labels, ng.labels);
        if (labels)
            return { path: ['managedNodeGroups', i, 'labels'], message: `nodegroup \`${pool.name}\` ${labels}` };
        const maxPods = ng.maxPodsPerNode;
        // With a custom AMI or a launch template eksctl refuses maxPodsPerNode: the image sets max pods.
        if (!(0,rules/* ownImage */.QB)(ng) && (typeof maxPods !== 'number' || maxPods < config.maxPods)) {
            return {
                path: ['managedNodeGroups', i, 'maxPodsPerNode'],
                message: `nodegroup \`${pool.name}\` has maxPodsPerNode ${String(maxPods)}, below the max-pods input (${config.maxPods})`,
            };
        }
        const [min, max, want] = [ng.minSize, ng.maxSize, ng.desiredCapacity];
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
        const addon = (doc.addons ?? []).find((a) => a.name === 'vpc-cni');
        let prefix = false;
        try {
            prefix = JSON.parse(String(addon?.configurationValues ?? '{}'))?.env?.ENABLE_PREFIX_DELEGATION === 'true';
        }
        catch {
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
function validateClusterConfig(doc, config, from) {
    const finding = clusterConfigFinding(doc, config);
    if (finding === undefined)
        return;
    if (typeof finding === 'string')
        throw overlayError(config, finding);
    throw overlayError(config, findingText(finding, from?.rendered ?? {}, from?.overlay));
}
/** The ClusterConfig eksctl is given, with what was dropped and what the user must know. */
function clusterConfigResult(config, facts) {
    const rendered = renderClusterConfig(config, facts);
    const overlay = readOverlay(config);
    const doc = (overlay ? mergeClusterConfig(rendered, overlay) : rendered);
    const dropped = overlay
        ? (0,rules/* dropRenderedConflicts */.UP)(doc, (p) => overlayPathOf(rendered, overlay, p).found === p.length)
        : [];
    validateClusterConfig(doc, config, { rendered, overlay });
    const notes = [];
    for (const role of reference/* POOL_ROLES */.Fe) {
        const pool = config.pools[role];
        const ng = doc.managedNodeGroups.find((g) => g.name === pool.name);
        const own = ng && (0,rules/* ownImage */.QB)(ng);
        if (!own)
            continue;
        const what = own === 'ami' ? 'custom AMI (ami)' : 'launch template (launchTemplate)';
        notes.push(`The ${role} nodegroup \`${pool.name}\` uses its own ${what}, where eksctl does not set maxPodsPerNode: the ${own === 'ami' ? 'image' : 'launch template'} must configure the kubelet for ${config.maxPods} pods per node (the max-pods input); verify checks it on the nodes.`);
    }
    return { doc, dropped, notes };
}
/** The ClusterConfig eksctl is given: rendered, the user's overlay merged over it, validated. */
function clusterConfigFor(config, facts) {
    return clusterConfigResult(config, facts).doc;
}


/***/ }),

/***/ 39340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ eksPlannedUpgrade),
/* harmony export */   Vi: () => (/* binding */ eksUpgradeSteps),
/* harmony export */   Zb: () => (/* binding */ replacementConfigFile),
/* harmony export */   ng: () => (/* binding */ surgeNodegroupName),
/* harmony export */   pF: () => (/* binding */ ROUND_ADDONS)
/* harmony export */ });
/* unused harmony export NODEGROUP_REPLACEMENT */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98286);
/* harmony import */ var _eksctl_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1048);
/**
 * The EKS upgrade rounds as data: one round per minor, the control plane first (`eksctl upgrade
 * cluster`), then each Gitpod nodegroup, then the add-ons CoreDNS and kube-proxy: as EKS add-ons (`eksctl
 * update addon --version=latest`, done when the add-on runs the newest version EKS offers for the minor),
 * or, on a cluster whose eksctl applied them itself, `eksctl utils update-coredns` / `update-kube-proxy`
 * (kube-proxy's image tag carries the minor and marks such a round done). src/providers/aws/apply.ts
 * pairs each with its probe (already at the minor: skipped). Calico needs no round of its own: the `tigera-operator` step applies the pinned
 * release whenever what runs differs from it.
 *
 * A nodegroup moves to the round's minor in one of two ways, by what EKS says of it (DescribeNodegroup
 * `amiType`, at apply time; `plan` goes by the ClusterConfig's `amiFamily`):
 *   in place  an EKS AMI (AmazonLinux2023, Bottlerocket): `eksctl upgrade nodegroup --kubernetes-version`,
 *             EKS rolls the nodes itself.
 *   replace   a custom AMI (amiType CUSTOM: eksctl's Ubuntu nodegroups, our default): eksctl refuses
 *             `--kubernetes-version` there ("cannot specify kubernetes-version or release-version when using
 *             a custom AMI", pkg/actions/nodegroup/upgrade.go), so the nodegroup is replaced through eksctl,
 *             in four steps (NODEGROUP_REPLACEMENT).
 *
 * Why four steps and not two: EKS cannot rename a nodegroup (the name is fixed at CreateNodegroup;
 * UpdateNodegroupConfig changes labels, taints, sizes only), and verify's pool membership and the contract
 * go by the names `services`/`workspaces`. Two steps (a new group, then delete the old) would leave the pool
 * under another name each round; deleting first would leave it without nodes. A surge group
 * `<name>-next` holds the pods while `<name>` is recreated, so each pod moves twice per round; that is the
 * least churn that keeps the name and never empties the pool. The one-move alternative, a new launch
 * template version with the new image and `eksctl upgrade nodegroup --launch-template-version`, needs EC2
 * writes outside eksctl on a launch template eksctl's CloudFormation stack owns (the stack would drift), and
 * our own lookup of Canonical's image; apply changes the cloud through eksctl only.
 */



/**
 * The replacement of one nodegroup `<name>` in a round, in order: `surge` creates `<name>-next` (the same
 * instance types, labels, taints, bounds and AMI family) at the round's minor; `drain` deletes `<name>`
 * with `--drain` (its pods move to the surge group); `recreate` creates `<name>` again at the round's
 * minor; `drain-surge` deletes `<name>-next` with `--drain` (the pods move back).
 */
const NODEGROUP_REPLACEMENT = ['surge', 'drain', 'recreate', 'drain-surge'];
/** The add-ons a round updates after the nodegroups. */
const ROUND_ADDONS = ['coredns', 'kube-proxy'];
/** The surge nodegroup that holds a replaced nodegroup's pods meanwhile. */
function surgeNodegroupName(name) {
    return `${name}-next`;
}
/** The ClusterConfig of one nodegroup created in a replacement round: only it, at the round's minor. */
function replacementConfigFile(config, nodegroup, minor) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(config.tempDir, `${config.clusterName}.eksctl-${nodegroup}-${minor}.yaml`);
}
const MINUTE = 60_000;
/** The argv and words of one replacement step of nodegroup `name` at `minor`. */
function replacementStep(config, role, minor, phase) {
    const name = config.pools[role].name;
    const surge = surgeNodegroupName(name);
    const where = [`--cluster=${config.clusterName}`, `--region=${config.region}`];
    const other = 'on an EKS AMI family (eksctl-config amiFamily AmazonLinux2023 or Bottlerocket) apply upgrades it in place instead';
    const base = { id: `upgrade-${role}-nodegroup-${minor}-${phase}`, minor };
    const target = { kind: 'replace', role, phase, name, surge };
    const create = (ng, what) => ({
        ...base,
        description: `Replace nodegroup ${name} (custom AMI: eksctl cannot upgrade it in place; ${other}), ${what}: create nodegroup ${ng} at Kubernetes ${minor} ` +
            `from ${replacementConfigFile(config, ng, minor)}, the ClusterConfig with only nodegroup ${ng}: ${name}'s entry (instance types, labels, taints, bounds, AMI family; ` +
            `desired size ${ng === surge ? `${name}'s` : `${surge}'s`} at apply time) at metadata.version ${minor}`,
        argv: ['eksctl', 'create', 'nodegroup', `--config-file=${replacementConfigFile(config, ng, minor)}`],
        timeoutMs: 40 * MINUTE,
        target,
    });
    const remove = (ng, what) => ({
        ...base,
        description: `Replace nodegroup ${name}, ${what}: drain and delete nodegroup ${ng} (refused while ${ng === name ? surge : `${name} below ${minor}`} is not there)`,
        argv: ['eksctl', 'delete', 'nodegroup', ...where, `--name=${ng}`, '--drain', '--approve', '--wait'],
        timeoutMs: 60 * MINUTE,
        target,
    });
    switch (phase) {
        case 'surge':
            return create(surge, `step 1 of 4 (skipped when ${surge} exists or ${name} runs ${minor})`);
        case 'drain':
            return remove(name, `step 2 of 4, its pods move to ${surge} (skipped when ${name} is gone or runs ${minor})`);
        case 'recreate':
            return create(name, `step 3 of 4 (skipped when ${name} exists at ${minor})`);
        case 'drain-surge':
            return remove(surge, `step 4 of 4, the pods move back to ${name} (skipped when ${surge} is gone)`);
    }
}
/**
 * The rounds to `minors`, in order. `how` says per pool whether its nodegroup is upgraded in place or
 * replaced (default: by the reference's AMI family, a custom AMI, so replaced).
 */
function eksUpgradeSteps(config, minors, how = { services: 'replace', workspaces: 'replace' }, addons = { coredns: 'eks-addon', 'kube-proxy': 'eks-addon' }) {
    const where = [`--cluster=${config.clusterName}`, `--region=${config.region}`];
    return minors.flatMap((minor) => [
        {
            id: `upgrade-control-plane-${minor}`,
            description: `Upgrade the EKS control plane of ${config.clusterName} to Kubernetes ${minor} (skipped when it runs ${minor} already)`,
            argv: [
                'eksctl',
                'upgrade',
                'cluster',
                `--name=${config.clusterName}`,
                `--region=${config.region}`,
                `--version=${minor}`,
                '--approve',
            ],
            timeoutMs: 60 * MINUTE,
            minor,
            target: { kind: 'control-plane' },
        },
        ..._reference_js__WEBPACK_IMPORTED_MODULE_1__/* .POOL_ROLES */ .Fe.flatMap((role) => how[role] === 'replace'
            ? NODEGROUP_REPLACEMENT.map((phase) => replacementStep(config, role, minor, phase))
            : [
                {
                    id: `upgrade-${role}-nodegroup-${minor}`,
                    description: `Upgrade nodegroup ${config.pools[role].name} to Kubernetes ${minor}, node by node (EKS AMI; skipped when it runs ${minor} already)`,
                    argv: [
                        'eksctl',
                        'upgrade',
                        'nodegroup',
                        ...where,
                        `--name=${config.pools[role].name}`,
                        `--kubernetes-version=${minor}`,
                    ],
                    timeoutMs: 120 * MINUTE,
                    minor,
                    target: { kind: 'nodegroup', role },
                },
            ]),
        ...ROUND_ADDONS.map((addon) => {
            const managed = addons[addon] === 'eks-addon';
            const what = addon === 'coredns' ? 'CoreDNS' : 'kube-proxy';
            return {
                id: `upgrade-${addon}-${minor}`,
                description: managed
                    ? `Update the EKS add-on ${addon} to its newest version for Kubernetes ${minor} (skipped when it runs that already)`
                    : addon === 'coredns'
                        ? `Update ${what} to the release for Kubernetes ${minor} (self-managed; skipped once kube-proxy runs ${minor}: the round is done)`
                        : `Update ${what} to Kubernetes ${minor} (self-managed; skipped when its image is ${minor} already)`,
                argv: managed
                    ? ['eksctl', 'update', 'addon', ...where, `--name=${addon}`, '--version=latest', '--wait']
                    : ['eksctl', 'utils', `update-${addon}`, ...where, '--approve'],
                timeoutMs: 15 * MINUTE,
                minor,
                target: { kind: 'addon', addon, managed },
            };
        }),
    ]);
}
/**
 * What `plan` shows: the round to the asked minor (apply runs one per minor from the cluster's own), each
 * nodegroup upgraded as its ClusterConfig entry says: replaced on a custom AMI (`ami`, or an Ubuntu family
 * as by default), in place otherwise. Apply decides again from what EKS reports (amiType CUSTOM).
 */
function eksPlannedUpgrade(config, doc) {
    const asked = config.kubernetesVersion;
    if (asked === 'latest')
        return [];
    const how = Object.fromEntries(_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .POOL_ROLES */ .Fe.map((role) => {
        const ng = doc?.managedNodeGroups.find((g) => g.name === config.pools[role].name);
        return [role, !ng || (0,_eksctl_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .customAmiNodegroup */ .qj)(ng) ? 'replace' : 'in-place'];
    }));
    return eksUpgradeSteps(config, [asked.split('.').slice(0, 2).join('.')], how);
}


/***/ })

};
