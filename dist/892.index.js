export const id = 892;
export const ids = [892];
export const modules = {

/***/ 25239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ToolDownloadError: () => (/* binding */ ToolDownloadError),
/* harmony export */   ToolHttp: () => (/* binding */ ToolHttp)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(44942);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(49809);
/* harmony import */ var _mirror_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(70592);
/**
 * HTTP for tool downloads: small documents (checksum files, version pointers, manifests, the GitHub
 * releases API) and archives streamed to disk while their SHA-256 is computed.
 *
 * Why not tc.downloadTool: its retries sleep 10–20 s for real and cannot be injected, it hides the HTTP
 * status behind a generic error, and it would make us read every archive a second time to hash it.
 * Requests go through the agents of @actions/http-client (what tool-cache itself uses), which keep the
 * runner's proxy settings; the request itself is ours, so a stalled one can be cut.
 *
 * Every failure ends as one line naming the tool, the version and the URL (without credentials):
 * 404 → "version X of tool Y does not exist", 403/429 → a rate-limit message with a way out,
 * anything transient (network errors, 408, 429, 5xx, a body cut off before its Content-Length, a server
 * silent for `idleTimeoutMs`) is retried first under the shared policy of src/retry.ts (exponential
 * backoff with jitter, each wait and the whole capped, Retry-After honoured). A small document is read
 * into memory up to a size limit; a larger answer is refused, not retried.
 */










class ToolDownloadError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'ToolDownloadError';
    }
}
const DEFAULTS = {
    attempts: 4,
    baseDelayMs: 2_000,
    maxDelayMs: 60_000,
    // Big archives on a slow link: one attempt may take minutes, and a retry is still worth it.
    maxElapsedMs: 15 * 60_000,
    progressIntervalMs: 30_000,
    idleTimeoutMs: 60_000,
    maxTextBytes: 64 * 1024 * 1024,
};
const USER_AGENT = 'gitpod-cluster-action';
const DOWNLOAD_RATE_LIMIT_HINT = 'retry later, or serve the tools from `tool-mirror`';
/** A status the server answered with (not a network error). */
class StatusError extends Error {
    status;
    retryAfterMs;
    constructor(status, retryAfterMs) {
        super(`HTTP ${status}`);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }
}
class CancelledError extends Error {
    constructor() {
        super('cancelled');
    }
}
const ofTotal = (bytes, total) => `${bytes}${Number.isFinite(total) ? ` of ${total}` : ''} bytes`;
const secs = (ms) => (ms < 10_000 ? `${Number((ms / 1000).toFixed(1))}s` : `${Math.round(ms / 1000)}s`);
/** The connection ended before the body did. */
class CutOffError extends Error {
    constructor(bytes, total) {
        super(`the download was cut off after ${ofTotal(bytes, total)}`);
    }
}
/** The server went quiet: no answer, or a body that stopped coming. */
class StallError extends Error {
    constructor(host, idleMs, received) {
        super(received
            ? `the download stalled: ${host} sent no data for ${secs(idleMs)} after ${ofTotal(received.bytes, received.total)}`
            : `the download stalled: ${host} sent no answer for ${secs(idleMs)}`);
    }
}
class TooLargeError extends Error {
}
/** Errors of this machine's disk, not of the network: another try would fail the same way. */
const LOCAL_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE']);
function reason(err) {
    if (err instanceof StatusError)
        return `HTTP ${err.status}`;
    const e = err;
    return e?.code
        ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}`
        : String(e?.message ?? e);
}
function classify(err) {
    if (err instanceof StatusError) {
        return { transient: (0,_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .isTransientStatus */ .Dm)(err.status), retryAfterMs: err.retryAfterMs, reason: reason(err) };
    }
    const code = err?.code;
    const permanent = err instanceof CancelledError || err instanceof TooLargeError || LOCAL_ERRORS.has(code ?? '');
    // Network errors, timeouts, bodies cut short or stalled: worth another try.
    return { transient: !permanent, reason: reason(err) };
}
const MB = 1024 * 1024;
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
/** Collects a small document in memory, up to `limit` bytes. */
function collector(limit) {
    const chunks = [];
    let size = 0;
    const sink = new node_stream__WEBPACK_IMPORTED_MODULE_5__.Writable({
        write(chunk, _enc, done) {
            size += chunk.length;
            if (size > limit)
                return done(new TooLargeError(`the answer is larger than ${limit >= MB ? mb(limit) : `${limit} bytes`}`));
            chunks.push(chunk);
            done();
        },
    });
    return Object.assign(sink, { text: () => Buffer.concat(chunks).toString('utf8') });
}
class ToolHttp {
    /** Only for its agents: they carry the runner's proxy settings (HTTP(S)_PROXY, NO_PROXY). */
    client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_7__/* .HttpClient */ .Qq(USER_AGENT, [], { allowRetries: false });
    opts;
    constructor(opts) {
        // Options passed as undefined keep their defaults.
        const given = Object.fromEntries(Object.entries(opts).filter(([, value]) => value !== undefined));
        this.opts = { sleep: _retry_js__WEBPACK_IMPORTED_MODULE_8__/* .abortableSleep */ .Mf, random: Math.random, now: Date.now, ...DEFAULTS, ...given, log: opts.log };
    }
    /** The URL that is fetched for an upstream URL (the mirror's, when one is set). */
    url(upstream, direct = false) {
        return direct ? upstream : (0,_mirror_js__WEBPACK_IMPORTED_MODULE_9__.mirrored)(upstream, this.opts.mirror);
    }
    /** GETs a small text document. */
    async text(upstream, subject, req = {}) {
        const url = this.url(upstream, req.direct);
        return this.withRetries(url, subject, req, async () => {
            const sink = collector(this.opts.maxTextBytes);
            await this.fetchOnce(url, this.headers(url, req), sink);
            return sink.text();
        });
    }
    /** Streams a file to `dest`, hashing it on the way; `dest` is removed again if anything fails. */
    async download(upstream, dest, subject, label) {
        const url = this.url(upstream);
        try {
            return await this.withRetries(url, subject, {}, () => this.fetchOnce(url, this.headers(url), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest), label));
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { force: true });
            throw err;
        }
    }
    /**
     * One GET whose 200 body is streamed into `sink` and hashed. The request is cut when the server sends
     * nothing for `idleTimeoutMs` (before its answer or within the body) and when the run is cancelled;
     * a body that ends early is a CutOffError. `label` turns on progress lines.
     */
    async fetchOnce(url, headers, sink, label) {
        const { log, signal, progressIntervalMs, idleTimeoutMs, now } = this.opts;
        if (signal?.aborted)
            throw new CancelledError();
        const target = new URL(url);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let head = '';
        let bytes = 0;
        let total = Number.NaN;
        let answered = false;
        let done = false;
        /** Why this side cut the request (a stall, a cancellation): it wins over the socket's own error. */
        let cutBy;
        let progress;
        const get = (target.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_4___default()) : (node_http__WEBPACK_IMPORTED_MODULE_3___default())).request(target, {
            agent: this.client.getAgent(url),
            headers: { 'user-agent': USER_AGENT, ...headers },
        });
        const cut = (err) => {
            cutBy ??= err;
            get.destroy(err);
        };
        get.setTimeout(idleTimeoutMs, () => cut(new StallError(target.host, idleTimeoutMs, answered ? { bytes, total } : undefined)));
        const onAbort = () => cut(new CancelledError());
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
            const res = await new Promise((resolve, reject) => {
                get.on('response', resolve);
                get.on('error', reject);
                get.end();
            });
            res.on('error', () => undefined); // errors after we stopped listening must not go unhandled
            answered = true;
            const status = res.statusCode ?? 0;
            if (status !== 200) {
                res.resume();
                throw new StatusError(status, (0,_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .parseRetryAfter */ .mu)(res.headers['retry-after'], now));
            }
            total = Number(res.headers['content-length'] ?? Number.NaN);
            if (label) {
                progress = setInterval(() => {
                    const of = Number.isFinite(total) ? ` of ${mb(total)}` : '';
                    log.info(`${label}: ${mb(bytes)}${of} downloaded`);
                }, progressIntervalMs);
                progress.unref();
            }
            const counter = new node_stream__WEBPACK_IMPORTED_MODULE_5__.Transform({
                transform(chunk, _enc, next) {
                    hash.update(chunk);
                    if (head.length < 64)
                        head += chunk.subarray(0, 64).toString('latin1');
                    bytes += chunk.length;
                    next(null, chunk);
                },
            });
            try {
                await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_6__.pipeline)(res, counter, sink);
            }
            catch (err) {
                if (cutBy || err instanceof TooLargeError || LOCAL_ERRORS.has(err.code ?? '')) {
                    throw err;
                }
                throw new CutOffError(bytes, total);
            }
            if (Number.isFinite(total) && bytes !== total)
                throw new CutOffError(bytes, total);
            done = true;
            return { sha256: hash.digest('hex'), bytes, html: /^\s*</.test(head) };
        }
        catch (err) {
            throw cutBy ?? err;
        }
        finally {
            if (progress)
                clearInterval(progress);
            signal?.removeEventListener('abort', onAbort);
            if (!done)
                get.destroy();
            if (!done)
                sink.destroy();
        }
    }
    /** The mirror's credentials go to requests sent to the mirror, and nowhere else. */
    headers(url, req = {}) {
        const headers = { ...req.headers };
        const mirror = this.opts.mirror;
        if (!req.direct && mirror?.authorization && new URL(url).hostname === mirror.hostname) {
            headers.authorization = mirror.authorization;
        }
        return headers;
    }
    policy() {
        const { attempts, baseDelayMs, maxDelayMs, maxElapsedMs, sleep, random, now } = this.opts;
        return { attempts, baseDelayMs, maxDelayMs, maxElapsedMs, sleep, random, now };
    }
    /** `once` under the shared retry policy (src/retry.ts); the last failure becomes one line naming tool, version and URL. */
    async withRetries(url, subject, req, once) {
        const { signal, log } = this.opts;
        const { tool, version } = subject;
        const cancelled = () => new ToolDownloadError(`${tool} ${version}: download cancelled`);
        try {
            return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .withRetry */ .bD)(() => {
                if (signal?.aborted)
                    throw new CancelledError();
                return once();
            }, {
                policy: this.policy(),
                signal,
                classify,
                onRetry: (r) => log.info(`${tool} ${version}: ${r.reason} from ${(0,_mirror_js__WEBPACK_IMPORTED_MODULE_9__.displayUrl)(url)}; ` +
                    `retrying in ${secs(r.delayMs)} (attempt ${r.attempt + 1} of ${r.attempts})`),
                giveUp: (err, attempt) => err instanceof CancelledError ? cancelled() : this.finalError(err, url, subject, req, attempt),
            });
        }
        catch (err) {
            if (signal?.aborted || err instanceof CancelledError)
                throw cancelled();
            throw err;
        }
    }
    finalError(err, url, subject, req, tries) {
        const shown = (0,_mirror_js__WEBPACK_IMPORTED_MODULE_9__.displayUrl)(url);
        const { tool, version } = subject;
        if (err instanceof StatusError) {
            if (err.status === 404 || err.status === 410) {
                return new ToolDownloadError(`version ${version} of ${tool} does not exist (${shown} answered ${err.status})`, err.status);
            }
            if (err.status === 403 || err.status === 429) {
                return new ToolDownloadError(`${new URL(url).host} is rate-limiting or refusing requests for ${tool} ${version} ` +
                    `(HTTP ${err.status} from ${shown}): ${req.rateLimitHint ?? DOWNLOAD_RATE_LIMIT_HINT}`, err.status);
            }
            return new ToolDownloadError(`could not download ${tool} ${version}: HTTP ${err.status} from ${shown}` +
                (tries > 1 ? ` after ${tries} attempts` : ''), err.status);
        }
        return new ToolDownloadError(`could not download ${tool} ${version}: ${reason(err)} (${shown})` +
            (tries > 1 ? ` after ${tries} attempts` : ''));
    }
}


/***/ }),

/***/ 81892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TOOL_SPECS: () => (/* binding */ TOOL_SPECS),
  installTools: () => (/* binding */ installTools),
  pathWithTools: () => (/* binding */ pathWithTools),
  toolDirs: () => (/* binding */ toolDirs),
  toolPlatform: () => (/* binding */ toolPlatform)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/steps.ts
var steps = __webpack_require__(36992);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/tools/checksum.ts
/** Checksum documents as publishers write them: `sha256sum` lines, or a bare digest in a `.sha256` file. */
const HEX64 = /^[0-9a-fA-F]{64}$/;
function isSha256(value) {
    return typeof value === 'string' && HEX64.test(value);
}
/** `<hex>  <name>` or `<hex> *<name>` lines (goreleaser, sha256sum) → name → lower-case hex. */
function parseChecksumLines(text) {
    const sums = new Map();
    for (const line of text.split('\n')) {
        const m = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
        if (m)
            sums.set(m[2], m[1].toLowerCase());
    }
    return sums;
}
/** The digest of a `.sha256` file: its first token (dl.k8s.io writes the bare digest). */
function parseSingleChecksum(text) {
    const first = text.trim().split(/\s+/)[0] ?? '';
    return HEX64.test(first) ? first.toLowerCase() : undefined;
}

// EXTERNAL MODULE: ./src/tools/http.ts
var tools_http = __webpack_require__(25239);
// EXTERNAL MODULE: ./src/tools/mirror.ts
var tools_mirror = __webpack_require__(70592);
;// CONCATENATED MODULE: ./src/tools/eksctl.ts
/**
 * eksctl from its GitHub releases: /eksctl-io/eksctl/releases/download/v<version>/eksctl_<Os>_<arch>.tar.gz
 * (the binary `eksctl` at the archive's root), checked against `eksctl_checksums.txt` of the same
 * release. `latest` is looked up through the GitHub releases API (GITHUB_API_URL, with `github-token`).
 */






/** The release whose ClusterConfig schema the action renders and validates against. */
const EKSCTL_PINNED = '0.230.0';
const EKSCTL_REPO = 'eksctl-io/eksctl';
const DOWNLOADS = `https://github.com/${EKSCTL_REPO}/releases/download`;
/** SHA-256 of the pinned release's archives, as listed in its eksctl_checksums.txt. */
const PINNED_SHA256 = {
    'v0.230.0/eksctl_Linux_amd64.tar.gz': 'a2060956f117c3065abafda5c1f681679b9c3716675d70ce4ffff46033b02c35',
    'v0.230.0/eksctl_Linux_arm64.tar.gz': '21afe8a1e38f0e8153a1f27ff7af6b90e309a0411a1438139463dac2f866674d',
    'v0.230.0/eksctl_Darwin_amd64.tar.gz': '9c169be56572dae079dc1e5e2a6efff83c4cc6fc8507e54d0a6e8f4ef14df312',
    'v0.230.0/eksctl_Darwin_arm64.tar.gz': '1412b7ea32efab8141c4c7ccdf96690814d659accefdf72e4e6277ea5c87470c',
};
/** goreleaser's `eksctl_{{ title .Os }}_{{ .Arch }}`. */
function eksctlAsset(platform) {
    const os = platform.os === 'linux' ? 'Linux' : 'Darwin';
    const arch = platform.arch === 'x64' ? 'amd64' : 'arm64';
    return `eksctl_${os}_${arch}.tar.gz`;
}
const eksctl = {
    name: 'eksctl',
    pinned: EKSCTL_PINNED,
    exactVersion(request) {
        const m = /^v?([0-9]+\.[0-9]+\.[0-9]+)$/.exec(request || EKSCTL_PINNED);
        return m?.[1];
    },
    async resolveVersion(request, ctx) {
        const api = `${ctx.githubApiUrl.replace(/\/+$/, '')}/repos/${EKSCTL_REPO}/releases/latest`;
        const headers = {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
        };
        if (ctx.githubToken)
            headers.authorization = `Bearer ${ctx.githubToken}`;
        const rateLimitHint = ctx.githubToken
            ? 'the `github-token` given is rate-limited or lacks access; wait, or pin `eksctl-version`'
            : 'pass `github-token` (the default `${{ github.token }}` is enough) or pin `eksctl-version`';
        let body;
        try {
            body = await ctx.http.text(api, { tool: 'eksctl', version: request }, { headers, direct: true, rateLimitHint });
        }
        catch (err) {
            if (err instanceof tools_http.ToolDownloadError && err.status === 404) {
                throw new tools_http.ToolDownloadError(`the GitHub API at ${(0,tools_mirror.displayUrl)(api)} knows no release of ${EKSCTL_REPO} ` +
                    '(on GitHub Enterprise Server, pin `eksctl-version` and serve the downloads from `tool-mirror`)', 404);
            }
            throw err;
        }
        let tag;
        try {
            tag = JSON.parse(body).tag_name;
        }
        catch {
            tag = undefined;
        }
        const m = typeof tag === 'string' ? /^v?([0-9]+\.[0-9]+\.[0-9]+)$/.exec(tag) : null;
        if (!m)
            throw new tools_http.ToolDownloadError(`eksctl latest: ${(0,tools_mirror.displayUrl)(api)} did not name a release tag`);
        return m[1];
    },
    async release(version, ctx) {
        const asset = eksctlAsset(ctx.platform);
        const url = `${DOWNLOADS}/v${version}/${asset}`;
        const pinned = PINNED_SHA256[`v${version}/${asset}`];
        let sha256 = pinned;
        let checksumFrom = 'the checksum pinned in the action';
        if (!sha256) {
            const sumsUrl = `${DOWNLOADS}/v${version}/eksctl_checksums.txt`;
            checksumFrom = (0,tools_mirror.displayUrl)(ctx.http.url(sumsUrl));
            const sums = parseChecksumLines(await ctx.http.text(sumsUrl, { tool: 'eksctl', version }));
            sha256 = sums.get(asset);
            if (!sha256)
                throw new tools_http.ToolDownloadError(`eksctl ${version}: ${checksumFrom} lists no SHA-256 for ${asset}`);
        }
        return {
            version,
            artifacts: [{ url, sha256, checksumFrom, kind: 'tar.gz', label: `eksctl ${version}` }],
            verifiedAgainst: pinned ? 'the pinned checksum' : 'the release’s eksctl_checksums.txt',
            async assemble([archive], root) {
                const from = external_node_path_default().join(archive.path, 'eksctl');
                if (!(0,external_node_fs_.existsSync)(from))
                    throw new tools_http.ToolDownloadError(`eksctl ${version}: ${asset} does not contain \`eksctl\``);
                const bin = external_node_path_default().join(root, 'eksctl');
                await (0,promises_.rename)(from, bin);
                await (0,promises_.chmod)(bin, 0o755);
            },
        };
    },
    executables(dir) {
        const bin = external_node_path_default().join(dir, 'eksctl');
        return (0,external_node_fs_.existsSync)(bin) ? { bin } : undefined;
    },
};

