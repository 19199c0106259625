export const id = 918;
export const ids = [918];
export const modules = {

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
