export const id = 192;
export const ids = [192];
export const modules = {

/***/ 36192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gcpProvider: () => (/* binding */ gcpProvider)
});

// EXTERNAL MODULE: ./src/markdown.ts
var markdown = __webpack_require__(83758);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/steps.ts
var steps = __webpack_require__(36992);
// EXTERNAL MODULE: ./src/verify/checks.ts + 1 modules
var checks = __webpack_require__(81612);
// EXTERNAL MODULE: ./src/regions.ts
var regions = __webpack_require__(75374);
// EXTERNAL MODULE: ./src/providers/gcp/machines.ts
var machines = __webpack_require__(74841);
// EXTERNAL MODULE: ./src/providers/gcp/request.ts
var request = __webpack_require__(21494);
// EXTERNAL MODULE: ./src/providers/gcp/regions.ts
var gcp_regions = __webpack_require__(46382);
;// CONCATENATED MODULE: ./src/providers/gcp/footprint.ts





function gcpLayout(config) {
    const zones = config.nodeLocations.length
        ? config.nodeLocations.length
        : (0,gcp_regions/* GCP_DEFAULT_ZONES_FOR */.dj)((0,regions/* zonesOf */.j)(gcp_regions/* GCP_REGIONS */.ZH, config.region)?.length);
    return {
        zones,
        zoneNames: [...config.nodeLocations],
        natGateways: 0,
        pools: reference/* POOL_ROLES */.Fe.map((role) => {
            const p = config.pools[role];
            return {
                role,
                name: p.name,
                machineType: p.machineType,
                minNodes: p.minNodes,
                maxNodes: p.maxNodes,
                initialNodes: (0,request/* initialNodesPerZone */.fV)(p),
                perZone: true,
                disk: { type: reference/* GCP */.lI.pool.diskType, sizeGb: config.diskSizeGb },
                externalIpPerNode: true,
            };
        }),
    };
}
const GCP_FOOTPRINT = { layout: gcpLayout, shape: machines/* gcpMachineShape */.h };

;// CONCATENATED MODULE: ./src/providers/gcp/prices.ts

/** Per family: [vCPU-hour, GB-hour] in us-central1. */
const US_TIER1_RATES = {
    n2d: [0.027502, 0.003686],
    n2: [0.031611, 0.004237],
    e2: [0.021811, 0.002923],
    c3: [0.03465, 0.003938],
};
/** The machine types priced: each standard type of the families above, vCPUs × rate + GB × rate. */
function machineHours(rates) {
    const out = {};
    const sizes = {
        n2d: [2, 4, 8, 16, 32, 48, 64, 80, 96],
        n2: [2, 4, 8, 16, 32, 48, 64, 80, 96],
        e2: [2, 4, 8, 16, 32],
        c3: [4, 8, 22, 44, 88, 176],
    };
    for (const [family, [cpu, gb]] of Object.entries(rates)) {
        for (const n of sizes[family] ?? []) {
            const type = `${family}-standard-${n}`;
            const shape = (0,machines/* gcpMachineShape */.h)(type);
            out[type] = Math.round((shape.vcpus * cpu + shape.memoryGb * gb) * 1e6) / 1e6;
        }
    }
    return out;
}
const US_TIER1 = {
    machineHour: machineHours(US_TIER1_RATES),
    disk: { 'pd-ssd': { gbMonth: 0.17 } },
    clusterHour: 0.1,
};
const GCP_PRICES = {
    currency: 'USD',
    date: '2026-12-07',
    sources: [
        'https://cloud.google.com/compute/vm-instance-pricing',
        'https://cloud.google.com/compute/disks-image-pricing',
        'https://cloud.google.com/kubernetes-engine/pricing',
    ],
    clusterFeeName: 'GKE cluster management fee',
    regions: { 'us-central1': US_TIER1, 'us-east1': US_TIER1, 'us-west1': US_TIER1 },
    usageBilled: ['network egress and load balancers (billed by use)'],
};

