export const id = 314;
export const ids = [314];
export const modules = {

/***/ 8314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apply: () => (/* binding */ apply)
/* harmony export */ });
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87486);

/**
 * Preflight first (read-only: quotas, permissions, versions, machine types; src/preflight.ts): when a check
 * ends in ERROR, apply stops before installing a tool or sending a single mutating request.
 */
async function apply(config, io) {
    await (await __webpack_require__.e(/* import() */ 821).then(__webpack_require__.bind(__webpack_require__, 75821))).preflight(config, io);
    await (await (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .loadProvider */ .Cg)(config)).apply(config, io);
    const { verify } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(369), __webpack_require__.e(118)]).then(__webpack_require__.bind(__webpack_require__, 24118));
    await verify(config, io);
}


/***/ })

};
