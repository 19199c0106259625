export const id = 472;
export const ids = [472];
export const modules = {

/***/ 4504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zu: () => (/* binding */ quotaOutcome),
/* harmony export */   cR: () => (/* binding */ preflightWith)
/* harmony export */ });
/* unused harmony exports PreflightFailedError, deniedFinding, runChecks, quotaFindings, logReport, reportMarkdown */
/** ERROR when any is, else WARNING when any is, else OK. */
function overallStatusOf(statuses) {
    if (statuses.includes('ERROR'))
        return 'ERROR';
    return statuses.includes('WARNING') ? 'WARNING' : 'OK';
}
/** Thrown by `apply` (and the `preflight` command) when a check ended in ERROR. */
class PreflightFailedError extends Error {
    report;
    constructor(report) {
        const errors = report.items.flatMap((i) => i.errors.filter((e) => e.type === 'ERROR').map((e) => e.message));
        super(`preflight found ${errors.length} problem${errors.length === 1 ? '' : 's'} before anything was created: ${errors.join(' | ')}`);
        this.report = report;
        this.name = 'PreflightFailedError';
    }
}
/** A denied read counts as WARNING, never as a failure of the thing it would have checked. */
function deniedFinding(check, why) {
    return {
        type: 'WARNING',
        message: `${check.name}: not checked, the credentials may not read it (${why}); \`${check.permission}\` would allow it`,
    };
}
/** Runs the checks one after the other (each makes few requests) and builds the report. */
async function runChecks(provider) {
    const items = [];
    for (const check of provider.checks) {
        let outcome;
        try {
            outcome = await check.run();
        }
        catch (err) {
            const why = provider.describe(err);
            outcome = {
                errors: [
                    provider.isDenied(err)
                        ? deniedFinding(check, why)
                        : { type: 'WARNING', message: `${check.name}: not checked, the read failed: ${why}` },
                ],
            };
        }
        const errors = outcome.errors ?? [];
        items.push({
            name: check.name,
            description: check.description,
            status: overallStatusOf(errors.map((e) => e.type)),
            errors,
            ...(outcome.details?.length ? { details: outcome.details } : {}),
        });
    }
    return {
        status: overallStatusOf(items.map((i) => i.status)),
        provider: provider.provider,
        cluster: provider.cluster,
        region: provider.region,
        items,
    };
}
const n = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
/** A quota's verdict: ERROR when the need does not fit, WARNING when only the maximum would not. */
function quotaFindings(q) {
    const unit = q.unit ? ` ${q.unit}` : '';
    const free = Math.max(q.limit - q.usage, 0);
    const why = q.breakdown ? ` (${q.breakdown})` : '';
    const detail = `${q.quota} in ${q.scope}: need ${n(q.need)}${unit}${why}, ${n(q.usage)} in use, limit ${n(q.limit)}`;
    if (q.need > free) {
        const short = q.need - free;
        return {
            errors: [
                {
                    type: 'ERROR',
                    message: `${detail}: short by ${n(short)}${unit}. ${q.fix(Math.ceil(q.usage + q.need))}`,
                },
            ],
            detail,
        };
    }
    if (q.needAtMax !== undefined && q.needAtMax > free) {
        return {
            errors: [
                {
                    type: 'WARNING',
                    message: `${q.quota} in ${q.scope}: the pools at their maximum size need ${n(q.needAtMax)}${unit}, ${n(free)} free (limit ${n(q.limit)}, ${n(q.usage)} in use): the autoscaler stops ${n(q.needAtMax - free)}${unit} short. ${q.fix(Math.ceil(q.usage + q.needAtMax))}`,
                },
            ],
            detail,
        };
    }
    return { errors: [], detail };
}
/** Quota needs → one check outcome (needs of 0 are left out: nothing to create counts against them). */
function quotaOutcome(needs) {
    const errors = [];
    const details = [];
    for (const q of needs) {
        if (q.need <= 0 && !(q.needAtMax && q.needAtMax > 0)) {
            details.push(`${q.quota} in ${q.scope}: nothing to create counts against it`);
            continue;
        }
        const f = quotaFindings(q);
        errors.push(...f.errors);
        details.push(f.detail);
    }
    return { errors, details };
}
// --- rendering ----------------------------------------------------------------------------------------
const ICON = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };
/** Log lines: one per check, then one per finding (ERRORs as errors, WARNINGs as warnings). */
function logReport(report, io) {
    io.log.info(`Preflight for ${report.provider} cluster ${report.cluster} in ${report.region}: ${report.status} (${report.items.length} checks)`);
    for (const item of report.items) {
        io.log.info(`  ${item.status.padEnd(7)} ${item.name}: ${item.description}`);
        for (const d of item.details ?? [])
            io.log.info(`          ${d}`);
    }
    for (const item of report.items) {
        for (const e of item.errors) {
            if (e.type === 'ERROR')
                io.log.error(e.message);
            else
                io.log.warning(e.message);
        }
    }
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function reportMarkdown(report) {
    const lines = [
        `### ${ICON[report.status]} Preflight: ${report.status}`,
        '',
        '| check | status | findings |',
        '|---|---|---|',
    ];
    for (const item of report.items) {
        const found = item.errors.length
            ? item.errors.map((e) => `${ICON[e.type]} ${cell(e.message)}`).join('<br/>')
            : cell((item.details ?? []).join('; ') || item.description);
        lines.push(`| \`${item.name}\` | ${ICON[item.status]} ${item.status} | ${found} |`);
    }
    return lines.join('\n') + '\n';
}
/** Runs the checks, reports them (log, job summary, `preflight` output) and throws when one ended in ERROR. */
async function preflightWith(provider, io) {
    const report = await io.group('Preflight', async () => {
        const r = await runChecks(provider);
        logReport(r, io);
        return r;
    });
    io.setOutput('preflight', JSON.stringify(report));
    await io.appendSummary(`## 🛫 gitpod-cluster-action preflight\n\n${reportMarkdown(report)}\n`);
    if (report.status === 'ERROR')
        throw new PreflightFailedError(report);
    return report;
}


/***/ }),