;// CONCATENATED MODULE: ./src/tools/gcloud-manifest.ts
/**
 * Google's component manifest for the gcloud CLI: the document `gcloud components install/update` reads
 * (dl.google.com/dl/cloudsdk/channels/rapid/components-v<version>.json; components-2.json is the newest
 * release). Each component lists its dependencies, the platforms it is for, and — for those that carry
 * files — a tar.gz `source` with its SHA-256 `checksum`.
 *
 * The SDK is assembled the way gcloud's own updater does it: take the dependency closure of the wanted
 * components for this platform, extract each archive into the SDK root, and record each component in
 * `.install/<id>.snapshot.json` and `.install/<id>.manifest`, so `gcloud components …` keeps working.
 * Unlike the updater, every archive is checked against its published SHA-256 before it is extracted.
 */



/** The manifest's names for this platform (googlecloudsdk.core.util.platforms). */
function manifestPlatform(platform) {
    return {
        os: platform.os === 'linux' ? 'LINUX' : 'MACOSX',
        arch: platform.arch === 'x64' ? 'x86_64' : 'arm',
    };
}
/** Parses and sanity-checks a manifest; throws a one-line reason. */
function parseManifest(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new Error('is not JSON');
    }
    const m = doc;
    if (!m || typeof m !== 'object' || typeof m.version !== 'string' || !Array.isArray(m.components)) {
        throw new Error('has no `version` and `components`');
    }
    for (const c of m.components) {
        if (!c || typeof c !== 'object' || typeof c.id !== 'string')
            throw new Error('lists a component without an id');
    }
    return m;
}
function matches(component, platform) {
    const oses = component.platform?.operating_systems ?? [];
    const arches = component.platform?.architectures ?? [];
    return (oses.length === 0 || oses.includes(platform.os)) && (arches.length === 0 || arches.includes(platform.arch));
}
/**
 * The dependency closure of `ids` on this platform, in breadth-first order, as the updater computes it
 * (snapshots.ComponentSnapshot._ClosureFor): unknown ids and components for other platforms are skipped.
 */