// EXTERNAL MODULE: ./src/providers/gcp/plan.ts
var plan = __webpack_require__(9920);
// EXTERNAL MODULE: ./src/providers/gcp/upgrade.ts
var upgrade = __webpack_require__(50675);
;// CONCATENATED MODULE: ./src/providers/gcp/index.ts









const MINUTE = 60_000;
const gcpProvider = {
    name: 'gcp',
    platform: 'GKE',
    destroyTool: 'gcloud',
    networkIsDrift: true,
    plan: (config) => ({
        // The upgrade round to the asked version; apply runs one per minor, and none when the cluster is there.
        steps: (0,steps/* insertBefore */.nc)((0,plan/* gcpSteps */.ys)(config, (0,plan/* GCP_PLAN_FACTS */.hO)(config)), 'kubeconfig', (0,upgrade/* gkePlannedUpgrade */.Q)(config)),
    }),
    apply: async (config, io) => (await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(815), __webpack_require__.e(892), __webpack_require__.e(224)]).then(__webpack_require__.bind(__webpack_require__, 75843))).applyFlow(config, io),
    preflight: async (config, log) => (await __webpack_require__.e(/* import() */ 472).then(__webpack_require__.bind(__webpack_require__, 16472))).gcpPreflight(config, log),
    cloud: async (config, log) => (await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 59918))).gcpCloud(config, log),
    destroySteps: (config) => [
        {
            id: 'delete-cluster',
            description: `Delete GKE cluster ${config.clusterName} in ${config.region} with its node pools`,
            argv: [
                'gcloud',
                '--quiet',
                'container',
                'clusters',
                'delete',
                config.clusterName,
                `--project=${config.project}`,
                `--region=${config.region}`,
            ],
            timeoutMs: 60 * MINUTE,
        },
    ],
    leftovers: (config) => {
        const email = (0,plan/* serviceAccountEmail */.de)(config);
        return [
            `Service account ${email} (other clusters of project ${config.project} may run as it); to remove it: ${(0,steps/* shellQuote */.ZL)(['gcloud', 'iam', 'service-accounts', 'delete', email, `--project=${config.project}`])}`,
            `Its project roles ${reference/* GCP */.lI.serviceAccount.roles.join(', ')}; to remove one: ${(0,steps/* shellQuote */.ZL)(['gcloud', 'projects', 'remove-iam-policy-binding', config.project, `--member=serviceAccount:${email}`, `--role=${reference/* GCP */.lI.serviceAccount.roles[0]}`])}`,
            `The subnetwork ${reference/* GCP */.lI.cluster.subnetworkPrefix}${config.clusterName} is deleted with the cluster; persistent disks of PersistentVolumes with reclaim policy Retain are not.`,
            `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
        ];
    },
    desiredPools: plan/* gcpDesiredPools */.Ck,
    fixes: plan/* gcpFixes */.Uf,
    clusterDifferences: () => [],
    where: (config) => `${config.project}/${config.region}`,
    settingsFacts: (config) => ({ where: `project ${(0,markdown/* mdCode */.xs)(config.project)}, `, extra: '', perZone: ' per zone' }),
    networkFacts: async (_config, observed) => ({ networkPolicy: observed.network.networkPolicy }),
    checkNetwork: (_config, facts) => (0,checks/* item */.AS)('network', facts.networkPolicy === true ? [] : [(0,checks/* error */.z3)('network policy enforcement is off on the GKE cluster')]),
    calicoPin: () => undefined,
    estimate: { footprint: GCP_FOOTPRINT, prices: GCP_PRICES, regions: gcp_regions/* GCP_REGIONS */.ZH },
    estimateConfig: () => undefined,
    notFound: (config) => `GKE cluster ${config.clusterName} not found in project ${config.project}, region ${config.region}: check cluster-name, region and project`,
};


/***/ }),

/***/ 74841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ gcpMachineShape),
/* harmony export */   l: () => (/* binding */ gcpCpuQuotaMetric)
/* harmony export */ });
/** Per family and class: GB of memory per vCPU, and the predefined vCPU counts. */
const FAMILIES = {
    n2d: {
        standard: { gbPerVcpu: 4, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224] },
        highmem: { gbPerVcpu: 8, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96] },
        highcpu: { gbPerVcpu: 1, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224] },
    },
    n2: {
        standard: { gbPerVcpu: 4, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128] },
        highmem: { gbPerVcpu: 8, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128] },
        highcpu: { gbPerVcpu: 1, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96] },
    },
    e2: {
        standard: { gbPerVcpu: 4, vcpus: [2, 4, 8, 16, 32] },
        highmem: { gbPerVcpu: 8, vcpus: [2, 4, 8, 16] },
        highcpu: { gbPerVcpu: 1, vcpus: [2, 4, 8, 16, 32] },
    },
    c3: {
        standard: { gbPerVcpu: 4, vcpus: [4, 8, 22, 44, 88, 176] },
        highmem: { gbPerVcpu: 8, vcpus: [4, 8, 22, 44, 88, 176] },
        highcpu: { gbPerVcpu: 2, vcpus: [4, 8, 22, 44, 88, 176] },
    },
    c3d: {
        standard: { gbPerVcpu: 4, vcpus: [4, 8, 16, 30, 60, 90, 180, 360] },
        highmem: { gbPerVcpu: 8, vcpus: [4, 8, 16, 30, 60, 90, 180, 360] },
        highcpu: { gbPerVcpu: 2, vcpus: [4, 8, 16, 30, 60, 90, 180, 360] },
    },
};
/** Shared-core and other types whose shape follows no family rule. */
const SINGLES = {
    'e2-medium': { vcpus: 2, memoryGb: 4 },
    'e2-small': { vcpus: 2, memoryGb: 2 },
    'e2-micro': { vcpus: 2, memoryGb: 1 },
};
function gcpMachineShape(machineType) {
    const single = SINGLES[machineType];
    if (single)
        return single;
    const m = /^([a-z0-9]+)-([a-z]+)-([0-9]+)$/.exec(machineType);
    const rule = m ? FAMILIES[m[1]]?.[m[2]] : undefined;
    const vcpus = Number(m?.[3]);
    if (!rule || !rule.vcpus.includes(vcpus))
        return undefined;
    return { vcpus, memoryGb: vcpus * rule.gbPerVcpu };
}
/** Families whose vCPUs count against the region's general CPUS quota (the others have `<FAMILY>_CPUS`). */
const GENERAL_CPU_FAMILIES = new Set(['E2', 'N1', 'F1', 'G1']);
/**
 * The Compute Engine CPU quota metric a machine type's vCPUs count against: `N2D_CPUS`, or `CPUS` for E2/N1.
 * Given the metrics a region reports, a family without its own metric there counts against `CPUS`.
 */
function gcpCpuQuotaMetric(machineType, regionMetrics) {
    const family = machineType.split('-')[0].toUpperCase();
    if (GENERAL_CPU_FAMILIES.has(family))
        return 'CPUS';
    const own = `${family}_CPUS`;
    return !regionMetrics || regionMetrics.has(own) ? own : 'CPUS';
}


/***/ }),

/***/ 9920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ gcpDesiredPools),
/* harmony export */   Pq: () => (/* binding */ CLUSTER_ADMIN_BINDING),
/* harmony export */   Uf: () => (/* binding */ gcpFixes),
/* harmony export */   de: () => (/* reexport safe */ _request_js__WEBPACK_IMPORTED_MODULE_3__.de),
/* harmony export */   hO: () => (/* binding */ GCP_PLAN_FACTS),
/* harmony export */   ys: () => (/* binding */ gcpSteps)
/* harmony export */ });
/* unused harmony exports GCP_STEP_IDS, labelList, nodeLocationsFlag, nodePoolLabelsArgv, nodePoolAutoscalingArgv, nodePoolArgv */
/* harmony import */ var _desired_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73761);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98286);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94846);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21494);
/**
 * The GKE flow as data: the ordered steps of the reference document's GCP section, each with the
 * exact gcloud argv it runs (or the API request it sends). `plan` prints this list; `apply` pairs it with
 * probes (src/providers/gcp/apply.ts) and runs it.
 *
 * The cluster comes with both Gitpod pools in one `clusters.create` (src/providers/gcp/request.ts): one
 * long operation where the reference runs four (the cluster with a default pool, its deletion, then
 * each pool). The pool steps stay for a cluster that lacks a pool (a cancelled run, an earlier version of
 * this action, someone's deletion): they create what is missing, both at once, and fix labels and
 * autoscaling in place; on a cluster this flow just made they find nothing to do.
 */






const GCP_STEP_IDS = [
    'service-account',
    'iam-roles',
    'cluster',
    'default-pool',
    'services-pool',
    'workspaces-pool',
    'kubeconfig',
    'cluster-admin-binding',
    _record_js__WEBPACK_IMPORTED_MODULE_2__/* .RECORD_STEP_ID */ .ho,
];
const GCP_PLAN_FACTS = (config) => ({
    clusterVersion: config.kubernetesVersion,
    account: '<the account of the credentials in use>',
});
/** `key=value,key=value` in a stable order: the reference labels first, then the extra labels. */
function labelList(labels) {
    return Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
}
const MINUTE = 60_000;
/** The node-pool steps run at the same time (GKE runs one operation per node pool at a time). */
const NODE_POOLS = 'node-pools';
function location(config) {
    return [`--project=${config.project}`, `--region=${config.region}`];
}
/** `--node-locations=<zones>` when `node-locations` is given; without it GKE picks three zones of the region. */
function nodeLocationsFlag(config) {
    return config.nodeLocations.length ? [`--node-locations=${config.nodeLocations.join(',')}`] : [];
}
/** The RBAC binding the reference document creates for the current identity. */
const CLUSTER_ADMIN_BINDING = {
    name: 'cluster-admin-binding',
    clusterRole: 'cluster-admin',
    apiGroup: 'rbac.authorization.k8s.io',
};
/** `gcloud container node-pools <verb> <pool> --cluster=… --project=… --region=…`, then the verb's flags. */
function nodePoolCommand(config, verb, pool, flags) {
    return [
        'gcloud',
        'container',
        'node-pools',
        verb,
        pool.name,
        `--cluster=${config.clusterName}`,
        ...location(config),
        ...flags,
    ];
}
/** In-place fix of a pool's labels: gcloud replaces the pool's whole label set with this list. */
function nodePoolLabelsArgv(config, pool, labels) {
    return nodePoolCommand(config, 'update', pool, [`--node-labels=${labelList(labels)}`]);
}
/** In-place fix of a pool's autoscaling bounds (gcloud takes them apart from the labels). */
function nodePoolAutoscalingArgv(config, pool) {
    return nodePoolCommand(config, 'update', pool, [
        '--enable-autoscaling',
        `--min-nodes=${pool.minNodes}`,
        `--max-nodes=${pool.maxNodes}`,
    ]);
}
function nodePoolArgv(config, pool) {
    const p = _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.pool;
    return nodePoolCommand(config, 'create', pool, [
        ...nodeLocationsFlag(config),
        `--machine-type=${pool.machineType}`,
        `--disk-type=${p.diskType}`,
        `--disk-size=${config.diskSizeGb}`,
        `--image-type=${p.imageType}`,
        `--num-nodes=${(0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .initialNodesPerZone */ .fV)(pool)}`,
        '--enable-autoscaling',
        `--min-nodes=${pool.minNodes}`,
        `--max-nodes=${pool.maxNodes}`,
        '--enable-autorepair',
        `--metadata=${labelList(p.metadata)}`,
        `--scopes=${p.scopes.join(',')}`,
        `--service-account=${(0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceAccountEmail */ .de)(config)}`,
        `--node-labels=${labelList(pool.labels)}`,
        `--max-pods-per-node=${config.maxPods}`,
    ]);
}
function poolDescription(config, pool) {
    return (`Node pool ${pool.name} (${pool.machineType}, ${pool.minNodes}-${pool.maxNodes} nodes per zone, ${config.maxPods} pods per node) ` +
        `labelled ${labelList(pool.labels)}: made with the cluster; created here when missing, relabelled or rescaled in place`);
}
function gcpSteps(config, facts) {
    const sa = _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.serviceAccount;
    const c = _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.cluster;
    const email = (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceAccountEmail */ .de)(config);
    const { services, workspaces } = config.pools;
    return [
        {
            id: 'service-account',
            description: `Service account ${email} for the cluster's nodes`,
            argv: [
                'gcloud',
                'iam',
                'service-accounts',
                'create',
                sa.name,
                `--display-name=${sa.displayName}`,
                `--project=${config.project}`,
            ],
            timeoutMs: 5 * MINUTE,
        },
        {
            id: 'iam-roles',
            description: `Project roles for ${email}: ${sa.roles.join(', ')}`,
            api: `one read-modify-write of the IAM policy of project ${config.project} (getIamPolicy, then setIamPolicy with its etag) adding only the missing bindings`,
            request: (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .iamPolicyRequest */ .x2)(config, `serviceAccount:${email}`, sa.roles),
            timeoutMs: 5 * MINUTE,
        },
        {
            id: 'cluster',
            description: `Regional GKE cluster ${config.clusterName} in ${config.region}, Kubernetes ${facts.clusterVersion}, with both Gitpod node pools (${services.name}, ${workspaces.name}) in one clusters.create, no default pool`,
            request: (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .clusterCreateRequest */ .YE)(config, facts.clusterVersion),
            timeoutMs: 45 * MINUTE,
        },
        {
            id: 'default-pool',
            description: `Delete the node pool ${c.defaultPoolName} if the cluster has one (gcloud and the reference's commands make it; this flow does not)`,
            argv: [
                'gcloud',
                '--quiet',
                'container',
                'node-pools',
                'delete',
                c.defaultPoolName,
                `--cluster=${config.clusterName}`,
                ...location(config),
            ],
            timeoutMs: 30 * MINUTE,
            concurrent: NODE_POOLS,
        },
        {
            id: 'services-pool',
            description: poolDescription(config, services),
            argv: nodePoolArgv(config, services),
            timeoutMs: 30 * MINUTE,
            concurrent: NODE_POOLS,
        },
        {
            id: 'workspaces-pool',
            description: poolDescription(config, workspaces),
            argv: nodePoolArgv(config, workspaces),
            timeoutMs: 30 * MINUTE,
            concurrent: NODE_POOLS,
        },
        {
            id: 'kubeconfig',
            description: `Kubeconfig for ${config.clusterName} written to ${config.kubeconfigPath} (mode 0600), KUBECONFIG exported`,
            api: `GKE projects.locations.clusters.get for the endpoint and CA certificate`,
            timeoutMs: 2 * MINUTE,
        },
        {
            id: 'cluster-admin-binding',
            description: `ClusterRoleBinding ${CLUSTER_ADMIN_BINDING.name}: ${CLUSTER_ADMIN_BINDING.clusterRole} for ${facts.account}`,
            api: `Kubernetes API: create ${CLUSTER_ADMIN_BINDING.apiGroup}/v1 ClusterRoleBinding ${CLUSTER_ADMIN_BINDING.name} when missing`,
            timeoutMs: 2 * MINUTE,
        },
        (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .recordStep */ .IC)(),
    ];
}
/** The Gitpod pools as the GKE API should show them. */
function gcpDesiredPools(config) {
    return (0,_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .desiredPoolsOf */ .RK)(config, { maxPods: config.maxPods, image: _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.pool.imageType });
}
function poolOf(config, want) {
    return { ...config.pools[want.role], name: want.name, minNodes: want.minNodes, maxNodes: want.maxNodes };
}
/** What GKE changes on an existing node pool: labels and autoscaling in place; machine, pods, image never. */
function gcpFixes(config) {
    return {
        poolNoun: 'node pool',
        fieldName: {
            machineType: 'machine type',
            minNodes: 'min nodes',
            maxNodes: 'max nodes',
            maxPods: 'max pods per node',
            image: 'image type',
        },
        labels: (want, have) => ({
            kind: 'in-place',
            argvs: [nodePoolLabelsArgv(config, poolOf(config, want), (0,_desired_js__WEBPACK_IMPORTED_MODULE_0__/* .wantedLabels */ .dQ)(want.labels, have.labels))],
        }),
        scaling: (want) => ({ kind: 'in-place', argvs: [nodePoolAutoscalingArgv(config, poolOf(config, want))] }),
        immutable: (want) => ({
            why: 'GKE cannot change it on an existing node pool, and apply will not recreate the pool',
            todo: `set the inputs to match the pool, or delete it (gcloud container node-pools delete ${want.name} --cluster=${config.clusterName} --region=${config.region}) and re-run apply`,
        }),
    };
}


