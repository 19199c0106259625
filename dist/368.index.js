export const id = 368;
export const ids = [368,391];
export const modules = {

/***/ 33391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FIELD_MANAGER: () => (/* binding */ FIELD_MANAGER),
/* harmony export */   KubeApiError: () => (/* binding */ KubeApiError),
/* harmony export */   connectKube: () => (/* binding */ connectKube),
/* harmony export */   kubeErrorMessage: () => (/* binding */ kubeErrorMessage),
/* harmony export */   refOf: () => (/* binding */ refOf),
/* harmony export */   statusOf: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49809);
/**
 * The Kubernetes API, as this action uses it: a thin wrapper over @kubernetes/client-node (loaded lazily,
 * so `plan` never pays for it). Generic object reads and writes for the apply steps, paged node listing
 * for `verify`. 404 on a read is `undefined`, not an error; 429, 5xx and dropped connections are retried
 * under the shared policy of src/retry.ts (backoff with jitter, each wait capped, the whole bounded in
 * time, a Retry-After honoured within those caps); anything else fails at once with the server's message.
 */




const FIELD_MANAGER = 'gitpod-cluster-action';
/** 4 attempts from 500 ms; the caps and the time bound are the shared defaults (30 s a wait, 2 min in all). */
const defaultRetry = { attempts: 4, baseDelayMs: 500 };
/** The HTTP status of a client-node error, when it has one. */
function statusOf(err) {
    const code = err?.code;
    return typeof code === 'number' ? code : undefined;
}
const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'];
/** 408, 429 and 5xx (not 501) and dropped connections are worth another try; the rest, and our own errors, are not. */
function classify(err) {
    if (err instanceof KubeApiError)
        return { transient: false, reason: err.message };
    const status = statusOf(err);
    if (status !== undefined) {
        const retryAfter = err.retryAfter;
        return {
            transient: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransientStatus */ .Dm)(status),
            retryAfterMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(retryAfter),
            reason: `HTTP ${status}`,
        };
    }
    const code = err?.cause?.code ?? err?.code;
    return { transient: NETWORK_CODES.includes(String(code)), reason: String(code ?? err?.message) };
}
/** One line for an API error: status and the server's message, never the request's headers. */
function kubeErrorMessage(err) {
    const status = statusOf(err);
    const body = err?.body;
    let message;
    if (typeof body === 'string') {
        try {
            message = JSON.parse(body).message;
        }
        catch {
            message = body.slice(0, 200);
        }
    }
    else if (body && typeof body === 'object') {
        message = body.message;
    }
    if (status !== undefined)
        return `Kubernetes API answered ${status}${message ? `: ${message}` : ''}`;
    return err instanceof Error ? err.message : String(err);
}
class KubeApiError extends Error {
    status;
    attempts;
    constructor(status, what, cause, 
    /** How many requests were made before giving up (named in the message when more than one). */
    attempts = 1) {
        super(`${what}: ${kubeErrorMessage(cause)}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .afterAttempts */ .ln)(attempts)}`, { cause });
        this.status = status;
        this.attempts = attempts;
        this.name = 'KubeApiError';
    }
}
function describe(ref) {
    return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
/** A patch body with the object's identity; the patch's own metadata (labels …) is kept. */
function withHeader(ref, patch) {
    const meta = patch.metadata ?? {};
    return {
        ...patch,
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { ...meta, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
    };
}
function refOf(obj) {
    return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}
/**
 * Connects to the API server named by a kubeconfig file or by access built from the cloud API.
 *
 * @kubernetes/client-node loads the kubeconfig and authenticates (tokens, client certificates, exec
 * plugins); the requests themselves are plain JSON over node:https. The library's typed serializers are
 * bypassed on purpose: they drop every field whose JSON name differs from its TypeScript name (a CRD's
 * `x-kubernetes-*`, `$ref`, `default`), which would mangle the Calico CRDs and make every comparison
 * with a live object differ.
 */
async function connectKube(source, log, retry = {}) {
    const k8s = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(358)]).then(__webpack_require__.bind(__webpack_require__, 14358));
    const kc = new k8s.KubeConfig();
    if ('kubeconfigPath' in source) {
        try {
            kc.loadFromFile(source.kubeconfigPath);
        }
        catch (err) {
            // The parser's message goes on with the lines around the mistake, credentials and all: its first line only.
            const reason = String(err?.message ?? err).split('\n')[0];
            throw new Error(`the kubeconfig ${source.kubeconfigPath} could not be loaded: ${reason}`);
        }
    }
    else {
        (0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(source.token);
        kc.loadFromOptions({
            clusters: [
                {
                    name: 'cluster',
                    server: source.server,
                    caData: source.caData,
                    skipTLSVerify: source.insecureSkipTlsVerify ?? false,
                },
            ],
            users: [{ name: 'user', token: source.token }],
            contexts: [{ name: 'ctx', cluster: 'cluster', user: 'user' }],
            currentContext: 'ctx',
        });
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster)
        throw new Error('the kubeconfig names no current cluster');
    const base = new URL(cluster.server);
    const discovery = new Map();
    /** One JSON request; a non-2xx answer rejects with `{ code, body }` like the library's errors. */
    async function request(method, path, body, contentType = 'application/json') {
        const opts = { method, headers: { accept: 'application/json' } };
        await kc.applyToHTTPSOptions(opts);
        const text = body === undefined ? undefined : JSON.stringify(body);
        const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
        const headers = opts.headers;
        if (text !== undefined) {
            headers['content-type'] = contentType;
            headers['content-length'] = String(Buffer.byteLength(text));
        }
        const lib = url.protocol === 'http:' ? (node_http__WEBPACK_IMPORTED_MODULE_0___default()) : (node_https__WEBPACK_IMPORTED_MODULE_1___default());
        return new Promise((resolve, reject) => {
            const req = lib.request(url, { ...opts, headers }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('error', reject);
                res.on('end', () => {
                    const raw = Buffer.concat(chunks).toString('utf8');
                    const code = res.statusCode ?? 0;
                    if (code < 200 || code >= 300) {
                        reject(Object.assign(new Error(`HTTP ${code}`), { code, body: raw, retryAfter: res.headers['retry-after'] }));
                        return;
                    }
                    try {
                        resolve(raw ? JSON.parse(raw) : {});
                    }
                    catch {
                        reject(Object.assign(new Error(`the API server answered ${method} ${path} with something other than JSON`), {
                            code: 502,
                        }));
                    }
                });
            });
            req.setTimeout(60_000, () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
            req.on('error', reject);
            req.end(text);
        });
    }
    /** One API call under the retry policy; what finally fails is one KubeApiError naming the call. */
    function call(what, fn) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(() => fn(), {
            policy: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retryPolicy */ .Jb)(defaultRetry, retry),
            classify,
            onRetry: (r) => log.debug(`${what}: ${kubeErrorMessage(r.error)}; retrying in ${r.delayMs} ms (attempt ${r.attempt + 1} of ${r.attempts})`),
            giveUp: (err, attempts) => err instanceof KubeApiError ? err : new KubeApiError(statusOf(err), what, err, attempts),
        });
    }
    function groupPath(apiVersion) {
        return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    }
    /** The kind's plural and scope, from discovery (cached per group version; a miss asks again, for new CRDs). */
    async function resource(apiVersion, kind) {
        const load = () => call(`discover ${apiVersion}`, async () => {
            const list = (await request('GET', groupPath(apiVersion)));
            const kinds = new Map();
            for (const r of list.resources ?? [])
                if (!r.name.includes('/'))
                    kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
            return kinds;
        });
        let kinds = discovery.get(apiVersion);
        let found;
        try {
            found = kinds ? (await kinds).get(kind) : undefined;
        }
        catch {
            found = undefined;
        }
        if (!found) {
            kinds = load();
            discovery.set(apiVersion, kinds);
            try {
                found = (await kinds).get(kind);
            }
            catch (err) {
                discovery.delete(apiVersion);
                if (!(err instanceof KubeApiError && err.status === 404))
                    throw err;
            }
        }
        if (!found) {
            throw new KubeApiError(404, `${kind} (${apiVersion})`, Object.assign(new Error('not served'), {
                code: 404,
                body: { message: `kind ${kind} of ${apiVersion} is not served by the API server` },
            }));
        }
        return found;
    }
    async function pathOf(ref, withName = true) {
        const r = await resource(ref.apiVersion, ref.kind);
        const ns = r.namespaced ? `/namespaces/${encodeURIComponent(ref.namespace ?? 'default')}` : '';
        const name = withName ? `/${encodeURIComponent(ref.name)}` : '';
        return `${groupPath(ref.apiVersion)}${ns}/${r.plural}${name}`;
    }
    const fieldManager = (name) => `fieldManager=${encodeURIComponent(name)}`;
    return {
        serverVersion: () => call('get the server version', async () => (await request('GET', '/version')).gitVersion),
        async *nodePages(pageSize = 500) {
            let token;
            do {
                const q = `limit=${pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
                const page = (await call('list nodes', () => request('GET', `/api/v1/nodes?${q}`)));
                token = page.metadata?.continue || undefined;
                yield page.items.map((n) => ({ ...n, apiVersion: 'v1', kind: 'Node' }));
            } while (token);
        },
        list: (apiVersion, kind, opts = {}) => call(`list ${kind}`, async () => {
            const r = await resource(apiVersion, kind);
            const ns = r.namespaced && opts.namespace ? `/namespaces/${encodeURIComponent(opts.namespace)}` : '';
            const q = opts.labelSelector ? `?labelSelector=${encodeURIComponent(opts.labelSelector)}` : '';
            const res = (await request('GET', `${groupPath(apiVersion)}${ns}/${r.plural}${q}`));
            return res.items.map((i) => ({ ...i, apiVersion, kind }));
        }),
        async get(ref) {
            try {
                return (await call(`read ${describe(ref)}`, async () => request('GET', await pathOf(ref))));
            }
            catch (err) {
                if (err instanceof KubeApiError && err.status === 404)
                    return undefined;
                throw err;
            }
        },
        create: (obj) => call(`create ${describe(refOf(obj))}`, async () => {
            const ref = refOf(obj);
            return (await request('POST', `${await pathOf(ref, false)}?${fieldManager(FIELD_MANAGER)}`, obj));
        }),
        mergePatch: (ref, patch) => call(`patch ${describe(ref)}`, async () => (await request('PATCH', `${await pathOf(ref)}?${fieldManager(FIELD_MANAGER)}`, withHeader(ref, patch), 'application/merge-patch+json'))),
        apply: (obj, opts = {}) => call(`apply ${describe(refOf(obj))}`, async () => (await request('PATCH', `${await pathOf(refOf(obj))}?${fieldManager(opts.fieldManager ?? FIELD_MANAGER)}&force=${opts.force ?? true}`, obj, 'application/apply-patch+yaml'))),
        async delete(ref) {
            try {
                await call(`delete ${describe(ref)}`, async () => request('DELETE', await pathOf(ref)));
                return true;
            }
            catch (err) {
                if (err instanceof KubeApiError && err.status === 404)
                    return false;
                throw err;
            }
        },
    };
}


/***/ }),

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

/***/ 96368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyFlow: () => (/* binding */ applyFlow),
  clusterStackName: () => (/* binding */ clusterStackName),
  eksKubeconfigUser: () => (/* binding */ eksKubeconfigUser),
  nodegroupStackName: () => (/* binding */ nodegroupStackName),
  replacementConfig: () => (/* binding */ replacementConfig),
  resolveVersion: () => (/* binding */ resolveVersion),
  serviceAccountStackName: () => (/* binding */ serviceAccountStackName),
  upgradePlan: () => (/* binding */ upgradePlan),
  waitFor: () => (/* binding */ waitFor)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/providers/aws/cloud.ts
var aws_cloud = __webpack_require__(389);
// EXTERNAL MODULE: ./src/desired.ts
var src_desired = __webpack_require__(73761);
// EXTERNAL MODULE: ./src/record.ts
var record = __webpack_require__(94846);
// EXTERNAL MODULE: ./src/flow.ts
var flow = __webpack_require__(26439);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(38422);
// EXTERNAL MODULE: ./src/kubeconfig.ts
var kubeconfig = __webpack_require__(35180);
// EXTERNAL MODULE: ./src/providers/aws/plan.ts + 2 modules
var plan = __webpack_require__(17504);
// EXTERNAL MODULE: ./src/providers/aws/upgrade.ts
var upgrade = __webpack_require__(39340);
// EXTERNAL MODULE: ./src/providers/aws/eksctl/rules.ts
var rules = __webpack_require__(1048);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/verify/support.ts
var support = __webpack_require__(73386);
// EXTERNAL MODULE: ./src/verify/versions.ts
var versions = __webpack_require__(46800);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
// EXTERNAL MODULE: ./src/steps.ts
var src_steps = __webpack_require__(36992);
// EXTERNAL MODULE: ./src/tools/install.ts + 6 modules
var tools_install = __webpack_require__(81892);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/clients/kube.ts
var clients_kube = __webpack_require__(33391);
;// CONCATENATED MODULE: ./src/kube-objects.ts
/**
 * Kubernetes objects applied the way a re-runnable flow needs: one by one, writing only what differs.
 *
 *   absent                              → create
 *   present, a manifest field differs   → server-side apply (force, field manager gitpod-cluster-action)
 *   present, every manifest field equal → nothing at all
 *   absent, but created meanwhile (409)  → read again, then as if it had been present
 *
 * "Equal" means every field the manifest sets has that value on the server; fields the server adds
 * (defaults, status, managedFields …) do not count, so a re-run on a conformant cluster sends no write.
 * A kind whose CRD was created a moment ago may not be served yet: creating it is retried, bounded.
 */


function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describeRef(ref) {
    return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
/** The objects of a multi-document YAML manifest, in order; empty documents are skipped. */
function parseManifest(text, source) {
    const objects = [];
    for (const [i, doc] of (0,dist/* parseAllDocuments */.hR)(text).entries()) {
        if (doc.errors.length)
            throw new Error(`${source}: document ${i + 1} is not valid YAML: ${doc.errors[0].message}`);
        const value = doc.toJS();
        if (value === null || value === undefined)
            continue;
        if (!isMap(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') {
            throw new Error(`${source}: document ${i + 1} is not a Kubernetes object (apiVersion and kind)`);
        }
        const meta = value.metadata;
        if (!isMap(meta) || typeof meta.name !== 'string')
            throw new Error(`${source}: document ${i + 1} has no metadata.name`);
        if (value.kind.endsWith('List'))
            throw new Error(`${source}: document ${i + 1} is a ${value.kind}; lists are not supported`);
        objects.push(value);
    }
    return objects;
}
/** What of a manifest object is compared: not `status`, not the server-owned creationTimestamp. */
function desiredPart(obj) {
    const { status: _status, ...rest } = obj;
    const { creationTimestamp: _ts, ...metadata } = obj.metadata;
    return { ...rest, metadata };
}
/** The first path where `live` does not carry `desired`'s value, or undefined when it carries them all. */
function firstDifference(desired, live, at = '') {
    if (desired === null || desired === undefined)
        return live === null || live === undefined ? undefined : at || '.';
    if (isMap(desired)) {
        if (!isMap(live))
            return at || '.';
        for (const [k, v] of Object.entries(desired)) {
            const d = firstDifference(v, live[k], at ? `${at}.${k}` : k);
            if (d)
                return d;
        }
        return undefined;
    }
    if (Array.isArray(desired)) {
        if (!Array.isArray(live) || live.length !== desired.length)
            return at || '.';
        for (const [i, v] of desired.entries()) {
            const d = firstDifference(v, live[i], `${at}[${i}]`);
            if (d)
                return d;
        }
        return undefined;
    }
    // Scalars: a number and its decimal string (an int-or-string field) count as equal.
    return desired === live || String(desired) === String(live) ? undefined : at || '.';
}
/** A kind that is not (yet) served: its CRD is missing or not established. */
function isKindNotServed(err) {
    return (err instanceof clients_kube.KubeApiError &&
        (err.status === 404 || /Unrecognized API version and kind|Failed to fetch resource metadata/.test(err.message)));
}
async function getOrAbsent(kube, ref) {
    try {
        return await kube.get(ref);
    }
    catch (err) {
        if (isKindNotServed(err))
            return undefined;
        throw err;
    }
}
/** Reads each object and decides what it needs; reads only. */
async function planSync(kube, objects) {
    const items = [];
    for (const obj of objects) {
        const live = await getOrAbsent(kube, (0,clients_kube.refOf)(obj));
        if (!live) {
            items.push({ obj, action: 'create' });
            continue;
        }
        const reason = firstDifference(desiredPart(obj), live);
        items.push(reason ? { obj, action: 'apply', reason } : { obj, action: 'none' });
    }
    return items;
}
/** Writes what `planSync` found missing or different; nothing else. */
async function applyPlanned(kube, items, opts) {
    const counts = { created: 0, applied: 0, unchanged: 0 };
    for (const item of items) {
        const what = describeRef((0,clients_kube.refOf)(item.obj));
        if (item.action === 'none') {
            counts.unchanged++;
            continue;
        }
        if (item.action === 'apply') {
            opts.log.info(`~ ${what}: ${item.reason} differs; server-side apply`);
            await kube.apply(item.obj, { force: true });
            counts.applied++;
            continue;
        }
        if (await createWaitingForKind(kube, item.obj, what, opts)) {
            opts.log.info(`+ ${what}: created`);
            counts.created++;
        }
        else {
            // Created meanwhile (another run on this cluster, or a controller): converge it like a present
            // object, which means no write at all when it already is as the manifest says.
            const live = await getOrAbsent(kube, (0,clients_kube.refOf)(item.obj));
            const reason = live ? firstDifference(desiredPart(item.obj), live) : '.';
            if (!reason) {
                opts.log.info(`= ${what}: created meanwhile by someone else, as in the manifest`);
                counts.unchanged++;
                continue;
            }
            opts.log.info(`~ ${what}: created meanwhile by someone else, ${reason} differs; server-side apply`);
            await kube.apply(item.obj, { force: true });
            counts.applied++;
        }
    }
    return counts;
}
/** Creates an object, waiting (bounded) while its kind is not served yet; false when it already exists. */
async function createWaitingForKind(kube, obj, what, opts) {
    const pollMs = opts.pollMs ?? 2_000;
    const limit = opts.kindWaitMs ?? 120_000;
    for (let waited = 0;; waited += pollMs) {
        try {
            await kube.create(obj);
            return true;
        }
        catch (err) {
            if (err instanceof clients_kube.KubeApiError && err.status === 409)
                return false;
            if (!isKindNotServed(err) || waited >= limit)
                throw err;
            if (waited % 30_000 === 0)
                opts.log.info(`… ${what}: its kind is not served yet; waiting for its CRD`);
            await opts.sleep(pollMs);
        }
    }
}

;// CONCATENATED MODULE: ./src/providers/aws/apply.ts
/**
 * `apply` on EKS: the reference flow of src/providers/aws/plan.ts, each step paired with a probe that asks the
 * cloud (EKS and CloudFormation APIs, the Kubernetes API) whether it is already done, run by the one
 * shared runner (runFlow). Safe to re-run after a failure at any step; on a conformant cluster a re-run
 * sends no write at all: eksctl is not started, and the Kubernetes API sees reads only.
 *
 *   cluster             eksctl create cluster --without-nodegroup   (skipped when the cluster is ACTIVE)
 *   kubeconfig          written from DescribeCluster; credentials from `aws eks get-token` (AWS CLI v2)
 *   kube-system         wait until the API server answers
 *   remove-aws-node     delete the AWS VPC CNI daemonset               (calico only; absent is fine)
 *   tigera-operator     the pinned Calico operator, object by object   (calico only; only what differs)
 *   calico-installation the Installation `default`                     (calico only; only when it differs)
 *   calico-ready        wait for Calico                                (calico only)
 *   nodegroups          eksctl create nodegroup                        (skipped when all exist)
 *   nodegroup-labels    eksctl set labels / unset labels               (only a nodegroup whose labels differ)
 *   service-accounts    eksctl create iamserviceaccount                (skipped when every role's stack is complete)
 *   access-entries      eksctl create accessentry                      (viewer-role-arns; skipped when all exist)
 *   viewer-rbac         the viewers' ClusterRole, Role and bindings    (viewer-role-arns; only what differs)
 *   upgrade-…-<minor>   eksctl upgrade cluster / nodegroup, utils update-coredns / update-kube-proxy,
 *                       one round per minor when kubernetes-version asks a newer one (providers/aws/upgrade.ts);
 *                       a nodegroup on a custom AMI (Ubuntu) is replaced instead: eksctl create / delete
 *                       nodegroup of a surge `<name>-next`, then of `<name>` (replaceAction)
 *
 * Leftovers of an earlier failed run (a FAILED cluster, an eksctl stack in ROLLBACK_COMPLETE …) stop the
 * flow with one line saying what to delete, instead of eksctl's raw AlreadyExists. What another run's
 * eksctl is still doing (a cluster CREATING, a stack *_IN_PROGRESS) is waited for, never raced.
 */



















const PROGRESS_MS = 30_000;
/** Stack statuses an earlier eksctl run can leave that make eksctl fail with AlreadyExists. */
const DEAD_STACK = /^(ROLLBACK_COMPLETE|ROLLBACK_FAILED|DELETE_FAILED|CREATE_FAILED|UPDATE_ROLLBACK_FAILED)$/;
/** A stack CloudFormation is still working on: another run's eksctl (or a cancelled one's) is at it. */
const STACK_IN_PROGRESS = /_IN_PROGRESS$/;
function clusterStackName(config) {
    return `eksctl-${config.clusterName}-cluster`;
}
/** eksctl's stack of one IAM service account (pkg/cfn/manager/iam.go). */
function serviceAccountStackName(config, namespace, name) {
    return `eksctl-${config.clusterName}-addon-iamserviceaccount-${namespace}-${name}`;
}
function nodegroupStackName(config, nodegroup) {
    return `eksctl-${config.clusterName}-nodegroup-${nodegroup}`;
}
/** Polls `check` until it returns a value, with a progress line at least every 30 s; bounded. */
async function waitFor(what, check, opts) {
    const started = opts.now();
    let lastProgress = started;
    for (;;) {
        if (opts.signal?.aborted)
            throw new Error(`${(0,src_steps/* cancelReason */.zw)(opts.signal)} while waiting for ${what}`);
        const value = await check();
        if (value !== undefined)
            return value;
        const elapsed = opts.now() - started;
        if (elapsed >= opts.timeoutMs)
            throw new Error(`timed out after ${(0,src_steps/* formatDuration */.a3)(elapsed)} waiting for ${what}`);
        if (opts.now() - lastProgress >= PROGRESS_MS || lastProgress === started) {
            opts.log.info(`… waiting for ${what} (${(0,src_steps/* formatDuration */.a3)(elapsed)} so far)`);
            lastProgress = opts.now();
        }
        await opts.sleep(opts.pollMs);
    }
}
function minor(v) {
    return v.split('.').map((n) => Number(n) || 0);
}
function byVersion(a, b) {
    const [x, y] = [minor(a), minor(b)];
    return x[0] - y[0] || x[1] - y[1];
}
/**
 * `kubernetes-version` → the minor eksctl is given. An existing cluster keeps its own version here (the
 * upgrade rounds of upgradePlan move it); otherwise `latest` is the newest version in standard support, and a minor must be one
 * EKS still offers.
 */
async function resolveVersion(config, api, existing) {
    const asked = config.kubernetesVersion;
    // An existing cluster keeps its version in the ClusterConfig; the upgrade rounds (upgradePlan) move it.
    if (existing?.version)
        return existing.version;
    const versions = (await api.clusterVersions()).filter((v) => v.clusterVersion && v.versionStatus !== 'UNSUPPORTED');
    const offered = versions.map((v) => v.clusterVersion).sort(byVersion);
    if (asked === 'latest') {
        const standard = versions
            .filter((v) => v.versionStatus === 'STANDARD_SUPPORT')
            .map((v) => v.clusterVersion)
            .sort(byVersion);
        const latest = standard.at(-1) ?? offered.at(-1);
        if (!latest)
            throw new Error(`EKS DescribeClusterVersions in ${config.region} returned no supported version`);
        return latest;
    }
    if (offered.includes(asked))
        return asked;
    throw new inputs/* InputError */.dz('kubernetes-version', asked, `\`latest\` or a version EKS offers in ${config.region}: ${offered.join(', ') || '(none returned)'}`);
}
/** The minor before `version` ('1.33' → '1.32'). */
function previousMinor(version) {
    const [major, m] = minor(version);
    return `${major}.${Math.max(0, m - 1)}`;
}
/**
 * The minors an existing cluster is upgraded through (none for `latest`, none when it is there), and per
 * pool whether its nodegroup moves in place (`eksctl upgrade nodegroup`) or is replaced: EKS reports
 * amiType CUSTOM for eksctl's Ubuntu nodegroups, and eksctl refuses `--kubernetes-version` for those
 * (src/providers/aws/upgrade.ts). A surge nodegroup `<name>-next` left by an interrupted replacement
 * counts as its round unfinished, and so does the EKS add-on kube-proxy below the control plane's minor
 * (a round stopped at its add-ons): a re-run (even with `latest`) finishes that round. Refused before any change,
 * in one line: an older minor (no downgrade), a minor EKS does not offer, and a nodegroup on an image of the
 * user's own (`ami` or `launchTemplate` in eksctl-config): neither path can pick the new minor's image.
 */
async function upgradePlan(config, api, existing, doc) {
    const how = Object.fromEntries(reference/* POOL_ROLES */.Fe.map((role) => {
        const ng = doc.managedNodeGroups.find((g) => g.name === config.pools[role].name);
        return [role, !ng || (0,rules/* customAmiNodegroup */.qj)(ng) ? 'replace' : 'in-place'];
    }));
    const addons = { coredns: 'eks-addon', 'kube-proxy': 'eks-addon' };
    if (!existing?.version)
        return { minors: [], how, addons };
    const found = await Promise.all(reference/* POOL_ROLES */.Fe.map(async (role) => {
        const name = config.pools[role].name;
        const [group, surge] = await Promise.all([
            api.describeNodegroup(config.clusterName, name),
            api.describeNodegroup(config.clusterName, (0,upgrade/* surgeNodegroupName */.ng)(name)),
        ]);
        return { role, group, surge };
    }));
    for (const { role, group, surge } of found) {
        const seen = group ?? surge;
        if (seen)
            how[role] = seen.amiType === 'CUSTOM' ? 'replace' : 'in-place';
    }
    const groups = found.flatMap((f) => (f.group ? [f.group] : []));
    const surges = found.flatMap((f) => (f.surge ? [f.surge] : []));
    const installed = await Promise.all(upgrade/* ROUND_ADDONS */.pF.map((addon) => api.describeAddon(config.clusterName, addon)));
    upgrade/* ROUND_ADDONS */.pF.forEach((addon, i) => (addons[addon] = installed[i] ? 'eks-addon' : 'self-managed'));
    // kube-proxy is a round's last step and its version carries the minor (v1.33.0-eksbuild.2): an EKS add-on
    // below the control plane's minor is a round whose add-on steps are still to do.
    const kubeProxy = installed[upgrade/* ROUND_ADDONS */.pF.indexOf('kube-proxy')]?.addonVersion;
    const addonsBehind = ((0,support/* minorsBetween */.V6)(kubeProxy, existing.version) ?? 0) < 0;
    const unfinished = surges.length > 0 || addonsBehind;
    const asked = config.kubernetesVersion === 'latest' && unfinished ? existing.version : config.kubernetesVersion;
    const minors = (0,support/* upgradeMinors */.DX)(asked, existing.version, [
        ...groups.map((g) => g.version ?? existing.version),
        ...surges.map((g) => previousMinor(g.version ?? existing.version)),
        ...(addonsBehind ? [previousMinor(existing.version)] : []),
    ]);
    if (!minors.length)
        return { minors, how, addons };
    const offered = (await api.clusterVersions())
        .filter((v) => v.clusterVersion && v.versionStatus !== 'UNSUPPORTED')
        .map((v) => v.clusterVersion);
    const missing = minors.filter((m) => !offered.includes(m));
    if (missing.length) {
        throw new inputs/* InputError */.dz('kubernetes-version', config.kubernetesVersion, `a version EKS offers in ${config.region}, reached one minor at a time from ${existing.version}: ${missing.join(', ')} not offered (offered: ${offered.sort(byVersion).join(', ')})`);
    }
    const own = groups.filter((g) => {
        const entry = doc.managedNodeGroups.find((e) => e.name === g.nodegroupName);
        return g.amiType === 'CUSTOM' && entry && (0,rules/* ownImage */.QB)(entry) && !(0,support/* atMinor */.dC)(g.version, minors.at(-1));
    });
    if (own.length) {
        throw new Error(`nodegroup ${own.map((g) => g.nodegroupName).join(', ')} runs an image of your own (ami or launchTemplate in eksctl-config, amiType CUSTOM): ` +
            `\`eksctl upgrade nodegroup\` cannot move it to Kubernetes ${minors.at(-1)} and a replacement would start the same image; nothing was changed. ` +
            `Give it the image for ${minors.at(-1)} in eksctl-config after the control plane is there, or use an AMI family (amiFamily Ubuntu2404, AmazonLinux2023) without ami`);
    }
    return { minors, how, addons };
}
function stackAdvice(config, stack, what) {
    const reason = stack.StackStatusReason ? ` (${stack.StackStatusReason})` : '';
    return (`CloudFormation stack ${stack.StackName} is ${stack.StackStatus}${reason}, left by an earlier run; ${what}: ` +
        `delete it (\`eksctl delete cluster --name ${config.clusterName} --region ${config.region}\` or ` +
        `\`aws cloudformation delete-stack --stack-name ${stack.StackName} --region ${config.region}\`) and re-run`);
}
function labelled(ok, detail) {
    return { done: ok, detail };
}
function eksKubeconfigUser(config) {
    return {
        exec: {
            command: 'aws',
            args: ['eks', 'get-token', '--cluster-name', config.clusterName, '--region', config.region, '--output', 'json'],
            installHint: 'This kubeconfig runs the AWS CLI v2 (`aws eks get-token`), preinstalled on GitHub-hosted runners.',
        },
    };
}
function conditionTrue(obj, type) {
    const conditions = (obj?.status?.conditions ?? []);
    return conditions.some((c) => c.type === type && c.status === 'True');
}
async function applyFlow(config, io, deps = {}) {
    // The user's overlay is read and checked before anything is downloaded or called.
    (0,plan/* clusterConfigFor */.CR)(config, {});
    const install = deps.install ?? (async (names, c, i) => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 81892))).installTools(names, c, i));
    const tools = await install(['eksctl', 'kubectl'], config, io);
    const sleep = deps.sleep ?? ((ms) => (0,retry/* abortableSleep */.Mf)(ms, io.signal));
    const now = deps.now ?? Date.now;
    const pollMs = deps.pollMs ?? 10_000;
    const cloud = deps.cloud ?? (0,aws_cloud.awsCloud)(config, io.log);
    const api = await cloud.api();
    const connect = deps.connect ?? (async (access, log) => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 33391))).connectKube(access, log));
    const fetchText = deps.fetchText ?? (await manifestFetcher(config, io, sleep));
    const wait = (what, timeoutMs, check) => waitFor(what, check, { timeoutMs, pollMs, sleep, now, log: io.log, signal: io.signal });
    const existing = await api.describeCluster(config.clusterName);
    const version = await resolveVersion(config, api, existing);
    const doc = (0,plan/* clusterConfigFor */.CR)(config, { version });
    const { minors, how, addons } = await upgradePlan(config, api, existing, doc);
    const yaml = (0,plan/* clusterConfigYaml */.UZ)(config, doc);
    const file = (0,plan/* eksctlConfigFile */.$o)(config);
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, yaml, { mode: 0o600 });
    const clusterFile = (0,plan/* eksctlClusterConfigFile */.vg)(config);
    if (clusterFile !== file) {
        await (0,promises_.writeFile)(clusterFile, (0,plan/* clusterConfigYaml */.UZ)(config, (0,plan/* clusterCreateConfig */.bU)(doc)), {
            mode: 0o600,
        });
    }
    io.setOutput('eksctl-config', yaml);
    io.log.info(`eksctl ClusterConfig (Kubernetes ${version}) written to ${file}`);
    const supportType = reference/* AWS */.kS.supportTypes[config.supportType];
    const foundSupport = existing?.upgradePolicy?.supportType;
    if (foundSupport && foundSupport !== supportType) {
        // eksctl has no command for it and apply changes the cloud through eksctl only: verify reports it too.
        io.log.warning(`EKS cluster ${config.clusterName} has upgrade policy ${foundSupport}, eks-support-type wants ${supportType}; eksctl cannot change it: ` +
            `run \`aws eks update-cluster-config --name ${config.clusterName} --region ${config.region} --upgrade-policy supportType=${supportType}\``);
    }
    const specs = (0,plan/* awsSteps */.TR)(config, { version });
    const timeout = (id) => specs.find((s) => s.id === id)?.timeoutMs ?? 10 * 60_000;
    const kubeOf = (ctx) => {
        if (!ctx.kube)
            throw new Error('the Kubernetes API is not connected (the kubeconfig step did not run)');
        return ctx.kube;
    };
    const nodegroupNames = doc.managedNodeGroups.map((g) => String(g.name));
    const env = { PATH: (0,tools_install.pathWithTools)(Object.values(tools)) };
    const desired = (0,plan/* awsDesiredPools */.P)(config);
    const fixes = (0,plan/* awsFixes */.Hv)(config);
    const awsNodeRef = { apiVersion: 'apps/v1', kind: 'DaemonSet', ...reference/* AWS */.kS.calico.awsNode };
    const { installation, ready } = reference/* AWS */.kS.calico;
    const installationRef = { apiVersion: installation.apiVersion, kind: installation.kind, name: 'default' };
    const serviceAccounts = (doc.iam?.serviceAccounts ?? []).map((sa) => ({ namespace: sa.metadata?.namespace || 'default', name: String(sa.metadata?.name) }));
    const viewerGroup = reference/* AWS */.kS.viewer.group;
    /**
     * An existing nodegroup fixed in place, from the one diff (src/desired.ts): its labels (eksctl set/unset
     * labels; the labels the ClusterConfig eksctl was given has, an overlay's included) or its scaling bounds
     * (eksctl scale nodegroup). What cannot change in place stops the step with what to do.
     */
    const inPlace = (kind) => {
        const what = kind === 'labels' ? 'carry the wanted labels' : 'have the wanted bounds';
        return {
            async probe(ctx) {
                const argvs = [];
                const why = [];
                for (const role of reference/* POOL_ROLES */.Fe) {
                    const name = desired[role].name;
                    const ng = await ctx.api.describeNodegroup(config.clusterName, name);
                    if (!ng)
                        throw new Error(`nodegroup ${name} is gone from cluster ${config.clusterName}; re-run apply`);
                    const given = ctx.doc.managedNodeGroups.find((g) => g.name === name)?.labels;
                    const want = given ? { ...desired[role], labels: given } : desired[role];
                    const diff = (0,src_desired/* diffPool */.uM)(want, (0,aws_cloud.observedPool)(config, ng), fixes);
                    const fix = (0,src_desired/* inPlaceArgvs */.as)(diff, [kind]);
                    if (!fix.length)
                        continue;
                    argvs.push(...fix);
                    why.push(...diff.changes
                        .filter((c) => c.kind === kind)
                        .map((c) => `nodegroup ${name}: ${c.differences.map((d) => `${d.field} ${JSON.stringify(d.have ?? null)} (want ${JSON.stringify(d.want)})`).join(', ')}`));
                }
                if (kind === 'labels')
                    ctx.relabel = argvs;
                else
                    ctx.rescale = argvs;
                if (!argvs.length)
                    return labelled(true, `nodegroups ${nodegroupNames.join(', ')} ${what}`);
                return labelled(false, why.join('; '));
            },
            async run(ctx, spec, signal) {
                const argvs = (kind === 'labels' ? ctx.relabel : ctx.rescale) ?? [];
                ctx.relabel = ctx.rescale = undefined;
                for (const argv of argvs) {
                    io.log.info(`$ ${(0,src_steps/* shellQuote */.ZL)(argv)}`);
                    await (0,exec/* execArgv */.Ei)(argv, { log: io.log, env, signal, timeoutMs: spec.timeoutMs });
                }
                return (0,src_desired/* remedyText */.K1)({ kind: 'in-place', argvs });
            },
        };
    };
    const actions = {
        cluster: {
            async probe(ctx) {
                let cluster = await ctx.api.describeCluster(config.clusterName);
                let waited = false;
                if (!cluster) {
                    // Another run's eksctl may be building the stack (the VPC first: EKS knows no cluster for minutes).
                    const { stack, ...settled } = await settledStack(ctx, clusterStackName(config), `cluster ${config.clusterName}`, 'cluster');
                    waited = settled.waited;
                    if (waited)
                        cluster = await ctx.api.describeCluster(config.clusterName);
                    if (!cluster && stack && DEAD_STACK.test(stack.StackStatus ?? ''))
                        throw new Error(stackAdvice(config, stack, 'eksctl cannot create the cluster while it exists'));
                    if (!cluster && stack) {
                        throw new Error(`CloudFormation stack ${stack.StackName} is ${stack.StackStatus} but EKS has no cluster ${config.clusterName}: ` +
                            `eksctl cannot create the cluster while the stack exists; delete it (\`aws cloudformation delete-stack --stack-name ${stack.StackName} --region ${config.region}\`) and re-run`);
                    }
                }
                if (!cluster) {
                    return labelled(false, `no EKS cluster ${config.clusterName} in ${config.region}`);
                }
                switch (cluster.status) {
                    case 'ACTIVE':
                        return labelled(true, `ACTIVE${waited ? " after waiting for another run's eksctl" : ''}, Kubernetes ${cluster.version}`);
                    case 'FAILED':
                        throw new Error(`EKS cluster ${config.clusterName} is FAILED from an earlier run; delete it (\`eksctl delete cluster --name ${config.clusterName} --region ${config.region}\`, or this action with \`command: destroy\`) and re-run`);
                    case 'DELETING':
                        throw new Error(`EKS cluster ${config.clusterName} is being deleted; wait until it is gone and re-run`);
                    default: {
                        // CREATING / UPDATING / PENDING: an earlier run's eksctl is still at work, or was cancelled.
                        const active = await wait(`EKS cluster ${config.clusterName} to be ACTIVE`, timeout('cluster'), async () => {
                            const c = await ctx.api.describeCluster(config.clusterName);
                            if (c?.status === 'FAILED' || !c)
                                throw new Error(`EKS cluster ${config.clusterName} is ${c?.status ?? 'gone'}`);
                            return c.status === 'ACTIVE' ? c : undefined;
                        });
                        return labelled(true, `ACTIVE after waiting, Kubernetes ${active.version}`);
                    }
                }
            },
        },
        kubeconfig: {
            async run(ctx) {
                const observation = await ctx.cloud.observe();
                if (!observation.found || !observation.endpoint)
                    throw new Error(`EKS cluster ${config.clusterName} has no API endpoint (status ${observation.status})`);
                ctx.observation = observation;
                await (0,kubeconfig/* writeKubeconfig */.fQ)(config.kubeconfigPath, {
                    context: `${config.clusterName}.${config.region}.eksctl.io`,
                    server: observation.endpoint,
                    caData: observation.caData,
                    ...((0,aws_cloud.isLoopbackHttp)(observation.endpoint) ? { insecureSkipTlsVerify: true } : {}),
                    user: eksKubeconfigUser(config),
                }, io);
                ctx.kube = await connect(await ctx.cloud.kubeAccess(observation), io.log);
                return `written to ${config.kubeconfigPath}`;
            },
        },
        'kube-system': {
            async probe(ctx) {
                try {
                    const pods = await kubeOf(ctx).list('v1', 'Pod', { namespace: 'kube-system' });
                    return labelled(true, `API server answers; ${pods.length} pods in kube-system`);
                }
                catch (err) {
                    return labelled(false, `API server not answering yet (${err.message})`);
                }
            },
            async run(ctx) {
                const pods = await wait('the API server to list kube-system', timeout('kube-system'), async () => {
                    try {
                        return await kubeOf(ctx).list('v1', 'Pod', { namespace: 'kube-system' });
                    }
                    catch {
                        return undefined;
                    }
                });
                return `API server answers; ${pods.length} pods in kube-system`;
            },
        },
        'remove-aws-node': {
            async probe(ctx) {
                const ds = await kubeOf(ctx).get(awsNodeRef);
                return ds ? labelled(false, 'DaemonSet kube-system/aws-node present') : labelled(true, 'aws-node absent');
            },
            async run(ctx) {
                const deleted = await kubeOf(ctx).delete(awsNodeRef);
                return deleted ? 'deleted DaemonSet kube-system/aws-node' : 'aws-node was already absent';
            },
        },
        'tigera-operator': {
            async probe(ctx) {
                if (!ctx.manifests) {
                    const texts = await Promise.all((0,plan/* calicoManifestUrls */.pN)(config).map((url) => fetchText(url)));
                    ctx.manifests = texts.flatMap((text, i) => parseManifest(text, (0,plan/* calicoManifestUrls */.pN)(config)[i]));
                }
                return syncProbe(ctx, kubeOf(ctx), ctx.manifests, `Calico ${(0,plan/* calicoVersion */.wR)(config)} operator`);
            },
            run: (ctx) => syncRun(ctx, kubeOf(ctx)),
        },
        'calico-installation': {
            probe: (ctx) => syncProbe(ctx, kubeOf(ctx), [structuredClone(installation)], 'Installation default'),
            run: (ctx) => syncRun(ctx, kubeOf(ctx)),
        },
        'calico-ready': {
            async probe(ctx) {
                const state = await calicoState(kubeOf(ctx));
                return labelled(state.ready, state.detail);
            },
            async run(ctx) {
                const state = await wait('Calico to be ready', timeout('calico-ready'), async () => {
                    const s = await calicoState(kubeOf(ctx));
                    return s.ready ? s : undefined;
                });
                return state.detail;
            },
        },
        nodegroups: {
            async probe(ctx) {
                const present = new Set(await ctx.api.listNodegroups(config.clusterName));
                for (const name of nodegroupNames.filter((n) => present.has(n))) {
                    const ng = await ctx.api.describeNodegroup(config.clusterName, name);
                    const status = ng?.status ?? 'gone';
                    if (/FAILED/.test(status)) {
                        throw new Error(`nodegroup ${name} is ${status} from an earlier run; delete it (\`eksctl delete nodegroup --cluster ${config.clusterName} --name ${name} --region ${config.region}\`) and re-run`);
                    }
                    if (status === 'DELETING')
                        throw new Error(`nodegroup ${name} is being deleted; wait until it is gone and re-run`);
                    if (status === 'CREATING' || status === 'UPDATING') {
                        await wait(`nodegroup ${name} to be ACTIVE`, timeout('nodegroups'), async () => {
                            const n = await ctx.api.describeNodegroup(config.clusterName, name);
                            if (!n || /FAILED/.test(n.status ?? ''))
                                throw new Error(`nodegroup ${name} is ${n?.status ?? 'gone'}`);
                            return n.status === 'ACTIVE' || n.status === 'DEGRADED' ? n : undefined;
                        });
                    }
                }
                let missing = nodegroupNames.filter((n) => !present.has(n));
                if (!missing.length)
                    return labelled(true, `nodegroups ${nodegroupNames.join(', ')} exist`);
                let waited = false;
                for (const name of missing) {
                    // A stack in CREATE_IN_PROGRESS is another run's eksctl creating this nodegroup: wait for it, as
                    // eksctl would skip the nodegroup (it has a stack) and report success before it is there.
                    const settled = await settledStack(ctx, nodegroupStackName(config, name), `nodegroup ${name}`, 'nodegroups');
                    waited ||= settled.waited;
                    const stack = settled.stack;
                    if (stack && DEAD_STACK.test(stack.StackStatus ?? ''))
                        throw new Error(stackAdvice(config, stack, `eksctl cannot create nodegroup ${name} while it exists`));
                }
                if (waited) {
                    const now = new Set(await ctx.api.listNodegroups(config.clusterName));
                    missing = missing.filter((n) => !now.has(n));
                    if (!missing.length)
                        return labelled(true, `nodegroups ${nodegroupNames.join(', ')} exist (after waiting for another run's eksctl)`);
                }
                return labelled(false, `missing: ${missing.join(', ')}`);
            },
        },
        [record/* RECORD_STEP_ID */.ho]: (0,record/* recordAction */.Kj)(config, kubeOf),
        'nodegroup-labels': inPlace('labels'),
        'nodegroup-scaling': inPlace('scaling'),
        'service-accounts': {
            async probe(ctx) {
                const missing = [];
                for (const sa of serviceAccounts) {
                    const name = serviceAccountStackName(config, sa.namespace, sa.name);
                    const { stack } = await settledStack(ctx, name, `service account ${sa.namespace}/${sa.name}`, 'service-accounts');
                    if (stack && DEAD_STACK.test(stack.StackStatus ?? ''))
                        throw new Error(stackAdvice(config, stack, `eksctl cannot create the role of ${sa.namespace}/${sa.name} while it exists`));
                    if (!stack)
                        missing.push(`${sa.namespace}/${sa.name}`);
                }
                return missing.length
                    ? labelled(false, `no IAM role stack for ${missing.join(', ')}`)
                    : labelled(true, `IAM roles of ${serviceAccounts.length} service accounts exist`);
            },
        },
        'access-entries': {
            async probe(ctx) {
                const cluster = await ctx.api.describeCluster(config.clusterName);
                const mode = cluster?.accessConfig?.authenticationMode;
                if (mode === 'CONFIG_MAP') {
                    throw new Error(`EKS cluster ${config.clusterName} authenticates through the aws-auth ConfigMap only, so it has no access entries for viewer-role-arns: ` +
                        `run \`eksctl utils update-authentication-mode --cluster ${config.clusterName} --region ${config.region} --authentication-mode ${reference/* AWS */.kS.authenticationMode}\` and re-run`);
                }
                const present = new Set(await ctx.api.listAccessEntries(config.clusterName));
                const missing = [];
                for (const arn of config.viewerRoleArns) {
                    if (!present.has(arn)) {
                        missing.push(arn);
                        continue;
                    }
                    const entry = await ctx.api.describeAccessEntry(config.clusterName, arn);
                    if (!entry)
                        missing.push(arn);
                    else if (!(entry.kubernetesGroups ?? []).includes(viewerGroup)) {
                        // eksctl creates entries, it does not change one made elsewhere: say what would.
                        throw new Error(`EKS access entry ${arn} exists without the Kubernetes group ${viewerGroup} (it has ${JSON.stringify(entry.kubernetesGroups ?? [])}); ` +
                            `run \`aws eks update-access-entry --cluster-name ${config.clusterName} --region ${config.region} --principal-arn ${arn} --kubernetes-groups ${[...(entry.kubernetesGroups ?? []), viewerGroup].join(' ')}\` and re-run`);
                    }
                }
                return missing.length
                    ? labelled(false, `no access entry for ${missing.join(', ')}`)
                    : labelled(true, `access entries for ${config.viewerRoleArns.length} viewer role(s) in group ${viewerGroup}`);
            },
        },
        'viewer-rbac': {
            probe: (ctx) => syncProbe(ctx, kubeOf(ctx), (0,plan/* viewerRbacObjects */.$H)(), `RBAC of group ${viewerGroup}`),
            run: (ctx) => syncRun(ctx, kubeOf(ctx)),
        },
    };
    /**
     * A CloudFormation stack once CloudFormation is done with it. One *_IN_PROGRESS means another run's
     * eksctl is creating (or deleting) it right now: starting a second eksctl would fail with
     * AlreadyExistsException or, for a nodegroup, skip it and report success early. `waited` says whether
     * this had to wait.
     */
    async function settledStack(ctx, name, what, step) {
        const stack = await ctx.api.describeStack(name);
        if (!stack || !STACK_IN_PROGRESS.test(stack.StackStatus ?? ''))
            return { stack, waited: false };
        io.log.info(`CloudFormation stack ${name} is ${stack.StackStatus}: another run's eksctl is at work on ${what}; waiting for it instead of starting a second`);
        const settled = await wait(`CloudFormation stack ${name} to finish`, timeout(step), async () => {
            const s = await ctx.api.describeStack(name);
            return s && STACK_IN_PROGRESS.test(s.StackStatus ?? '') ? undefined : { stack: s };
        });
        return { stack: settled.stack, waited: true };
    }
    async function syncProbe(ctx, kube, objects, what) {
        ctx.pending = await planSync(kube, objects);
        const create = ctx.pending.filter((i) => i.action === 'create').length;
        const apply = ctx.pending.filter((i) => i.action === 'apply').length;
        if (!create && !apply)
            return labelled(true, `${what}: ${objects.length} objects as in the manifest`);
        return labelled(false, `${what}: ${create} to create, ${apply} differing`);
    }
    async function syncRun(ctx, kube) {
        const pending = ctx.pending ?? [];
        ctx.pending = undefined;
        const counts = await applyPlanned(kube, pending, { log: io.log, sleep, pollMs: Math.min(pollMs, 2_000) });
        return `${counts.created} created, ${counts.applied} updated, ${counts.unchanged} unchanged`;
    }
    async function calicoState(kube) {
        let stored;
        try {
            stored = await kube.get(installationRef);
        }
        catch (err) {
            if (!isKindNotServed(err))
                throw err;
        }
        if (!stored)
            return { ready: false, detail: 'the Installation default is not served yet' };
        const firstNodes = await kube.nodePages(1).next();
        if (firstNodes.done || !firstNodes.value.length) {
            // The operator runs on nodes: before the nodegroups join there is nothing to roll out yet. eksctl
            // then waits for the new nodes to be Ready, which they only become with a working CNI.
            return { ready: true, detail: 'Installation served; Calico rolls out on the nodes as the nodegroups join' };
        }
        let status;
        try {
            status = await kube.get({ apiVersion: ready.apiVersion, kind: ready.kind, name: ready.name });
        }
        catch (err) {
            if (!isKindNotServed(err))
                throw err;
        }
        return conditionTrue(status, ready.condition)
            ? { ready: true, detail: `TigeraStatus ${ready.name} ${ready.condition}` }
            : { ready: false, detail: `TigeraStatus ${ready.name} not ${ready.condition} yet` };
    }
    const upgrades = (0,upgrade/* eksUpgradeSteps */.Vi)(config, minors, how, addons).map((spec) => ({
        ...spec,
        ...(spec.target.kind === 'replace' ? replaceAction(spec) : upgradeAction(spec)),
    }));
    if (minors.length) {
        io.log.info(`Upgrade from Kubernetes ${existing.version}: ${minors.join(' → ')}, one minor at a time, control plane first`);
    }
    /** An upgrade step's probe: the part already at the round's minor is skipped. */
    function upgradeAction(spec) {
        const t = spec.target;
        return {
            async probe(ctx) {
                // An update under way (another run's, or one a cancelled run left) is waited for, never raced:
                // eksctl refuses to start a second one.
                if (t.kind === 'control-plane') {
                    const c = await wait(`cluster ${config.clusterName} to be ACTIVE`, spec.timeoutMs ?? 60 * 60_000, async () => {
                        const found = await ctx.api.describeCluster(config.clusterName);
                        return !found || found.status === 'ACTIVE' ? { found } : undefined;
                    });
                    return labelled((0,support/* atMinor */.dC)(c.found?.version, spec.minor), `the control plane runs ${c.found?.version}`);
                }
                if (t.kind === 'nodegroup') {
                    const name = config.pools[t.role].name;
                    const { g } = await wait(`nodegroup ${name} to be ACTIVE`, spec.timeoutMs ?? 60 * 60_000, async () => {
                        const found = await ctx.api.describeNodegroup(config.clusterName, name);
                        return !found || found.status === 'ACTIVE' ? { g: found } : undefined;
                    });
                    if (!g)
                        return labelled(true, `nodegroup ${name} does not exist`);
                    return labelled((0,support/* atMinor */.dC)(g.version, spec.minor), `nodegroup ${name} runs ${g.version}`);
                }
                if (t.kind === 'addon' && t.managed) {
                    // The version `eksctl update addon --version=latest` would pick: the newest EKS offers for the minor.
                    const { a } = await wait(`EKS add-on ${t.addon} to be ACTIVE`, spec.timeoutMs ?? 15 * 60_000, async () => {
                        const found = await ctx.api.describeAddon(config.clusterName, t.addon);
                        return !found || found.status === 'ACTIVE' || found.status === 'DEGRADED' ? { a: found } : undefined;
                    });
                    if (!a)
                        return labelled(true, `no EKS add-on ${t.addon}`);
                    const newest = (await ctx.api.addonVersions(t.addon, spec.minor)).sort(versions/* compareVersionText */.Zx).at(-1);
                    if (!newest)
                        return labelled(false, `EKS offers no version of ${t.addon} for ${spec.minor}`);
                    const current = a.addonVersion ?? '';
                    return labelled(!!current && (0,versions/* compareVersionText */.Zx)(current, newest) >= 0, `${t.addon} runs ${current || '(no version)'}; the newest for ${spec.minor} is ${newest}`);
                }
                // kube-proxy's image tag is the Kubernetes version (v1.33.0-eksbuild.2): it marks the round done.
                const ds = await kubeOf(ctx).get({
                    apiVersion: 'apps/v1',
                    kind: 'DaemonSet',
                    name: 'kube-proxy',
                    namespace: 'kube-system',
                });
                if (!ds)
                    return labelled(true, 'no self-managed kube-proxy DaemonSet (an EKS add-on, or none)');
                const containers = (ds.spec?.template?.spec
                    ?.containers ?? []);
                const tag = (containers[0]?.image ?? '').split(':').pop();
                return labelled((0,support/* atMinor */.dC)(tag, spec.minor), `kube-proxy runs ${tag}`);
            },
        };
    }
    /** A nodegroup once EKS is done with it (ACTIVE or DEGRADED), or undefined when it is gone. */
    async function settledNodegroup(ctx, name, timeoutMs) {
        const { g } = await wait(`nodegroup ${name} to be ACTIVE`, timeoutMs, async () => {
            const found = await ctx.api.describeNodegroup(config.clusterName, name);
            if (found && /FAILED/.test(found.status ?? '')) {
                throw new Error(`nodegroup ${name} is ${found.status} from an earlier run; delete it (\`eksctl delete nodegroup --cluster=${config.clusterName} --region=${config.region} --name=${name} --drain=false --approve --wait\`) and re-run`);
            }
            return !found || found.status === 'ACTIVE' || found.status === 'DEGRADED' ? { g: found } : undefined;
        });
        return g;
    }
    /**
     * One step of a nodegroup's replacement (src/providers/aws/upgrade.ts). Its probe reads both nodegroups,
     * `<name>` and the surge `<name>-next` (waiting while EKS creates or deletes either), and decides from
     * which exist at what version: a run cancelled anywhere resumes at the step left, and a delete that
     * would leave the pool without nodes is refused. The create steps render their ClusterConfig when they run.
     */
    function replaceAction(spec) {
        const t = spec.target;
        if (t.kind !== 'replace')
            throw new Error(`step ${spec.id} is not a nodegroup replacement`);
        const m = spec.minor;
        const at = (g) => !!g && (0,support/* atMinor */.dC)(g.version, m);
        const runs = (g, name) => (g ? `${name} runs ${g.version}` : `${name} is gone`);
        const state = async (ctx) => {
            const timeoutMs = spec.timeoutMs ?? 60 * 60_000;
            const n = await settledNodegroup(ctx, t.name, timeoutMs);
            const s = await settledNodegroup(ctx, t.surge, timeoutMs);
            return { n, s };
        };
        /** A dead stack of a nodegroup to create: eksctl would skip it and report success. */
        const noDeadStack = async (ctx, name) => {
            const { stack } = await settledStack(ctx, nodegroupStackName(config, name), `nodegroup ${name}`, 'nodegroups');
            if (stack && DEAD_STACK.test(stack.StackStatus ?? ''))
                throw new Error(stackAdvice(config, stack, `eksctl cannot create nodegroup ${name} while it exists`));
        };
        const probe = async (ctx) => {
            const { n, s } = await state(ctx);
            switch (t.phase) {
                case 'surge':
                    if (at(n))
                        return labelled(true, runs(n, t.name));
                    if (s)
                        return labelled(true, `surge nodegroup ${t.surge} exists (Kubernetes ${s.version})`);
                    await noDeadStack(ctx, t.surge);
                    return labelled(false, `${runs(n, t.name)}: create ${t.surge} at ${m} to hold its pods`);
                case 'drain':
                    if (!n || at(n))
                        return labelled(true, runs(n, t.name));
                    if (!s) {
                        throw new Error(`nodegroup ${t.name} runs ${n.version} and its surge nodegroup ${t.surge} is not there: deleting ${t.name} would leave the ${t.role} pool without nodes; nothing was changed, re-run apply`);
                    }
                    return labelled(false, `${runs(n, t.name)}: drain and delete it, its pods move to ${t.surge} (${s.version})`);
                case 'recreate':
                    if (at(n))
                        return labelled(true, runs(n, t.name));
                    if (n) {
                        throw new Error(`nodegroup ${t.name} still runs ${n.version} after the step that deletes it; nothing was changed, re-run apply`);
                    }
                    await noDeadStack(ctx, t.name);
                    return labelled(false, `${t.name} is gone: create it at ${m}`);
                case 'drain-surge':
                    if (!s)
                        return labelled(true, `no surge nodegroup ${t.surge}`);
                    if (!at(n)) {
                        throw new Error(`refusing to delete surge nodegroup ${t.surge}: ${runs(n, t.name)}, not ${m}, and the ${t.role} pool would lose its nodes; nothing was changed, re-run apply`);
                    }
                    return labelled(false, `${runs(n, t.name)}: drain and delete ${t.surge}, the pods move back`);
            }
        };
        if (t.phase === 'drain' || t.phase === 'drain-surge')
            return { probe };
        const creating = t.phase === 'surge' ? t.surge : t.name;
        const sizedLike = t.phase === 'surge' ? t.name : t.surge;
        return {
            probe,
            async run(ctx, step, signal) {
                // The group it stands in for has the size the autoscaler gave it: the pods fit at once.
                const like = await ctx.api.describeNodegroup(config.clusterName, sizedLike);
                const file = (0,upgrade/* replacementConfigFile */.Zb)(config, creating, m);
                const yaml = (0,plan/* clusterConfigYaml */.UZ)(config, replacementConfig(config, m, t.name, creating, like?.scalingConfig?.desiredSize));
                await (0,promises_.writeFile)(file, yaml, { mode: 0o600 });
                io.log.info(`eksctl ClusterConfig of nodegroup ${creating} (Kubernetes ${m}) written to ${file}`);
                io.log.info(`$ ${(0,src_steps/* shellQuote */.ZL)(step.argv)}`);
                await (0,exec/* execArgv */.Ei)(step.argv, { log: io.log, env, signal, timeoutMs: step.timeoutMs });
                return `nodegroup ${creating} created at Kubernetes ${m}`;
            },
        };
    }
    const steps = [...(0,src_steps/* withActions */.wR)(specs, actions), ...upgrades];
    const ctx = { config, io, api, cloud, doc };
    return (0,flow/* runFlow */.c)(steps, ctx, config, io, { env, heartbeatMs: deps.heartbeatMs, sleep: deps.sleep });
}
/**
 * The ClusterConfig of a nodegroup created in a replacement round: the whole one at the round's minor
 * (overlay merged), with `from`'s entry alone in managedNodeGroups, named `as`, and no unmanaged
 * nodeGroups. `desired`, the size of the group it stands in for, becomes its desiredCapacity (within its bounds).
 */
