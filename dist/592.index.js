export const id = 592;
export const ids = [592];
export const modules = {

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
