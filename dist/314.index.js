export const id = 314;
export const ids = [314];
export const modules = {

/***/ 8314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apply: () => (/* binding */ apply),
/* harmony export */   runFlow: () => (/* binding */ runFlow)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73190);
/* harmony import */ var _steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36992);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74483);



/** Runs a flow's steps with the action's IO: log groups, progress, the `plan` output kept current. */
async function runFlow(steps, ctx, config, io, opts = {}) {
    let last = [];
    const writeSummary = async () => {
        await io.appendSummary([
            '## 🛠️ gitpod-cluster-action apply',
            '',
            (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .settingsMarkdown */ .vX)(config),
            '',
            '### Steps',
            '',
            (0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .stepsMarkdown */ .Dh)(last),
            '',
        ].join('\n'));
    };
    try {
        const records = await (0,_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .runSteps */ .rl)(steps, ctx, {
            log: io.log,
            signal: io.signal,
            heartbeatMs: opts.heartbeatMs,
            group: (name, fn) => io.group(name, fn),
            exec: (argv, o) => (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .execArgv */ .E)(argv, { log: io.log, env: opts.env, signal: o.signal, timeoutMs: o.timeoutMs }),
            onUpdate: (records) => {
                last = records;
                io.setOutput('plan', JSON.stringify(records));
            },
        });
        await writeSummary();
        return records;
    }
    catch (err) {
        if (err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_1__/* .StepFailedError */ .mK || err instanceof _steps_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc)
            await writeSummary();
        throw err;
    }
}
async function apply(config, io) {
    const flow = config.provider === 'gcp' ? await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(316), __webpack_require__.e(530)]).then(__webpack_require__.bind(__webpack_require__, 69530)) : await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(316), __webpack_require__.e(585)]).then(__webpack_require__.bind(__webpack_require__, 51585));
    await flow.applyFlow(config, io);
    const { verify } = await __webpack_require__.e(/* import() */ 165).then(__webpack_require__.bind(__webpack_require__, 35165));
    await verify(config, io);
}


/***/ }),

/***/ 73190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ execArgv)
/* harmony export */ });
/* unused harmony export ExecError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25625);
/**
 * The one way this action starts a process: an argv array, never a shell. Output is streamed to the
 * logger line by line (redacted), the process group is killed on cancellation or timeout, and a
 * non-zero exit becomes an ExecError that carries the last lines of stderr.
 */


class ExecError extends Error {
    result;
    constructor(message, result) {
        super(message);
        this.result = result;
        this.name = 'ExecError';
    }
}
const TAIL_LINES = 6;
function tail(text) {
    const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return lines.slice(-TAIL_LINES).join(' | ');
}
function execArgv(argv, opts = {}) {
    const [file, ...args] = argv;
    if (!file)
        return Promise.reject(new ExecError('empty argv'));
    const log = opts.log;
    return new Promise((resolve, reject) => {
        if (opts.signal?.aborted) {
            reject(new ExecError(`${file} not started: cancelled`));
            return;
        }
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
            shell: false,
            detached: true,
            cwd: opts.cwd,
            env: { ...process.env, ...opts.env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        let killedFor;
        const partial = { out: '', err: '' };
        const emit = (which, chunk) => {
            if (opts.silent || !log)
                return;
            const text = partial[which] + chunk;
            const lines = text.split('\n');
            partial[which] = lines.pop() ?? '';
            for (const line of lines)
                if (line.trim())
                    log.info((0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(line));
        };
        child.stdout.setEncoding('utf8').on('data', (c) => {
            stdout += c;
            emit('out', c);
        });
        child.stderr.setEncoding('utf8').on('data', (c) => {
            stderr += c;
            emit('err', c);
        });
        const killGroup = (why) => {
            if (killedFor || child.exitCode !== null)
                return;
            killedFor = why;
            const pid = child.pid;
            const signal = (sig) => {
                try {
                    if (pid)
                        process.kill(-pid, sig);
                }
                catch {
                    child.kill(sig);
                }
            };
            signal('SIGTERM');
            setTimeout(() => {
                if (child.exitCode === null && child.signalCode === null)
                    signal('SIGKILL');
            }, opts.killGraceMs ?? 10_000).unref();
        };
        const onAbort = () => killGroup('cancelled');
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const timer = opts.timeoutMs
            ? setTimeout(() => killGroup(`timed out after ${opts.timeoutMs / 1000}s`), opts.timeoutMs)
            : undefined;
        child.on('error', (err) => {
            if (timer)
                clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
            const why = err.code === 'ENOENT' ? `${file} was not found on PATH` : err.message;
            reject(new ExecError((0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(why)));
        });
        child.on('close', (code, sig) => {
            if (timer)
                clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
            for (const which of ['out', 'err'])
                if (partial[which])
                    emit(which, '\n');
            const result = { code: code ?? -1, stdout, stderr };
            if (killedFor) {
                reject(new ExecError(`${file} ${killedFor}`, result));
            }
            else if (code !== 0) {
                const detail = tail(stderr) || tail(stdout);
                const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
                reject(new ExecError((0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${file} ${how}${detail ? `: ${detail}` : ''}`), result));
            }
            else {
                resolve(result);
            }
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input ?? '');
    });
}


/***/ })

};
