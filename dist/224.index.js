export const id = 224;
export const ids = [224,918,922,843];
export const modules = {

/***/ 26439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ runFlow)
/* harmony export */ });
/* unused harmony export APPLY_NEXT */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73190);
/* harmony import */ var _commands_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74483);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36992);



/** The closing line of the apply (or destroy) summary, by how the run ended. */
const APPLY_NEXT = {
    done: '**Next:** the verification report follows; later steps in this job reach the cluster through the exported ' +
        '`KUBECONFIG` (`kubectl`, `helm`).',
    failed: '**Next:** fix what the failed step says (README, "Troubleshooting") and re-run the same workflow: `apply` ' +
        'probes every step again and continues where it stopped.',
    destroyFailed: '**Next:** fix what the failed step says and re-run `destroy`: it continues with what is still there.',
};
async function runFlow(steps, ctx, config, io, opts = {}) {
    const title = opts.title ?? config.command;
    let last = [];
    const writeSummary = async (next) => {
        const lines = [`## 🛠️ gitpod-cluster-action ${title}`, '', (0,_commands_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsMarkdown */ .vX)(config), '', '### Steps', ''];
        lines.push((0,_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .stepsMarkdown */ .Dh)(last), '', ...(next ? [next, ''] : []));
        await io.appendSummary(lines.join('\n'));
    };
    try {
        const records = await (0,_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .runSteps */ .rl)(steps, ctx, {
            log: io.log,
            signal: io.signal,
            heartbeatMs: opts.heartbeatMs,
            ...(opts.sleep ? { cliRetry: { sleep: opts.sleep } } : {}),
            group: (name, fn) => io.group(name, fn),
            exec: (argv, o) => (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execArgv */ .Ei)(argv, { log: o.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
            onUpdate: (records) => {
                last = records;
                io.setOutput('plan', JSON.stringify(records));
            },
        });
        await writeSummary(title === 'apply' ? APPLY_NEXT.done : undefined);
        return records;
    }
    catch (err) {
        if (err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_2__/* .StepFailedError */ .mK || err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc)
            await writeSummary(APPLY_NEXT[title === 'apply' ? 'failed' : 'destroyFailed']);
        throw err;
    }
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

/***/ 75843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyFlow: () => (/* binding */ applyFlow),
/* harmony export */   poolChange: () => (/* binding */ poolChange),
/* harmony export */   resolveVersion: () => (/* binding */ resolveVersion)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73190);
/* harmony import */ var _flow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26439);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83169);
/* harmony import */ var _gke_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15922);
/* harmony import */ var _cloud_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59918);
/* harmony import */ var _desired_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73761);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(94846);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(35180);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9920);
/* harmony import */ var _upgrade_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(50675);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(98286);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(36992);
/* harmony import */ var _verify_support_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(73386);
/* harmony import */ var _verify_versions_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(46800);
/* harmony import */ var _tools_install_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(81892);
/**
 * GKE `apply`: the steps of providers/gcp/plan.ts, each paired with a probe that asks the cloud whether it is
 * already done, run by the one runner (src/flow.ts runFlow). Reads go through the APIs
 * (@google-cloud/container, IAM, Resource Manager, Kubernetes); every GKE and IAM mutation runs through
 * the real gcloud with the argv `plan` shows, except those the contract lets go through an API, each
 * shown by `plan` as its request: the cluster (one `clusters.create` with both Gitpod pools, no default
 * pool), the project policy (one read-modify-write with its etag, not four racing
 * `add-iam-policy-binding`s) and the cluster-admin binding (a Kubernetes create).
 *
 * A re-run converges: what exists is skipped, an operation already running on the cluster (another
 * run's, or one a cancelled run left) is waited for, not raced or started twice, a pool with wrong labels
 * is relabelled in place, and a pool whose immutable settings differ stops the run with what differs and
 * what to do, never a silent recreate. A create that still loses a race to another run ("already
 * exists") is probed once more by the runner and counts as done by that run.
 */
















// --- the Kubernetes version -----------------------------------------------------------------------------
/**
 * `latest` → the newest version of the channel; a minor (`1.33`) → its newest patch; an exact version
 * must be one the channel offers. Otherwise one error line listing what is available.
 */