function dependencyClosure(manifest, ids, platform) {
    const byId = new Map(manifest.components.map((c) => [c.id, c]));
    const target = manifestPlatform(platform);
    const seen = new Set();
    const out = [];
    const queue = [...ids];
    while (queue.length) {
        const id = queue.shift();
        const component = byId.get(id);
        if (!component || seen.has(id) || !matches(component, target))
            continue;
        seen.add(id);
        out.push(component);
        queue.push(...(component.dependencies ?? []));
    }
    return out;
}
/** Components that carry files; their archive checksum must be a SHA-256. */
function archivedComponents(components) {
    const withFiles = components.filter((c) => c.data && (c.data.source || c.data.checksum));
    for (const c of withFiles) {
        if (c.data.type !== 'tar')
            throw new Error(`component ${c.id} is of type ${String(c.data.type)}, not tar`);
        if (!c.data.source)
            throw new Error(`component ${c.id} has no source`);
        if (!isSha256(c.data.checksum))
            throw new Error(`component ${c.id} has no SHA-256 checksum`);
    }
    return withFiles;
}
/** A component's archive URL: `source` is relative to the manifest's own URL unless absolute. */
function componentUrl(manifestUrl, source) {
    return new URL(source, manifestUrl).toString();
}
/**
 * Moves everything under `from` into `root` (folders merge) and returns the paths moved, relative to
 * `root`, folders with a trailing slash: the content of the component's `.install/<id>.manifest`.
 */
