export const id = 772;
export const ids = [772,391];
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

/***/ 49809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   Jb: () => (/* binding */ retryPolicy),
/* harmony export */   Mf: () => (/* binding */ abortableSleep),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   ln: () => (/* binding */ afterAttempts),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, backoffDelay */
/**
 * The one retry policy of the action's own network calls (Kubernetes API, GCP REST, tool downloads):
 * exponential backoff with jitter, each wait capped, the whole bounded in time; a `Retry-After` the
 * server sends is honoured within those caps. What is not transient fails at once, with its own message.
 *
 * Cloud SDK clients (@google-cloud/container, the AWS SDK) keep their own retry strategies; their
 * settings live next to each client.
 */
/** Sleeps `ms`, or until `signal` aborts (then rejects with the signal's reason). */
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxElapsedMs: 120_000,
    sleep: abortableSleep,
    random: Math.random,
    now: Date.now,
};
/**
 * The wait before attempt `attempt + 1`: half the exponential step plus a random half of it ("equal
 * jitter", so concurrent runs spread out but never retry at once), at least the server's Retry-After,
 * at most `maxDelayMs`.
 */
function backoffDelay(policy, attempt, retryAfterMs) {
    // The exponent is bounded so that a long run of attempts never computes 0 × Infinity (NaN).
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 40));
    const jittered = step / 2 + (policy.random() * step) / 2;
    return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}
/** Runs `fn` until it succeeds, fails with what `classify` calls permanent, or the policy's budget runs out. */
/**
 * The policy in force: the defaults, overridden layer by layer (a client's own defaults, then the caller's);
 * a setting left undefined overrides nothing.
 */
function retryPolicy(...layers) {
    const given = layers.map((l) => Object.fromEntries(Object.entries(l ?? {}).filter(([, v]) => v !== undefined)));
    return Object.assign({}, DEFAULT_RETRY, ...given);
}
/** Runs `fn` until it succeeds, fails with what `classify` calls permanent, or the policy's budget runs out. */
async function withRetry(fn, opts) {
    const policy = retryPolicy(opts.policy);
    const started = policy.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (opts.signal?.aborted)
                throw err;
            const verdict = opts.classify(err);
            if (!verdict.transient)
                throw opts.giveUp ? opts.giveUp(err, attempt) : err;
            const delayMs = backoffDelay(policy, attempt, verdict.retryAfterMs);
            const outOfBudget = attempt >= policy.attempts || policy.now() + delayMs - started > policy.maxElapsedMs;
            if (outOfBudget)
                throw opts.giveUp ? opts.giveUp(err, attempt) : err;
            opts.onRetry?.({ attempt, attempts: policy.attempts, delayMs, reason: verdict.reason, error: err });
            await policy.sleep(delayMs, opts.signal);
            // An injected sleep may ignore the signal: a cancelled run still starts no further attempt.
            opts.signal?.throwIfAborted();
        }
    }
}
/** For a final error message: '' after one attempt, else " (after N attempts)". */
function afterAttempts(attempts) {
    return attempts > 1 ? ` (after ${attempts} attempts)` : '';
}
/** A Retry-After header (seconds, or an HTTP date) in milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(header, now = Date.now) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    // Otherwise only an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"): Date.parse alone takes "1.5" for a date.
    if (!/[a-z]/i.test(value))
        return undefined;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
/** HTTP statuses worth another try: rate limits, timeouts and server errors (501 is not one). */
function isTransientStatus(status) {
    return status === 408 || status === 429 || (status !== undefined && status >= 500 && status !== 501);
}


/***/ })

};