function resolveVersion(requested, valid, where) {
    const sorted = [...valid].sort((a, b) => (0,_verify_versions_js__WEBPACK_IMPORTED_MODULE_15__/* .compareVersionText */ .Zx)(b, a));
    const pick = requested === 'latest'
        ? sorted[0]
        : /^\d+\.\d+$/.test(requested)
            ? sorted.find((v) => v.startsWith(`${requested}.`))
            : sorted.find((v) => v === requested);
    if (pick)
        return pick;
    const minors = [...new Set(sorted.map((v) => v.split('.').slice(0, 2).join('.')))];
    throw new Error(sorted.length
        ? `kubernetes-version '${requested}' is not offered by the ${where}; available: ${minors.join(', ')} (newest ${sorted[0]}); exact versions: ${sorted.slice(0, 12).join(', ')}${sorted.length > 12 ? ', …' : ''}`
        : `the ${where} offers no versions at all`);
}
/**
 * The pool's diff against its desired state: absent → create; a difference GKE cannot change in place
 * (machine type, max pods, image type) → an error saying what differs and what to do, never a silent
 * recreate; labels or autoscaling bounds → `gcloud container node-pools update`, in place.
 */
function poolChange(config, role, observed) {
    if (!observed)
        return { kind: 'create' };
    const pool = config.pools[role];
    if (['ERROR', 'STOPPING'].includes(observed.status)) {
        throw new Error(`node pool ${pool.name} is ${observed.status}; delete it (gcloud container node-pools delete ${pool.name} --cluster=${config.clusterName} --region=${config.region}) and re-run apply`);
    }
    const have = (0,_cloud_js__WEBPACK_IMPORTED_MODULE_5__.observedPoolOf)(config, observed);
    // Autoscaling off shows no bounds: the diff then finds both bounds differing, fixed by the same update.
    const diff = (0,_desired_js__WEBPACK_IMPORTED_MODULE_6__/* .diffPool */ .uM)((0,_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .gcpDesiredPools */ .Ck)(config)[role], have, (0,_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .gcpFixes */ .Uf)(config));
    const argvs = (0,_desired_js__WEBPACK_IMPORTED_MODULE_6__/* .inPlaceArgvs */ .as)(diff);
    if (!argvs.length)
        return 'ok';
    return { kind: 'update', argvs, why: (0,_desired_js__WEBPACK_IMPORTED_MODULE_6__/* .differenceLines */ .Ze)(diff) };
}
const OP_WAIT_MS = 60 * 60_000;
const DONE_CLUSTER_STATES = ['RUNNING', 'RECONCILING'];
function gcpActions(c) {
    const { config, io, gke, rest } = c;
    const log = io.log;
    const email = (0,_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .serviceAccountEmail */ .de)(config);
    const member = `serviceAccount:${email}`;
    const cluster = async (s) => {
        const found = await gke.getCluster(config.clusterName);
        if (!found)
            throw new Error(`GKE cluster ${config.clusterName} not found in ${config.project}/${config.region}`);
        return (s.cluster = found);
    };
    // GKE runs one operation at a time per cluster: one already running (another run's, or one a cancelled
    // run left behind) is waited for before deciding anything; racing into it fails with FAILED_PRECONDITION,
    // and starting the same create twice fails with ALREADY_EXISTS or, worse, duplicates it.
    const settle = async () => {
        for (const op of await gke.runningOperations(config.clusterName)) {
            await gke.waitForOperation(op, {
                timeoutMs: OP_WAIT_MS,
                why: 'started by another run (or left by a cancelled one), not by this run',
                signal: io.signal,
            });
        }
    };
    const gcloud = async (argv, timeoutMs, signal, out) => {
        out.info(`$ ${(0,_steps_js__WEBPACK_IMPORTED_MODULE_12__/* .shellQuote */ .ZL)(argv)}`);
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execArgv */ .Ei)(argv, { log: out, env: c.gcloudEnv, signal, timeoutMs });
    };
    const poolAction = (role) => {
        const pool = config.pools[role];
        return {
            async probe(s) {
                await settle();
                const observed = (await cluster(s)).pools.find((p) => p.name === pool.name);
                const change = poolChange(config, role, observed);
                if (change === 'ok')
                    return { done: true, detail: `exists with the wanted labels, ${config.maxPods} max pods` };
                s.pools[role] = change;
                return { done: false, detail: change.kind === 'create' ? 'absent' : change.why.join('; ') };
            },
            async run(s, spec, signal, out) {
                const change = s.pools[role] ?? { kind: 'create' };
                if (change.kind === 'create') {
                    await gcloud(spec.argv, spec.timeoutMs ?? 30 * 60_000, signal, out);
                    return;
                }
                for (const argv of change.argvs)
                    await gcloud(argv, spec.timeoutMs ?? 30 * 60_000, signal, out);
                return `updated in place: ${change.argvs.map((a) => (0,_steps_js__WEBPACK_IMPORTED_MODULE_12__/* .shellQuote */ .ZL)(a)).join(' && ')}`;
            },
        };
    };
    const binding = (account) => ({
        apiVersion: `${_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.apiGroup}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: { name: _plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.name },
        roleRef: { apiGroup: _plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.apiGroup, kind: 'ClusterRole', name: _plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.clusterRole },
        subjects: [{ apiGroup: _plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.apiGroup, kind: 'User', name: account }],
    });
    const bindingRef = {
        apiVersion: `${_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.apiGroup}/v1`,
        kind: 'ClusterRoleBinding',
        name: _plan_js__WEBPACK_IMPORTED_MODULE_9__/* .CLUSTER_ADMIN_BINDING */ .Pq.name,
    };
    /** Whether the binding already names the account of the credentials in use. */
    const boundToAccount = (crb) => (crb.subjects ?? []).some((x) => x.kind === 'User' && x.name === c.facts.account);
    return {
        'service-account': {
            async probe() {
                const sa = await rest.getServiceAccount(config.project, email);
                return sa ? { done: true, detail: `${email} exists` } : { done: false, detail: `${email} absent` };
            },
        },
        'iam-roles': {
            async probe(s) {
                s.policy = await rest.getIamPolicy(config.project);
                const missing = (0,_rest_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRoles */ .eI)(s.policy, member, _reference_js__WEBPACK_IMPORTED_MODULE_11__/* .GCP */ .lI.serviceAccount.roles);
                return missing.length
                    ? { done: false, detail: `missing ${missing.join(', ')}` }
                    : { done: true, detail: `all ${_reference_js__WEBPACK_IMPORTED_MODULE_11__/* .GCP */ .lI.serviceAccount.roles.length} roles bound` };
            },
            async run(s) {
                const { added } = await rest.ensureBindings(config.project, member, _reference_js__WEBPACK_IMPORTED_MODULE_11__/* .GCP */ .lI.serviceAccount.roles, s.policy);
                return added.length ? `added ${added.join(', ')} in one policy write` : 'bound concurrently by someone else';
            },
        },
        cluster: {
            async probe(s) {
                await settle();
                const found = await gke.getCluster(config.clusterName);
                s.cluster = found;
                if (!found)
                    return { done: false, detail: 'absent' };
                if (!DONE_CLUSTER_STATES.includes(found.status)) {
                    throw new Error(`GKE cluster ${config.clusterName} is ${found.status}${found.statusMessage ? ` (${found.statusMessage})` : ''}; ` +
                        `fix or delete it (command: destroy) and re-run apply`);
                }
                return { done: true, detail: `exists (${found.status}, Kubernetes ${found.version})` };
            },
            async run(_s, spec, signal) {
                // Retried on 408/429/5xx like every request of GcpRest: a create that did happen answers the retry
                // with 409 ALREADY_EXISTS, and the runner's second probe then waits for it and counts it done.
                const op = (0,_gke_js__WEBPACK_IMPORTED_MODULE_4__/* .toOperation */ .V8)(await rest.send(spec.request));
                await gke.waitForOperation(op, {
                    timeoutMs: spec.timeoutMs ?? OP_WAIT_MS,
                    why: 'the cluster with both Gitpod node pools, in one operation',
                    signal,
                });
                return `created with ${_reference_js__WEBPACK_IMPORTED_MODULE_11__/* .POOL_ROLES */ .Fe.map((r) => config.pools[r].name).join(' and ')} in one operation (${op.name})`;
            },
        },
        'default-pool': {
            async probe(s) {
                await settle();
                const pool = (await cluster(s)).pools.find((p) => p.name === _reference_js__WEBPACK_IMPORTED_MODULE_11__/* .GCP */ .lI.cluster.defaultPoolName);
                return pool ? { done: false, detail: 'present' } : { done: true, detail: 'none' };
            },
        },
        'services-pool': poolAction('services'),
        'workspaces-pool': poolAction('workspaces'),
        kubeconfig: {
            async run(s) {
                const found = await cluster(s);
                const context = `gke_${config.project}_${config.region}_${config.clusterName}`;
                const plugin = c.facts.authPlugin || 'gke-gcloud-auth-plugin';
                // Users' later steps get an exec entry for gke-gcloud-auth-plugin (from the installed gcloud), not an
                // embedded token as google-github-actions/get-gke-credentials writes by default: no credential rests
                // in the file, and it keeps working past the token's hour, because the plugin asks gcloud (which the
                // credentials of google-github-actions/auth, or CLOUDSDK_AUTH_ACCESS_TOKEN, serve) for a fresh token
                // each time. The cost: gcloud and the plugin must stay on PATH for those steps; this action adds both.
                await (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_8__/* .writeKubeconfig */ .fQ)(config.kubeconfigPath, {
                    context,
                    server: `https://${found.endpoint}`,
                    caData: found.caData || undefined,
                    user: {
                        exec: {
                            command: plugin,
                            args: [],
                            installHint: 'gke-gcloud-auth-plugin comes with gcloud; run gitpod-cluster-action (apply) in this job first',
                        },
                    },
                }, io);
                return `context ${context}`;
            },
        },
        [_record_js__WEBPACK_IMPORTED_MODULE_7__/* .RECORD_STEP_ID */ .ho]: (0,_record_js__WEBPACK_IMPORTED_MODULE_7__/* .recordAction */ .Kj)(config, (s) => {
            if (!s.kube)
                throw new Error('the Kubernetes API is not connected (the cluster-admin-binding probe did not run)');
            return s.kube;
        }),
        'cluster-admin-binding': {
            async probe(s) {
                const found = s.cluster ?? (await cluster(s));
                const cloud = (0,_cloud_js__WEBPACK_IMPORTED_MODULE_5__.gcpCloud)(config, log, { credentials: c.credentials, gke, env: c.env });
                const access = await cloud.kubeAccess({
                    found: true,
                    endpoint: `https://${found.endpoint}`,
                    caData: found.caData,
                    pools: [],
                    network: {},
                });
                s.kube = await c.connectKube(access, log);
                const existing = await s.kube.get(bindingRef);
                if (!existing)
                    return { done: false, detail: 'absent' };
                if (boundToAccount(existing))
                    return { done: true, detail: `exists for ${c.facts.account}` };
                return { done: false, detail: `exists without ${c.facts.account}` };
            },
            async run(s) {
                const kube = s.kube;
                const existing = await kube.get(bindingRef);
                if (!existing) {
                    await kube.create(binding(c.facts.account));
                    return `created for ${c.facts.account}`;
                }
                // Made since the probe by another run on the same cluster, with this identity: nothing to write.
                if (boundToAccount(existing))
                    return `${_steps_js__WEBPACK_IMPORTED_MODULE_12__/* .DONE_MEANWHILE */ .aK}: exists for ${c.facts.account}`;
                // Someone else's binding of the same name: add this identity, keep theirs.
                const subjects = [
                    ...(existing.subjects ?? []),
                    ...binding(c.facts.account).subjects,
                ];
                await kube.mergePatch(bindingRef, { subjects });
                return `${c.facts.account} added to the existing binding`;
            },
        },
    };
}
/** The cluster's Gitpod pools (the ones the upgrade rounds move), as GKE reports them. */
function gitpodPools(config, cluster) {
    return _reference_js__WEBPACK_IMPORTED_MODULE_11__/* .POOL_ROLES */ .Fe.map((role) => cluster.pools.find((p) => p.name === config.pools[role].name)).filter((p) => !!p);
}
/**
 * An upgrade step: probed like every other (the part already at the round's minor: skipped; an operation
 * of another run waited for first), run through gcloud, which waits for its operation and reports it.
 */
