export const id = 239;
export const ids = [239,592];
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
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44942);
/* harmony import */ var _mirror_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(70592);
/**
 * HTTP for tool downloads: small documents (checksum files, version pointers, manifests, the GitHub
 * releases API) and archives streamed to disk while their SHA-256 is computed.
 *
 * Why not tc.downloadTool: its retries sleep 10–20 s for real and cannot be injected, it hides the HTTP
 * status behind a generic error, and it would make us read every archive a second time to hash it.
 * @actions/http-client (what tool-cache itself uses) keeps the runner's proxy settings.
 *
 * Every failure ends as one line naming the tool, the version and the URL (without credentials):
 * 404 → "version X of tool Y does not exist", 403/429 → a rate-limit message with a way out,
 * anything transient (network errors, 408, 429, 5xx, a stalled or cut body) is retried with
 * exponential backoff first.
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
    progressIntervalMs: 30_000,
    idleTimeoutMs: 60_000,
};
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
function isTransient(err) {
    if (err instanceof CancelledError)
        return false;
    if (err instanceof StatusError)
        return err.status === 408 || err.status === 429 || err.status >= 500;
    // Network errors, timeouts, bodies cut short: worth another try.
    return true;
}
function retryAfterMs(header) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value)
        return undefined;
    if (/^[0-9]+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
function reason(err) {
    if (err instanceof StatusError)
        return `HTTP ${err.status}`;
    const e = err;
    return e?.code
        ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}`
        : String(e?.message ?? e);
}
const MB = 1024 * 1024;
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
class ToolHttp {
    client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_5__/* .HttpClient */ .Qq('gitpod-cluster-action', [], {
        allowRetries: false,
        socketTimeout: 60_000,
    });
    opts;
    constructor(opts) {
        this.opts = {
            sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
            ...DEFAULTS,
            ...opts,
        };
    }
    /** The URL that is fetched for an upstream URL (the mirror's, when one is set). */
    url(upstream, direct = false) {
        return direct ? upstream : (0,_mirror_js__WEBPACK_IMPORTED_MODULE_6__.mirrored)(upstream, this.opts.mirror);
    }
    /** GETs a small text document. */
    async text(upstream, subject, req = {}) {
        const url = this.url(upstream, req.direct);
        return this.withRetries(url, subject, req, async () => {
            const res = await this.client.get(url, this.headers(url, req));
            const status = res.message.statusCode ?? 0;
            if (status !== 200) {
                res.message.resume();
                throw new StatusError(status, retryAfterMs(res.message.headers['retry-after']));
            }
            return res.readBody();
        });
    }
    /** Streams a file to `dest`, hashing it on the way; `dest` is removed again if anything fails. */
    async download(upstream, dest, subject, label) {
        const url = this.url(upstream);
        try {
            return await this.withRetries(url, subject, {}, () => this.downloadOnce(url, dest, label));
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { force: true });
            throw err;
        }
    }
    async downloadOnce(url, dest, label) {
        const { log, signal, progressIntervalMs, idleTimeoutMs } = this.opts;
        const res = await this.client.get(url, this.headers(url));
        const status = res.message.statusCode ?? 0;
        if (status !== 200) {
            res.message.resume();
            throw new StatusError(status, retryAfterMs(res.message.headers['retry-after']));
        }
        const body = res.message;
        const total = Number(body.headers['content-length'] ?? NaN);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let bytes = 0;
        let idle;
        const armIdle = () => {
            if (idle)
                clearTimeout(idle);
            idle = setTimeout(() => body.destroy(new Error(`no data for ${Math.round(idleTimeoutMs / 1000)}s`)), idleTimeoutMs);
            idle.unref();
        };
        const onAbort = () => body.destroy(new CancelledError());
        signal?.addEventListener('abort', onAbort, { once: true });
        const progress = setInterval(() => {
            const of = Number.isFinite(total) ? ` of ${mb(total)}` : '';
            log.info(`${label}: ${mb(bytes)}${of} downloaded`);
        }, progressIntervalMs);
        progress.unref();
        armIdle();
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(body, new node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform({
                transform(chunk, _enc, done) {
                    hash.update(chunk);
                    bytes += chunk.length;
                    armIdle();
                    done(null, chunk);
                },
            }), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest));
        }
        finally {
            clearInterval(progress);
            if (idle)
                clearTimeout(idle);
            signal?.removeEventListener('abort', onAbort);
        }
        if (Number.isFinite(total) && bytes !== total)
            throw new Error(`body cut short: ${bytes} of ${total} bytes`);
        return { sha256: hash.digest('hex'), bytes };
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
    async withRetries(url, subject, req, once) {
        const { attempts, baseDelayMs, maxDelayMs, sleep, signal, log } = this.opts;
        for (let attempt = 1;; attempt++) {
            if (signal?.aborted)
                throw new ToolDownloadError(`${subject.tool} ${subject.version}: download cancelled`);
            try {
                return await once();
            }
            catch (err) {
                if (signal?.aborted || err instanceof CancelledError) {
                    throw new ToolDownloadError(`${subject.tool} ${subject.version}: download cancelled`);
                }
                if (!isTransient(err) || attempt >= attempts)
                    throw this.finalError(err, url, subject, req, attempt);
                const backoff = baseDelayMs * 2 ** (attempt - 1);
                const wait = Math.min(maxDelayMs, Math.max(backoff, err instanceof StatusError ? (err.retryAfterMs ?? 0) : 0));
                log.info(`${subject.tool} ${subject.version}: ${reason(err)} from ${(0,_mirror_js__WEBPACK_IMPORTED_MODULE_6__.displayUrl)(url)}; ` +
                    `retrying in ${Math.round(wait / 1000)}s (attempt ${attempt + 1} of ${attempts})`);
                await sleep(wait);
            }
        }
    }
    finalError(err, url, subject, req, tries) {
        const shown = (0,_mirror_js__WEBPACK_IMPORTED_MODULE_6__.displayUrl)(url);
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

/***/ 70592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   displayUrl: () => (/* binding */ displayUrl),
/* harmony export */   mirrored: () => (/* binding */ mirrored),
/* harmony export */   parseMirror: () => (/* binding */ parseMirror)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/**
 * `tool-mirror`: every download URL keeps its path (and query) and takes the mirror's scheme and host.
 * When the mirror URL has a path of its own, that path is put in front of the upstream path:
 *
 *   tool-mirror  https://mirror.example.com/tools
 *   upstream     https://dl.k8s.io/release/v1.34.5/bin/linux/amd64/kubectl
 *   fetched      https://mirror.example.com/tools/release/v1.34.5/bin/linux/amd64/kubectl
 *
 * A mirror URL may carry credentials (`https://user:secret@mirror…`). They are taken out of the URL,
 * sent as a Basic Authorization header to the mirror's host only, registered as secrets, and never
 * appear in a log line or an error (`displayUrl` drops them).
 */

/** Parses the `tool-mirror` input ('' = none). inputs.ts has already checked it is an http(s) URL. */
function parseMirror(value) {
    if (!value)
        return undefined;
    const url = new URL(value);
    let authorization;
    if (url.username || url.password) {
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(password);
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(`${user}:${password}`);
        authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(authorization.slice('Basic '.length));
    }
    const prefix = url.pathname.replace(/\/+$/, '');
    return { base: `${url.protocol}//${url.host}${prefix}`, hostname: url.hostname, authorization };
}
/** The URL actually fetched: the upstream URL, or its path on the mirror. */
function mirrored(upstream, mirror) {
    if (!mirror)
        return upstream;
    const u = new URL(upstream);
    return `${mirror.base}${u.pathname}${u.search}`;
}
/** A URL as logs and errors show it: no credentials, no query string (signed URLs carry tokens there). */
function displayUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}


/***/ })

};
