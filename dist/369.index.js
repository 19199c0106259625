export const id = 369;
export const ids = [369];
export const modules = {

/***/ 73761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ remedyText),
/* harmony export */   RK: () => (/* binding */ desiredPoolsOf),
/* harmony export */   Vg: () => (/* binding */ diffPools),
/* harmony export */   Ze: () => (/* binding */ differenceLines),
/* harmony export */   as: () => (/* binding */ inPlaceArgvs),
/* harmony export */   dQ: () => (/* binding */ wantedLabels),
/* harmony export */   uM: () => (/* binding */ diffPool),
/* harmony export */   vV: () => (/* binding */ applyWouldDo)
/* harmony export */ });
/* unused harmony exports POOL_FIELDS, ABSENT, remedyShort */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36992);


/**
 * Both Gitpod pools as a cloud's API should show them: each pool's name, labels, machine type and bounds from
 * the config, and what only that provider's API shows (`image`, and GKE's `maxPods`).
 */
function desiredPoolsOf(config, cloudFields) {
    const pool = (role) => {
        const p = config.pools[role];
        return {
            role,
            name: p.name,
            labels: { ...p.labels },
            machineType: p.machineType,
            minNodes: p.minNodes,
            maxNodes: p.maxNodes,
            ...cloudFields,
        };
    };
    return { services: pool('services'), workspaces: pool('workspaces') };
}
/** The fields compared, in the order they are reported. */
const POOL_FIELDS = (/* unused pure expression or super */ null && (['labels', 'machineType', 'minNodes', 'maxNodes', 'maxPods', 'image']));
const ABSENT = '(absent)';
/**
 * The labels a pool should end with: the wanted ones, the pool's own labels outside the Gitpod family
 * kept (someone else's), a Gitpod label not meant for this pool dropped.
 */
