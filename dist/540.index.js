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
/* harmony import */ var _providers_gcp_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54832);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98286);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36992);
/* harmony import */ var _flow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26439);




const MINUTE = 60_000;
/** The destroy flow as data: what `destroy` runs, in the same shape as the apply flows. */
function destroySteps(config) {
    if (config.provider === 'gcp') {
        return [
            {
                id: 'delete-cluster',
                description: `Delete GKE cluster ${config.clusterName} in ${config.region} with its node pools`,
                argv: [
                    'gcloud',
                    '--quiet',
                    'container',
                    'clusters',
                    'delete',
                    config.clusterName,
                    `--project=${config.project}`,
                    `--region=${config.region}`,
                ],
                timeoutMs: 60 * MINUTE,
            },
        ];
    }
    return [
        {
            id: 'delete-cluster',
            description: `Delete EKS cluster ${config.clusterName} in ${config.region}, its nodegroups and eksctl's CloudFormation stacks`,
            argv: ['eksctl', 'delete', 'cluster', `--name=${config.clusterName}`, `--region=${config.region}`, '--wait'],
            timeoutMs: 90 * MINUTE,
        },
    ];
}
/** What stays behind after a successful destroy, and how to remove it when nothing else needs it. */
function leftovers(config) {
    if (config.provider === 'gcp') {
        const email = (0,_providers_gcp_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceAccountEmail */ .de)(config);
        return [
            `Service account ${email} (other clusters of project ${config.project} may run as it); to remove it: ${(0,_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .shellQuote */ .ZL)(['gcloud', 'iam', 'service-accounts', 'delete', email, `--project=${config.project}`])}`,
            `Its project roles ${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.serviceAccount.roles.join(', ')}; to remove one: ${(0,_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .shellQuote */ .ZL)(['gcloud', 'projects', 'remove-iam-policy-binding', config.project, `--member=serviceAccount:${email}`, `--role=${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.serviceAccount.roles[0]}`])}`,
            `The subnetwork ${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .GCP */ .lI.cluster.subnetworkPrefix}${config.clusterName} is deleted with the cluster; persistent disks of PersistentVolumes with reclaim policy Retain are not.`,
            `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
        ];
    }
    return [
        `The CloudWatch log group /aws/eks/${config.clusterName}/cluster (kept by AWS after the cluster is gone).`,
        'EBS volumes of PersistentVolumes with reclaim policy Retain, and load balancers whose Services were not deleted first.',
        `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
    ];
}
async function destroy(config, io, deps = {}) {
    const cloud = deps.cloud ?? (await (await __webpack_require__.e(/* import() */ 565).then(__webpack_require__.bind(__webpack_require__, 42565))).providerCloud(config, io.log));
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
        const { installTools, pathWithTools } = await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(316)]).then(__webpack_require__.bind(__webpack_require__, 85316));
        const tools = await installTools([config.provider === 'gcp' ? 'gcloud' : 'eksctl'], config, io);
        env.PATH = pathWithTools(Object.values(tools));
    }
    await (0,_flow_js__WEBPACK_IMPORTED_MODULE_3__/* .runFlow */ .c)(steps, undefined, config, io, {
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
            exec: (argv, o) => (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execArgv */ .Ei)(argv, { log: io.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
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
