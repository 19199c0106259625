export const id = 565;
export const ids = [565];
export const modules = {

/***/ 42565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   providerCloud: () => (/* binding */ providerCloud)
/* harmony export */ });
async function providerCloud(config, log) {
    if (config.provider === 'gcp')
        return (await __webpack_require__.e(/* import() */ 663).then(__webpack_require__.bind(__webpack_require__, 70663))).gcpCloud(config, log);
    return (await __webpack_require__.e(/* import() */ 668).then(__webpack_require__.bind(__webpack_require__, 76668))).awsCloud(config, log);
}


/***/ })

};