function wantedLabels(want, observed) {
    const kept = Object.entries(observed).filter(([k]) => !k.startsWith(_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GITPOD_LABEL_PREFIX */ .q6) && !(k in want));
    return { ...want, ...Object.fromEntries(kept) };
}
/** The labels compared: the wanted ones and any `gitpod.io/workload_*` label on the pool. */
function labelDifferences(want, have) {
    const keys = new Set([
        ...Object.keys(want.labels),
        ...Object.keys(have.labels).filter((k) => k.startsWith(_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GITPOD_LABEL_PREFIX */ .q6)),
    ]);
    return [...keys]
        .sort()
        .map((k) => ({ field: `label ${k}`, want: want.labels[k] ?? ABSENT, have: have.labels[k] ?? ABSENT }))
        .filter((d) => d.want !== d.have);
}
/** Every difference between one desired pool and the pool the cloud shows, grouped by what fixes it. */
function diffPool(want, have, fixes) {
    const diff = { role: want.role, name: want.name, observed: have, changes: [] };
    if (!have)
        return diff;
    const labels = labelDifferences(want, have);
    if (labels.length)
        diff.changes.push({ kind: 'labels', differences: labels, remedy: fixes.labels(want, have) });
    const immutable = (field) => {
        if (want[field] === undefined || want[field] === have[field])
            return;
        diff.changes.push({
            kind: 'immutable',
            differences: [{ field: fixes.fieldName[field], want: want[field], have: have[field] }],
            remedy: { kind: 'cannot', ...fixes.immutable(want, field) },
        });
    };
    immutable('machineType');
    const scaling = ['minNodes', 'maxNodes']
        .filter((f) => want[f] !== have[f])
        .map((f) => ({ field: fixes.fieldName[f], want: want[f], have: have[f] }));
    if (scaling.length)
        diff.changes.push({ kind: 'scaling', differences: scaling, remedy: fixes.scaling(want, have) });
    immutable('maxPods');
    immutable('image');
    return diff;
}
/** The diff of every Gitpod pool, in role order. */
function diffPools(desired, observed, fixes) {
    return _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.map((role) => diffPool(desired[role], observed.find((p) => p.name === desired[role].name), fixes));
}
const shown = (v) => JSON.stringify(v ?? null);
/** What `apply` does about one change, in full: "fixed in place by `<argv>`" or "cannot change in place: …". */
function remedyText(remedy) {
    return remedy.kind === 'in-place'
        ? `fixed in place by ${remedy.argvs.map((a) => `\`${(0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .shellQuote */ .ZL)(a)}\``).join(' then ')}`
        : `cannot change in place: ${remedy.why}; ${remedy.todo}`;
}
/** The same, short (a check message): the command without its flags, or why not. */
function remedyShort(remedy) {
    if (remedy.kind === 'cannot')
        return `cannot change in place: ${remedy.why}`;
    const commands = remedy.argvs.map((a) => a.slice(0, a.findIndex((x) => x.startsWith('-')) >>> 0).join(' '));
    return `fixed in place by ${[...new Set(commands)].map((c) => `\`${c}\``).join(' and ')}`;
}
/** One line per differing field: `<pool>: <field> is <found>, wanted <wanted>; <what apply does>`. */
function differenceLines(diff) {
    return diff.changes.flatMap((c) => c.differences.map((d) => `${diff.name}: ${d.field} is ${shown(d.have)}, wanted ${shown(d.want)}; ${remedyShort(c.remedy)}`));
}
/** What `apply` would do about the diffs, one line per change; empty when nothing differs. */
function applyWouldDo(diffs, fixes) {
    const lines = [];
    for (const d of diffs) {
        if (!d.observed) {
            lines.push(`create ${fixes.poolNoun} ${d.name} (${d.role})`);
            continue;
        }
        for (const c of d.changes) {
            const fields = c.differences.map((x) => x.field).join(', ');
            lines.push(`${fixes.poolNoun} ${d.name}, ${fields}: ${remedyText(c.remedy)}`);
        }
    }
    return lines;
}
/**
 * The argvs that bring an existing pool to its desired state (only the changes of `kinds`, default all),
 * or an error naming what cannot change.
 */
function inPlaceArgvs(diff, kinds) {
    const changes = kinds ? diff.changes.filter((c) => kinds.includes(c.kind)) : diff.changes;
    const cannot = changes.filter((c) => c.remedy.kind === 'cannot');
    if (cannot.length) {
        throw new Error(cannot
            .map((c) => `${diff.name}: ${c.differences.map((d) => `${d.field} is ${shown(d.have)}, wanted ${shown(d.want)}`).join(', ')}; ${remedyText(c.remedy)}`)
            .join('; '));
    }
    return changes.flatMap((c) => (c.remedy.kind === 'in-place' ? c.remedy.argvs : []));
}


/***/ }),

/***/ 94846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   IC: () => (/* binding */ recordStep),
/* harmony export */   Kj: () => (/* binding */ recordAction),
/* harmony export */   ho: () => (/* binding */ RECORD_STEP_ID),
/* harmony export */   q8: () => (/* binding */ withRecord),
/* harmony export */   yl: () => (/* binding */ RECORD_REF)
/* harmony export */ });
/* unused harmony exports RECORD_KEY, recordOf, recordObject */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36992);


const RECORD_REF = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'kube-system',
    name: 'gitpod-cluster-action',
};
/** The ConfigMap key holding the record (JSON). */
const RECORD_KEY = 'desired-state.json';
const RECORD_STEP_ID = 'record-desired-state';
function recordOf(config) {
    const pool = (role) => {
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
function recordText(record) {
    return `${JSON.stringify(record, null, 2)}\n`;
}
function recordObject(config) {
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
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v) => Number.isInteger(v) && v >= 0;
/** The record in a ConfigMap, or why it cannot be used. */
function parseRecord(obj) {
    const text = isMap(obj.data) ? obj.data[RECORD_KEY] : undefined;
    if (typeof text !== 'string')
        return `it has no ${RECORD_KEY}`;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return `its ${RECORD_KEY} is not JSON`;
    }
    if (!isMap(value) || value.version !== 1 || !isMap(value.pools))
        return `its ${RECORD_KEY} is not a version 1 record`;
    for (const role of _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe) {
        const p = value.pools[role];
        if (!isMap(p) ||
            typeof p.name !== 'string' ||
            typeof p.machineType !== 'string' ||
            !isCount(p.minNodes) ||
            !isCount(p.maxNodes) ||
            !isMap(p.extraLabels) ||
            !Object.values(p.extraLabels).every((v) => typeof v === 'string')) {
            return `its ${role} pool is malformed`;
        }
    }
    if (!isCount(value.diskSizeGb) || !isCount(value.maxPods))
        return 'its disk size or max pods is malformed';
    return value;
}
/** The `plan` step that writes the record. */
function recordStep() {
    return {
        id: RECORD_STEP_ID,
        description: `Record the desired state (pool sizes, machine types, extra labels, disk, max pods) in ConfigMap ${RECORD_REF.namespace}/${RECORD_REF.name} for later drift checks`,
        api: `Kubernetes API: create ConfigMap ${RECORD_REF.namespace}/${RECORD_REF.name}, or merge-patch its ${RECORD_KEY} when it differs`,
        timeoutMs: 2 * 60_000,
    };
}
/** The step's probe and run, over the flow's Kubernetes client. */
function recordAction(config, kubeOf) {
    const wanted = recordObject(config);
    const text = wanted.data[RECORD_KEY];
    const look = async (ctx) => {
        const existing = await kubeOf(ctx).get(RECORD_REF);
        if (!existing)
            return { probe: { done: false, detail: 'absent' } };
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
            if (probe.done)
                return `${_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .DONE_MEANWHILE */ .aK}: ${probe.detail}`;
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
const SIZING = [
    ..._reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.flatMap((role) => [
        {
            input: `${role}-machine-type`,
            get: (c) => c.pools[role].machineType,
            from: (r) => r.pools[role].machineType,
            set: (c, r) => (c.pools[role].machineType = r.pools[role].machineType),
        },
        {
            input: `${role}-min-nodes`,
            get: (c) => c.pools[role].minNodes,
            from: (r) => r.pools[role].minNodes,
            set: (c, r) => (c.pools[role].minNodes = r.pools[role].minNodes),
        },
        {
            input: `${role}-max-nodes`,
            get: (c) => c.pools[role].maxNodes,
            from: (r) => r.pools[role].maxNodes,
            set: (c, r) => (c.pools[role].maxNodes = r.pools[role].maxNodes),
        },
        {
            input: `${role}-extra-labels`,
            get: (c) => labelText(c.pools[role].extraLabels),
            from: (r) => labelText(r.pools[role].extraLabels),
            set: (c, r) => {
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
function labelText(labels) {
    return Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
}
/** The config with every sizing input left empty taken from the record; explicit inputs win. */
function withRecord(config, record) {
    const effective = structuredClone(config);
    const taken = [];
    const differences = [];
    for (const s of SIZING) {
        const [mine, theirs] = [s.get(config), s.from(record)];
        if (mine === theirs)
            continue;
        if (config.explicit.has(s.input)) {
            differences.push(`input ${s.input} is ${JSON.stringify(mine)}, the desired state apply recorded says ${JSON.stringify(theirs)}; checked against the input`);
        }
        else {
            s.set(effective, record);
            taken.push(s.input);
        }
    }
    return { config: effective, taken, differences };
}


/***/ }),

/***/ 81612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gX: () => (/* binding */ NodeChecks),
  z3: () => (/* binding */ error),
  Cy: () => (/* binding */ inContractOrder),
  AS: () => (/* binding */ item),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: CHECK_DESCRIPTIONS, OUTSIDE_NAMES_SHOWN, containerRuntimeCheck, kernelVersionCheck, kubernetesVersionCheck, maxPodsCheck, nodeLabelsCheck, nodePoolsCheck, worst

// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/verify/nodes.ts
var nodes = __webpack_require__(44056);
;// CONCATENATED MODULE: ./src/verify/types.ts
const CHECK_NAMES = [
    'node-labels',
    'max-pods',
    'container-runtime',
    'kernel-version',
    'kubernetes-version',
    'node-pools',
    'cloud-config',
    'network',
    'version-support',
    'version-skew',
];

// EXTERNAL MODULE: ./src/verify/versions.ts
var versions = __webpack_require__(46800);
;// CONCATENATED MODULE: ./src/verify/checks.ts




const CHECK_DESCRIPTIONS = {
    'node-labels': 'Services-pool nodes carry gitpod.io/workload_meta, workload_ide and workload_services; workspaces-pool nodes carry the three workload_workspace_* labels; each of the six is on a Ready node',
    'max-pods': 'Gitpod nodes can run at least max-pods pods (status.capacity.pods)',
    'container-runtime': `Every node runs ${reference/* MINIMUMS */.kV.containerRuntime}`,
    'kernel-version': `Every node's kernel is at least ${reference/* MINIMUMS */.kV.kernel}`,
    'kubernetes-version': `The API server and every kubelet are at least ${reference/* MINIMUMS */.kV.kubernetes}`,
    'node-pools': 'The services and the workspaces role each have a Ready node',
    'cloud-config': "The cloud's node pool configuration matches the desired one",
    network: 'Network policy enforcement as the reference architecture sets it up',
    'version-support': "The control plane's and the pools' Kubernetes versions are supported, standard support for 90 days more",
    'version-skew': 'Every kubelet and pool is at most three minors older than the API server, never newer',
};
/** A check's item: ERROR when any finding is an error, WARNING when any finding at all, else OK. */
function item(name, errors) {
    const status = errors.some((e) => e.type === 'ERROR') ? 'ERROR' : errors.length ? 'WARNING' : 'OK';
    return { name, description: CHECK_DESCRIPTIONS[name], status, errors };
}
const error = (message, node) => ({
    message,
    type: 'ERROR',
    ...(node ? { node } : {}),
});
const warning = (message, node) => ({
    message,
    type: 'WARNING',
    ...(node ? { node } : {}),
});
const RANK = { OK: 0, WARNING: 1, ERROR: 2 };
function worst(a, b) {
    return RANK[a] >= RANK[b] ? a : b;
}
/** Items in the contract's order, whatever order they were computed in. */
function inContractOrder(items) {
    return [...items].sort((a, b) => CHECK_NAMES.indexOf(a.name) - CHECK_NAMES.indexOf(b.name));
}
/** One finding per node at most: records it and answers the node's status. */
function keep(findings, finding) {
    if (!finding)
        return 'OK';
    findings.push(finding);
    return finding.type;
}
const isGitpodNode = (node) => node.pool !== 'other' || Object.keys(node.labels).some((k) => k.startsWith(reference/* GITPOD_LABEL_PREFIX */.q6));
/**
 * `node-labels`: each pool's nodes carry that pool's labels (the reference table plus the extra labels),
 * checked per pool, and every one of the six Gitpod labels (`POOL_LABELS`) is on at least one Ready node.
 */
