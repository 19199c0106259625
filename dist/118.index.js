export const id = 118;
export const ids = [118];
export const modules = {

/***/ 24118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NODE_PAGE_SIZE: () => (/* binding */ NODE_PAGE_SIZE),
  reportFilePath: () => (/* binding */ reportFilePath),
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/kubeconfig.ts
var kubeconfig = __webpack_require__(35180);
// EXTERNAL MODULE: ./src/providers/index.ts
var providers = __webpack_require__(87486);
// EXTERNAL MODULE: ./src/record.ts
var src_record = __webpack_require__(94846);
// EXTERNAL MODULE: ./src/steps.ts
var steps = __webpack_require__(36992);
// EXTERNAL MODULE: ./src/verify/checks.ts + 1 modules
var verify_checks = __webpack_require__(81612);
// EXTERNAL MODULE: ./src/desired.ts
var desired = __webpack_require__(73761);
;// CONCATENATED MODULE: ./src/verify/cloud-config.ts



/** `cloud-config` with its diff: ERROR on any difference; an ERROR here also means `drift=true`. */
function cloudConfigDiff(config, observed) {
    const provider = (0,providers/* providerOf */.lc)(config);
    const fixes = provider.fixes(config);
    const diffs = (0,desired/* diffPools */.Vg)(provider.desiredPools(config), observed.pools, fixes);
    const errors = [];
    for (const d of diffs) {
        if (!d.observed)
            errors.push((0,verify_checks/* error */.z3)(`${fixes.poolNoun} ${d.name} (${d.role}) does not exist; apply creates it`));
        else
            errors.push(...(0,desired/* differenceLines */.Ze)(d).map((line) => (0,verify_checks/* error */.z3)(line)));
    }
    errors.push(...provider.clusterDifferences(config, observed));
    return { item: (0,verify_checks/* item */.AS)('cloud-config', errors), diffs, applyWouldDo: (0,desired/* applyWouldDo */.vV)(diffs, fixes) };
}
/** `cloud-config`: ERROR on any difference; an ERROR here also means `drift=true`. */
function checkCloudConfig(config, observed) {
    return cloudConfigDiff(config, observed).item;
}

;// CONCATENATED MODULE: ./src/verify/network.ts

/** Reads the facts the provider's network check needs: GETs only, nothing written. */
function networkFacts(config, observed, kube) {
    return (0,providers/* providerOf */.lc)(config).networkFacts(config, observed, kube);
}
/** `network`: the provider's check over those facts. */
function checkNetwork(config, facts) {
    return (0,providers/* providerOf */.lc)(config).checkNetwork(config, facts);
}

// EXTERNAL MODULE: ./src/verify/nodes.ts
var nodes = __webpack_require__(44056);
// EXTERNAL MODULE: ./src/verify/support.ts
var verify_support = __webpack_require__(73386);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/markdown.ts
var markdown = __webpack_require__(83758);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
;// CONCATENATED MODULE: ./src/verify/report.ts
/**
 * The verification report: the bounded `summary` JSON, the full report file, the Markdown (job summary
 * and `summary-markdown`) with a Mermaid picture of the pools, one annotation per failing check, and the
 * outputs. Nodes stream through `NodeSink` to the report file; only what the summary shows stays in memory.
 */








/** Passing nodes in `summary` besides the failing ones (the contract's "at most 50 others"). */
const OTHER_NODES_IN_SUMMARY = 50;
/**
 * Bytes of failing nodes in `summary`. GitHub caps an output at 1 MB; with the checks' messages (below)
 * the whole summary stays under about 512 KiB, whatever the cluster's size.
 */
const FAILING_NODES_BUDGET = 384 * 1024;
/** Messages per check in `summary` and their length; the report file keeps every message in full. */
const MESSAGES_PER_CHECK_IN_SUMMARY = 100;
const MESSAGE_CHARS_IN_SUMMARY = 300;
/** Node rows in the Markdown table, and the Markdown's own budget (the job summary's limit is 1 MiB). */
const NODE_ROWS_IN_MARKDOWN = 100;
const MARKDOWN_BUDGET = 256 * 1024;
function overallStatus(items) {
    if (items.some((i) => i.status === 'ERROR'))
        return 'ERROR';
    return items.some((i) => i.status === 'WARNING') ? 'WARNING' : 'OK';
}
/** A list that keeps entries while their JSON fits a byte budget, and counts the ones it had to drop. */
class Budgeted {
    budget;
    kept = [];
    bytes = 0;
    dropped = 0;
    constructor(budget) {
        this.budget = budget;
    }
    add(node) {
        const size = Buffer.byteLength(JSON.stringify(node)) + 1;
        if (this.bytes + size > this.budget)
            this.dropped++;
        else {
            this.kept.push(node);
            this.bytes += size;
        }
    }
}
/**
 * Receives every node once its checks are done: writes it to the report file's node list, and keeps the
 * failing ones (ERROR before WARNING, within the budget) and the first passing ones for the summary.
 */
class NodeSink {
    config;
    partPath;
    errors = new Budgeted(FAILING_NODES_BUDGET);
    warnings = new Budgeted(FAILING_NODES_BUDGET);
    others = [];
    file;
    first = true;
    constructor(config, partPath) {
        this.config = config;
        this.partPath = partPath;
        this.file = (0,external_node_fs_.createWriteStream)(partPath, { mode: 0o600 });
    }
    /** Writes the node; resolves when the file can take more (backpressure on very large clusters). */
    async add(node) {
        const ok = this.file.write(`${this.first ? '' : ',\n'}${JSON.stringify(node)}`);
        this.first = false;
        const compact = { ...node, labels: (0,nodes/* summaryLabels */.au)(this.config, node.labels) };
        if (node.verdict === 'ERROR')
            this.errors.add(compact);
        else if (node.verdict === 'WARNING')
            this.warnings.add(compact);
        else if (this.others.length < OTHER_NODES_IN_SUMMARY)
            this.others.push(compact);
        if (!ok)
            await new Promise((resolve) => this.file.once('drain', () => resolve()));
    }
    /** The summary's nodes: every failing node that fits the budget (ERROR first), then up to 50 others. */
    summaryNodes() {
        const warnings = [];
        let room = FAILING_NODES_BUDGET - this.errors.bytes;
        let omitted = this.errors.dropped + this.warnings.dropped;
        for (const n of this.warnings.kept) {
            const size = Buffer.byteLength(JSON.stringify(n)) + 1;
            if (size > room)
                omitted++;
            else {
                warnings.push(n);
                room -= size;
            }
        }
        return { nodes: [...this.errors.kept, ...warnings, ...this.others], omitted };
    }
    async close() {
        if (!this.file.writableEnded)
            this.file.end();
        await (0,external_node_stream_promises_.finished)(this.file);
    }
    /** Closes and removes the node file (verify failed before the report could be written). */
    async discard() {
        await this.close().catch(() => undefined);
        await (0,promises_.rm)(this.partPath, { force: true });
    }
}
const cut = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Bounds the per-check messages of the summary; the report file keeps them all. */
function boundItems(items) {
    return items.map((i) => {
        const errors = i.errors
            .slice(0, MESSAGES_PER_CHECK_IN_SUMMARY)
            .map((e) => ({ ...e, message: cut(e.message, MESSAGE_CHARS_IN_SUMMARY) }));
        const rest = i.errors.length - errors.length;
        if (rest > 0) {
            errors.push({
                type: i.status === 'ERROR' ? 'ERROR' : 'WARNING',
                message: `… and ${rest} more (see report-file)`,
            });
        }
        return { ...i, errors };
    });
}
/** The `summary` report: the contract's shape, bounded in size on any cluster. */
function buildReport(config, items, sink, counts) {
    const { nodes, omitted } = sink.summaryNodes();
    return {
        status: overallStatus(items),
        provider: config.provider,
        cluster: config.clusterName,
        items: boundItems(items),
        nodes,
        nodeCounts: counts,
        ...(omitted ? { failingNodesOmitted: omitted } : {}),
    };
}
/** Writes the full report (every node, every message) from the sink's node file, without loading it. */
async function writeReportFile(file, report, items, sink) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const { nodes: _bounded, failingNodesOmitted: _omitted, ...head } = report;
    const out = (0,external_node_fs_.createWriteStream)(file, { mode: 0o600 });
    out.write(JSON.stringify({ ...head, items }, null, 2).replace(/\n}$/, ',\n  "nodes": [\n'));
    const input = (0,external_node_fs_.createReadStream)(sink.partPath);
    input.pipe(out, { end: false });
    await (0,external_node_stream_promises_.finished)(input);
    out.end('\n  ]\n}\n');
    await (0,external_node_stream_promises_.finished)(out);
    await (0,promises_.rm)(sink.partPath, { force: true });
}
const ICON = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };
/** A Markdown table cell: escaped (src/markdown.ts), one line, bounded. */
const cell = (text, max = 200) => (0,markdown/* mdText */.bC)(cut(text, max));
/** Text inside a Mermaid `"…"` label. */
const mermaidText = (text) => text.replace(/"/g, '#quot;');
/** A pool's verdict: ERROR when the role has no Ready node (as `node-pools` says) or a node ended in ERROR. */
function poolVerdict(tally, pool) {
    const t = tally[pool];
    if ((pool !== 'other' && t.ready === 0) || t.ERROR)
        return 'ERROR';
    return t.WARNING ? 'WARNING' : 'OK';
}
/** A Mermaid picture of the two pools (and any nodes outside them) with node counts and verdicts. */
function mermaid(config, report, tally) {
    const cls = { OK: 'ok', WARNING: 'warn', ERROR: 'bad' };
    const platform = (0,providers/* providerOf */.lc)(config).platform;
    const lines = [
        '```mermaid',
        'flowchart LR',
        `  cluster(["${mermaidText(`${platform} ${config.clusterName}`)}<br/>${ICON[report.status]} ${report.status}"])`,
        `  class cluster ${cls[report.status]}`,
    ];
    const pools = [...reference/* POOL_ROLES */.Fe, ...(tally.other.nodes ? ['other'] : [])];
    for (const pool of pools) {
        const t = tally[pool];
        const v = poolVerdict(tally, pool);
        const title = pool === 'other' ? 'outside both pools' : `${pool} pool ${config.pools[pool].name}`;
        const failing = t.ERROR ? ` · ${t.ERROR} failing` : '';
        lines.push(`  ${pool}["${mermaidText(title)}<br/>${t.nodes} node(s), ${t.ready} Ready${failing}<br/>${ICON[v]} ${v}"]`, `  cluster ${pool === 'other' ? '-.->' : '-->'} ${pool}`, `  class ${pool} ${cls[v]}`);
    }
    lines.push('  classDef ok fill:#dcfce7,stroke:#16a34a', '  classDef warn fill:#fef9c3,stroke:#ca8a04', '  classDef bad fill:#fee2e2,stroke:#dc2626', '```');
    return lines.join('\n');
}
/** The node table's columns: the reference document's custom columns, then pool and verdict. */
const NODE_TABLE_HEADER = '| NAME | RUNTIME | MAXPODS | KERNEL | AMIFAMILY | K8S | AMI | POOL | VERDICT |';
function nodeRow(n) {
    const verdict = `${ICON[n.verdict]} ${n.verdict}${n.ready ? '' : ' (not Ready)'}`;
    return `| ${cell(n.name)} | ${cell(n.runtime)} | ${n.maxPods} | ${cell(n.kernel)} | ${cell(n.osImage)} | ${cell(n.kubelet)} | ${cell(n.providerID)} | ${n.pool} | ${verdict} |`;
}
/** The report as Markdown: headline, Mermaid picture, checks table, node table (failing first); bounded. */
function reportMarkdown(config, report, ctx) {
    const where = (0,providers/* providerOf */.lc)(config).where(config);
    const c = report.nodeCounts;
    const total = c.services + c.workspaces + c.other;
    const lines = [
        `## ${ICON[report.status]} Gitpod cluster verification: ${cell(config.clusterName)} (${cell(where)})`,
        '',
        `**${report.status}** — ${total} node(s): ${c.services} services, ${c.workspaces} workspaces, ${c.other} outside both pools. Cloud-side drift: **${ctx.drift ? 'yes' : 'no'}**.`,
        '',
        mermaid(config, report, ctx.tally),
        '',
        '| check | status | findings |',
        '|---|---|---|',
    ];
    for (const i of report.items) {
        const shown = i.errors.slice(0, 5).map((e) => cell(e.message, 300));
        if (i.errors.length > 5)
            shown.push(`… ${i.errors.length - 5} more`);
        lines.push(`| \`${i.name}\` | ${ICON[i.status]} ${i.status} | ${shown.join('<br/>') || cell(i.description)} |`);
    }
    if (report.applyWouldDo?.length) {
        lines.push('', '### What `apply` would do', '', ...report.applyWouldDo.map((l) => `- ${cell(l, 1000)}`));
    }
    const table = ['', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
    let bytes = Buffer.byteLength(lines.join('\n'));
    let rows = 0;
    for (const n of report.nodes) {
        const row = nodeRow(n);
        bytes += Buffer.byteLength(row) + 1;
        if (rows >= NODE_ROWS_IN_MARKDOWN || bytes > MARKDOWN_BUDGET)
            break;
        table.push(row);
        rows++;
    }
    table[0] = NODE_TABLE_HEADER;
    const failing = report.nodes.filter((n) => n.verdict !== 'OK').length + (report.failingNodesOmitted ?? 0);
    lines.push('', `<details${report.status === 'OK' ? '' : ' open'}><summary>Nodes: ${rows} of ${total} shown, failing first (${failing} with findings); every node is in the report file</summary>`, '', ...table, '', '</details>', '');
    return lines.join('\n');
}
/** One annotation per failing check: its first finding and how many more. */
function annotate(io, items) {
    for (const i of items) {
        if (i.status === 'OK')
            continue;
        const first = i.errors.find((e) => e.type === i.status) ?? i.errors[0];
        const more = i.errors.length > 1 ? ` (and ${i.errors.length - 1} more)` : '';
        const line = `${i.name}: ${first?.message ?? i.description}${more}`;
        if (i.status === 'ERROR')
            io.log.error(line);
        else
            io.log.warning(line);
    }
}
/** Every output, the job summary and the annotations (counted over `items`, every finding). Returns the Markdown. */
async function publishReport(config, io, report, ctx) {
    const markdown = reportMarkdown(config, report, ctx);
    annotate(io, ctx.items);
    io.setOutput('verified', String(report.status !== 'ERROR'));
    io.setOutput('drift', String(ctx.drift));
    io.setOutput('summary', JSON.stringify(report));
    io.setOutput('summary-markdown', markdown);
    io.setOutput('report-file', ctx.reportFile);
    await io.appendSummary(markdown);
    return markdown;
}

;// CONCATENATED MODULE: ./src/commands/verify.ts
/**
 * `verify`: a read-only conformance and drift check of an existing cluster. Node pools come from the
 * cloud API, nodes from the Kubernetes API a page at a time; no CLI is downloaded and nothing is written
 * to either API. Every output and the job summary are written before `fail-on-drift` fails the step.
 */












const NODE_PAGE_SIZE = 500;
function reportFilePath(config) {
    return external_node_path_default().join(config.tempDir, `${config.clusterName}-verify-report.json`);
}
/**
 * The config to check against: the inputs given, and for the sizing inputs left empty the desired state
 * `apply` recorded in the cluster (src/record.ts). Without a record (a cluster apply did not build, or a
 * kubeconfig that may not read kube-system's ConfigMaps) the inputs and their defaults stand.
 */
async function recordedConfig(config, kube, io) {
    const where = `ConfigMap ${src_record/* RECORD_REF */.yl.namespace}/${src_record/* RECORD_REF */.yl.name}`;
    let found;
    try {
        found = await kube.get(src_record/* RECORD_REF */.yl);
    }
    catch (err) {
        io.log.info(`The desired state apply recorded could not be read (${(0,steps/* errorMessage */.gJ)(err)}); checking against the inputs`);
        return { config, differences: [] };
    }
    if (!found) {
        io.log.info(`No desired state recorded in ${where}; checking against the inputs and their defaults`);
        return { config, differences: [] };
    }
    const record = (0,src_record/* parseRecord */.Hh)(found);
    if (typeof record === 'string') {
        io.log.warning(`The desired state in ${where} is not usable (${record}); checking against the inputs`);
        return { config, differences: [] };
    }
    const result = (0,src_record/* withRecord */.q8)(config, record);
    if (result.taken.length)
        io.log.info(`From the desired state apply recorded in ${where}: ${result.taken.join(', ')}`);
    return result;
}
async function verify(given, io, deps = {}) {
    let config = given;
    const now = deps.now ?? Date.now;
    // A user's kubeconfig: its credentials are masked before anything reads the file (a missing file fails below).
    if (config.kubeconfig)
        (0,kubeconfig/* registerKubeconfigSecrets */.oH)(await (0,promises_.readFile)(config.kubeconfig, 'utf8').catch(() => ''));
    const provider = await (0,providers/* loadProvider */.Cg)(config);
    const cloud = deps.cloud ?? (await provider.cloud(config, io.log));
    const observed = await cloud.observe();
    if (!observed.found)
        throw new Error(provider.notFound(config));
    const kube = deps.kube ??
        (await (await __webpack_require__.e(/* import() */ 391).then(__webpack_require__.bind(__webpack_require__, 33391))).connectKube(config.kubeconfig ? { kubeconfigPath: config.kubeconfig } : await cloud.kubeAccess(observed), io.log));
    const started = now();
    const recorded = await recordedConfig(given, kube, io);
    config = recorded.config;
    const serverVersion = await kube.serverVersion();
    const file = reportFilePath(config);
    const versions = await cloud.versions(observed);
    const skew = (0,verify_support/* versionSkewCheck */.jQ)(serverVersion, versions.pools, versions.controlPlane.version);
    const checks = new verify_checks/* NodeChecks */.gX(config, serverVersion, [skew]);
    const sink = new NodeSink(config, `${file}.nodes.part`);
    let seen = 0;
    try {
        for await (const page of kube.nodePages(NODE_PAGE_SIZE)) {
            for (const raw of page)
                await sink.add(checks.add((0,nodes/* toNodeInfo */._4)(config, raw)));
            seen += page.length;
            if (seen > NODE_PAGE_SIZE)
                io.log.info(`… ${seen} nodes checked`);
        }
        await sink.close();
    }
    catch (err) {
        await sink.discard();
        throw err;
    }
    const diff = cloudConfigDiff(config, observed);
    // An explicit input that differs from the recorded desired state: said, not counted as drift.
    const cloudConfig = recorded.differences.length
        ? (0,verify_checks/* item */.AS)('cloud-config', [...diff.item.errors, ...recorded.differences.map((d) => (0,verify_checks/* warning */.$e)(d))])
        : diff.item;
    const netFacts = await networkFacts(config, observed, kube);
    const network = checkNetwork(config, netFacts);
    const calico = provider.calicoPin(config, netFacts);
    const support = (0,verify_support/* checkVersionSupport */.Su)(versions, now(), calico);
    const items = (0,verify_checks/* inContractOrder */.Cy)([...checks.finish(), cloudConfig, network, support]);
    // Drift is what the cloud API shows differing: the pools, and on GKE the cluster's network policy.
    const drift = cloudConfig.status === 'ERROR' || (provider.networkIsDrift && network.status === 'ERROR');
    const report = buildReport(config, items, sink, checks.counts);
    if (diff.applyWouldDo.length) {
        report.applyWouldDo = diff.applyWouldDo;
        io.log.info(`What apply would do:\n${diff.applyWouldDo.map((l) => `  - ${l}`).join('\n')}`);
    }
    await writeReportFile(file, report, items, sink);
    io.log.info(`Verified ${seen} node(s) of ${config.clusterName} (API server ${serverVersion}) in ${now() - started} ms: ${report.status}`);
    await publishReport(config, io, report, { drift, tally: checks.tally, reportFile: file, items });
    const failed = items.filter((i) => i.status === 'ERROR').map((i) => i.name);
    if (failed.length && config.failOnDrift) {
        throw new Error(`verification failed: ${failed.join(', ')} ended in ERROR (see the job summary and ${file}; fail-on-drift: false keeps the step green)`);
    }
    return report;
}


/***/ }),

