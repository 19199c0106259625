export const id = 231;
export const ids = [231];
export const modules = {

/***/ 1231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   destroy: () => (/* binding */ destroy)
/* harmony export */ });
async function destroy(_config, _io) {
    throw new Error('the `destroy` command is not available in this build yet');
}


/***/ })

};
