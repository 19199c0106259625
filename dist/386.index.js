export const id = 386;
export const ids = [386];
export const modules = {

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

/***/ 73386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ upgradeMinors),
/* harmony export */   Hs: () => (/* binding */ minorOf),
/* harmony export */   Su: () => (/* binding */ checkVersionSupport),
/* harmony export */   dC: () => (/* binding */ atMinor),
/* harmony export */   jQ: () => (/* binding */ versionSkewCheck)
/* harmony export */ });
/* unused harmony exports minorsBetween, utcDay, daysUntil, supportPhrase, eksExtendedCost, calicoFindings, SKEW_NAMES_SHOWN */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81612);
/* harmony import */ var _versions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46800);



const DAY_MS = 86_400_000;
/** `1.33` of `v1.33.5-gke.1201000`; undefined when it does not parse. */
function minorOf(version) {
    const v = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(version);
    return v ? `${v[0]}.${v[1]}` : undefined;
}
/** Minors from `b` up to `a` (1.34 vs 1.32 → 2); undefined when either does not parse or majors differ. */
function minorsBetween(a, b) {
    const x = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(a);
    const y = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(b);
    if (!x || !y || x[0] !== y[0])
        return undefined;
    return x[1] - y[1];
}
/** The UTC calendar day of a date or timestamp (`2027-01-17`); undefined when it does not parse. */
function utcDay(when) {
    const t = Date.parse(when ?? '');
    return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined;
}
/** Whole UTC days from `now` to `when` (negative once it has passed; 0 on the day itself). */
function daysUntil(when, now) {
    const day = (t) => Math.floor(t / DAY_MS);
    return day(Date.parse(when)) - day(now);
}
/** "standard support ends in 41 days, on 2027-01-17" / "… ended 3 days ago, on …" / "… ends today, on …". */
function supportPhrase(what, when, now) {
    const d = daysUntil(when, now);
    const on = `on ${utcDay(when)}`;
    if (d === 0)
        return `${what} ends today, ${on}`;
    if (d > 0)
        return `${what} ends in ${d} day${d === 1 ? '' : 's'}, ${on}`;
    return `${what} ended ${-d} day${d === -1 ? '' : 's'} ago, ${on}`;
}
function partName(p) {
    return p.kind === 'control-plane'
        ? `the control plane (Kubernetes ${p.version})`
        : `pool ${p.name} (Kubernetes ${p.version})`;
}
const hourly = (usd) => `$${usd.toFixed(2)}`;
/** What EKS extended support costs, in one clause. */
function eksExtendedCost() {
    const { standard, extended } = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.eksPricePerClusterHour;
    return `EKS bills extended support at ${hourly(extended)} per cluster-hour instead of ${hourly(standard)} (about $${Math.round(extended * 730)} instead of $${Math.round(standard * 730)} a month)`;
}
function phaseOf(part, now) {
    const w = part.support;
    if (!w)
        return 'unknown';
    const passed = (when) => when !== undefined && Number.isFinite(Date.parse(when)) && daysUntil(when, now) < 0;
    // The end of all support: the end of extended support, or of standard support where there is no extended.
    if (w.status === 'UNSUPPORTED' || passed(w.endOfExtended ?? w.endOfStandard))
        return 'unsupported';
    if (w.status === 'EXTENDED_SUPPORT' || passed(w.endOfStandard))
        return 'extended';
    if (w.endOfStandard && daysUntil(w.endOfStandard, now) <= _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.supportWarningDays)
        return 'standard-ending';
    if (!w.endOfStandard && !w.endOfExtended && !w.status)
        return 'unknown';
    return 'supported';
}
/** The dates of a window, as one sentence's clauses. */
function dates(part, now) {
    const w = part.support ?? {};
    const out = [];
    if (w.endOfStandard)
        out.push(supportPhrase('standard support', w.endOfStandard, now));
    if (w.endOfExtended)
        out.push(supportPhrase('extended support', w.endOfExtended, now));
    return out;
}
/** What the cloud does next, or what it costs, in the phase a part is in (EKS: by its upgrade policy). */
function consequence(facts, provider, phase) {
    if (provider === 'aws') {
        if (facts.supportType === 'STANDARD') {
            return phase === 'standard-ending' || phase === 'extended'
                ? 'the upgrade policy is STANDARD: EKS upgrades the control plane by itself at the end of standard support'
                : undefined;
        }
        if (phase === 'extended')
            return `${eksExtendedCost()}; upgrade to leave it`;
        if (phase === 'standard-ending')
            return `then ${eksExtendedCost()} (upgrade policy ${facts.supportType ?? 'EXTENDED'})`;
        return undefined;
    }
    const a = facts.autoUpgrade;
    if (!a || (phase !== 'standard-ending' && phase !== 'extended'))
        return undefined;
    const target = a.minorTarget ?? a.patchTarget;
    return `GKE auto-upgrade ${a.status.join(', ') || 'UNKNOWN'}${target ? `, next target ${target}` : ''}`;
}
/** Calico findings: older than the pinned release (WARNING), and outside the supported release lines. */
function calicoFindings(calico) {
    const installed = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(calico.installed);
    const pinned = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(calico.pinned);
    if (!calico.installed)
        return [(0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`the Calico Installation reports no running version (status.calicoVersion)`)];
    if (!installed)
        return [(0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`the Calico version '${calico.installed}' does not parse`)];
    if ((0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .compareVersions */ .Zy)(installed, pinned) >= 0)
        return [];
    const lines = Array.from({ length: _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.calicoSupportedMinors }, (_, i) => `v${pinned[0]}.${pinned[1] - i}`);
    const outside = installed[0] !== pinned[0] || pinned[1] - installed[1] >= _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.calicoSupportedMinors;
    return [
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`Calico ${calico.installed} runs, older than the pinned ${calico.pinned}` +
            (outside
                ? `, and outside the supported release lines (${lines.join(', ')}: Calico supports the two newest minors)`
                : '') +
            '; apply upgrades it'),
    ];
}
/**
 * `version-support`: ERROR when the control plane or a pool is past the end of all support; WARNING
 * when standard support ends within 90 days or has ended (on EKS with what extended support costs), or
 * when the cloud states no dates. Pools on the control plane's minor share its finding. The item's
 * description carries the control plane's dates, so an OK report shows them too.
 */