function upgradeAction(c, spec) {
    const { config, gke, io } = c;
    const current = async (s) => {
        for (const op of await gke.runningOperations(config.clusterName)) {
            await gke.waitForOperation(op, {
                timeoutMs: OP_WAIT_MS,
                why: 'started before this upgrade step',
                signal: io.signal,
            });
        }
        const found = await gke.getCluster(config.clusterName);
        if (!found)
            throw new Error(`GKE cluster ${config.clusterName} not found in ${config.project}/${config.region}`);
        s.cluster = found;
        if (spec.target.kind === 'control-plane')
            return found.version;
        const name = config.pools[spec.target.role].name;
        return found.pools.find((p) => p.name === name)?.version;
    };
    const what = spec.target.kind === 'control-plane' ? 'the control plane' : `pool ${config.pools[spec.target.role].name}`;
    return {
        async probe(s) {
            const version = await current(s);
            if (version === undefined)
                return { done: true, detail: `${what} does not exist` };
            return (0,_verify_support_js__WEBPACK_IMPORTED_MODULE_13__/* .atMinor */ .dC)(version, spec.round.minor)
                ? { done: true, detail: `${what} runs ${version}` }
                : { done: false, detail: `${what} runs ${version}, below ${spec.round.minor}` };
        },
    };
}
/** The environment of every gcloud run: prompts off, the installed SDK first on PATH, its own kubeconfig. */
function gcloudEnvironment(config, env, tools) {
    const fromDeps = env === process.env ? {} : Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
    return {
        ...fromDeps,
        CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
        PATH: (0,_tools_install_js__WEBPACK_IMPORTED_MODULE_14__.pathWithTools)([tools.gcloud, tools.kubectl], env.PATH ?? process.env.PATH),
        // `clusters create` writes a kubeconfig entry of its own; keep it out of the user's ~/.kube/config and
        // out of the kubeconfig this action writes.
        KUBECONFIG: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(config.tempDir, `gcloud-${config.clusterName}.kubeconfig`),
    };
}
/** Installs gcloud and kubectl, resolves the version and the account, then reconciles the cluster. */
async function applyFlow(config, io, deps = {}) {
    const env = deps.env ?? process.env;
    const log = io.log;
    // Credentials first: a job without its google-github-actions/auth step fails in one line, before any download.
    const credentials = await (0,_rest_js__WEBPACK_IMPORTED_MODULE_3__/* .gcpCredentials */ .D9)(env, deps.fetch, { sleep: deps.sleep });
    const tools = await (deps.install ?? _tools_install_js__WEBPACK_IMPORTED_MODULE_14__.installTools)(['gcloud', 'kubectl'], config, io);
    log.info(`GCP credentials: ${credentials.source}`);
    const gke = await (0,_gke_js__WEBPACK_IMPORTED_MODULE_4__.connectGke)({ project: config.project, region: config.region }, { log, credentials, env, sleep: deps.sleep, now: deps.now, pollMs: deps.pollMs, heartbeatMs: deps.heartbeatMs });
    try {
        const rest = new _rest_js__WEBPACK_IMPORTED_MODULE_3__/* .GcpRest */ .nq({ log, credentials, env, sleep: deps.sleep, fetch: deps.fetch });
        const where = `REGULAR release channel in ${config.region}`;
        const [server, existing, account] = await Promise.all([
            gke.serverConfig(),
            gke.getCluster(config.clusterName),
            credentials.account(),
        ]);
        const channel = server.channelVersions(_reference_js__WEBPACK_IMPORTED_MODULE_11__/* .GCP */ .lI.cluster.releaseChannel);
        // An existing cluster: a downgrade is refused before anything else, and a newer minor is upgraded to.
        const minors = existing
            ? (0,_verify_support_js__WEBPACK_IMPORTED_MODULE_13__/* .upgradeMinors */ .DX)(config.kubernetesVersion, existing.version, gitpodPools(config, existing).map((p) => p.version))
            : [];
        let clusterVersion;
        try {
            clusterVersion = resolveVersion(config.kubernetesVersion, channel, where);
        }
        catch (err) {
            // An existing cluster needs no version to create: a pin that left the channel must not break re-runs.
            if (!existing || minors.length)
                throw err;
            clusterVersion = existing.version;
            log.info(`${err.message}; the cluster exists (${existing.version}), so this does not matter`);
        }
        // Each round's version: the newest patch of its minor in the channel, the asked one for the last.
        const rounds = minors.map((minor, i) => ({
            minor,
            version: i === minors.length - 1 ? clusterVersion : resolveVersion(minor, channel, where),
        }));
        if (rounds.length) {
            log.info(`Upgrade from Kubernetes ${existing.version}: ${rounds.map((r) => r.version).join(' → ')}, one minor at a time, control plane first`);
        }
        log.info(`Kubernetes ${config.kubernetesVersion} → ${clusterVersion} (${where}); cluster-admin for ${account}`);
        const facts = { clusterVersion, account, authPlugin: tools.gcloud.authPlugin };
        const gcloudEnv = gcloudEnvironment(config, env, tools);
        const clients = {
            config,
            io,
            gke,
            rest,
            credentials,
            facts,
            env,
            gcloudEnv,
            connectKube: deps.connectKube ?? (async (access, l) => (await __webpack_require__.e(/* import() */ 391).then(__webpack_require__.bind(__webpack_require__, 33391))).connectKube(access, l)),
        };
        const upgrades = (0,_upgrade_js__WEBPACK_IMPORTED_MODULE_10__/* .gkeUpgradeSteps */ .N)(config, rounds).map((spec) => ({ ...spec, ...upgradeAction(clients, spec) }));
        const steps = (0,_steps_js__WEBPACK_IMPORTED_MODULE_12__/* .insertBefore */ .nc)((0,_steps_js__WEBPACK_IMPORTED_MODULE_12__/* .withActions */ .wR)((0,_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .gcpSteps */ .ys)(config, facts), gcpActions(clients)), 'kubeconfig', upgrades);
        return await (0,_flow_js__WEBPACK_IMPORTED_MODULE_2__/* .runFlow */ .c)(steps, { pools: {} }, config, io, {
            env: gcloudEnv,
            heartbeatMs: deps.heartbeatMs,
            sleep: deps.sleep,
        });
    }
    finally {
        await gke.close();
    }
}