async function moveInto(from, root, rel = '') {
    const entries = await (0,promises_.readdir)(external_node_path_default().join(from, rel), { withFileTypes: true });
    // One folder's entries at a time, in parallel: ~30 000 files one by one took seconds.
    const lists = await Promise.all(entries.map(async (entry) => {
        const r = rel ? `${rel}/${entry.name}` : entry.name;
        if (!entry.isDirectory()) {
            await (0,promises_.rename)(external_node_path_default().join(from, r), external_node_path_default().join(root, r)); // replaces a file of the same name
            return [r];
        }
        await (0,promises_.mkdir)(external_node_path_default().join(root, r), { recursive: true });
        return [`${r}/`, ...(await moveInto(from, root, r))];
    }));
    return lists.flat();
}
/**
 * Records an installed component as gcloud's updater does (local_state.InstallationManifest and
 * ComponentSnapshot.WriteToFile): the snapshot keeps only `contents_checksum`, `type` and an empty
 * `source` of the component's data.
 */
async function recordComponent(root, manifest, component, files) {
    const stateDir = external_node_path_default().join(root, '.install');
    await (0,promises_.mkdir)(stateDir, { recursive: true });
    const recorded = { ...component };
    if (component.data) {
        recorded.data = { contents_checksum: component.data.contents_checksum, source: '', type: component.data.type };
    }
    const snapshot = {
        components: [recorded],
        revision: manifest.revision,
        schema_version: manifest.schema_version,
        version: manifest.version,
    };
    await (0,promises_.writeFile)(external_node_path_default().join(stateDir, `${component.id}.snapshot.json`), `${JSON.stringify(snapshot, null, 2)}\n`);
    const list = [...files].sort();
    await (0,promises_.writeFile)(external_node_path_default().join(stateDir, `${component.id}.manifest`), list.length ? `${list.join('\n')}\n` : '');
}

;// CONCATENATED MODULE: ./src/tools/gcloud.ts
/**
 * The gcloud CLI, assembled from Google's component archives (see gcloud-manifest.ts) rather than the
 * all-in-one google-cloud-cli-<version>-<os>-<arch>.tar.gz:
 *
 * - Google publishes a SHA-256 for every component archive of every release in the component
 *   manifest (components-v<version>.json); for the all-in-one archive it publishes one only for the
 *   newest release, on an HTML page. Components make every version — pinned, any other, `latest` —
 *   verifiable against a checksum Google publishes, with one code path.
 * - The SDK gets exactly what the flow needs: `core` (with its Python and libraries) and
 *   `gke-gcloud-auth-plugin`, which the kubeconfigs GKE clusters get run for credentials. Any other
 *   component can still be added later with `gcloud components install`.
 *
 * No SHA-256 is pinned for gcloud: the component manifest of the wanted version is fetched (through
 * `tool-mirror` when set) and each archive must match it, the trust kubectl's `.sha256` files get.
 *
 * A pre-seeded SDK (e.g. a package manager's, component manager disabled) that has
 * bin/gke-gcloud-auth-plugin is used as is; one without it gets the plugin as its own tool-cache entry
 * `gke-gcloud-auth-plugin/<gcloud version>`, from the same manifest.
 */





