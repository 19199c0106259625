export const id = 933;
export const ids = [933,314,76];
export const modules = {

/***/ 8314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APPLY_NEXT: () => (/* binding */ APPLY_NEXT),
/* harmony export */   apply: () => (/* binding */ apply),
/* harmony export */   runFlow: () => (/* binding */ runFlow)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73190);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36992);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74483);



/** The closing line of the apply (or destroy) summary, by how the run ended. */
const APPLY_NEXT = {
    done: '**Next:** the verification report follows; later steps in this job reach the cluster through the exported ' +
        '`KUBECONFIG` (`kubectl`, `helm`).',
    failed: '**Next:** fix what the failed step says (README, "Troubleshooting") and re-run the same workflow: `apply` ' +
        'probes every step again and continues where it stopped.',
    destroyFailed: '**Next:** fix what the failed step says and re-run `destroy`: it continues with what is still there.',
};
/** Runs a flow's steps with the action's IO: log groups, progress, the `plan` output kept current. */
async function runFlow(steps, ctx, config, io, opts = {}) {
    let last = [];
    const command = opts.title ?? 'apply';
    const writeSummary = async (next) => {
        const lines = [`## 🛠️ gitpod-cluster-action ${command}`, '', (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .settingsMarkdown */ .vX)(config), '', '### Steps', ''];
        lines.push((0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .stepsMarkdown */ .Dh)(last), '', ...(next ? [next, ''] : []));
        await io.appendSummary(lines.join('\n'));
    };
    try {
        const records = await (0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .runSteps */ .rl)(steps, ctx, {
            log: io.log,
            signal: io.signal,
            heartbeatMs: opts.heartbeatMs,
            ...(opts.sleep ? { cliRetry: { sleep: opts.sleep } } : {}),
            group: (name, fn) => io.group(name, fn),
            exec: (argv, o) => (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execArgv */ .Ei)(argv, { log: io.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
            onUpdate: (records) => {
                last = records;
                io.setOutput('plan', JSON.stringify(records));
            },
        });
        await writeSummary(command === 'apply' ? APPLY_NEXT.done : undefined);
        return records;
    }
    catch (err) {
        if (err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_1__/* .StepFailedError */ .mK || err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc)
            await writeSummary(APPLY_NEXT[command === 'apply' ? 'failed' : 'destroyFailed']);
        throw err;
    }
}
/**
 * Preflight first (read-only: quotas, permissions, versions, machine types; src/preflight.ts): when a check
 * ends in ERROR, apply stops before installing a tool or sending a single mutating request.
 */
async function apply(config, io) {
    await (await __webpack_require__.e(/* import() */ 821).then(__webpack_require__.bind(__webpack_require__, 75821))).preflight(config, io);
    const flow = config.provider === 'gcp' ? await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(386), __webpack_require__.e(316), __webpack_require__.e(530), __webpack_require__.e(13)]).then(__webpack_require__.bind(__webpack_require__, 69530)) : await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(386), __webpack_require__.e(316), __webpack_require__.e(585), __webpack_require__.e(197)]).then(__webpack_require__.bind(__webpack_require__, 51585));
    await flow.applyFlow(config, io);
    const { verify } = await Promise.all(/* import() */[__webpack_require__.e(386), __webpack_require__.e(118)]).then(__webpack_require__.bind(__webpack_require__, 24118));
    await verify(config, io);
}


/***/ })

};
