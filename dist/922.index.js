export const id = 922;
export const ids = [922];
export const modules = {

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


/***/ })

};