/***/ 35180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fQ: () => (/* binding */ writeKubeconfig),
/* harmony export */   oH: () => (/* binding */ registerKubeconfigSecrets)
/* harmony export */ });
/* unused harmony export renderKubeconfig */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25625);
/**
 * Kubeconfig files: rendered from the cloud API's endpoint and CA, written with mode 0600, exported as
 * KUBECONFIG, and announced through the `kubeconfig`, `context` and `cluster-endpoint` outputs.
 * The file may carry a credential; its content never reaches a log or an output.
 */




function renderKubeconfig(spec) {
    const cluster = { server: spec.server };
    if (spec.caData)
        cluster['certificate-authority-data'] = spec.caData;
    if (spec.insecureSkipTlsVerify)
        cluster['insecure-skip-tls-verify'] = true;
    let user;
    if ('token' in spec.user) {
        (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(spec.user.token);
        user = { token: spec.user.token };
    }
    else {
        const e = spec.user.exec;
        user = {
            exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: e.command,
                args: e.args,
                ...(e.env ? { env: Object.entries(e.env).map(([name, value]) => ({ name, value })) } : {}),
                interactiveMode: 'Never',
                provideClusterInfo: false,
                ...(e.installHint ? { installHint: e.installHint } : {}),
            },
        };
    }
    return (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .stringify */ .As)({
        apiVersion: 'v1',
        kind: 'Config',
        preferences: {},
        clusters: [{ name: spec.context, cluster }],
        users: [{ name: spec.context, user }],
        contexts: [{ name: spec.context, context: { cluster: spec.context, user: spec.context } }],
        'current-context': spec.context,
    });
}
/** Writes the kubeconfig (0600), exports KUBECONFIG and sets the kubeconfig/context/cluster-endpoint outputs. */
async function writeKubeconfig(file, spec, io) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, renderKubeconfig(spec), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(file, 0o600); // an existing file keeps its old mode through writeFile
    io.exportVariable('KUBECONFIG', file);
    io.setOutput('kubeconfig', file);
    io.setOutput('context', spec.context);
    io.setOutput('cluster-endpoint', spec.server);
    io.log.info(`Kubeconfig written to ${file} (context ${spec.context}); KUBECONFIG exported for later steps.`);
}
/** Keys of a kubeconfig whose values are credentials (users[].user, and an auth-provider's config). */
const CREDENTIAL_KEYS = new Set([
    'token',
    'password',
    'client-key-data',
    'id-token',
    'refresh-token',
    'access-token',
    'client-secret',
]);
function credentialsIn(node, found) {
    if (Array.isArray(node))
        for (const n of node)
            credentialsIn(n, found);
    else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
            if (CREDENTIAL_KEYS.has(k) && typeof v === 'string')
                found.push(v);
            else
                credentialsIn(v, found);
        }
    }
}
/**
 * Registers every credential of a user's kubeconfig (the `kubeconfig` input) before anything else reads it:
 * a parser's error quotes the lines around a mistake, and a server may echo a token back. The values are
 * taken from the parsed document and, so that a file that does not parse is covered too, line by line; a
 * `client-key-data` is registered decoded as well (the PEM key, and each of its lines).
 */