/***/ }),

/***/ 59918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gcpCloud: () => (/* binding */ gcpCloud),
/* harmony export */   observationOf: () => (/* binding */ observationOf),
/* harmony export */   observedPoolOf: () => (/* binding */ observedPoolOf),
/* harmony export */   roleOfPool: () => (/* binding */ roleOfPool)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98286);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83169);



/** The Gitpod role of a pool, by the pool names of the config. */
function roleOfPool(config, poolName) {
    return _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .POOL_ROLES */ .Fe.find((role) => config.pools[role].name === poolName);
}
/** One GKE node pool in the provider-neutral terms of the diff (src/desired.ts). */
function observedPoolOf(config, p) {
    return {
        name: p.name,
        role: roleOfPool(config, p.name),
        labels: p.labels,
        machineType: p.machineType || undefined,
        minNodes: p.minNodes,
        maxNodes: p.maxNodes,
        maxPods: p.maxPods,
        image: p.imageType || undefined,
        status: p.status || undefined,
        version: p.version || undefined,
    };
}
function observationOf(config, cluster) {
    if (!cluster)
        return { found: false, pools: [], network: {} };
    const pools = cluster.pools.map((p) => observedPoolOf(config, p));
    return {
        found: true,
        endpoint: cluster.endpoint ? `https://${cluster.endpoint}` : undefined,
        caData: cluster.caData || undefined,
        version: cluster.version || undefined,
        status: cluster.status || undefined,
        pools,
        network: { networkPolicy: cluster.networkPolicy },
    };
}
function gcpCloud(config, log, deps = {}) {
    const env = deps.env ?? process.env;
    let creds;
    const credentials = () => (creds ??= deps.credentials ? Promise.resolve(deps.credentials) : (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .gcpCredentials */ .D9)(env));
    let gke;
    const client = () => (gke ??= deps.gke
        ? Promise.resolve(deps.gke)
        : (async () => {
            const { connectGke } = await __webpack_require__.e(/* import() */ 922).then(__webpack_require__.bind(__webpack_require__, 15922));
            return connectGke({ project: config.project, region: config.region }, { log, credentials: await credentials(), env });
        })());
    return {
        async observe() {
            return observationOf(config, await (await client()).getCluster(config.clusterName));
        },
        async versions(observation) {
            const { gkeVersionFacts } = await __webpack_require__.e(/* import() */ 150).then(__webpack_require__.bind(__webpack_require__, 9150));
            return gkeVersionFacts(config.clusterName, observation, await client());
        },
        async kubeAccess(observation) {
            if (!observation.found || !observation.endpoint) {
                throw new Error(`GKE cluster ${config.clusterName} in ${config.region} has no API endpoint yet`);
            }
            const token = await (await credentials()).token();
            (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(token);
            const access = { server: observation.endpoint, token };
            if (observation.caData)
                access.caData = observation.caData;
            return access;
        },
    };
}


/***/ }),

