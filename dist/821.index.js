export const id = 821;
export const ids = [821];
export const modules = {

/***/ 75821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   preflight: () => (/* binding */ preflight)
/* harmony export */ });
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4504);
/* harmony import */ var _providers_estimate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46572);
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87486);
/* harmony import */ var _estimate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82310);




async function preflight(config, io) {
    // The provider's checks for this config, their module loaded only when asked for.
    const provider = await (await (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadProvider */ .Cg)(config)).preflight(config, io.log);
    try {
        return await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_0__/* .preflightWith */ .cR)(provider, io);
    }
    finally {
        await republishWithReportedShapes(config, io, provider);
        await provider.close();
    }
}
/** `footprint` and `cost-estimate` again, when the cloud reported the shape of a type the table lacks. */
async function republishWithReportedShapes(config, io, provider) {
    const doc = (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_2__/* .providerOf */ .lc)(config).estimateConfig(config);
    const unknown = (0,_providers_estimate_js__WEBPACK_IMPORTED_MODULE_1__/* .estimateOf */ .q)(config, doc).footprint.unknownMachineTypes;
    if (!unknown.length || !provider.machineShapes)
        return;
    const reported = await provider.machineShapes().catch(() => ({}));
    const found = unknown.filter((type) => type in reported);
    if (!found.length)
        return;
    io.log.info(`Machine shapes from the cloud's API for ${found.join(', ')}: footprint and cost estimate again`);
    (0,_estimate_js__WEBPACK_IMPORTED_MODULE_3__/* .publishEstimate */ .Ot)(config, io, doc, reported);
}


/***/ }),

/***/ 4504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zu: () => (/* binding */ quotaOutcome),
/* harmony export */   cR: () => (/* binding */ preflightWith)
/* harmony export */ });
/* unused harmony exports PreflightFailedError, deniedFinding, runChecks, quotaFindings, logReport, reportMarkdown */
/** ERROR when any is, else WARNING when any is, else OK. */
function overallStatusOf(statuses) {
    if (statuses.includes('ERROR'))
        return 'ERROR';
    return statuses.includes('WARNING') ? 'WARNING' : 'OK';
}
/** Thrown by `apply` (and the `preflight` command) when a check ended in ERROR. */
class PreflightFailedError extends Error {
    report;
    constructor(report) {
        const errors = report.items.flatMap((i) => i.errors.filter((e) => e.type === 'ERROR').map((e) => e.message));
        super(`preflight found ${errors.length} problem${errors.length === 1 ? '' : 's'} before anything was created: ${errors.join(' | ')}`);
        this.report = report;
        this.name = 'PreflightFailedError';
    }
}
/** A denied read counts as WARNING, never as a failure of the thing it would have checked. */
function deniedFinding(check, why) {
    return {
        type: 'WARNING',
        message: `${check.name}: not checked, the credentials may not read it (${why}); \`${check.permission}\` would allow it`,
    };
}
/** Runs the checks one after the other (each makes few requests) and builds the report. */
async function runChecks(provider) {
    const items = [];
    for (const check of provider.checks) {
        let outcome;
        try {
            outcome = await check.run();
        }
        catch (err) {
            const why = provider.describe(err);
            outcome = {
                errors: [
                    provider.isDenied(err)
                        ? deniedFinding(check, why)
                        : { type: 'WARNING', message: `${check.name}: not checked, the read failed: ${why}` },
                ],
            };
        }
        const errors = outcome.errors ?? [];
        items.push({
            name: check.name,
            description: check.description,
            status: overallStatusOf(errors.map((e) => e.type)),
            errors,
            ...(outcome.details?.length ? { details: outcome.details } : {}),
        });
    }
    return {
        status: overallStatusOf(items.map((i) => i.status)),
        provider: provider.provider,
        cluster: provider.cluster,
        region: provider.region,
        items,
    };
}
const n = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
/** A quota's verdict: ERROR when the need does not fit, WARNING when only the maximum would not. */
function quotaFindings(q) {
    const unit = q.unit ? ` ${q.unit}` : '';
    const free = Math.max(q.limit - q.usage, 0);
    const why = q.breakdown ? ` (${q.breakdown})` : '';
    const detail = `${q.quota} in ${q.scope}: need ${n(q.need)}${unit}${why}, ${n(q.usage)} in use, limit ${n(q.limit)}`;
    if (q.need > free) {
        const short = q.need - free;
        return {
            errors: [
                {
                    type: 'ERROR',
                    message: `${detail}: short by ${n(short)}${unit}. ${q.fix(Math.ceil(q.usage + q.need))}`,
                },
            ],
            detail,
        };
    }
    if (q.needAtMax !== undefined && q.needAtMax > free) {
        return {
            errors: [
                {
                    type: 'WARNING',
                    message: `${q.quota} in ${q.scope}: the pools at their maximum size need ${n(q.needAtMax)}${unit}, ${n(free)} free (limit ${n(q.limit)}, ${n(q.usage)} in use): the autoscaler stops ${n(q.needAtMax - free)}${unit} short. ${q.fix(Math.ceil(q.usage + q.needAtMax))}`,
                },
            ],
            detail,
        };
    }
    return { errors: [], detail };
}
/** Quota needs → one check outcome (needs of 0 are left out: nothing to create counts against them). */
function quotaOutcome(needs) {
    const errors = [];
    const details = [];
    for (const q of needs) {
        if (q.need <= 0 && !(q.needAtMax && q.needAtMax > 0)) {
            details.push(`${q.quota} in ${q.scope}: nothing to create counts against it`);
            continue;
        }
        const f = quotaFindings(q);
        errors.push(...f.errors);
        details.push(f.detail);
    }
    return { errors, details };
}
// --- rendering ----------------------------------------------------------------------------------------
const ICON = { OK: '✅', WARNING: '⚠️', ERROR: '❌' };
/** Log lines: one per check, then one per finding (ERRORs as errors, WARNINGs as warnings). */
function logReport(report, io) {
    io.log.info(`Preflight for ${report.provider} cluster ${report.cluster} in ${report.region}: ${report.status} (${report.items.length} checks)`);
    for (const item of report.items) {
        io.log.info(`  ${item.status.padEnd(7)} ${item.name}: ${item.description}`);
        for (const d of item.details ?? [])
            io.log.info(`          ${d}`);
    }
    for (const item of report.items) {
        for (const e of item.errors) {
            if (e.type === 'ERROR')
                io.log.error(e.message);
            else
                io.log.warning(e.message);
        }
    }
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function reportMarkdown(report) {
    const lines = [
        `### ${ICON[report.status]} Preflight: ${report.status}`,
        '',
        '| check | status | findings |',
        '|---|---|---|',
    ];
    for (const item of report.items) {
        const found = item.errors.length
            ? item.errors.map((e) => `${ICON[e.type]} ${cell(e.message)}`).join('<br/>')
            : cell((item.details ?? []).join('; ') || item.description);
        lines.push(`| \`${item.name}\` | ${ICON[item.status]} ${item.status} | ${found} |`);
    }
    return lines.join('\n') + '\n';
}
/** Runs the checks, reports them (log, job summary, `preflight` output) and throws when one ended in ERROR. */
async function preflightWith(provider, io) {
    const report = await io.group('Preflight', async () => {
        const r = await runChecks(provider);
        logReport(r, io);
        return r;
    });
    io.setOutput('preflight', JSON.stringify(report));
    await io.appendSummary(`## 🛫 gitpod-cluster-action preflight\n\n${reportMarkdown(report)}\n`);
    if (report.status === 'ERROR')
        throw new PreflightFailedError(report);
    return report;
}


/***/ })

};