/***/ 16472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GCP_APPLY_PERMISSIONS: () => (/* binding */ GCP_APPLY_PERMISSIONS),
/* harmony export */   GCP_REQUIRED_SERVICES: () => (/* binding */ GCP_REQUIRED_SERVICES),
/* harmony export */   GKE_DEFAULT_ZONE_COUNT: () => (/* binding */ GKE_DEFAULT_ZONE_COUNT),
/* harmony export */   gcpPreflight: () => (/* binding */ gcpPreflight),
/* harmony export */   gcpQuotaNeeds: () => (/* binding */ gcpQuotaNeeds),
/* harmony export */   shapeFromName: () => (/* binding */ shapeFromName)
/* harmony export */ });
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83169);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98286);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4504);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9920);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21494);
/* harmony import */ var _machines_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74841);






/** The APIs apply (and its gcloud) calls. */
const GCP_REQUIRED_SERVICES = [
    'container.googleapis.com',
    'compute.googleapis.com',
    'iam.googleapis.com',
    'cloudresourcemanager.googleapis.com',
];
/** GKE spreads a regional cluster's node pools over three zones of the region unless told otherwise. */
const GKE_DEFAULT_ZONE_COUNT = 3;
/**
 * The IAM permissions of apply's steps, with a predefined role that holds each (for the fix line). Which
 * apply needs depends on what exists: creating is not needed for what is there.
 */
const GCP_APPLY_PERMISSIONS = [
    { permission: 'iam.serviceAccounts.get', role: 'roles/iam.serviceAccountAdmin' },
    { permission: 'iam.serviceAccounts.create', role: 'roles/iam.serviceAccountAdmin', when: 'no-sa' },
    { permission: 'iam.serviceAccounts.actAs', role: 'roles/iam.serviceAccountUser' },
    { permission: 'resourcemanager.projects.getIamPolicy', role: 'roles/resourcemanager.projectIamAdmin' },
    { permission: 'resourcemanager.projects.setIamPolicy', role: 'roles/resourcemanager.projectIamAdmin' },
    { permission: 'container.clusters.get', role: 'roles/container.admin' },
    { permission: 'container.clusters.create', role: 'roles/container.admin', when: 'no-cluster' },
    { permission: 'container.clusters.update', role: 'roles/container.admin' },
    { permission: 'container.operations.get', role: 'roles/container.admin' },
    { permission: 'container.operations.list', role: 'roles/container.admin' },
    { permission: 'container.clusterRoleBindings.create', role: 'roles/container.admin' },
    { permission: 'container.clusterRoleBindings.get', role: 'roles/container.admin' },
];
/** vCPUs by the machine type's name, for when Compute cannot be read: `<family>-<kind>-<vcpus>`. */
function shapeFromName(machineType) {
    const m = /^[a-z][a-z0-9]*-[a-z]+-(\d+)(?:-[a-z]+)?$/.exec(machineType);
    return m ? { vcpus: Number(m[1]), fromApi: false } : undefined;
}
function emptyStage() {
    return { cpus: new Map(), ssdGb: 0, nodes: 0 };
}
function addPool(stage, p, shapes, metrics) {
    // The shape Compute reported, else the action's table (src/providers/gcp/machines.ts), else the name's count.
    const vcpus = (shapes[p.machineType] ?? (0,_machines_js__WEBPACK_IMPORTED_MODULE_5__/* .gcpMachineShape */ .h)(p.machineType) ?? shapeFromName(p.machineType))?.vcpus ?? 0;
    const metric = (0,_machines_js__WEBPACK_IMPORTED_MODULE_5__/* .gcpCpuQuotaMetric */ .l)(p.machineType, metrics);
    const entry = stage.cpus.get(metric) ?? { need: 0, parts: [] };
    entry.need += p.nodes * vcpus;
    entry.parts.push(`${p.nodes} × ${vcpus} vCPU ${p.name}`);
    stage.cpus.set(metric, entry);
    stage.ssdGb += p.nodes * p.diskGb;
    stage.nodes += p.nodes;
}
const QUOTA_PAGE = (project) => `https://console.cloud.google.com/iam-admin/quotas?project=${project}`;
/**
 * The quotas apply's creations count against, with what they need: the pools still to create at their
 * initial size, and at their maximum.
 */