function nodeLabelsCheck(config) {
    const findings = [];
    const onReadyNode = new Set();
    return {
        name: 'node-labels',
        add(node) {
            if (node.ready)
                for (const key of reference/* GITPOD_LABEL_KEYS */.A$)
                    if (node.labels[key] === 'true')
                        onReadyNode.add(key);
            if (node.pool === 'other')
                return 'OK';
            const missing = Object.entries(config.pools[node.pool].labels).filter(([k, v]) => node.labels[k] !== v);
            if (!missing.length)
                return 'OK';
            const what = missing.map(([k, v]) => `${k}=${v}`).join(', ');
            return keep(findings, error(`${node.name} (${node.pool} pool) lacks ${what}`, node.name));
        },
        finish() {
            const absent = reference/* GITPOD_LABEL_KEYS */.A$.filter((key) => !onReadyNode.has(key));
            return item('node-labels', [...findings, ...absent.map((key) => error(`no Ready node carries ${key}=true`))]);
        },
    };
}
/** `max-pods`: a Gitpod node (in a pool, or carrying a Gitpod label) can run at least `max-pods` pods. */
function maxPodsCheck(config) {
    const findings = [];
    return {
        name: 'max-pods',
        add(node) {
            if (!isGitpodNode(node) || node.maxPods >= config.maxPods)
                return 'OK';
            const message = `${node.name} can run ${node.maxPods} pods (status.capacity.pods), fewer than max-pods ${config.maxPods}`;
            return keep(findings, error(message, node.name));
        },
        finish: () => item('max-pods', findings),
    };
}
/** `container-runtime`: every node runs containerd (`containerd://1.7.24`). */
function containerRuntimeCheck() {
    const findings = [];
    const wanted = reference/* MINIMUMS */.kV.containerRuntime;
    return {
        name: 'container-runtime',
        add(node) {
            const runtime = (0,nodes/* runtimeName */.qO)(node.runtime);
            if (runtime === wanted)
                return 'OK';
            if (!runtime)
                return keep(findings, warning(`${node.name} reports no container runtime`, node.name));
            return keep(findings, error(`${node.name} runs ${node.runtime}, not ${wanted}`, node.name));
        },
        finish: () => item('container-runtime', findings),
    };
}
/** `kernel-version`: every node's kernel is at least 5.4; distribution suffixes (`-1049-gke`) are fine. */
function kernelVersionCheck() {
    const findings = [];
    const min = reference/* MINIMUMS */.kV.kernel;
    return {
        name: 'kernel-version',
        add(node) {
            const verdict = (0,versions/* atLeast */.jZ)(node.kernel, min);
            if (verdict === 'ok')
                return 'OK';
            if (verdict === 'below')
                return keep(findings, error(`${node.name} runs kernel ${node.kernel}, below ${min}`, node.name));
            return keep(findings, warning(`${node.name}: kernel version '${node.kernel}' does not parse`, node.name));
        },
        finish: () => item('kernel-version', findings),
    };
}
/** `kubernetes-version`: the API server (`serverVersion`, read before the nodes) and every kubelet ≥ 1.21. */
function kubernetesVersionCheck(serverVersion) {
    const min = reference/* MINIMUMS */.kV.kubernetes;
    const server = (0,versions/* atLeast */.jZ)(serverVersion, min);
    const findings = [];
    if (server === 'below')
        findings.push(error(`the API server runs ${serverVersion}, below ${min}`));
    if (server === 'unparsed')
        findings.push(warning(`the API server version '${serverVersion}' does not parse`));
    return {
        name: 'kubernetes-version',
        add(node) {
            const verdict = (0,versions/* atLeast */.jZ)(node.kubelet, min);
            if (verdict === 'ok')
                return 'OK';
            if (verdict === 'below')
                return keep(findings, error(`${node.name} runs kubelet ${node.kubelet}, below ${min}`, node.name));
            return keep(findings, warning(`${node.name}: kubelet version '${node.kubelet}' does not parse`, node.name));
        },
        finish: () => item('kubernetes-version', findings),
    };
}
/** Names of nodes outside both pools shown in the `node-pools` warning; the count says how many more. */
const OUTSIDE_NAMES_SHOWN = 10;
/**
 * `node-pools`: each role has a Ready node (ERROR otherwise). A node that is not Ready while its pool has
 * other Ready nodes, and nodes outside both pools, are WARNINGs.
 */
