export const id = 314;
export const ids = [314];
export const modules = {

/***/ 8314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apply: () => (/* binding */ apply)
/* harmony export */ });
async function apply(config, io) {
    const flow = config.provider === 'gcp' ? await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(386), __webpack_require__.e(316), __webpack_require__.e(530)]).then(__webpack_require__.bind(__webpack_require__, 69530)) : await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(386), __webpack_require__.e(316), __webpack_require__.e(585)]).then(__webpack_require__.bind(__webpack_require__, 51585));
    await flow.applyFlow(config, io);
    const { verify } = await Promise.all(/* import() */[__webpack_require__.e(386), __webpack_require__.e(118)]).then(__webpack_require__.bind(__webpack_require__, 24118));
    await verify(config, io);
}


/***/ })

};