function gcpQuotaNeeds(input) {
    const { config, quotas, zoneCount, shapes, existingPools } = input;
    const metrics = new Set(quotas.map((q) => q.metric));
    const pools = emptyStage();
    const atMax = emptyStage();
    for (const role of _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .POOL_ROLES */ .Fe) {
        const p = config.pools[role];
        if (existingPools?.has(p.name))
            continue;
        const common = { name: p.name, machineType: p.machineType, diskGb: config.diskSizeGb };
        addPool(pools, { ...common, nodes: (0,_request_js__WEBPACK_IMPORTED_MODULE_4__/* .initialNodesPerZone */ .fV)(p) * zoneCount }, shapes, metrics);
        addPool(atMax, { ...common, nodes: p.maxNodes * zoneCount }, shapes, metrics);
    }
    const project = config.project;
    const scope = config.region;
    const fix = (metric) => (wanted) => `Request at least ${wanted} for ${metric} in ${scope} (Compute Engine API) on ${QUOTA_PAGE(project)}`;
    const quota = (metric) => quotas.find((q) => q.metric === metric);
    const needs = [];
    const push = (metric, need, needAtMax, breakdown, unit) => {
        const q = quota(metric);
        if (!q)
            return;
        needs.push({
            quota: metric,
            scope,
            limit: q.limit,
            usage: q.usage,
            need,
            needAtMax,
            breakdown,
            unit,
            fix: fix(metric),
        });
    };
    for (const [metric, p] of pools.cpus)
        push(metric, p.need, atMax.cpus.get(metric)?.need ?? 0, p.parts.join(' + '), 'vCPU');
    push('SSD_TOTAL_GB', pools.ssdGb, atMax.ssdGb, `${pools.nodes} pd-ssd boot disks`, 'GB');
    // Every node of a public cluster has an ephemeral external IP.
    push('IN_USE_ADDRESSES', pools.nodes, atMax.nodes, `one external IP per node, ${pools.nodes} nodes`, undefined);
    return needs;
}
const once = (fn) => {
    let p;
    return () => (p ??= fn());
};
const lastSegment = (url) => url.slice(url.lastIndexOf('/') + 1);
function memberOf(account) {
    return `${/\.gserviceaccount\.com$/.test(account) ? 'serviceAccount' : 'user'}:${account}`;
}
async function gcpPreflight(config, log, deps = {}) {
    const env = deps.env ?? process.env;
    const credentials = deps.credentials ?? (await (0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .gcpCredentials */ .D9)(env, deps.fetch, { sleep: deps.sleep }));
    const rest = new _rest_js__WEBPACK_IMPORTED_MODULE_0__/* .GcpRest */ .nq({ log, credentials, env, fetch: deps.fetch, sleep: deps.sleep });
    const project = config.project;
    let gkeClient = deps.gke;
    const gke = once(async () => {
        if (gkeClient)
            return gkeClient;
        const { connectGke } = await __webpack_require__.e(/* import() */ 922).then(__webpack_require__.bind(__webpack_require__, 15922));
        gkeClient = await connectGke({ project, region: config.region }, { log, credentials, env, sleep: deps.sleep });
        return gkeClient;
    });
    // The cluster as it is: an unreadable one counts as absent (everything to create), and says so.
    const existing = once(async () => {
        try {
            return { cluster: await (await gke()).getCluster(config.clusterName) };
        }
        catch (err) {
            return { note: `could not tell whether cluster ${config.clusterName} exists (${describe(err)}): counted as new` };
        }
    });
    const region = once(async () => {
        const r = await rest.request('compute', 'GET', `projects/${project}/regions/${config.region}`);
        if (!r)
            throw new Error(`Compute knows no region ${config.region} in project ${project}`);
        return r;
    });
    // The pools' zones: `node-locations` when given (every one must offer the machine types), else the region's,
    // of which GKE picks three.
    const zones = once(async () => config.nodeLocations.length
        ? [...config.nodeLocations].sort()
        : ((await region()).zones ?? []).map(lastSegment).sort());
    const zoneCount = async () => config.nodeLocations.length || Math.min(GKE_DEFAULT_ZONE_COUNT, (await zones()).length || GKE_DEFAULT_ZONE_COUNT);
    /** Machine types apply still creates nodes of: the pools not there yet. */
    const typesToCreate = async () => {
        const { cluster } = await existing();
        const names = new Set(cluster?.pools.map((p) => p.name) ?? []);
        const types = _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .POOL_ROLES */ .Fe.filter((r) => !names.has(config.pools[r].name)).map((r) => config.pools[r].machineType);
        return [...new Set(types)];
    };
    /** type → zone → shape (undefined: not offered there). */
    const offerings = once(async () => {
        const zs = await zones();
        const result = {};
        for (const type of await typesToCreate()) {
            const answers = await Promise.all(zs.map((z) => rest.request('compute', 'GET', `projects/${project}/zones/${z}/machineTypes/${type}`)));
            result[type] = Object.fromEntries(zs.map((z, i) => [z, answers[i]]));
        }
        return result;
    });
    const checks = [
        {
            name: 'apis-enabled',
            description: `the APIs apply calls are enabled in project ${project}`,
            permission: 'serviceusage.services.get',
            async run() {
                const names = GCP_REQUIRED_SERVICES.map((s) => `names=${encodeURIComponent(`projects/${project}/services/${s}`)}`);
                const answer = await rest.request('serviceusage', 'GET', `v1/projects/${project}/services:batchGet?${names.join('&')}`);
                const state = (s) => answer?.services?.find((x) => x.name?.endsWith(`/services/${s}`))?.state;
                const disabled = GCP_REQUIRED_SERVICES.filter((s) => state(s) !== 'ENABLED');
                return {
                    errors: disabled.length
                        ? [
                            {
                                type: 'ERROR',
                                message: `API${disabled.length > 1 ? 's' : ''} ${disabled.join(', ')} not enabled in project ${project}: \`gcloud services enable ${disabled.join(' ')} --project=${project}\``,
                            },
                        ]
                        : [],
                    details: [`enabled: ${GCP_REQUIRED_SERVICES.filter((s) => !disabled.includes(s)).join(', ')}`],
                };
            },
        },
        {
            name: 'kubernetes-version',
            description: `GKE offers Kubernetes ${config.kubernetesVersion} in ${config.region}`,
            permission: 'container.clusters.list',
            async run() {
                const { cluster } = await existing();
                if (cluster)
                    return { details: [`cluster ${config.clusterName} exists at ${cluster.version}`] };
                const server = await (await gke()).serverConfig();
                const { resolveVersion } = await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(815), __webpack_require__.e(892), __webpack_require__.e(843)]).then(__webpack_require__.bind(__webpack_require__, 75843));
                const where = `REGULAR release channel in ${config.region}`;
                try {
                    const v = resolveVersion(config.kubernetesVersion, server.channelVersions(_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.cluster.releaseChannel), where);
                    return { details: [`${config.kubernetesVersion} → ${v} (${where})`] };
                }
                catch (err) {
                    return { errors: [{ type: 'ERROR', message: err.message }] };
                }
            },
        },
        {
            name: 'machine-types',
            description: `the machine types are offered in the zones of ${config.region}`,
            // The zones come from regions.get: either denied leaves this check unread.
            permission: 'compute.regions.get and compute.machineTypes.get',
            async run() {
                const all = await offerings();
                const zs = await zones();
                const count = await zoneCount();
                const errors = [];
                const details = [];
                for (const [type, byZone] of Object.entries(all)) {
                    const offered = zs.filter((z) => byZone[z]);
                    const missing = zs.filter((z) => !byZone[z]);
                    const list = `\`gcloud compute machine-types list --filter="zone~^${config.region}-" --project=${project}\``;
                    if (offered.length < count) {
                        errors.push({
                            type: 'ERROR',
                            message: `machine type ${type} is offered in ${offered.length ? `only ${offered.join(', ')}` : 'no zone'} of ${config.region}; GKE puts the pools in ${count} zones: choose another type (${list}) or region`,
                        });
                    }
                    else if (missing.length) {
                        errors.push({
                            type: 'WARNING',
                            message: `machine type ${type} is not offered in ${missing.join(', ')}; GKE picks ${count} of the ${zs.length} zones of ${config.region} for the pools, and a pool in one of those fails to create`,
                        });
                    }
                    const shape = Object.values(byZone).find(Boolean);
                    details.push(`${type}: ${offered.length}/${zs.length} zones${shape ? `, ${shape.guestCpus} vCPU, ${((shape.memoryMb ?? 0) / 1024).toFixed(0)} GB` : ''}`);
                }
                return { errors, details };
            },
        },
        {
            name: 'quotas',
            description: `Compute quotas of ${config.region} hold what apply creates`,
            permission: 'compute.regions.get',
            async run() {
                const r = await region();
                const { cluster, note } = await existing();
                const shapes = {};
                const notes = note ? [note] : [];
                try {
                    for (const [type, byZone] of Object.entries(await offerings())) {
                        const s = Object.values(byZone).find(Boolean);
                        if (s?.guestCpus)
                            shapes[type] = { vcpus: s.guestCpus, memoryGb: (s.memoryMb ?? 0) / 1024, fromApi: true };
                    }
                }
                catch (err) {
                    notes.push(`machine shapes taken from their names (${describe(err)})`);
                }
                const needs = gcpQuotaNeeds({
                    config,
                    quotas: (r.quotas ?? []).map((q) => ({ metric: q.metric ?? '', limit: q.limit ?? 0, usage: q.usage ?? 0 })),
                    zoneCount: await zoneCount(),
                    shapes,
                    existingPools: cluster ? new Set(cluster.pools.map((p) => p.name)) : undefined,
                });
                const outcome = (0,_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .quotaOutcome */ .Zu)(needs);
                return { errors: outcome.errors, details: [...notes, ...(outcome.details ?? [])] };
            },
        },
        {
            name: 'permissions',
            description: `the credentials hold the IAM permissions apply uses in project ${project}`,
            permission: 'resourcemanager.projects.get',
            async run() {
                const { cluster } = await existing();
                const sa = await rest.getServiceAccount(project, (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceAccountEmail */ .de)(config)).catch(() => undefined);
                const wanted = GCP_APPLY_PERMISSIONS.filter((p) => !(p.when === 'no-cluster' && cluster) && !(p.when === 'no-sa' && sa));
                const answer = await rest.request('cloudresourcemanager', 'POST', `v1/projects/${project}:testIamPermissions`, { permissions: wanted.map((p) => p.permission) });
                const granted = new Set(answer?.permissions ?? []);
                const missing = wanted.filter((p) => !granted.has(p.permission));
                if (!missing.length)
                    return { details: [`all ${wanted.length} permissions held`] };
                const account = await credentials.account().catch(() => '<the account of the credentials in use>');
                const roles = [...new Set(missing.map((p) => p.role))];
                const grant = roles
                    .map((role) => `\`gcloud projects add-iam-policy-binding ${project} --member=${memberOf(account)} --role=${role}\``)
                    .join(' and ');
                // actAs may be granted on the node service account alone, which a project-level test does not see.
                const hard = missing.filter((p) => p.permission !== 'iam.serviceAccounts.actAs');
                const errors = [];
                if (hard.length) {
                    errors.push({
                        type: 'ERROR',
                        message: `${account} lacks ${hard.map((p) => p.permission).join(', ')} on project ${project}: ${grant}`,
                    });
                }
                if (hard.length !== missing.length) {
                    errors.push({
                        type: 'WARNING',
                        message: `${account} lacks iam.serviceAccounts.actAs on project ${project}; unless it has it on ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceAccountEmail */ .de)(config)} itself, creating the node pools fails: \`gcloud iam service-accounts add-iam-policy-binding ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceAccountEmail */ .de)(config)} --member=${memberOf(account)} --role=roles/iam.serviceAccountUser --project=${project}\``,
                    });
                }
                return { errors };
            },
        },
    ];
    return {
        provider: 'gcp',
        cluster: config.clusterName,
        region: config.region,
        checks,
        isDenied: (err) => err instanceof _rest_js__WEBPACK_IMPORTED_MODULE_0__/* .GcpApiError */ .FL && (err.status === 403 || err.reason === 'PERMISSION_DENIED'),
        describe,
        async machineShapes() {
            const shapes = {};
            for (const [type, byZone] of Object.entries(await offerings().catch(() => ({})))) {
                const s = Object.values(byZone).find(Boolean);
                if (s?.guestCpus && s.memoryMb)
                    shapes[type] = { vcpus: s.guestCpus, memoryGb: s.memoryMb / 1024 };
            }
            return shapes;
        },
        async close() {
            if (gkeClient && !deps.gke)
                await gkeClient.close();
        },
    };
}
function describe(err) {
    return err?.message?.split('\n')[0] ?? String(err);
}