function nodePoolsCheck(config) {
    const nodes = { services: 0, workspaces: 0, other: 0 };
    const ready = { services: 0, workspaces: 0, other: 0 };
    // Only names are kept: which warning a not-Ready node gets depends on the nodes still to come.
    const notReady = { services: [], workspaces: [], other: [] };
    const outside = [];
    return {
        name: 'node-pools',
        add(node) {
            nodes[node.pool]++;
            if (node.ready)
                ready[node.pool]++;
            else
                notReady[node.pool].push(node.name);
            if (node.pool === 'other') {
                if (outside.length < OUTSIDE_NAMES_SHOWN)
                    outside.push(node.name);
                return 'WARNING';
            }
            return node.ready ? 'OK' : 'WARNING';
        },
        finish() {
            const findings = [];
            for (const role of reference/* POOL_ROLES */.Fe) {
                const pool = config.pools[role].name;
                if (ready[role] === 0) {
                    const seen = nodes[role] ? `${nodes[role]} node(s), none Ready` : 'no nodes';
                    findings.push(error(`the ${role} role has no Ready node (pool ${pool}: ${seen})`));
                    continue;
                }
                for (const name of notReady[role]) {
                    findings.push(warning(`${name} (${role} pool) is not Ready; the pool has ${ready[role]} other Ready node(s)`, name));
                }
            }
            if (nodes.other) {
                const more = nodes.other > outside.length ? ` and ${nodes.other - outside.length} more` : '';
                const notReadyNote = notReady.other.length ? ` (${notReady.other.length} not Ready)` : '';
                findings.push(warning(`${nodes.other} node(s) outside both Gitpod pools${notReadyNote}: ${outside.join(', ')}${more}`));
            }
            return item('node-pools', findings);
        },
    };
}
/** Runs every node check over the nodes as they stream in, and sets each node's verdict. */
class NodeChecks {
    tally = {
        services: { nodes: 0, ready: 0, OK: 0, WARNING: 0, ERROR: 0 },
        workspaces: { nodes: 0, ready: 0, OK: 0, WARNING: 0, ERROR: 0 },
        other: { nodes: 0, ready: 0, OK: 0, WARNING: 0, ERROR: 0 },
    };
    checks;
    /** The six node checks of the contract, then `extra` (the version-skew check, fed the same nodes). */
    constructor(config, serverVersion, extra = []) {
        this.checks = [
            nodeLabelsCheck(config),
            maxPodsCheck(config),
            containerRuntimeCheck(),
            kernelVersionCheck(),
            kubernetesVersionCheck(serverVersion),
            nodePoolsCheck(config),
            ...extra,
        ];
    }
    /** Feeds one node to every check; returns it with its verdict set. */
    add(node) {
        let verdict = 'OK';
        for (const check of this.checks)
            verdict = worst(verdict, check.add(node));
        node.verdict = verdict;
        const t = this.tally[node.pool];
        t.nodes++;
        if (node.ready)
            t.ready++;
        t[verdict]++;
        return node;
    }
    get counts() {
        return {
            services: this.tally.services.nodes,
            workspaces: this.tally.workspaces.nodes,
            other: this.tally.other.nodes,
        };
    }
    finish() {
        return this.checks.map((c) => c.finish());
    }
}


