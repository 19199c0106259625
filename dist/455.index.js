export const id = 455;
export const ids = [455];
export const modules = {

/***/ 62455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NODE_PAGE_SIZE: () => (/* binding */ NODE_PAGE_SIZE),
  reportFilePath: () => (/* binding */ reportFilePath),
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
;// CONCATENATED MODULE: ./src/verify/nodes.ts

/** Node labels that name a node's pool, per provider. */
const POOL_LABELS = {
    gcp: [reference/* GCP */.lI.nodePoolLabel],
    aws: [...reference/* AWS */.kS.nodegroupLabels],
};
function poolOf(config, labels) {
    for (const key of POOL_LABELS[config.provider]) {
        const name = labels[key];
        if (name === undefined)
            continue;
        const role = reference/* POOL_ROLES */.Fe.find((r) => config.pools[r].name === name);
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
    };
}
/** The labels worth keeping in the bounded summary: Gitpod's and the pool labels. */
function summaryLabels(config, labels) {
    const keep = new Set([
        ...POOL_LABELS[config.provider],
        ...reference/* POOL_ROLES */.Fe.flatMap((r) => Object.keys(config.pools[r].labels)),
    ]);
    return Object.fromEntries(Object.entries(labels).filter(([k]) => keep.has(k) || k.startsWith(reference/* GITPOD_LABEL_PREFIX */.q6)));
}
/** `containerd://1.7.24` → `containerd`. */
function runtimeName(runtime) {
    return runtime.split('://')[0].trim();
}

;// CONCATENATED MODULE: ./src/verify/versions.ts
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

;// CONCATENATED MODULE: ./src/verify/checks.ts



const CHECK_DESCRIPTIONS = {
    'node-labels': 'Services-pool nodes carry gitpod.io/workload_meta and workload_ide; workspaces-pool nodes carry the three workload_workspace_* labels',
    'max-pods': 'Gitpod nodes can run at least max-pods pods (status.capacity.pods)',
    'container-runtime': 'Every node runs containerd',
    'kernel-version': `Every node's kernel is at least ${reference/* MINIMUMS */.kV.kernel}`,
    'kubernetes-version': `The API server and every kubelet are at least ${reference/* MINIMUMS */.kV.kubernetes}`,
    'node-pools': 'The services and the workspaces role each have a Ready node',
    'cloud-config': "The cloud's node pool configuration matches the desired one",
    network: 'Network policy enforcement as the reference architecture sets it up',
};
function item(name, errors) {
    const status = errors.some((e) => e.type === 'ERROR') ? 'ERROR' : errors.length ? 'WARNING' : 'OK';
    return { name, description: CHECK_DESCRIPTIONS[name], status, errors };
}
const error = (message, node) => ({ message, type: 'ERROR', ...(node ? { node } : {}) });
const warning = (message, node) => ({
    message,
    type: 'WARNING',
    ...(node ? { node } : {}),
});
/** Accumulates the node checks over pages of nodes. */
class NodeChecks {
    config;
    found = {
        'node-labels': [],
        'max-pods': [],
        'container-runtime': [],
        'kernel-version': [],
        'node-pools': [],
    };
    versionErrors = [];
    counts = { services: 0, workspaces: 0, other: 0 };
    ready = { services: 0, workspaces: 0, other: 0 };
    /** Not-Ready nodes per pool; judged when every page is in. */
    notReady = { services: [], workspaces: [], other: [] };
    readyLabels = new Set();
    outside = [];
    outsideCount = 0;
    constructor(config) {
        this.config = config;
    }
    /** Checks one node; returns true when it fails (carries an ERROR or WARNING of its own). */
    add(node) {
        const { config } = this;
        const before = this.total();
        this.counts[node.pool]++;
        const gitpodLabelled = Object.keys(node.labels).some((k) => k.startsWith(reference/* GITPOD_LABEL_PREFIX */.q6));
        if (node.ready) {
            this.ready[node.pool]++;
            for (const key of reference/* GITPOD_LABEL_KEYS */.A$)
                if (node.labels[key] === 'true')
                    this.readyLabels.add(key);
        }
        else {
            this.notReady[node.pool].push(node.name);
        }
        if (node.pool === 'other') {
            this.outsideCount++;
            if (this.outside.length < 10)
                this.outside.push(node.name);
        }
        else {
            const wanted = config.pools[node.pool].labels;
            const missing = Object.entries(wanted).filter(([k, v]) => node.labels[k] !== v);
            if (missing.length) {
                this.found['node-labels'].push(error(`${node.name} (${node.pool} pool) lacks ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`, node.name));
            }
        }
        if ((node.pool !== 'other' || gitpodLabelled) && node.maxPods < config.maxPods) {
            this.found['max-pods'].push(error(`${node.name} can run ${node.maxPods} pods (status.capacity.pods), fewer than max-pods ${config.maxPods}`, node.name));
        }
        const runtime = runtimeName(node.runtime);
        if (!runtime)
            this.found['container-runtime'].push(warning(`${node.name} reports no container runtime`, node.name));
        else if (runtime !== reference/* MINIMUMS */.kV.containerRuntime) {
            this.found['container-runtime'].push(error(`${node.name} runs ${node.runtime}, not ${reference/* MINIMUMS */.kV.containerRuntime}`, node.name));
        }
        const kernel = atLeast(node.kernel, reference/* MINIMUMS */.kV.kernel);
        if (kernel === 'below') {
            this.found['kernel-version'].push(error(`${node.name} runs kernel ${node.kernel}, below ${reference/* MINIMUMS */.kV.kernel}`, node.name));
        }
        else if (kernel === 'unparsed') {
            this.found['kernel-version'].push(warning(`${node.name}: kernel version '${node.kernel}' does not parse`, node.name));
        }
        const kubelet = atLeast(node.kubelet, reference/* MINIMUMS */.kV.kubernetes);
        if (kubelet === 'below') {
            this.versionErrors.push(error(`${node.name} runs kubelet ${node.kubelet}, below ${reference/* MINIMUMS */.kV.kubernetes}`, node.name));
        }
        else if (kubelet === 'unparsed') {
            this.versionErrors.push(warning(`${node.name}: kubelet version '${node.kubelet}' does not parse`, node.name));
        }
        return this.total() > before;
    }
    total() {
        return Object.values(this.found).reduce((n, e) => n + e.length, 0) + this.versionErrors.length;
    }
    /** The node checks' items, once every page is in. */
    finish(serverVersion) {
        const labels = [...this.found['node-labels']];
        for (const key of reference/* GITPOD_LABEL_KEYS */.A$) {
            if (!this.readyLabels.has(key))
                labels.push(error(`no Ready node carries ${key}=true`));
        }
        const pools = [...this.found['node-pools']];
        for (const role of reference/* POOL_ROLES */.Fe) {
            const name = this.config.pools[role].name;
            if (this.ready[role] === 0) {
                const seen = this.counts[role] ? `${this.counts[role]} node(s), none Ready` : 'no nodes';
                pools.push(error(`the ${role} role has no Ready node (pool ${name}: ${seen})`));
            }
            else {
                for (const node of this.notReady[role]) {
                    pools.push(warning(`${node} (${role} pool) is not Ready; the pool has ${this.ready[role]} other Ready node(s)`, node));
                }
            }
        }
        if (this.outsideCount) {
            const more = this.outsideCount > this.outside.length ? ` and ${this.outsideCount - this.outside.length} more` : '';
            pools.push(warning(`${this.outsideCount} node(s) outside both Gitpod pools: ${this.outside.join(', ')}${more}`));
        }
        const versions = [...this.versionErrors];
        const server = atLeast(serverVersion, reference/* MINIMUMS */.kV.kubernetes);
        if (server === 'below')
            versions.unshift(error(`the API server runs ${serverVersion}, below ${reference/* MINIMUMS */.kV.kubernetes}`));
        if (server === 'unparsed')
            versions.unshift(warning(`the API server version '${serverVersion}' does not parse`));
        return [
            item('node-labels', labels),
            item('max-pods', this.found['max-pods']),
            item('container-runtime', this.found['container-runtime']),
            item('kernel-version', this.found['kernel-version']),
            item('kubernetes-version', versions),
            item('node-pools', pools),
        ];
    }
}
/** The desired configuration of one pool, in the terms of the cloud API. */
function desiredPool(config, role) {
    const pool = config.pools[role];
    return {
        name: pool.name,
        labels: pool.labels,
        machineType: pool.machineType,
        minNodes: pool.minNodes,
        maxNodes: pool.maxNodes,
        maxPods: config.provider === 'gcp' ? config.maxPods : undefined,
        image: config.provider === 'gcp' ? reference/* GCP */.lI.pool.imageType : reference/* AWS */.kS.nodegroup.amiType,
    };
}
/** Cloud-side drift: each difference names pool, field, wanted and found. */
function checkCloudConfig(config, observed) {
    const errors = [];
    for (const role of reference/* POOL_ROLES */.Fe) {
        const want = desiredPool(config, role);
        const have = observed.pools.find((p) => p.name === want.name);
        if (!have) {
            errors.push(error(`node pool ${want.name} (${role}) does not exist`));
            continue;
        }
        const diff = (field, wanted, found) => {
            if (wanted !== undefined && wanted !== found) {
                errors.push(error(`${want.name}: ${field} is ${JSON.stringify(found ?? null)}, wanted ${JSON.stringify(wanted)}`));
            }
        };
        // Labels compared: the gitpod.io/workload_* family and the extra labels; other labels are the user's.
        const keys = new Set([
            ...Object.keys(want.labels),
            ...Object.keys(have.labels).filter((k) => k.startsWith(reference/* GITPOD_LABEL_PREFIX */.q6)),
        ]);
        for (const key of [...keys].sort())
            diff(`label ${key}`, want.labels[key] ?? '(absent)', have.labels[key] ?? '(absent)');
        diff('machine type', want.machineType, have.machineType);
        diff('min nodes', want.minNodes, have.minNodes);
        diff('max nodes', want.maxNodes, have.maxNodes);
        diff('max pods per node', want.maxPods, have.maxPods);
        diff(config.provider === 'gcp' ? 'image type' : 'AMI type', want.image, have.image);
    }
    return item('cloud-config', errors);
}
function checkNetwork(config, facts) {
    const errors = [];
    if (config.provider === 'gcp') {
        if (facts.networkPolicy !== true)
            errors.push(error('network policy enforcement is off on the GKE cluster'));
    }
    else if (config.network === 'calico') {
        const ds = reference/* AWS */.kS.calico.awsNode;
        if (facts.awsNodePresent)
            errors.push(error(`the AWS VPC CNI daemonset ${ds.namespace}/${ds.name} is still present`));
        if (!facts.calicoInstallation) {
            errors.push(error(`no Calico Installation named ${reference/* AWS */.kS.calico.installation.metadata.name} (operator.tigera.io/v1)`));
        }
    }
    return item('network', errors);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/verify/report.ts
/**
 * The verification report: the bounded `summary` JSON, the full report file, the Markdown (job summary
 * and `summary-markdown`) with a Mermaid picture of the pools, annotations and outputs.
 */





/** Nodes in `summary` besides the failing ones; the full list is in the report file. */
const OTHER_NODES_IN_SUMMARY = 50;
/** Failing nodes and per-check messages kept in `summary`, so it stays well under GitHub's 1 MB. */
const FAILING_NODES_IN_SUMMARY = 500;
const MESSAGES_PER_CHECK_IN_SUMMARY = 100;
/** Node rows in the Markdown table. */
const NODE_ROWS_IN_MARKDOWN = 100;
function overallStatus(items) {
    if (items.some((i) => i.status === 'ERROR'))
        return 'ERROR';
    return items.some((i) => i.status === 'WARNING') ? 'WARNING' : 'OK';
}
/** Collects nodes for the summary (failing first, a few others) while every node streams to a file. */
class NodeSink {
    config;
    partPath;
    failing = [];
    others = [];
    failingTotal = 0;
    file;
    first = true;
    constructor(config, partPath) {
        this.config = config;
        this.partPath = partPath;
        this.file = (0,external_node_fs_.createWriteStream)(partPath, { mode: 0o600 });
    }
    add(node, fails) {
        this.file.write(`${this.first ? '' : ',\n'}${JSON.stringify(node)}`);
        this.first = false;
        const compact = { ...node, labels: summaryLabels(this.config, node.labels) };
        if (fails) {
            this.failingTotal++;
            if (this.failing.length < FAILING_NODES_IN_SUMMARY)
                this.failing.push(compact);
        }
        else if (this.others.length < OTHER_NODES_IN_SUMMARY) {
            this.others.push(compact);
        }
    }
    close() {
        return new Promise((resolve, reject) => this.file.end((err) => (err ? reject(err) : resolve())));
    }
}
/** Bounds the per-check messages of the summary; the report file keeps them all. */
function boundItems(items) {
    return items.map((i) => {
        if (i.errors.length <= MESSAGES_PER_CHECK_IN_SUMMARY)
            return i;
        const rest = i.errors.length - MESSAGES_PER_CHECK_IN_SUMMARY;
        return {
            ...i,
            errors: [
                ...i.errors.slice(0, MESSAGES_PER_CHECK_IN_SUMMARY),
                { type: i.status === 'ERROR' ? 'ERROR' : 'WARNING', message: `… and ${rest} more (see the report file)` },
            ],
        };
    });
}
function buildReport(config, items, sink, counts) {
    return {
        status: overallStatus(items),
        provider: config.provider,
        cluster: config.clusterName,
        items: boundItems(items),
        nodes: [...sink.failing, ...sink.others],
        nodeCounts: counts,
    };
}
/** Writes the full report (every node, every message) without holding the node list in memory. */
async function writeReportFile(file, report, items, sink) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const { nodes: _bounded, ...head } = report;
    const out = (0,external_node_fs_.createWriteStream)(file, { mode: 0o600 });
    const opening = JSON.stringify({ ...head, items }, null, 2).replace(/\n}$/, ',\n  "nodes": [\n');
    out.write(opening);
    await new Promise((resolve, reject) => {
        const input = (0,external_node_fs_.createReadStream)(sink.partPath);
        input.on('error', reject);
        input.on('end', resolve);
        input.pipe(out, { end: false });
    });
    await new Promise((resolve, reject) => out.end('\n  ]\n}\n', () => resolve()).on('error', reject));
    await (0,promises_.rm)(sink.partPath, { force: true });
}
const ICON = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** A Mermaid picture of the two pools with their node counts and verdicts. */
function mermaid(config, report) {
    const verdict = (role) => {
        const pool = report.items.find((i) => i.name === 'node-pools');
        const failingHere = report.nodes.some((n) => n.pool === role && report.items.some((i) => i.errors.some((e) => e.node === n.name && e.type === 'ERROR')));
        const poolError = pool.errors.some((e) => e.type === 'ERROR' && e.message.includes(`the ${role} role`));
        return poolError || failingHere ? 'ERROR' : 'OK';
    };
    const lines = [
        '```mermaid',
        'flowchart LR',
        `  cluster(["${config.provider === 'gcp' ? 'GKE' : 'EKS'} ${config.clusterName}<br/>${report.status}"])`,
    ];
    for (const role of reference/* POOL_ROLES */.Fe) {
        const v = verdict(role);
        lines.push(`  ${role}["${role} pool ${config.pools[role].name}<br/>${report.nodeCounts[role]} node(s) · ${v}"]`);
        lines.push(`  cluster --> ${role}`);
        lines.push(`  class ${role} ${v === 'OK' ? 'ok' : 'bad'}`);
    }
    if (report.nodeCounts.other) {
        lines.push(`  other["outside both pools<br/>${report.nodeCounts.other} node(s)"]`, '  cluster -.-> other', '  class other warn');
    }
    lines.push('  classDef ok fill:#dcfce7,stroke:#16a34a', '  classDef bad fill:#fee2e2,stroke:#dc2626', '  classDef warn fill:#fef9c3,stroke:#ca8a04', '```');
    return lines.join('\n');
}
function reportMarkdown(config, report, drift) {
    const where = config.provider === 'gcp' ? `${config.project}/${config.region}` : config.region;
    const total = report.nodeCounts.services + report.nodeCounts.workspaces + report.nodeCounts.other;
    const lines = [
        `## ${ICON[report.status]} Gitpod cluster verification: ${config.clusterName} (${where})`,
        '',
        `**${report.status}** — ${total} node(s): ${report.nodeCounts.services} services, ${report.nodeCounts.workspaces} workspaces, ${report.nodeCounts.other} other. Cloud-side drift: **${drift ? 'yes' : 'no'}**.`,
        '',
        mermaid(config, report),
        '',
        '| check | status | findings |',
        '|---|---|---|',
    ];
    for (const i of report.items) {
        const shown = i.errors.slice(0, 5).map((e) => cell(e.message));
        if (i.errors.length > 5)
            shown.push(`… ${i.errors.length - 5} more`);
        lines.push(`| \`${i.name}\` | ${ICON[i.status]} ${i.status} | ${shown.join('<br/>') || cell(i.description)} |`);
    }
    const failing = new Set(report.items.flatMap((i) => i.errors.filter((e) => e.node).map((e) => e.node)));
    const rows = report.nodes.slice(0, NODE_ROWS_IN_MARKDOWN);
    lines.push('', `<details${report.status === 'OK' ? '' : ' open'}><summary>Nodes (${rows.length} of ${total} shown; failing first)</summary>`, '', '| NAME | POOL | RUNTIME | MAXPODS | KERNEL | AMIFAMILY | K8S | AMI | verdict |', '|---|---|---|---|---|---|---|---|---|');
    for (const n of rows) {
        const verdict = failing.has(n.name) ? '❌' : n.ready ? '✅' : '⚠️ not Ready';
        lines.push(`| ${cell(n.name)} | ${n.pool} | ${cell(n.runtime)} | ${n.maxPods} | ${cell(n.kernel)} | ${cell(n.osImage)} | ${cell(n.kubelet)} | ${cell(n.providerID)} | ${verdict} |`);
    }
    lines.push('', '</details>', '');
    return lines.join('\n');
}
/** Every output, the job summary and one annotation per failing check. */
async function publishReport(config, io, report, drift, reportFile) {
    const markdown = reportMarkdown(config, report, drift);
    for (const i of report.items) {
        if (i.status === 'OK')
            continue;
        const first = i.errors[0]?.message ?? i.description;
        const more = i.errors.length > 1 ? ` (and ${i.errors.length - 1} more)` : '';
        (i.status === 'ERROR' ? io.log.error : io.log.warning)(`${i.name}: ${first}${more}`);
    }
    io.setOutput('verified', String(report.status !== 'ERROR'));
    io.setOutput('drift', String(drift));
    io.setOutput('summary', JSON.stringify(report));
    io.setOutput('summary-markdown', markdown);
    io.setOutput('report-file', reportFile);
    await io.appendSummary(markdown);
    return markdown;
}

