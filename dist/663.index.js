export const id = 663;
export const ids = [663];
export const modules = {

/***/ 23013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ gcpCredentials),
/* harmony export */   KC: () => (/* binding */ gcpEndpoint),
/* harmony export */   eI: () => (/* binding */ missingRoles),
/* harmony export */   nq: () => (/* binding */ GcpRest)
/* harmony export */ });
/* unused harmony exports GCP_APIS, CLOUD_PLATFORM_SCOPE, overrideVariable, tokeninfoUrl, GcpApiError, withBindings */
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);

const GCP_APIS = (/* unused pure expression or super */ null && (['container', 'iam', 'cloudresourcemanager', 'serviceusage']));
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
        return new URL(`https://${api}.googleapis.com/`);
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
/**
 * Asks the OAuth2 tokeninfo endpoint whose token this is. The token goes in a POST body, never in a
 * URL (URLs end up in proxy logs).
 */
async function tokenAccount(token, env, fetchFn) {
    const url = tokeninfoUrl(env);
    const res = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: token }).toString(),
    });
    const info = (await res.json().catch(() => ({})));
    if (!res.ok || !info.email) {
        throw new Error(`could not tell the account of the credentials in use: tokeninfo answered ${res.status}${info.error ? ` (${info.error})` : ''}${res.ok ? ' without an email (the token lacks the userinfo.email scope)' : ''}`);
    }
    return info.email;
}
/** Credentials as gcloud would pick them: CLOUDSDK_AUTH_ACCESS_TOKEN first, else ADC. */
async function gcpCredentials(env = process.env, fetchFn = fetch) {
    const fixed = env.CLOUDSDK_AUTH_ACCESS_TOKEN?.trim();
    let account;
    if (fixed) {
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(fixed);
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
            account: () => (account ??= tokenAccount(fixed, env, fetchFn)),
        };
    }
    const { GoogleAuth } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE] });
    const token = async () => {
        const t = await auth.getAccessToken();
        if (!t)
            throw new Error('Application Default Credentials gave no access token');
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(t);
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
            return creds.client_email || tokenAccount(await token(), env, fetchFn);
        })()),
    };
}
// --- REST --------------------------------------------------------------------------------------------
class GcpApiError extends Error {
    status;
    reason;
    constructor(status, 
    /** The google.rpc status name (ALREADY_EXISTS, ABORTED …) when the answer carried one. */
    reason, message) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.name = 'GcpApiError';
    }
}
const sleepReal = (ms) => new Promise((r) => setTimeout(r, ms));
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
    sleep;
    constructor(deps) {
        this.deps = deps;
        this.env = deps.env ?? process.env;
        this.fetchFn = deps.fetch ?? fetch;
        this.sleep = deps.sleep ?? sleepReal;
    }
    /** One JSON request; 429, 5xx and network errors are retried with backoff. 404 → undefined. */
    async request(api, method, path, body) {
        const url = new URL(path.replace(/^\//, ''), gcpEndpoint(api, this.env));
        const attempts = this.deps.attempts ?? 5;
        const what = `${api} ${method} ${url.pathname}`;
        for (let attempt = 1;; attempt++) {
            let res;
            try {
                res = await this.fetchFn(url, {
                    method,
                    headers: {
                        authorization: `Bearer ${await this.deps.credentials.token()}`,
                        'content-type': 'application/json',
                        'x-goog-api-client': 'gitpod-cluster-action',
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                });
            }
            catch (err) {
                if (attempt >= attempts)
                    throw new Error(`${what}: ${err.message}`);
                await this.backoff(attempt, what, err.message);
                continue;
            }
            if (res.status === 404 && method === 'GET')
                return undefined;
            if (res.ok)
                return (await res.json());
            const text = await res.text();
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
            if ((res.status === 429 || res.status >= 500) && attempt < attempts) {
                await this.backoff(attempt, what, `${res.status} ${message}`);
                continue;
            }
            throw new GcpApiError(res.status, reason, `${what} answered ${res.status}${reason ? ` ${reason}` : ''}: ${message}`);
        }
    }
    async backoff(attempt, what, why) {
        const delay = (this.deps.baseDelayMs ?? 1000) * 2 ** (attempt - 1);
        this.deps.log.info(`${what}: ${why}; retrying in ${Math.round(delay / 1000)}s`);
        await this.sleep(delay);
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
        const attempts = this.deps.attempts ?? 5;
        for (let attempt = 1;; attempt++) {
            const missing = missingRoles(policy, member, roles);
            if (!missing.length)
                return { added: [], writes: attempt - 1 };
            try {
                await this.setIamPolicy(project, withBindings(policy, member, missing));
                return { added: missing, writes: attempt };
            }
            catch (err) {
                const concurrent = err instanceof GcpApiError && (err.status === 409 || err.reason === 'ABORTED');
                if (!concurrent || attempt >= attempts)
                    throw err;
                await this.backoff(attempt, `setIamPolicy of project ${project}`, 'the policy changed concurrently');
                policy = await this.getIamPolicy(project);
            }
        }
    }
}


/***/ }),

/***/ 70663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gcpCloud: () => (/* binding */ gcpCloud),
/* harmony export */   observationOf: () => (/* binding */ observationOf),
/* harmony export */   roleOfPool: () => (/* binding */ roleOfPool)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98286);
/* harmony import */ var _clients_gcp_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23013);



/** The Gitpod role of a pool, by the pool names of the config. */
function roleOfPool(config, poolName) {
    return _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .POOL_ROLES */ .Fe.find((role) => config.pools[role].name === poolName);
}
function observationOf(config, cluster) {
    if (!cluster)
        return { found: false, pools: [], network: {} };
    const pools = cluster.pools.map((p) => ({
        name: p.name,
        role: roleOfPool(config, p.name),
        labels: p.labels,
        machineType: p.machineType || undefined,
        minNodes: p.minNodes,
        maxNodes: p.maxNodes,
        maxPods: p.maxPods,
        image: p.imageType || undefined,
        status: p.status || undefined,
    }));
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
    const credentials = () => (creds ??= deps.credentials ? Promise.resolve(deps.credentials) : (0,_clients_gcp_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .gcpCredentials */ .D9)(env));
    let gke;
    const client = () => (gke ??= deps.gke
        ? Promise.resolve(deps.gke)
        : (async () => {
            const { connectGke } = await __webpack_require__.e(/* import() */ 513).then(__webpack_require__.bind(__webpack_require__, 47513));
            return connectGke({ project: config.project, region: config.region }, { log, credentials: await credentials(), env });
        })());
    return {
        async observe() {
            return observationOf(config, await (await client()).getCluster(config.clusterName));
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


/***/ })

};
