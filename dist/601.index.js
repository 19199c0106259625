export const id = 601;
export const ids = [601];
export const modules = {

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apply: () => (/* binding */ apply)
/* harmony export */ });
async function apply(_config, _io) {
    throw new Error('the `apply` command is not available in this build yet');
}


/***/ })

};