function replacementConfig(config, minorVersion, from, as, desired) {
    const whole = (0,plan/* clusterConfigFor */.CR)(config, { version: minorVersion });
    const entry = whole.managedNodeGroups.find((g) => g.name === from);
    if (!entry)
        throw new Error(`the ClusterConfig has no managed nodegroup ${from}`);
    const ng = { ...structuredClone(entry), name: as };
    if (desired !== undefined) {
        const [lo, hi] = [Number(ng.minSize ?? desired), Number(ng.maxSize ?? desired)];
        ng.desiredCapacity = Math.min(Math.max(desired, lo), hi);
    }
    const { nodeGroups: _unmanaged, ...rest } = whole;
    return { ...rest, managedNodeGroups: [ng] };
}
/** Manifests come from their upstream URL, through `tool-mirror` when set, with the downloader's retries. */
async function manifestFetcher(config, io, sleep) {
    const [{ ToolHttp }, { parseMirror }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 25239)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 70592)),
    ]);
    const http = new ToolHttp({ mirror: parseMirror(config.toolMirror), log: io.log, signal: io.signal, sleep });
    return (url) => http.text(url, { tool: 'calico', version: (0,plan/* calicoVersion */.wR)(config) });
}


/***/ }),

/***/ 389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCloud: () => (/* binding */ awsCloud),
/* harmony export */   isLoopbackHttp: () => (/* binding */ isLoopbackHttp),
/* harmony export */   observedPool: () => (/* binding */ observedPool),
/* harmony export */   roleOfNodegroup: () => (/* binding */ roleOfNodegroup)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);
/* harmony import */ var _eks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80205);
/* harmony import */ var _eks_token_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91233);