/** The release the test-suite runs for real (the SDK on the build machine is 528.0.0). */
const GCLOUD_PINNED = '528.0.0';
const GCLOUD_CHANNEL = 'https://dl.google.com/dl/cloudsdk/channels/rapid';
/** What the flow needs from the SDK; their dependency closure is installed. */
const GCLOUD_COMPONENTS = ['core', 'gke-gcloud-auth-plugin'];
const AUTH_PLUGIN = 'gke-gcloud-auth-plugin';
function manifestUrl(version) {
    return version === 'latest' ? `${GCLOUD_CHANNEL}/components-2.json` : `${GCLOUD_CHANNEL}/components-v${version}.json`;
}
async function fetchManifest(version, ctx) {
    const url = manifestUrl(version);
    const text = await ctx.http.text(url, { tool: 'gcloud', version });
    try {
        return parseManifest(text);
    }
    catch (err) {
        throw new tools_http.ToolDownloadError(`gcloud ${version}: the component manifest ${(0,tools_mirror.displayUrl)(ctx.http.url(url))} ${err.message}`);
    }
}
/** The components `ids` need on this platform, as a release whose archives are checked against the manifest. */
async function componentRelease(version, ids, ctx, opts) {
    const url = manifestUrl(version);
    const manifest = await fetchManifest(version, ctx);
    const shownManifest = (0,tools_mirror.displayUrl)(ctx.http.url(url));
    if (manifest.version !== version) {
        throw new tools_http.ToolDownloadError(`gcloud ${version}: ${shownManifest} describes version ${manifest.version}`);
    }
    const closure = dependencyClosure(manifest, ids, ctx.platform);
    const missing = ids.filter((id) => !closure.some((c) => c.id === id));
    if (missing.length) {
        throw new tools_http.ToolDownloadError(`gcloud ${version}: ${shownManifest} has no ${missing.join(', ')} for ${ctx.platform.os}/${ctx.platform.arch}`);
    }
    let archived;
    try {
        archived = archivedComponents(closure);
    }
    catch (err) {
        throw new tools_http.ToolDownloadError(`gcloud ${version}: ${shownManifest}: ${err.message}`);
    }
    const byUrl = new Map(archived.map((c) => [componentUrl(url, c.data.source), c]));
    return {
        version,
        artifacts: [...byUrl].map(([artifactUrl, c]) => ({
            url: artifactUrl,
            sha256: c.data.checksum.toLowerCase(),
            checksumFrom: shownManifest,
            kind: 'tar.gz',
            label: `gcloud ${version} component ${c.id}`,
        })),
        verifiedAgainst: `Google's component manifest (${archived.length} archives)`,
        async assemble(unpacked, root) {
            const filesOf = new Map();
            for (const u of unpacked)
                filesOf.set(byUrl.get(u.artifact.url).id, await moveInto(u.path, root));
            if (!opts.recordState)
                return;
            // Components without files (platform selectors such as `gke-gcloud-auth-plugin`) are recorded too.
            for (const c of closure)
                await recordComponent(root, manifest, c, filesOf.get(c.id) ?? []);
        },
    };
}
const gcloud = {
    name: 'gcloud',
    pinned: GCLOUD_PINNED,
    exactVersion(request) {
        const m = /^([0-9]+\.[0-9]+\.[0-9]+)$/.exec(request || GCLOUD_PINNED);
        return m?.[1];
    },
    async resolveVersion(request, ctx) {
        // Only `latest` needs resolving: components-2.json describes the newest release.
        return (await fetchManifest(request, ctx)).version;
    },
    release(version, ctx) {
        return componentRelease(version, GCLOUD_COMPONENTS, ctx, { recordState: true });
    },
    executables(dir) {
        const bin = external_node_path_default().join(dir, 'bin', 'gcloud');
        if (!(0,external_node_fs_.existsSync)(bin))
            return undefined;
        const plugin = external_node_path_default().join(dir, 'bin', AUTH_PLUGIN);
        return { bin, authPlugin: (0,external_node_fs_.existsSync)(plugin) ? plugin : undefined };
    },
};
/** The auth plugin alone, for a pre-seeded SDK that lacks it; cached under the SDK's version. */
const gkeAuthPlugin = {
    name: AUTH_PLUGIN,
    pinned: GCLOUD_PINNED,
    exactVersion: (gcloudVersion) => gcloudVersion,
    resolveVersion: async (gcloudVersion) => gcloudVersion,
    release: (version, ctx) => componentRelease(version, [AUTH_PLUGIN], ctx, { recordState: false }),
    executables(dir) {
        const bin = external_node_path_default().join(dir, 'bin', AUTH_PLUGIN);
        return (0,external_node_fs_.existsSync)(bin) ? { bin } : undefined;
    },
};

;// CONCATENATED MODULE: ./src/tools/kubectl.ts
/**
 * kubectl from dl.k8s.io: a bare binary at /release/v<version>/bin/<os>/<arch>/kubectl, its SHA-256 in a
 * `.sha256` file beside it. `latest` resolves through /release/stable.txt, a minor such as `1.33`
 * through /release/stable-1.33.txt (both hold e.g. `v1.33.9`).
 */






const KUBECTL_PINNED = '1.34.5';
const RELEASES = 'https://dl.k8s.io/release';
const ARCH = { x64: 'amd64', arm64: 'arm64' };
/**
 * SHA-256 of the pinned release's binaries, as published in the `.sha256` files beside them (all four
 * values also appear in an independent public Bazel kubectl toolchain table built from those files, and
 * the linux/amd64 one in a Dockerfile's KUBECTL_SHA256 pin). With a pin here no checksum file is fetched,
 * so a mirror cannot serve a matching pair of forged file and digest.
 */