function registerKubeconfigSecrets(text) {
    const found = [];
    for (const m of text.matchAll(/["']?([a-z-]+)["']?[ \t]*:[ \t]*["']?([^\s"',}]+)/gi)) {
        if (CREDENTIAL_KEYS.has(m[1].toLowerCase()))
            found.push(m[2]);
    }
    try {
        credentialsIn((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text), found);
    }
    catch {
        // does not parse: the lines above found what there is
    }
    for (const value of found) {
        (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(value);
        if (/^[A-Za-z0-9+/]+=*$/.test(value) && value.length >= 16) {
            const decoded = Buffer.from(value, 'base64').toString('utf8');
            if (decoded.includes('PRIVATE KEY'))
                (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(decoded);
        }
    }
}


/***/ }),

/***/ 73386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ upgradeMinors),
/* harmony export */   Hs: () => (/* binding */ minorOf),
/* harmony export */   Su: () => (/* binding */ checkVersionSupport),
/* harmony export */   V6: () => (/* binding */ minorsBetween),
/* harmony export */   dC: () => (/* binding */ atMinor),
/* harmony export */   jQ: () => (/* binding */ versionSkewCheck),
/* harmony export */   m$: () => (/* binding */ eksExtendedCost)
/* harmony export */ });
/* unused harmony exports utcDay, daysUntil, supportPhrase, calicoFindings, SKEW_NAMES_SHOWN */
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
/** What the cloud does next in the phase a part is in, as its provider put it (VersionFacts.consequence). */
function consequence(facts, part, phase) {
    if (part.kind !== 'control-plane' && !facts.consequenceForPools)
        return undefined;
    return phase === 'standard-ending' || phase === 'extended' ? facts.consequence?.[phase] : undefined;
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
function checkVersionSupport(facts, now, calico) {
    const findings = [];
    const cpMinor = minorOf(facts.controlPlane.version);
    const parts = [facts.controlPlane, ...facts.pools.filter((p) => minorOf(p.version) !== cpMinor)];
    for (const part of parts) {
        const phase = phaseOf(part, now);
        const when = dates(part, now).join('; ');
        const then = consequence(facts, part, phase);
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


/***/ })

};