/***/ 15922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V8: () => (/* binding */ toOperation),
/* harmony export */   connectGke: () => (/* binding */ connectGke)
/* harmony export */ });
/* unused harmony exports toNodePool, toCluster, toUpgradeInfo, gkeErrorMessage */
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49809);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36992);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83169);



const NOT_FOUND = 5;
const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
};
function toNodePool(p) {
    const config = (p.config ?? {});
    const autoscaling = (p.autoscaling ?? {});
    const maxPods = (p.maxPodsConstraint ?? {});
    const enabled = autoscaling.enabled === true;
    return {
        name: str(p.name),
        status: str(p.status),
        version: str(p.version),
        machineType: str(config.machineType),
        imageType: str(config.imageType),
        diskType: str(config.diskType),
        diskSizeGb: num(config.diskSizeGb) || undefined,
        labels: { ...(config.labels ?? {}) },
        autoscaling: enabled,
        minNodes: enabled ? (num(autoscaling.minNodeCount) ?? 0) : undefined,
        maxNodes: enabled ? num(autoscaling.maxNodeCount) : undefined,
        maxPods: num(maxPods.maxPodsPerNode) || undefined,
    };
}
function toCluster(c) {
    const addons = (c.addonsConfig ?? {});
    const npAddon = (addons.networkPolicyConfig ?? {});
    const np = (c.networkPolicy ?? {});
    return {
        name: str(c.name),
        status: str(c.status),
        statusMessage: str(c.statusMessage),
        endpoint: str(c.endpoint),
        caData: str((c.masterAuth ?? {}).clusterCaCertificate),
        version: str(c.currentMasterVersion),
        networkPolicy: np.enabled === true && npAddon.disabled !== true,
        releaseChannel: str((c.releaseChannel ?? {}).channel),
        pools: (c.nodePools ?? []).map(toNodePool),
    };
}
function toUpgradeInfo(u) {
    const enumName = (v) => (typeof v === 'number' ? `#${v}` : str(v));
    return {
        endOfStandardSupport: str(u.endOfStandardSupportTimestamp) || undefined,
        endOfExtendedSupport: str(u.endOfExtendedSupportTimestamp) || undefined,
        autoUpgradeStatus: (u.autoUpgradeStatus ?? []).map(enumName),
        minorTargetVersion: str(u.minorTargetVersion) || undefined,
        patchTargetVersion: str(u.patchTargetVersion) || undefined,
    };
}
/** `https://container.googleapis.com/v1/projects/p/locations/r/clusters/c/nodePools/x` → `clusters/c/nodePools/x`. */
function relativeTarget(link) {
    const m = /\/(clusters\/.*)$/.exec(link);
    return m ? m[1] : link;
}
function toOperation(o) {
    const err = (o.error ?? {});
    return {
        name: str(o.name),
        type: str(o.operationType),
        status: str(o.status),
        target: relativeTarget(str(o.targetLink)),
        startTime: str(o.startTime) || undefined,
        error: str(err.message) || str(o.statusMessage) || undefined,
    };
}
function gaxCode(err) {
    const code = err?.code;
    return typeof code === 'number' ? code : undefined;
}
/** gRPC codes worth another try when gax recorded no HTTP status: DEADLINE_EXCEEDED, UNAVAILABLE (network). */
const TRANSIENT_CODES = [4, 14];
function classify(err) {
    const http = err?.httpStatusCode;
    const code = gaxCode(err);
    const transient = typeof http === 'number' ? (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientStatus */ .Dm)(http) : TRANSIENT_CODES.includes(code ?? -1);
    return { transient, reason: typeof http === 'number' ? `HTTP ${http}` : `gRPC code ${code}` };
}
/** gax's own retries off: the shared policy retries (see the top of this file). */
const NO_GAX_RETRY = { retry: null };
/** One line for a GKE API error: the server's message, never request headers. */
function gkeErrorMessage(what, err) {
    const e = err;
    const detail = typeof e?.details === 'string' && e.details ? e.details : str(e?.message);
    return `GKE ${what}: ${detail.split('\n')[0]}`;
}
/** The ClusterManagerClient with the endpoint and credentials gcloud would use. */
async function connectGke(location, deps) {
    const env = deps.env ?? process.env;
    const endpoint = (0,_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .gcpEndpoint */ .KC)('container', env);
    const https = endpoint.protocol === 'https:';
    const { ClusterManagerClient } = await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(689)]).then(__webpack_require__.bind(__webpack_require__, 84689));
    const authClient = await deps.credentials.authClient();
    const client = new ClusterManagerClient({
        fallback: true, // REST transport: JSON over HTTP/1.1, like gcloud
        apiEndpoint: endpoint.hostname,
        port: endpoint.port ? Number(endpoint.port) : https ? 443 : 80,
        protocol: https ? 'https' : 'http',
        authClient,
    });
    const parent = `projects/${location.project}/locations/${location.region}`;
    // A cancelled run stops waiting at once, not after the poll period.
    const sleep = (ms, signal) => (deps.sleep ? deps.sleep(ms) : (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .abortableSleep */ .Mf)(ms, signal));
    const now = deps.now ?? Date.now;
    const log = deps.log;
    const policy = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retryPolicy */ .Jb)(deps.retry, { sleep: deps.sleep, now: deps.now });
    /** One read under the retry policy; what finally fails is one line naming the read. */
    function call(what, fn) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(fn, {
            policy,
            classify,
            onRetry: (r) => log.info(`${gkeErrorMessage(what, r.error)}; retrying in ${(r.delayMs / 1000).toFixed(1)}s (attempt ${r.attempt + 1} of ${r.attempts})`),
            giveUp: (err, attempts) => new Error(`${gkeErrorMessage(what, err)}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .afterAttempts */ .ln)(attempts)}`, { cause: err }),
        });
    }
    return {
        getCluster: (name) => call(`get cluster ${name}`, async () => {
            try {
                const [c] = await client.getCluster({ name: `${parent}/clusters/${name}` }, NO_GAX_RETRY);
                return toCluster(c);
            }
            catch (err) {
                if (gaxCode(err) === NOT_FOUND)
                    return undefined;
                throw err;
            }
        }),
        async serverConfig() {
            const [sc] = await call(`server config of ${location.region}`, () => client.getServerConfig({ name: parent }, NO_GAX_RETRY));
            const channels = (sc.channels ?? []);
            return {
                defaultVersion: str(sc.defaultClusterVersion),
                channelVersions: (channel) => (channels.find((c) => str(c.channel) === channel.toUpperCase())?.validVersions ?? []).map(String),
            };
        },
        async clusterUpgradeInfo(cluster) {
            const [u] = await call(`upgrade info of cluster ${cluster}`, () => client.fetchClusterUpgradeInfo({ name: `${parent}/clusters/${cluster}` }, NO_GAX_RETRY));
            return toUpgradeInfo(u);
        },
        async nodePoolUpgradeInfo(cluster, pool) {
            const [u] = await call(`upgrade info of node pool ${pool}`, () => client.fetchNodePoolUpgradeInfo({ name: `${parent}/clusters/${cluster}/nodePools/${pool}` }, NO_GAX_RETRY));
            return toUpgradeInfo(u);
        },
        async runningOperations(cluster) {
            const [res] = await call(`operations in ${location.region}`, () => client.listOperations({ parent }, NO_GAX_RETRY));
            return (res.operations ?? [])
                .map(toOperation)
                .filter((o) => o.status !== 'DONE' && (o.target === `clusters/${cluster}` || o.target.startsWith(`clusters/${cluster}/`)));
        },
        async waitForOperation(op, opts) {
            const started = now();
            let lastReport = started;
            const every = deps.heartbeatMs ?? 30_000;
            log.info(`Waiting for GKE operation ${op.name} (${op.type} on ${op.target}): ${opts.why}`);
            for (;;) {
                const [o] = await call(`operation ${op.name}`, () => client.getOperation({ name: `${parent}/operations/${op.name}` }, NO_GAX_RETRY));
                const cur = toOperation(o);
                if (cur.status === 'DONE') {
                    if (cur.error)
                        throw new Error(`GKE operation ${op.name} (${op.type} on ${op.target}) failed: ${cur.error}`);
                    log.info(`GKE operation ${op.name} finished after ${(0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(now() - started)}`);
                    return;
                }
                if (opts.signal?.aborted) {
                    throw new Error(`${(0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelReason */ .zw)(opts.signal)} while waiting for GKE operation ${op.name}; it goes on in GKE`);
                }
                const elapsed = now() - started;
                if (elapsed >= opts.timeoutMs) {
                    throw new Error(`GKE operation ${op.name} (${op.type} on ${op.target}) still ${cur.status} after ${(0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(elapsed)}; it goes on in GKE, re-run apply to wait again`);
                }
                if (now() - lastReport >= every) {
                    lastReport = now();
                    log.info(`… still waiting for ${op.type} on ${op.target} (${cur.status}), ${(0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(elapsed)} elapsed`);
                }
                await sleep(Math.min(deps.pollMs ?? 5_000, every), opts.signal);
            }
        },
        close: () => client.close(),
    };
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