const kubectl_PINNED_SHA256 = {
    'v1.34.5/linux/amd64': '6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb',
    'v1.34.5/linux/arm64': '2d433b53b99ea532f877df6fa5044286e3950d4933967ac3d99262760bc649fd',
    'v1.34.5/darwin/amd64': '61ccfd05992fcc1135818d25691e55997155e914c98b704df7ddd542339a93cb',
    'v1.34.5/darwin/arm64': '0c0b575db594e0f8842aa44e5d36b224bb9f8bf4b92cd34c0547d29b61a0277f',
};
function kubectlUrl(version, platform) {
    return `${RELEASES}/v${version}/bin/${platform.os}/${ARCH[platform.arch]}/kubectl`;
}
const kubectl = {
    name: 'kubectl',
    pinned: KUBECTL_PINNED,
    exactVersion(request) {
        const m = /^v?(1\.[0-9]+\.[0-9]+)$/.exec(request || KUBECTL_PINNED);
        return m?.[1];
    },
    async resolveVersion(request, ctx) {
        const minor = request.replace(/^v/, '');
        const pointer = request === 'latest' ? `${RELEASES}/stable.txt` : `${RELEASES}/stable-${minor}.txt`;
        const text = await ctx.http.text(pointer, { tool: 'kubectl', version: request });
        const m = /^v(1\.[0-9]+\.[0-9]+)$/.exec(text.trim());
        if (!m) {
            throw new tools_http.ToolDownloadError(`kubectl ${request}: ${(0,tools_mirror.displayUrl)(ctx.http.url(pointer))} does not hold a version (got ${JSON.stringify(text.trim().slice(0, 40))})`);
        }
        return m[1];
    },
    async release(version, ctx) {
        const url = kubectlUrl(version, ctx.platform);
        const pinned = kubectl_PINNED_SHA256[`v${version}/${ctx.platform.os}/${ARCH[ctx.platform.arch]}`];
        let sha256 = pinned;
        let checksumFrom = 'the checksum pinned in the action';
        if (!sha256) {
            const sumUrl = `${url}.sha256`;
            checksumFrom = (0,tools_mirror.displayUrl)(ctx.http.url(sumUrl));
            sha256 = parseSingleChecksum(await ctx.http.text(sumUrl, { tool: 'kubectl', version }));
            if (!sha256)
                throw new tools_http.ToolDownloadError(`kubectl ${version}: ${checksumFrom} does not hold a SHA-256`);
        }
        return {
            version,
            artifacts: [{ url, sha256, checksumFrom, kind: 'file', label: `kubectl ${version}` }],
            verifiedAgainst: pinned ? 'the pinned checksum' : 'the published .sha256 file',
            async assemble([binary], root) {
                const bin = external_node_path_default().join(root, 'kubectl');
                await (0,promises_.rename)(binary.path, bin);
                await (0,promises_.chmod)(bin, 0o755);
            },
        };
    },
    executables(dir) {
        const bin = external_node_path_default().join(dir, 'kubectl');
        return (0,external_node_fs_.existsSync)(bin) ? { bin } : undefined;
    },
};

;// CONCATENATED MODULE: ./src/tools/runner.ts
/**
 * `use-runner-tools`: gcloud and kubectl taken from the runner's own PATH instead of downloaded (hosted
 * ubuntu-latest ships both, ~150 MB that every apply would otherwise fetch again).
 *
 * PATH is scanned entry by entry for an executable file, as execvp does, without a shell. The runner's
 * tool is used as it is and its version logged:
 *
 * - gcloud: the SDK root is taken from where the executable resolves (`<root>/bin/gcloud`; a Debian
 *   package's /usr/bin/gcloud resolves into /usr/lib/google-cloud-sdk), and its version read from the
 *   SDK's `VERSION` file, so no Python process starts. Its gke-gcloud-auth-plugin is the SDK's own
 *   `bin/gke-gcloud-auth-plugin`, else the first on PATH; without either, install.ts installs the plugin
 *   alone, checksum-verified, into the tool cache.
 * - kubectl: its version from `kubectl version --client -o json` (no server is contacted).
 *
 * eksctl is never taken from the runner: no runner image installs it in a way whose checksum could be
 * checked. A tool that is not found (or is not what the version input asks for) is installed as without
 * this input, and a log line says why.
 */





/** The tools `use-runner-tools` may take from the runner. */
const RUNNER_TOOLS = ['gcloud', 'kubectl'];
const isRunnerTool = (name) => RUNNER_TOOLS.includes(name);
/** How long `kubectl version --client` may take. */
const VERSION_TIMEOUT_MS = 30_000;
/**
 * The first executable file called `name` in `pathValue`'s entries, as execvp finds it. Relative and
 * empty entries (the working directory) are skipped: a checked-out repository must not supply the tool.
 */
function findOnPath(name, pathValue) {
    for (const dir of pathValue.split((external_node_path_default()).delimiter)) {
        if (!dir || !external_node_path_default().isAbsolute(dir))
            continue;
        const file = external_node_path_default().join(dir, name);
        try {
            if (!(0,external_node_fs_.statSync)(file).isFile())
                continue;
            (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
            return file;
        }
        catch {
            // not there, or not executable: the next entry
        }
    }
    return undefined;
}
/** gcloud on PATH, as an SDK: its root, its version (from `VERSION`) and its auth plugin when it has one. */
function gcloudOnRunner(pathValue) {
    const found = findOnPath('gcloud', pathValue);
    if (!found)
        return { missing: 'no gcloud on PATH' };
    const real = (0,external_node_fs_.realpathSync)(found);
    if (external_node_path_default().basename(real) !== 'gcloud' || external_node_path_default().basename(external_node_path_default().dirname(real)) !== 'bin') {
        return { missing: `${found} resolves to ${real}, not an SDK's bin/gcloud` };
    }
    const root = external_node_path_default().dirname(external_node_path_default().dirname(real));
    let version;
    try {
        version = (0,external_node_fs_.readFileSync)(external_node_path_default().join(root, 'VERSION'), 'utf8').trim();
    }
    catch {
        return { missing: `${found} is in ${root}, which has no VERSION file` };
    }
    if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(version)) {
        return { missing: `${external_node_path_default().join(root, 'VERSION')} holds ${JSON.stringify(version.slice(0, 40))}, not a version` };
    }
    const ownPlugin = external_node_path_default().join(root, 'bin', AUTH_PLUGIN);
    const authPlugin = findOnPath(AUTH_PLUGIN, external_node_path_default().join(root, 'bin')) ? ownPlugin : findOnPath(AUTH_PLUGIN, pathValue);
    return {
        tool: {
            name: 'gcloud',
            version,
            dir: root,
            bin: external_node_path_default().join(root, 'bin', 'gcloud'),
            ...(authPlugin ? { authPlugin, authPluginSource: 'runner' } : {}),
            source: 'runner',
        },
        found,
    };
}
/** kubectl on PATH, with the version it reports for itself. */
async function kubectlOnRunner(pathValue, signal) {
    const found = findOnPath('kubectl', pathValue);
    if (!found)
        return { missing: 'no kubectl on PATH' };
    let gitVersion;
    try {
        const out = await (0,exec/* execArgv */.Ei)([found, 'version', '--client', '-o', 'json'], {
            silent: true,
            signal,
            timeoutMs: VERSION_TIMEOUT_MS,
        });
        gitVersion = JSON.parse(out.stdout).clientVersion?.gitVersion;
    }
    catch (err) {
        return { missing: `\`${found} version --client -o json\` failed (${(0,steps/* errorMessage */.gJ)(err).split('\n')[0]})` };
    }
    const m = typeof gitVersion === 'string' ? /^v?(1\.[0-9]+\.[0-9]+\S*)$/.exec(gitVersion) : null;
    if (!m)
        return { missing: `${found} reports no kubectl version (clientVersion.gitVersion: ${String(gitVersion)})` };
    return { tool: { name: 'kubectl', version: m[1], dir: external_node_path_default().dirname(found), bin: found, source: 'runner' }, found };
}
function lookOnRunner(name, pathValue, signal) {
    return name === 'gcloud' ? Promise.resolve(gcloudOnRunner(pathValue)) : kubectlOnRunner(pathValue, signal);
}
/** `1.32.4` of `1.32.4-dispatcher`: what a version input is compared with. */
const releaseOf = (version) => /^[0-9]+\.[0-9]+\.[0-9]+/.exec(version)?.[0] ?? version;