/***/ }),

/***/ 21494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YE: () => (/* binding */ clusterCreateRequest),
/* harmony export */   de: () => (/* binding */ serviceAccountEmail),
/* harmony export */   fV: () => (/* binding */ initialNodesPerZone),
/* harmony export */   x2: () => (/* binding */ iamPolicyRequest)
/* harmony export */ });
/* unused harmony exports CONTAINER_HOST, clusterParent, nodePoolBody, clusterBody, CRM_HOST */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);

const CONTAINER_HOST = 'container.googleapis.com';
/** The email of the nodes' service account (GCP.serviceAccount) in the project of these inputs. */
function serviceAccountEmail(config) {
    return `${_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GCP */ .lI.serviceAccount.name}@${config.project}.iam.gserviceaccount.com`;
}
/**
 * Nodes per zone a new pool starts with: its `initialNodeCount` here, `--num-nodes` of a pool step, and what
 * preflight and the footprint count. Within the autoscaling bounds, and at least one so the pool serves.
 */
function initialNodesPerZone(pool) {
    return Math.min(Math.max(pool.minNodes, 1), pool.maxNodes);
}
/** `projects/<p>/locations/<region>`: the parent of the cluster. */
function clusterParent(config) {
    return `projects/${config.project}/locations/${config.region}`;
}
/** A node pool as `clusters.create` (and `nodePools.create`) take it: what `gcloud container node-pools create` sends. */
function nodePoolBody(config, pool) {
    const p = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GCP */ .lI.pool;
    return {
        name: pool.name,
        initialNodeCount: initialNodesPerZone(pool),
        ...(config.nodeLocations.length ? { locations: [...config.nodeLocations] } : {}),
        autoscaling: { enabled: true, minNodeCount: pool.minNodes, maxNodeCount: pool.maxNodes },
        // On a release channel GKE refuses autoUpgrade false; gcloud sends both on every pool.
        management: { autoRepair: p.autorepair, autoUpgrade: true },
        maxPodsConstraint: { maxPodsPerNode: String(config.maxPods) },
        upgradeSettings: { maxSurge: p.maxSurge },
        config: {
            machineType: pool.machineType,
            diskType: p.diskType,
            diskSizeGb: config.diskSizeGb,
            imageType: p.imageType,
            labels: { ...pool.labels },
            metadata: { ...p.metadata },
            oauthScopes: [...p.oauthScopes],
            serviceAccount: serviceAccountEmail(config),
        },
    };
}
/** The cluster itself, without its pools: what `gcloud container clusters create` sends at cluster level. */
function clusterBody(config, version) {
    const c = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GCP */ .lI.cluster;
    return {
        name: config.clusterName,
        initialClusterVersion: version,
        releaseChannel: { channel: c.releaseChannel.toUpperCase() },
        ...(config.nodeLocations.length ? { locations: [...config.nodeLocations] } : {}),
        addonsConfig: structuredClone(c.addonsConfig),
        networkPolicy: { ...c.networkPolicy },
        ipAllocationPolicy: {
            useIpAliases: c.ipAlias,
            createSubnetwork: true,
            subnetworkName: `${c.subnetworkPrefix}${config.clusterName}`,
        },
        defaultMaxPodsConstraint: { maxPodsPerNode: String(config.maxPods) },
    };
}
/**
 * `POST /v1/projects/<p>/locations/<r>/clusters` with both Gitpod pools: one long operation makes the
 * cluster with the pools as they should be, and no default pool ever exists. `version` is the resolved
 * version in `apply`, the input (`latest`, `1.33`: GKE takes both) in `plan`.
 */