function checkVersionSupport(provider, facts, now, calico) {
    const findings = [];
    const cpMinor = minorOf(facts.controlPlane.version);
    const parts = [facts.controlPlane, ...facts.pools.filter((p) => minorOf(p.version) !== cpMinor)];
    for (const part of parts) {
        const phase = phaseOf(part, now);
        const when = dates(part, now).join('; ');
        // GKE's auto-upgrade state is the cluster's (the control plane's); EKS's policy is the cluster's too.
        const then = part.kind === 'control-plane' || provider === 'aws' ? consequence(facts, provider, phase) : undefined;
        const tail = [when, then].filter(Boolean).join('; ');
        if (phase === 'unsupported')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${partName(part)} is past the end of all support: ${tail}`));
        else if (phase === 'extended')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${partName(part)} is in extended support: ${tail}`));
        else if (phase === 'standard-ending')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${partName(part)}: ${tail}`));
        else if (phase === 'unknown')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${partName(part)}: the cloud states no support dates for it`));
    }
    if (calico)
        findings.push(...calicoFindings(calico));
    const result = (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .item */ .AS)('version-support', findings);
    const cpDates = dates(facts.controlPlane, now);
    if (cpDates.length)
        result.description = `Kubernetes ${cpMinor ?? facts.controlPlane.version}: ${cpDates.join('; ')}`;
    return result;
}
/** Node names shown in one `version-skew` warning; the count says how many more. */
const SKEW_NAMES_SHOWN = 10;
/**
 * `version-skew`, fed one node at a time: a kubelet newer than the API server, or more than three minors
 * older, is an ERROR (the Kubernetes skew policy); two or more minors behind a WARNING. The pools' own
 * versions (from the cloud) are judged the same way against the control plane's.
 */