;// CONCATENATED MODULE: ./src/tools/install.ts
/**
 * The one installer for gcloud, eksctl and kubectl, through @actions/tool-cache:
 *
 *   resolve the version → look in the tool cache → else download every artifact (concurrently),
 *   check its SHA-256, unpack, lay out, cache → add to PATH
 *
 * An exact version (the pinned default, or e.g. `1.33.4`) found in the cache costs no network access at
 * all; `latest` and a kubectl minor (`1.33`) are resolved through the publisher first, then looked up.
 * Nothing reaches the cache unless every artifact matched its SHA-256. The tools a command needs are
 * installed concurrently; one line per tool logs the resolved version and where it came from.
 */













const TOOL_SPECS = { gcloud: gcloud, eksctl: eksctl, kubectl: kubectl };
/** Archives of one tool downloaded at the same time (gcloud has several components). */
const ARTIFACT_CONCURRENCY = 4;
function toolPlatform(platform, arch) {
    if ((platform !== 'linux' && platform !== 'darwin') || (arch !== 'x64' && arch !== 'arm64')) {
        throw new Error(`gitpod-cluster-action installs its tools on Linux or macOS runners with x64 or arm64 CPUs, not ${platform}/${arch}`);
    }
    return { os: platform, arch };
}
/**
 * Installs the named tools (each at the version its input asks for, else the pinned one), adds them to
 * PATH and returns where they are. Tools run concurrently; if any fails, the others still finish, then
 * one error names every failure. With `use-runner-tools`, gcloud and kubectl found on the runner's PATH
 * are used instead (src/tools/runner.ts), and only what is missing is installed.
 */
async function installTools(names, config, io, deps = {}) {
    const env = deps.env ?? process.env;
    const platform = toolPlatform(deps.platform ?? process.platform, deps.arch ?? process.arch);
    const wanted = [...new Set(names)];
    (0,log/* registerSecret */.cl)(config.githubToken);
    const mirror = (0,tools_mirror.parseMirror)(config.toolMirror);
    ensureCacheFolders(env, config.tempDir);
    const http = new tools_http.ToolHttp({ ...deps.http, mirror, log: io.log, signal: io.signal, sleep: deps.sleep });
    const ctx = {
        http,
        platform,
        log: io.log,
        signal: io.signal,
        githubApiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        githubToken: config.githubToken,
    };
    const specDeps = { now: deps.now ?? Date.now, rename: deps.rename };
    const runnerPath = config.useRunnerTools ? (env.PATH ?? '') : undefined;
    return io.group(`Install ${wanted.join(', ')}`, async () => {
        if (mirror)
            io.log.info(`Downloads go to the mirror ${(0,tools_mirror.displayUrl)(mirror.base)}`);
        if (runnerPath !== undefined && wanted.includes('eksctl')) {
            io.log.info('use-runner-tools: eksctl is always installed by the action (no runner install of it is checksum-verified)');
        }
        const settled = await Promise.allSettled(wanted.map(async (name) => {
            const request = config.tools[name];
            const runner = runnerPath !== undefined && isRunnerTool(name) ? await fromRunner(name, request, runnerPath, ctx) : {};
            const tool = runner.tool ?? (await installTool(name, request, ctx, specDeps, runner.resolved));
            if (name === 'gcloud' && !tool.authPlugin) {
                // A pre-seeded or runner SDK without the plugin: fetch it on its own, into the tool cache.
                const plugin = await installSpec(gkeAuthPlugin, tool.version, ctx, specDeps);
                tool.authPlugin = plugin.bin;
                tool.authPluginSource = plugin.source;
            }
            return tool;
        }));
        const failures = settled.flatMap((s, i) => s.status === 'rejected' ? [`${wanted[i]}: ${(0,steps/* errorMessage */.gJ)(s.reason)}`] : []);
        if (failures.length)
            throw new tools_http.ToolDownloadError(`tool installation failed: ${failures.join('; ')}`);
        const result = {};
        for (const s of settled) {
            const tool = s.value;
            result[tool.name] = tool;
            for (const dir of toolDirs([tool]))
                io.addPath(dir);
        }
        return result;
    });
}
/**
 * The folders of installed tools' executables (the gcloud auth plugin's included), each once. A tool taken
 * from the runner is left out: it is on PATH already, where it was found, and moving its folder (/usr/bin)
 * to the front would shadow what earlier steps put there.
 */
function toolDirs(tools) {
    const files = tools.flatMap((t) => [
        ...(t.source === 'runner' ? [] : [t.bin]),
        ...(t.authPlugin && (t.authPluginSource ?? t.source) !== 'runner' ? [t.authPlugin] : []),
    ]);
    return [...new Set(files.map((f) => external_node_path_default().dirname(f)))];
}
/**
 * PATH with the installed tools first, for the processes this action starts itself: `io.addPath` also
 * reaches this process on a runner, but a step must not depend on that side effect.
 */
function pathWithTools(tools, base = process.env.PATH ?? '') {
    return [...toolDirs(tools), base].filter(Boolean).join((external_node_path_default()).delimiter);
}
/** Without a runner (a local run), tool-cache still needs its two folders. */
function ensureCacheFolders(env, tempDir) {
    if (!process.env.RUNNER_TEMP)
        process.env.RUNNER_TEMP = env.RUNNER_TEMP || tempDir;
    if (!process.env.RUNNER_TOOL_CACHE) {
        process.env.RUNNER_TOOL_CACHE = env.RUNNER_TOOL_CACHE || external_node_path_default().join(external_node_os_default().tmpdir(), 'gitpod-cluster-action-tools');
    }
}
async function installTool(name, request, ctx, deps, resolved) {
    const installed = await installSpec(TOOL_SPECS[name], request, ctx, deps, resolved);
    return { ...installed, name };
}
/**
 * `use-runner-tools`: the runner's tool when it is on PATH and is what its version input asks for (any
 * version when the input is empty). Otherwise no tool, after a line saying why it is installed as
 * without the input, and the version the input resolved to, so that it is not resolved twice.
 */