/***/ }),

/***/ 44056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _4: () => (/* binding */ toNodeInfo),
/* harmony export */   au: () => (/* binding */ summaryLabels),
/* harmony export */   qO: () => (/* binding */ runtimeName)
/* harmony export */ });
/* unused harmony exports POOL_LABELS, poolOf */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);

/** Node labels that name a node's pool, per provider. */
const POOL_LABELS = {
    gcp: [_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GCP */ .lI.nodePoolLabel],
    aws: [..._reference_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS */ .kS.nodegroupLabels],
};
function poolOf(config, labels) {
    for (const key of POOL_LABELS[config.provider]) {
        const name = labels[key];
        if (name === undefined)
            continue;
        const role = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.find((r) => config.pools[r].name === name);
        if (role)
            return role;
    }
    return 'other';
}
function toNodeInfo(config, node) {
    const n = node;
    const labels = n.metadata?.labels ?? {};
    const info = n.status?.nodeInfo ?? {};
    const pods = Number.parseInt(n.status?.capacity?.pods ?? '', 10);
    return {
        name: n.metadata?.name ?? '(unnamed)',
        pool: poolOf(config, labels),
        runtime: info.containerRuntimeVersion ?? '',
        maxPods: Number.isFinite(pods) ? pods : 0,
        kernel: info.kernelVersion ?? '',
        osImage: info.osImage ?? '',
        kubelet: info.kubeletVersion ?? '',
        providerID: n.spec?.providerID ?? '',
        labels,
        ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        // Set by the node checks (NodeChecks.add) once every check has seen the node.
        verdict: 'OK',
    };
}
/** The labels worth keeping in the bounded summary: Gitpod's and the pool labels. */
function summaryLabels(config, labels) {
    const keep = new Set([
        ...POOL_LABELS[config.provider],
        ..._reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.flatMap((r) => Object.keys(config.pools[r].labels)),
    ]);
    return Object.fromEntries(Object.entries(labels).filter(([k]) => keep.has(k) || k.startsWith(_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .GITPOD_LABEL_PREFIX */ .q6)));
}
/** `containerd://1.7.24` → `containerd`. */
function runtimeName(runtime) {
    return runtime.split('://')[0].trim();
}