/***/ }),

/***/ 83169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ gcpCredentials),
/* harmony export */   FL: () => (/* binding */ GcpApiError),
/* harmony export */   KC: () => (/* binding */ gcpEndpoint),
/* harmony export */   eI: () => (/* binding */ missingRoles),
/* harmony export */   nq: () => (/* binding */ GcpRest)
/* harmony export */ });
/* unused harmony exports GCP_APIS, CLOUD_PLATFORM_SCOPE, overrideVariable, tokeninfoUrl, NO_GCP_CREDENTIALS, gcpCredentialSource, withBindings */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49809);
/**
 * Google Cloud endpoints and credentials as gcloud sees them, and a small REST client for the two APIs
 * the GKE flow reads or writes besides GKE itself: IAM (does the node service account exist?) and Cloud
 * Resource Manager (the project's IAM policy, changed in one read-modify-write guarded by its etag); and
 * for the one GKE request the flow sends itself, `clusters.create` with both pools, exactly as `plan`
 * shows it (`send`).
 *
 * Endpoints: `CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>` when set (gcloud's own variables, so one setting
 * points gcloud and this action at the same place), else the public `https://<api>.googleapis.com/`
 * (`…/compute/v1/` for Compute, whose override carries that path too). Preflight reads Compute (region
 * quotas, machine types), Service Usage (enabled APIs) and Resource Manager (testIamPermissions) here.
 * Credentials: `CLOUDSDK_AUTH_ACCESS_TOKEN` when set (gcloud's own variable), else Application Default
 * Credentials through google-auth-library (loaded lazily, only by apply and verify).
 * Tokens are registered as secrets before any use and never appear in a message.
 *
 * Every request (tokeninfo included) runs under the shared retry policy of src/retry.ts: 408, 429, 5xx
 * (not 501) and network errors are retried with backoff and jitter, each wait capped, the whole bounded in
 * time, a Retry-After honoured within those caps; each attempt has its own timeout. Anything else fails
 * at once with the API's own message.
 */