async function fromRunner(name, request, pathValue, ctx) {
    const look = await lookOnRunner(name, pathValue, ctx.signal);
    if ('missing' in look) {
        ctx.log.info(`use-runner-tools: ${look.missing}; ${name} is installed as without it`);
        return {};
    }
    const { tool, found } = look;
    if (request) {
        const spec = TOOL_SPECS[name];
        const resolved = spec.exactVersion(request) ?? (await spec.resolveVersion(request, ctx));
        if (releaseOf(tool.version) !== resolved) {
            const asked = resolved === request ? request : `${request} (${resolved})`;
            ctx.log.info(`use-runner-tools: the runner's ${name} ${tool.version} (${found}) is not ${name}-version ${asked}; ` +
                `${name} ${resolved} is installed as without it`);
            return { resolved };
        }
    }
    ctx.log.info(`${name} ${tool.version} from the runner (${found})`);
    if (name === 'gcloud') {
        ctx.log.info(tool.authPlugin
            ? `${AUTH_PLUGIN} from the runner (${tool.authPlugin})`
            : `${AUTH_PLUGIN}: neither in ${external_node_path_default().join(tool.dir, 'bin')} nor on PATH; installing it alone`);
    }
    return { tool };
}
/** Resolve (unless `resolved` is given), find in the cache or download + verify + cache one spec. */
async function installSpec(spec, request, ctx, deps, resolved) {
    const { log, platform } = ctx;
    const now = deps.now;
    const version = resolved ?? spec.exactVersion(request) ?? (await spec.resolveVersion(request, ctx));
    const asked = request && request !== version ? ` (${request})` : request ? '' : ' (pinned)';
    const cached = tool_cache/* find */.I6(spec.name, version, platform.arch);
    if (cached) {
        const exe = spec.executables(cached);
        if (exe) {
            log.info(`${spec.name} ${version}${asked}: from the tool cache, ${cached}`);
            return { name: spec.name, version, dir: cached, ...exe, source: 'cache' };
        }
        log.warning(`${spec.name} ${version}: the tool-cache entry ${cached} has no executable; installing it again`);
    }
    const started = now();
    const release = await spec.release(version, ctx);
    const work = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), `${spec.name}-`));
    try {
        let bytes = 0;
        const unpacked = await mapLimit(release.artifacts, ARTIFACT_CONCURRENCY, async (artifact, i) => {
            const file = external_node_path_default().join(work, `download-${i}`);
            const got = await ctx.http.download(artifact.url, file, { tool: spec.name, version }, artifact.label);
            if (got.sha256 !== artifact.sha256) {
                throw new tools_http.ToolDownloadError(`SHA-256 mismatch for ${artifact.label} (${(0,tools_mirror.displayUrl)(ctx.http.url(artifact.url))}): ` +
                    `expected ${artifact.sha256} from ${artifact.checksumFrom}, got ${got.sha256}` +
                    `${got.html ? ' (the server sent an HTML page, not the file: a proxy or captive portal in the way?)' : ''}` +
                    '; nothing was cached');
            }
            bytes += got.bytes;
            if (artifact.kind === 'file')
                return { artifact, path: file };
            const into = external_node_path_default().join(work, `unpacked-${i}`);
            await (0,promises_.mkdir)(into);
            await (0,exec/* execArgv */.Ei)(['tar', '-x', '-z', '--no-same-owner', '-f', file, '-C', into], {
                silent: true,
                signal: ctx.signal,
            });
            await (0,promises_.rm)(file, { force: true });
            return { artifact, path: into };
        });
        const fetched = now();
        const root = external_node_path_default().join(work, 'root');
        await (0,promises_.mkdir)(root);
        await release.assemble(unpacked, root);
        const assembled = now();
        const dir = await cacheFolder(root, spec.name, version, platform.arch, deps.rename);
        log.debug(`${spec.name} ${version}: download+verify+extract ${(0,steps/* formatDuration */.a3)(fetched - started)}, ` +
            `layout ${(0,steps/* formatDuration */.a3)(assembled - fetched)}, into the tool cache ${(0,steps/* formatDuration */.a3)(now() - assembled)}`);
        const exe = spec.executables(dir);
        if (!exe)
            throw new tools_http.ToolDownloadError(`${spec.name} ${version}: installed to ${dir}, but its executable is missing`);
        const mb = (bytes / (1024 * 1024)).toFixed(1);
        log.info(`${spec.name} ${version}${asked}: downloaded ${mb} MB in ${(0,steps/* formatDuration */.a3)(now() - started)}, ` +
            `SHA-256 verified against ${release.verifiedAgainst}; cached in ${dir}`);
        return { name: spec.name, version, dir, ...exe, source: 'download' };
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
/**
 * Puts a finished folder into the tool cache, laid out as tc.cacheDir lays it out
 * (`<cache>/<name>/<version>/<arch>` plus `<arch>.complete`, written last, which tc.find looks for).
 * tc.cacheDir copies file after file; for gcloud's ~30 000 files that took 24 s on the build machine,
 * where a rename takes no time. Across filesystems (EXDEV) tc.cacheDir does the copy.
 */
async function cacheFolder(root, name, version, arch, move = promises_.rename) {
    const dest = external_node_path_default().join(process.env.RUNNER_TOOL_CACHE, name, version, arch);
    await (0,promises_.rm)(`${dest}.complete`, { force: true });
    await (0,promises_.rm)(dest, { recursive: true, force: true });
    await (0,promises_.mkdir)(external_node_path_default().dirname(dest), { recursive: true });
    try {
        await move(root, dest);
    }
    catch (err) {
        if (err.code !== 'EXDEV')
            throw err;
        return tool_cache/* cacheDir */.e8(root, name, version, arch);
    }
    await (0,promises_.writeFile)(`${dest}.complete`, '');
    return dest;
}
/** Promise.all with at most `limit` running at once; the first failure wins once all started work ends. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (err) {
                failure ??= { err };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure)
        throw failure.err;
    return results;
}


/***/ })

};