/***/ }),

/***/ 46800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zx: () => (/* binding */ compareVersionText),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   jZ: () => (/* binding */ atLeast),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/** The leading `major.minor[.patch]` of a version string, or undefined when there is none. */
function parseVersion(text) {
    const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec((text ?? '').trim());
    if (!m)
        return undefined;
    return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}
function compareVersions(a, b) {
    for (let i = 0; i < 3; i++)
        if (a[i] !== b[i])
            return a[i] - b[i];
    return 0;
}
/**
 * Two version strings by every run of digits in them, in order (`1.33.5-gke.1201000`,
 * `v1.12.1-eksbuild.2`): where one has no more runs, it is the lower. For sorting what a cloud offers.
 */
function compareVersionText(a, b) {
    const [x, y] = [a, b].map((v) => (v.match(/\d+/g) ?? []).map(Number));
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (x[i] ?? -1) - (y[i] ?? -1);
        if (d)
            return d;
    }
    return 0;
}
/** 'below' / 'ok' / 'unparsed' against a minimum such as `5.4`. */
function atLeast(text, minimum) {
    const v = parseVersion(text);
    if (!v)
        return 'unparsed';
    return compareVersions(v, parseVersion(minimum)) >= 0 ? 'ok' : 'below';
}


/***/ })

};
