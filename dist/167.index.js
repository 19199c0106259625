export const id = 167;
export const ids = [167];
export const modules = {

/***/ 44167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eksVersionFacts: () => (/* binding */ eksVersionFacts)
/* harmony export */ });
/* harmony import */ var _verify_support_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73386);

const iso = (d) => (d instanceof Date && Number.isFinite(d.getTime()) ? d.toISOString() : undefined);
function windowOf(v) {
    if (!v)
        return undefined;
    return {
        endOfStandard: iso(v.endOfStandardSupportDate),
        endOfExtended: iso(v.endOfExtendedSupportDate),
        status: v.versionStatus ?? undefined,
    };
}
async function eksVersionFacts(cluster, observed, eks) {
    const version = observed.version ?? '';
    const minors = [...new Set([version, ...observed.pools.map((p) => p.version)].map(_verify_support_js__WEBPACK_IMPORTED_MODULE_0__/* .minorOf */ .Hs).filter((m) => !!m))];
    const [info, described] = await Promise.all([
        minors.length ? eks.versionSupport(minors) : Promise.resolve([]),
        eks.describeCluster(cluster),
    ]);
    const windowFor = (v) => windowOf(info.find((i) => i.clusterVersion === (0,_verify_support_js__WEBPACK_IMPORTED_MODULE_0__/* .minorOf */ .Hs)(v)));
    const controlPlane = {
        name: 'control plane',
        kind: 'control-plane',
        version,
        support: windowFor(version),
    };
    const pools = observed.pools
        .filter((p) => p.version)
        .map((p) => ({ name: p.name, kind: 'pool', version: p.version, support: windowFor(p.version) }));
    return { controlPlane, pools, supportType: described?.upgradePolicy?.supportType ?? undefined };
}


/***/ })

};
