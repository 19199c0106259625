export const id = 540;
export const ids = [540];
export const modules = {

/***/ 29540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   destroy: () => (/* binding */ destroy),
/* harmony export */   destroySteps: () => (/* binding */ destroySteps),
/* harmony export */   leftovers: () => (/* binding */ leftovers)
/* harmony export */ });
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87486);
/* harmony import */ var _flow_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26439);


/** The destroy flow as data: what `destroy` runs, in the same shape as the apply flows (the provider's). */
function destroySteps(config) {
    return (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .providerOf */ .lc)(config).destroySteps(config);
}
/** What stays behind after a successful destroy, and how to remove it when nothing else needs it. */
function leftovers(config) {
    return (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .providerOf */ .lc)(config).leftovers(config);
}
async function destroy(config, io, deps = {}) {
    const provider = await (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .loadProvider */ .Cg)(config);
    const cloud = deps.cloud ?? (await provider.cloud(config, io.log));
    const specs = destroySteps(config);
    // The first look at the cloud serves both the decision to install the CLI and the runner's first probe;
    // every later probe (the one after a failed delete, a re-run) looks again: a cached "exists" would be stale.
    const initial = cloud.observe();
    let first = initial;
    const steps = specs.map((spec) => ({
        ...spec,
        probe: async () => {
            const look = first ?? cloud.observe();
            first = undefined;
            const observed = await look;
            return observed.found
                ? { done: false, detail: `cluster ${config.clusterName} exists (${observed.status ?? 'status unknown'})` }
                : { done: true, detail: `no cluster ${config.clusterName} in ${config.region}: nothing to delete` };
        },
    }));
    const env = { CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
    const observed = await initial;
    if (observed.found) {
        const { installTools, pathWithTools } = await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(892)]).then(__webpack_require__.bind(__webpack_require__, 81892));
        const tools = await installTools([provider.destroyTool], config, io);
        env.PATH = pathWithTools(Object.values(tools));
    }
    await (0,_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .runFlow */ .c)(steps, undefined, config, io, {
        env,
        heartbeatMs: deps.heartbeatMs,
    });
    const left = leftovers(config);
    io.log.info(`Left behind on purpose:\n${left.map((l) => `  - ${l}`).join('\n')}`);
    await io.appendSummary(['### Left behind', '', ...left.map((l) => `- ${l}`), ''].join('\n'));
}


/***/ }),

/***/ 26439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ runFlow)
/* harmony export */ });
/* unused harmony export APPLY_NEXT */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73190);
/* harmony import */ var _commands_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74483);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36992);



/** The closing line of the apply (or destroy) summary, by how the run ended. */
const APPLY_NEXT = {
    done: '**Next:** the verification report follows; later steps in this job reach the cluster through the exported ' +
        '`KUBECONFIG` (`kubectl`, `helm`).',
    failed: '**Next:** fix what the failed step says (README, "Troubleshooting") and re-run the same workflow: `apply` ' +
        'probes every step again and continues where it stopped.',
    destroyFailed: '**Next:** fix what the failed step says and re-run `destroy`: it continues with what is still there.',
};
async function runFlow(steps, ctx, config, io, opts = {}) {
    const title = opts.title ?? config.command;
    let last = [];
    const writeSummary = async (next) => {
        const lines = [`## 🛠️ gitpod-cluster-action ${title}`, '', (0,_commands_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsMarkdown */ .vX)(config), '', '### Steps', ''];
        lines.push((0,_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .stepsMarkdown */ .Dh)(last), '', ...(next ? [next, ''] : []));
        await io.appendSummary(lines.join('\n'));
    };
    try {
        const records = await (0,_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .runSteps */ .rl)(steps, ctx, {
            log: io.log,
            signal: io.signal,
            heartbeatMs: opts.heartbeatMs,
            ...(opts.sleep ? { cliRetry: { sleep: opts.sleep } } : {}),
            group: (name, fn) => io.group(name, fn),
            exec: (argv, o) => (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execArgv */ .Ei)(argv, { log: o.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
            onUpdate: (records) => {
                last = records;
                io.setOutput('plan', JSON.stringify(records));
            },
        });
        await writeSummary(title === 'apply' ? APPLY_NEXT.done : undefined);
        return records;
    }
    catch (err) {
        if (err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_2__/* .StepFailedError */ .mK || err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc)
            await writeSummary(APPLY_NEXT[title === 'apply' ? 'failed' : 'destroyFailed']);
        throw err;
    }
}


/***/ })

};