function clusterCreateRequest(config, version) {
    return {
        method: 'POST',
        host: CONTAINER_HOST,
        path: `/v1/${clusterParent(config)}/clusters`,
        body: {
            cluster: {
                ...clusterBody(config, version),
                nodePools: [nodePoolBody(config, config.pools.services), nodePoolBody(config, config.pools.workspaces)],
            },
        },
    };
}
const CRM_HOST = 'cloudresourcemanager.googleapis.com';
/**
 * The write of the project policy's read-modify-write (GcpRest.ensureBindings): `setIamPolicy` with the
 * policy `getIamPolicy` returned (asked for version 3, so conditional bindings survive) and its etag, each
 * role's unconditional binding gaining the member. What only the read knows is named in angle brackets;
 * a role the member already holds is left as read, and nothing missing means no write at all.
 */
function iamPolicyRequest(config, member, roles) {
    return {
        method: 'POST',
        host: CRM_HOST,
        path: `/v1/projects/${config.project}:setIamPolicy`,
        body: {
            policy: {
                version: '<the version getIamPolicy returned>',
                etag: '<the etag getIamPolicy returned>',
                bindings: [
                    '<every other binding getIamPolicy returned, unchanged>',
                    ...roles.map((role) => ({ role, members: ['<the members getIamPolicy returned for this role>', member] })),
                ],
            },
        },
    };
}


