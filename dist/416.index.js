export const id = 416;
export const ids = [416];
export const modules = {

/***/ 8416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   providerCloud: () => (/* binding */ providerCloud)
/* harmony export */ });
async function providerCloud(config, log) {
    if (config.provider === 'gcp')
        return (await __webpack_require__.e(/* import() */ 102).then(__webpack_require__.bind(__webpack_require__, 31102))).gcpCloud(config, log);
    return (await __webpack_require__.e(/* import() */ 175).then(__webpack_require__.bind(__webpack_require__, 56175))).awsCloud(config, log);
}


/***/ })

};