function versionSkewCheck(serverVersion, pools, controlPlane) {
    const max = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.kubeletMaxMinorsBehind;
    const warnAt = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.warnMinorsBehind;
    const findings = [];
    const behind = [];
    let behindCount = 0;
    const server = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(serverVersion);
    if (!server)
        findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`the API server version '${serverVersion}' does not parse`));
    const cp = controlPlane ?? serverVersion;
    for (const pool of pools) {
        const d = minorsBetween(cp, pool.version);
        if (d === undefined)
            continue;
        if (d < 0)
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`pool ${pool.name} runs ${pool.version}, newer than the control plane ${cp}`));
        else if (d > max)
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`pool ${pool.name} runs ${pool.version}, ${d} minors behind the control plane ${cp}: the skew policy allows ${max}`));
        else if (d >= warnAt)
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`pool ${pool.name} runs ${pool.version}, ${d} minors behind the control plane ${cp}: upgrade it before the next control-plane upgrade`));
    }
    return {
        name: 'version-skew',
        add(node) {
            const d = server ? minorsBetween(serverVersion, node.kubelet) : undefined;
            if (d === undefined)
                return 'OK'; // an unparsable kubelet is `kubernetes-version`'s finding
            if (d < 0) {
                findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${node.name} runs kubelet ${node.kubelet}, newer than the API server ${serverVersion}`, node.name));
                return 'ERROR';
            }
            if (d > max) {
                findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${node.name} runs kubelet ${node.kubelet}, ${d} minors behind the API server ${serverVersion}: the skew policy allows ${max}`, node.name));
                return 'ERROR';
            }
            if (d >= warnAt) {
                behindCount++;
                if (behind.length < SKEW_NAMES_SHOWN)
                    behind.push(`${node.name} (${node.kubelet})`);
                return 'WARNING';
            }
            return 'OK';
        },
        finish() {
            const out = [...findings];
            if (behindCount) {
                const more = behindCount > behind.length ? ` and ${behindCount - behind.length} more` : '';
                out.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${behindCount} node(s) run kubelets ${warnAt} or more minors behind the API server ${serverVersion}: ${behind.join(', ')}${more}`));
            }
            return (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .item */ .AS)('version-skew', out);
        },
    };
}
/**
 * The minors `apply` upgrades through, one at a time: from the minor after the oldest part (control
 * plane or pool) up to the one `kubernetes-version` asks. `latest` never upgrades an existing cluster
 * (it means the newest offered when the cluster is created). A minor older than the control plane's is
 * one clear error: apply never downgrades.
 */
function upgradeMinors(asked, controlPlane, pools) {
    if (asked === 'latest')
        return [];
    const target = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(asked);
    const cp = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(controlPlane);
    if (!target || !cp)
        return [];
    if (target[0] !== cp[0] || target[1] < cp[1]) {
        throw new Error(`kubernetes-version '${asked}' is older than Kubernetes ${minorOf(controlPlane)}, which the cluster runs: ` +
            `apply never downgrades; ask for ${minorOf(controlPlane)} or newer, or \`latest\` to keep the cluster's version`);
    }
    const floor = Math.min(cp[1], ...pools
        .map((p) => (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(p))
        .filter((v) => v && v[0] === cp[0])
        .map((v) => v[1]));
    const minors = [];
    for (let m = floor + 1; m <= target[1]; m++)
        minors.push(`${target[0]}.${m}`);
    return minors;
}
/** Is a part at (or past) this round's minor? */
function atMinor(version, minor) {
    const d = minorsBetween(version, `${minor}.0`);
    return d !== undefined && d >= 0;
}


/***/ }),

/***/ 46800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/** 'below' / 'ok' / 'unparsed' against a minimum such as `5.4`. */
function atLeast(text, minimum) {
    const v = parseVersion(text);
    if (!v)
        return 'unparsed';
    return compareVersions(v, parseVersion(minimum)) >= 0 ? 'ok' : 'below';
}


/***/ })

};