/***/ }),

/***/ 50675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ gkeUpgradeSteps),
/* harmony export */   Q: () => (/* binding */ gkePlannedUpgrade)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);

const MINUTE = 60_000;
function upgradeArgv(config, what, version) {
    return [
        'gcloud',
        '--quiet',
        'container',
        'clusters',
        'upgrade',
        config.clusterName,
        what,
        `--cluster-version=${version}`,
        `--project=${config.project}`,
        `--region=${config.region}`,
    ];
}
function gkeUpgradeSteps(config, rounds) {
    return rounds.flatMap((round) => [
        {
            id: `upgrade-control-plane-${round.minor}`,
            description: `Upgrade the control plane of ${config.clusterName} to Kubernetes ${round.version} (skipped when it runs ${round.minor} already)`,
            argv: upgradeArgv(config, '--master', round.version),
            timeoutMs: 60 * MINUTE,
            round,
            target: { kind: 'control-plane' },
        },
        ..._reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.map((role) => ({
            id: `upgrade-${role}-pool-${round.minor}`,
            description: `Upgrade node pool ${config.pools[role].name} to Kubernetes ${round.version}, surge by surge (skipped when it runs ${round.minor} already)`,
            argv: upgradeArgv(config, `--node-pool=${config.pools[role].name}`, round.version),
            timeoutMs: 120 * MINUTE,
            round,
            target: { kind: 'pool', role },
        })),
    ]);
}
/** What `plan` shows: one round to the asked version (apply runs one per minor from the cluster's own). */
function gkePlannedUpgrade(config) {
    const asked = config.kubernetesVersion;
    if (asked === 'latest')
        return [];
    const minor = asked.split('.').slice(0, 2).join('.');
    return gkeUpgradeSteps(config, [{ minor, version: asked }]);
}


/***/ })

};