/** Only a loopback test server speaks plain http; a real EKS endpoint is always https. */
function isLoopbackHttp(endpoint) {
    if (!endpoint)
        return false;
    try {
        const u = new URL(endpoint);
        return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    }
    catch {
        return false;
    }
}
function roleOfNodegroup(config, name) {
    return _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.find((role) => config.pools[role].name === name);
}
function observedPool(config, ng) {
    const name = ng.nodegroupName ?? '';
    return {
        name,
        role: roleOfNodegroup(config, name),
        labels: { ...(ng.labels ?? {}) },
        machineType: ng.instanceTypes?.length ? ng.instanceTypes.join(',') : undefined,
        minNodes: ng.scalingConfig?.minSize,
        maxNodes: ng.scalingConfig?.maxSize,
        desiredNodes: ng.scalingConfig?.desiredSize,
        image: ng.amiType,
        status: ng.status,
        version: ng.version,
    };
}
function awsCloud(config, log, deps = {}) {
    let api = deps.api ? Promise.resolve(deps.api) : undefined;
    const getApi = () => (api ??= (0,_eks_js__WEBPACK_IMPORTED_MODULE_1__.eksApi)({ region: config.region }));
    return {
        api: getApi,
        async observe() {
            const eks = await getApi();
            const cluster = await eks.describeCluster(config.clusterName);
            if (!cluster)
                return { found: false, pools: [], network: {} };
            const names = await eks.listNodegroups(config.clusterName);
            const groups = await Promise.all(names.map((n) => eks.describeNodegroup(config.clusterName, n)));
            const pools = groups.filter((g) => !!g).map((g) => observedPool(config, g));
            const addons = await eks.listAddons(config.clusterName);
            const vpcCni = addons.includes(_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS */ .kS.vpcCniAddon)
                ? await eks.describeAddon(config.clusterName, _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS */ .kS.vpcCniAddon)
                : undefined;
            log.debug(`EKS cluster ${config.clusterName}: ${cluster.status}, nodegroups ${names.join(', ') || '(none)'}`);
            return {
                found: true,
                endpoint: cluster.endpoint,
                caData: cluster.certificateAuthority?.data,
                version: cluster.version,
                status: cluster.status,
                pools,
                network: vpcCni ? { vpcCniAddon: { version: vpcCni.addonVersion, status: vpcCni.status } } : {},
                eks: {
                    supportType: cluster.upgradePolicy?.supportType,
                    authenticationMode: cluster.accessConfig?.authenticationMode,
                },
            };
        },
        async versions(observation) {
            const { eksVersionFacts } = await __webpack_require__.e(/* import() */ 167).then(__webpack_require__.bind(__webpack_require__, 44167));
            return eksVersionFacts(config.clusterName, observation, await getApi());
        },
        async kubeAccess(observation) {
            if (!observation.endpoint) {
                throw new Error(`EKS cluster ${config.clusterName} has no API endpoint yet (status ${observation.status})`);
            }
            const eks = await getApi();
            const token = await (0,_eks_token_js__WEBPACK_IMPORTED_MODULE_2__/* .eksToken */ .jO)({
                clusterName: config.clusterName,
                region: config.region,
                credentials: await eks.credentials(),
                now: deps.now?.(),
            });
            return {
                server: observation.endpoint,
                caData: observation.caData,
                token,
                ...(isLoopbackHttp(observation.endpoint) ? { insecureSkipTlsVerify: true } : {}),
            };
        },
    };
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
