export const id = 150;
export const ids = [150];
export const modules = {

/***/ 9150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gkeVersionFacts: () => (/* binding */ gkeVersionFacts)
/* harmony export */ });
/* harmony import */ var _verify_support_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73386);

function windowOf(u) {
    if (!u.endOfStandardSupport && !u.endOfExtendedSupport)
        return undefined;
    return { endOfStandard: u.endOfStandardSupport, endOfExtended: u.endOfExtendedSupport };
}
async function gkeVersionFacts(cluster, observed, gke) {
    const info = await gke.clusterUpgradeInfo(cluster);
    const version = observed.version ?? '';
    const cpMinor = (0,_verify_support_js__WEBPACK_IMPORTED_MODULE_0__/* .minorOf */ .Hs)(version);
    const controlPlane = {
        name: 'control plane',
        kind: 'control-plane',
        version,
        support: windowOf(info),
    };
    const pools = await Promise.all(observed.pools
        .filter((p) => p.version)
        .map(async (p) => {
        const same = (0,_verify_support_js__WEBPACK_IMPORTED_MODULE_0__/* .minorOf */ .Hs)(p.version) === cpMinor;
        const support = same ? controlPlane.support : windowOf(await gke.nodePoolUpgradeInfo(cluster, p.name));
        return { name: p.name, kind: 'pool', version: p.version, support };
    }));
    return {
        controlPlane,
        pools,
        autoUpgrade: {
            status: info.autoUpgradeStatus,
            minorTarget: info.minorTargetVersion,
            patchTarget: info.patchTargetVersion,
        },
    };
}


/***/ })

};