const GCP_APIS = ['container', 'iam', 'cloudresourcemanager', 'serviceusage', 'compute'];
/**
 * The path an API's base URL carries. Compute's is part of the endpoint (gcloud's own default is
 * `https://compute.googleapis.com/compute/v1/`, and so is a `CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE`
 * value); the others put the version in each request path.
 */
const BASE_PATH = { compute: 'compute/v1/' };
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_HOST = 'https://oauth2.googleapis.com/token';
function overrideVariable(api) {
    return `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
}
/** The base URL of an API (always ending in '/'), as gcloud would use it. */
function gcpEndpoint(api, env = process.env) {
    const name = overrideVariable(api);
    const raw = env[name]?.trim();
    if (!raw)
        return new URL(`https://${api}.googleapis.com/${BASE_PATH[api] ?? ''}`);
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error(`${name} is not a URL: expected e.g. https://${api}.googleapis.com/`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`${name} must be an http(s) URL, not ${url.protocol}`);
    }
    if (!url.pathname.endsWith('/'))
        url.pathname += '/';
    return url;
}
/**
 * The tokeninfo endpoint, beside the token endpoint gcloud uses (`CLOUDSDK_AUTH_TOKEN_HOST`,
 * gcloud's `auth/token_host` property; default https://oauth2.googleapis.com/token).
 */