;// CONCATENATED MODULE: ./src/commands/verify.ts
/**
 * `verify`: a read-only conformance and drift check of an existing cluster. Node pools come from the
 * cloud API, nodes from the Kubernetes API a page at a time; no CLI is downloaded and no write is sent.
 * Every output is written before `fail-on-drift` fails the step.
 */





const NODE_PAGE_SIZE = 500;
function reportFilePath(config) {
    return external_node_path_default().join(config.tempDir, `${config.clusterName}-verify-report.json`);
}
/** EKS with Calico: aws-node must be gone and the Installation present (read through the cluster). */
async function eksNetworkFacts(kube) {
    const c = reference/* AWS */.kS.calico;
    const awsNode = await kube.get({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: c.awsNode.name,
        namespace: c.awsNode.namespace,
    });
    let installation;
    try {
        installation = await kube.get({
            apiVersion: c.installation.apiVersion,
            kind: c.installation.kind,
            name: c.installation.metadata.name,
        });
    }
    catch (err) {
        // The Installation kind itself is not served when the tigera operator was never installed.
        if (err.status !== 404)
            throw err;
    }
    return { awsNodePresent: awsNode !== undefined, calicoInstallation: installation !== undefined };
}
async function verify(config, io, deps = {}) {
    const cloud = deps.cloud ?? (await (await __webpack_require__.e(/* import() */ 565).then(__webpack_require__.bind(__webpack_require__, 42565))).providerCloud(config, io.log));
    const observed = await cloud.observe();
    if (!observed.found) {
        const where = config.provider === 'gcp' ? `project ${config.project}, region ${config.region}` : `region ${config.region}`;
        throw new Error(`cluster ${config.clusterName} was not found in ${where}`);
    }
    const kube = deps.kube ??
        (await (await __webpack_require__.e(/* import() */ 391).then(__webpack_require__.bind(__webpack_require__, 33391))).connectKube(config.kubeconfig ? { kubeconfigPath: config.kubeconfig } : await cloud.kubeAccess(observed), io.log));
    const file = reportFilePath(config);
    const checks = new NodeChecks(config);
    const sink = new NodeSink(config, `${file}.nodes.part`);
    const started = Date.now();
    const serverVersion = await kube.serverVersion();
    let seen = 0;
    try {
        for await (const page of kube.nodePages(NODE_PAGE_SIZE)) {
            for (const raw of page) {
                const node = toNodeInfo(config, raw);
                sink.add(node, checks.add(node));
            }
            seen += page.length;
            if (seen > NODE_PAGE_SIZE)
                io.log.info(`… ${seen} nodes checked`);
        }
    }
    finally {
        await sink.close();
    }
    const network = config.provider === 'gcp'
        ? { networkPolicy: observed.network.networkPolicy }
        : config.network === 'calico'
            ? await eksNetworkFacts(kube)
            : {};
    const cloudConfig = checkCloudConfig(config, observed);
    const items = [...checks.finish(serverVersion), cloudConfig, checkNetwork(config, network)];
    const drift = cloudConfig.status === 'ERROR';
    const report = buildReport(config, items, sink, { ...checks.counts });
    await writeReportFile(file, report, items, sink);
    io.log.info(`Verified ${seen} node(s) of ${config.clusterName} (API server ${serverVersion}) in ${Date.now() - started} ms: ${report.status}`);
    await publishReport(config, io, report, drift, file);
    const failed = items.filter((i) => i.status === 'ERROR').map((i) => i.name);
    if (failed.length && config.failOnDrift) {
        throw new Error(`verification failed: ${failed.join(', ')} ended in ERROR (see the job summary and ${file})`);
    }
    return report;
}


/***/ })

};
