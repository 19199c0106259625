export const id = 680;
export const ids = [680];
export const modules = {

/***/ 1680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verify: () => (/* binding */ verify)
/* harmony export */ });
async function verify(_config, _io) {
    throw new Error('the `verify` command is not available in this build yet');
}


/***/ })

};