function tokeninfoUrl(env = process.env) {
    const host = env.CLOUDSDK_AUTH_TOKEN_HOST?.trim() || DEFAULT_TOKEN_HOST;
    const url = new URL(host);
    url.pathname = url.pathname.replace(/\/token\/?$/, '/') + 'tokeninfo';
    url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    return url.toString();
}
/** Each attempt of a REST call ends after this long without an answer (then it counts as transient). */
const ATTEMPT_TIMEOUT_MS = 60_000;
/** A failed HTTP answer is transient by its status (with the server's Retry-After); a thrown fetch, always. */
function classifyHttp(err) {
    if (err instanceof GcpApiError) {
        return { transient: (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransientStatus */ .Dm)(err.status), retryAfterMs: err.retryAfterMs, reason: err.message };
    }
    return { transient: true, reason: err?.message ?? String(err) };
}
/**
 * Asks the OAuth2 tokeninfo endpoint whose token this is. The token goes in a POST body, never in a
 * URL (URLs end up in proxy logs).
 */
async function tokenAccount(token, env, fetchFn, retry) {
    const url = tokeninfoUrl(env);
    const what = 'could not tell the account of the credentials in use';
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(async () => {
        const res = await fetchFn(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ access_token: token }).toString(),
            signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        const info = (await res.json().catch(() => ({})));
        if (!res.ok || !info.email) {
            const message = `${what}: tokeninfo answered ${res.status}${info.error ? ` (${info.error})` : ''}${res.ok ? ' without an email (the token lacks the userinfo.email scope)' : ''}`;
            throw new GcpApiError(res.status, '', message, (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')));
        }
        return info.email;
    }, {
        policy: retry,
        classify: classifyHttp,
        giveUp: (err, attempts) => err instanceof GcpApiError
            ? new GcpApiError(err.status, err.reason, `${err.message}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .afterAttempts */ .ln)(attempts)}`)
            : new Error(`${what}: tokeninfo: ${err?.message}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .afterAttempts */ .ln)(attempts)}`, { cause: err }),
    });
}
/** The one line a GCP run without credentials ends with: the step that is missing. */
const NO_GCP_CREDENTIALS = 'no GCP credentials found: add a google-github-actions/auth step (Workload Identity Federation, README ' +
    '"First-time setup") before this action in the same job, with permissions id-token: write; ' +
    'or set CLOUDSDK_AUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS';
/**
 * Where credentials would come from, checked offline before anything is downloaded or asked: the token variable,
 * then where Application Default Credentials look (GOOGLE_APPLICATION_CREDENTIALS, which google-github-actions/auth
 * sets; gcloud's ADC file; a Google Cloud VM's metadata server, known by its BIOS vendor or the metadata
 * variables). Throws NO_GCP_CREDENTIALS when none is there.
 */
function gcpCredentialSource(env = process.env, dmiDir = '/sys/class/dmi/id') {
    if (env.CLOUDSDK_AUTH_ACCESS_TOKEN?.trim())
        return 'CLOUDSDK_AUTH_ACCESS_TOKEN';
    const file = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
    if (file) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return 'GOOGLE_APPLICATION_CREDENTIALS';
        throw new Error(`GOOGLE_APPLICATION_CREDENTIALS names ${file}, which does not exist here: run google-github-actions/auth ` +
            'in this job (a file it wrote in another job is gone), before this action');
    }
    const configDir = env.CLOUDSDK_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env.HOME || node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir(), '.config', 'gcloud');
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, 'application_default_credentials.json')))
        return 'gcloud ADC file';
    if (env.GCE_METADATA_HOST || env.GCE_METADATA_IP || env.METADATA_SERVER_DETECTION)
        return 'metadata server';
    const vendor = ['bios_vendor', 'product_name'].map((f) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dmiDir, f), 'utf8');
        }
        catch {
            return '';
        }
    });
    if (vendor.some((v) => /Google/.test(v)))
        return 'metadata server';
    throw new Error(NO_GCP_CREDENTIALS);
}
/** Credentials as gcloud would pick them: CLOUDSDK_AUTH_ACCESS_TOKEN first, else ADC. */
async function gcpCredentials(env = process.env, fetchFn = fetch, 
/** For the tokeninfo request (tests inject `sleep`). */
retry) {
    gcpCredentialSource(env);
    const fixed = env.CLOUDSDK_AUTH_ACCESS_TOKEN?.trim();
    let account;
    if (fixed) {
        (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(fixed);
        return {
            source: 'CLOUDSDK_AUTH_ACCESS_TOKEN',
            token: async () => fixed,
            // An OAuth2 client holding just this token (no expiry, nothing to refresh): what gcloud does with it.
            authClient: async () => {
                const { OAuth2Client } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
                const client = new OAuth2Client();
                client.setCredentials({ access_token: fixed });
                return client;
            },
            account: () => (account ??= tokenAccount(fixed, env, fetchFn, retry)),
        };
    }
    const { GoogleAuth } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE] });
    const token = async () => {
        const t = await auth.getAccessToken();
        if (!t)
            throw new Error('Application Default Credentials gave no access token');
        (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(t);
        return t;
    };
    return {
        source: 'Application Default Credentials',
        token,
        authClient: () => auth.getClient(),
        account: () => (account ??= (async () => {
            // A key file or an impersonated service account (google-github-actions/auth with Workload
            // Identity Federation) names its account; a user's refresh token does not: ask tokeninfo.
            const creds = await auth.getCredentials().catch(() => ({}));
            return creds.client_email || tokenAccount(await token(), env, fetchFn, retry);
        })()),
    };
}
// --- REST --------------------------------------------------------------------------------------------
class GcpApiError extends Error {
    status;
    reason;
    retryAfterMs;
    constructor(status, 
    /** The google.rpc status name (ALREADY_EXISTS, ABORTED …) when the answer carried one. */
    reason, message, 
    /** The server's Retry-After, in milliseconds, when it sent one. */
    retryAfterMs) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.retryAfterMs = retryAfterMs;
        this.name = 'GcpApiError';
    }
}
/** The roles a member still lacks (an unconditional binding counts; a conditional one does not). */
function missingRoles(policy, member, roles) {
    return roles.filter((role) => !(policy.bindings ?? []).some((b) => b.role === role && !b.condition && b.members.includes(member)));
}
/** The policy with `member` added to each role (to the role's unconditional binding, made when absent). */
function withBindings(policy, member, roles) {
    const bindings = structuredClone(policy.bindings ?? []);
    for (const role of roles) {
        const b = bindings.find((x) => x.role === role && !x.condition);
        if (b) {
            if (!b.members.includes(member))
                b.members.push(member);
        }
        else
            bindings.push({ role, members: [member] });
    }
    return { ...policy, bindings };
}
class GcpRest {
    deps;
    env;
    fetchFn;
    policy;
    constructor(deps) {
        this.deps = deps;
        this.env = deps.env ?? process.env;
        this.fetchFn = deps.fetch ?? fetch;
        // Settings left undefined keep the shared defaults.
        const { sleep, attempts, baseDelayMs } = deps;
        this.policy = (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retryPolicy */ .Jb)(deps.retry, { sleep, attempts, baseDelayMs });
    }
    /** One JSON request; 408, 429, 5xx and network errors are retried (src/retry.ts). 404 on a GET → undefined. */
    async request(api, method, path, body) {
        const url = new URL(path.replace(/^\//, ''), gcpEndpoint(api, this.env));
        const what = `${api} ${method} ${url.pathname}`;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(() => this.once(url, method, what, body), {
            policy: this.policy,
            classify: classifyHttp,
            onRetry: (r) => this.logRetry(what, r.reason, r),
            giveUp: (err, attempts) => err instanceof GcpApiError
                ? new GcpApiError(err.status, err.reason, `${err.message}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .afterAttempts */ .ln)(attempts)}`)
                : new Error(`${what}: ${err?.message}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .afterAttempts */ .ln)(attempts)}`, { cause: err }),
        });
    }
    /** One attempt: the answer, undefined for a missing GET, or a GcpApiError with the API's own message. */
    async once(url, method, what, body) {
        const res = await this.fetchFn(url, {
            method,
            headers: {
                authorization: `Bearer ${await this.deps.credentials.token()}`,
                'content-type': 'application/json',
                'x-goog-api-client': 'gitpod-cluster-action',
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        if (res.status === 404 && method === 'GET')
            return undefined;
        const text = await res.text();
        if (res.ok) {
            try {
                return JSON.parse(text);
            }
            catch {
                throw new GcpApiError(res.status, '', `${what} answered ${res.status} with something other than JSON`);
            }
        }
        let reason = '';
        let message = text.slice(0, 300);
        try {
            const e = JSON.parse(text).error;
            reason = e?.status ?? '';
            message = e?.message ?? message;
        }
        catch {
            /* not JSON: keep the text */
        }
        throw new GcpApiError(res.status, reason, `${what} answered ${res.status}${reason ? ` ${reason}` : ''}: ${message}`, (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')));
    }
    logRetry(what, why, r) {
        this.deps.log.info(`${what}: ${why}; retrying in ${(r.delayMs / 1000).toFixed(1)}s (attempt ${r.attempt + 1} of ${r.attempts})`);
    }
    /**
     * A request `plan` showed, sent as it is: the API named by its host, its path and its body, the JSON on
     * the wire being `JSON.stringify` of the body `plan` printed (the SDK's REST transport would write the
     * enums as numbers and add empty maps, so what it sends could not be what `plan` shows).
     */
    async send(request) {
        const api = GCP_APIS.find((a) => request.host === `${a}.googleapis.com`);
        if (!api || (request.method !== 'GET' && request.method !== 'POST')) {
            throw new Error(`no client for ${request.method} https://${request.host}${request.path}`);
        }
        const answer = await this.request(api, request.method, request.path, request.body);
        if (answer === undefined)
            throw new Error(`${api} ${request.method} ${request.path}: not found`);
        return answer;
    }
    getServiceAccount(project, email) {
        return this.request('iam', 'GET', `v1/projects/${project}/serviceAccounts/${encodeURIComponent(email)}`);
    }
    async getIamPolicy(project) {
        // Version 3 keeps conditional bindings intact through the read-modify-write.
        const policy = await this.request('cloudresourcemanager', 'POST', `v1/projects/${project}:getIamPolicy`, {
            options: { requestedPolicyVersion: 3 },
        });
        return policy ?? {};
    }
    async setIamPolicy(project, policy) {
        return ((await this.request('cloudresourcemanager', 'POST', `v1/projects/${project}:setIamPolicy`, {
            policy,
        })) ?? {});
    }
    /**
     * Gives `member` every role in `roles` with one read-modify-write of the project policy: read (or
     * take `known`), add only what is missing, write with the etag read. When the etag is stale (409 /
     * ABORTED: someone else changed the policy in between) the whole cycle starts again from a fresh read.
     * Nothing missing → nothing written.
     */
    async ensureBindings(project, member, roles, known) {
        let policy = known ?? (await this.getIamPolicy(project));
        const concurrent = (err) => err instanceof GcpApiError && (err.status === 409 || err.reason === 'ABORTED');
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(async (attempt) => {
            // After a concurrent change, the whole cycle again from a fresh read.
            if (attempt > 1)
                policy = await this.getIamPolicy(project);
            const missing = missingRoles(policy, member, roles);
            if (!missing.length)
                return { added: [], writes: attempt - 1 };
            await this.setIamPolicy(project, withBindings(policy, member, missing));
            return { added: missing, writes: attempt };
        }, {
            policy: this.policy,
            // Transient statuses were already retried inside each request: only a stale etag starts the cycle again.
            classify: (err) => ({ transient: concurrent(err), reason: 'the policy changed concurrently' }),
            onRetry: (r) => this.logRetry(`setIamPolicy of project ${project}`, r.reason, r),
        });
    }
}


/***/ })

};
