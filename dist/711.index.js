export const id = 711;
export const ids = [711,285];
export const modules = {

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


/***/ }),

/***/ 91233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jO: () => (/* binding */ eksToken),
/* harmony export */   u7: () => (/* binding */ NodeSha256)
/* harmony export */ });
/* unused harmony exports EKS_TOKEN_PREFIX, CLUSTER_ID_HEADER, stsHost, presignedCallerIdentityUrl */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25625);
/**
 * The bearer token EKS accepts from IAM principals, built exactly as `aws eks get-token` builds it: a
 * SigV4-presigned STS GetCallerIdentity URL whose signed headers include `x-k8s-aws-id: <cluster>`,
 * valid 60 s for the signature (EKS honours a token for 15 minutes), base64url-encoded without padding
 * and prefixed `k8s-aws-v1.`. The token is a credential: it is registered as a secret before it is
 * returned, so no log line or output can show it.
 */


const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** The header aws-iam-authenticator reads the cluster name from; it must be among the signed headers. */
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
const PRESIGN_SECONDS = 60;
function bytes(data) {
    if (typeof data === 'string')
        return data;
    if (ArrayBuffer.isView(data))
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return new Uint8Array(data);
}
class NodeSha256 {
    secret;
    hash;
    constructor(secret) {
        this.secret = secret;
        this.hash = this.fresh();
    }
    fresh() {
        return this.secret !== undefined ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', bytes(this.secret)) : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    }
    update(data) {
        this.hash.update(bytes(data));
    }
    async digest() {
        return new Uint8Array(this.hash.digest());
    }
    reset() {
        this.hash = this.fresh();
    }
}
/** STS's regional endpoint, as the AWS CLI uses it (China regions live under amazonaws.com.cn). */
function stsHost(region) {
    return `sts.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}
function rfc3986(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** The presigned URL the token wraps (exported for tests; it is as secret as the token). */
async function presignedCallerIdentityUrl(opts) {
    const { SignatureV4 } = await __webpack_require__.e(/* import() */ 737).then(__webpack_require__.t.bind(__webpack_require__, 75118, 19));
    const host = stsHost(opts.region);
    const signer = new SignatureV4({
        credentials: opts.credentials,
        region: opts.region,
        service: 'sts',
        sha256: NodeSha256,
        uriEscapePath: true,
    });
    const signed = await signer.presign({
        method: 'GET',
        protocol: 'https:',
        hostname: host,
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host, [CLUSTER_ID_HEADER]: opts.clusterName },
    }, { expiresIn: PRESIGN_SECONDS, signingDate: opts.now });
    const query = Object.entries(signed.query ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`)
        .join('&');
    return `https://${host}/?${query}`;
}
/** `k8s-aws-v1.<base64url(presigned URL)>`, registered as a secret. */
async function eksToken(opts) {
    (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(opts.credentials.accessKeyId);
    (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(opts.credentials.secretAccessKey);
    (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(opts.credentials.sessionToken);
    const url = await presignedCallerIdentityUrl(opts);
    const token = EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
    (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(token);
    (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(url);
    return token;
}


/***/ }),

/***/ 80205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsApiError: () => (/* binding */ AwsApiError),
/* harmony export */   awsErrorMessage: () => (/* binding */ awsErrorMessage),
/* harmony export */   eksApi: () => (/* binding */ eksApi)
/* harmony export */ });
class AwsApiError extends Error {
    constructor(what, cause) {
        super(`${what}: ${awsErrorMessage(cause)}`, { cause });
        this.name = 'AwsApiError';
    }
}
const HINTS = {
    CredentialsProviderError: 'no AWS credentials found; run aws-actions/configure-aws-credentials before this action (or set AWS_* variables)',
    AccessDeniedException: 'the AWS credentials lack permission for this call',
    AccessDenied: 'the AWS credentials lack permission for this call',
    UnrecognizedClientException: 'the AWS credentials are not valid',
    InvalidClientTokenId: 'the AWS credentials are not valid',
    ExpiredTokenException: 'the AWS credentials have expired',
    ExpiredToken: 'the AWS credentials have expired',
};
/** One line: the error's name and message, with what to do for the common credential problems. */
function awsErrorMessage(err) {
    const e = err;
    const name = e?.name && e.name !== 'Error' ? e.name : undefined;
    const message = (e?.message ?? String(err)).split('\n')[0].trim();
    const hint = name ? HINTS[name] : undefined;
    const status = e?.$metadata?.httpStatusCode;
    const attempts = e?.$metadata?.attempts ?? 1;
    const facts = [status && `HTTP ${status}`, attempts > 1 && `after ${attempts} attempts`].filter(Boolean);
    return ([name, message].filter(Boolean).join(': ') +
        (facts.length ? ` (${facts.join(', ')})` : '') +
        (hint ? `; ${hint}` : ''));
}
function isNotFound(err) {
    const name = err?.name;
    return name === 'ResourceNotFoundException' || name === 'NotFoundException';
}
/** CloudFormation says "Stack with id X does not exist" as a ValidationError. */
function isMissingStack(err) {
    const e = err;
    return e?.name === 'ValidationError' && /does not exist/.test(e.message ?? '');
}
/** The SDK's standard retry mode with its default attempts, spelled out (see the top of this file). */
const SDK_RETRY = { retryMode: 'standard', maxAttempts: 3 };
/** Per attempt: 10 s to connect, 60 s for the answer, and a timeout is an error (retried), not a warning. */
const SDK_HTTP = { connectionTimeout: 10_000, requestTimeout: 60_000, throwOnRequestTimeout: true };
async function eksApi(opts) {
    const [eks, cfn] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 24524, 19)), Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19))]);
    const common = {
        region: opts.region,
        retryMode: SDK_RETRY.retryMode,
        maxAttempts: opts.maxAttempts ?? SDK_RETRY.maxAttempts,
        requestHandler: { ...SDK_HTTP, requestTimeout: opts.requestTimeoutMs ?? SDK_HTTP.requestTimeout },
    };
    const client = new eks.EKSClient(common);
    const stacks = new cfn.CloudFormationClient(common);
    async function call(what, fn, missing) {
        try {
            return await fn();
        }
        catch (err) {
            if (missing?.(err))
                return undefined;
            throw new AwsApiError(what, err);
        }
    }
    return {
        describeCluster: (name) => call(`EKS DescribeCluster ${name}`, async () => (await client.send(new eks.DescribeClusterCommand({ name }))).cluster, isNotFound),
        async listNodegroups(cluster) {
            const names = [];
            let nextToken;
            do {
                const page = await call(`EKS ListNodegroups ${cluster}`, () => client.send(new eks.ListNodegroupsCommand({ clusterName: cluster, nextToken })), isNotFound);
                names.push(...(page?.nodegroups ?? []));
                nextToken = page?.nextToken;
            } while (nextToken);
            return names;
        },
        describeNodegroup: (cluster, name) => call(`EKS DescribeNodegroup ${cluster}/${name}`, async () => (await client.send(new eks.DescribeNodegroupCommand({ clusterName: cluster, nodegroupName: name })))
            .nodegroup, isNotFound),
        async listAddons(cluster) {
            const names = [];
            let nextToken;
            do {
                const page = await call(`EKS ListAddons ${cluster}`, () => client.send(new eks.ListAddonsCommand({ clusterName: cluster, nextToken })), isNotFound);
                names.push(...(page?.addons ?? []));
                nextToken = page?.nextToken;
            } while (nextToken);
            return names;
        },
        describeAddon: (cluster, name) => call(`EKS DescribeAddon ${cluster}/${name}`, async () => (await client.send(new eks.DescribeAddonCommand({ clusterName: cluster, addonName: name }))).addon, isNotFound),
        async addonVersions(addon, kubernetesVersion) {
            const versions = [];
            let nextToken;
            do {
                const page = await call(`EKS DescribeAddonVersions ${addon} ${kubernetesVersion}`, () => client.send(new eks.DescribeAddonVersionsCommand({ addonName: addon, kubernetesVersion, nextToken })));
                for (const a of page?.addons ?? []) {
                    if (a.addonName !== addon)
                        continue;
                    for (const v of a.addonVersions ?? [])
                        if (v.addonVersion)
                            versions.push(v.addonVersion);
                }
                nextToken = page?.nextToken;
            } while (nextToken);
            return versions;
        },
        async listAccessEntries(cluster) {
            const arns = [];
            let nextToken;
            do {
                const page = await call(`EKS ListAccessEntries ${cluster}`, () => client.send(new eks.ListAccessEntriesCommand({ clusterName: cluster, nextToken })), isNotFound);
                arns.push(...(page?.accessEntries ?? []));
                nextToken = page?.nextToken;
            } while (nextToken);
            return arns;
        },
        describeAccessEntry: (cluster, principalArn) => call(`EKS DescribeAccessEntry ${cluster} ${principalArn}`, async () => (await client.send(new eks.DescribeAccessEntryCommand({ clusterName: cluster, principalArn }))).accessEntry, isNotFound),
        async clusterVersions() {
            const versions = [];
            let nextToken;
            do {
                const page = await call('EKS DescribeClusterVersions', () => client.send(new eks.DescribeClusterVersionsCommand({ nextToken })));
                versions.push(...(page?.clusterVersions ?? []));
                nextToken = page?.nextToken;
            } while (nextToken);
            return versions;
        },
        async versionSupport(wanted) {
            const versions = [];
            let nextToken;
            do {
                const page = await call(`EKS DescribeClusterVersions ${wanted.join(', ')}`, () => client.send(new eks.DescribeClusterVersionsCommand({ clusterVersions: [...wanted], includeAll: true, nextToken })));
                versions.push(...(page?.clusterVersions ?? []));
                nextToken = page?.nextToken;
            } while (nextToken);
            return versions;
        },
        async describeStack(name) {
            const res = await call(`CloudFormation DescribeStacks ${name}`, () => stacks.send(new cfn.DescribeStacksCommand({ StackName: name })), isMissingStack);
            const stack = res?.Stacks?.[0];
            return stack && stack.StackStatus !== 'DELETE_COMPLETE' ? stack : undefined;
        },
        async credentials() {
            const provider = client.config.credentials;
            const creds = await call('AWS credentials', () => provider());
            if (!creds)
                throw new AwsApiError('AWS credentials', new Error('none found'));
            return creds;
        },
    };
}


/***/ }),

/***/ 80019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsJsonError: () => (/* binding */ AwsJsonError),
/* harmony export */   awsPreflightApi: () => (/* binding */ awsPreflightApi),
/* harmony export */   awsServiceEndpoint: () => (/* binding */ awsServiceEndpoint),
/* harmony export */   isAwsDenied: () => (/* binding */ isAwsDenied),
/* harmony export */   isStandardFamily: () => (/* binding */ isStandardFamily)
/* harmony export */ });
/* harmony import */ var _eks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80205);
/* harmony import */ var _eks_token_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91233);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25625);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49809);




/** The On-Demand Standard quota (L-1216C47A) covers these families; others have quotas of their own. */
const STANDARD_FAMILY = /^(?!inf|hpc|mac|dl|trn)[acdhimrtz]/;
function isStandardFamily(instanceType) {
    return STANDARD_FAMILY.test(instanceType);
}
/** Denied: the credentials may not make this call. */
function isAwsDenied(err) {
    const cause = err instanceof _eks_js__WEBPACK_IMPORTED_MODULE_0__.AwsApiError ? err.cause : err;
    const e = cause;
    return (['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException'].includes(e?.name ?? '') || e?.$metadata?.httpStatusCode === 403);
}
/** A JSON 1.1 service's error: its `__type` (or x-amzn-errortype) and message. */
class AwsJsonError extends Error {
    retryAfterMs;
    $metadata;
    constructor(name, message, status, retryAfterMs) {
        super(message);
        this.retryAfterMs = retryAfterMs;
        this.name = name;
        this.$metadata = { httpStatusCode: status };
    }
}
const SDK_RETRY = { retryMode: 'standard', maxAttempts: 3 };
const SDK_HTTP = { connectionTimeout: 10_000, requestTimeout: 60_000, throwOnRequestTimeout: true };
const ATTEMPT_TIMEOUT_MS = 60_000;
/** Where a JSON service is reached: its own override, the global one, else the public regional endpoint. */
function awsServiceEndpoint(envName, host, region, env = process.env) {
    const raw = env[`AWS_ENDPOINT_URL_${envName}`]?.trim() || env.AWS_ENDPOINT_URL?.trim();
    if (raw)
        return new URL(raw);
    return new URL(`https://${host}.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}/`);
}
async function awsPreflightApi(opts) {
    const ec2 = await Promise.all(/* import() */[__webpack_require__.e(737), __webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 35193, 19));
    const env = opts.env ?? process.env;
    const fetchFn = opts.fetch ?? fetch;
    const client = new ec2.EC2Client({
        region: opts.region,
        retryMode: SDK_RETRY.retryMode,
        maxAttempts: SDK_RETRY.maxAttempts,
        requestHandler: SDK_HTTP,
    });
    async function call(what, fn) {
        try {
            return await fn();
        }
        catch (err) {
            throw new _eks_js__WEBPACK_IMPORTED_MODULE_0__.AwsApiError(what, err);
        }
    }
    async function credentials() {
        const creds = await call('AWS credentials', () => client.config.credentials());
        (0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(creds.accessKeyId);
        (0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(creds.secretAccessKey);
        (0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(creds.sessionToken);
        return creds;
    }
    /** One JSON 1.1 call, signed, under the shared retry policy. */
    async function json(service, action, body) {
        const url = awsServiceEndpoint(service.envName, service.host, opts.region, env);
        const what = `${service.signingName} ${action}`;
        const attempt = async () => {
            const { SignatureV4 } = await __webpack_require__.e(/* import() */ 737).then(__webpack_require__.t.bind(__webpack_require__, 75118, 19));
            const signer = new SignatureV4({
                credentials: await credentials(),
                region: opts.region,
                service: service.signingName,
                sha256: _eks_token_js__WEBPACK_IMPORTED_MODULE_1__/* .NodeSha256 */ .u7,
            });
            const text = JSON.stringify(body);
            const signed = await signer.sign({
                method: 'POST',
                protocol: url.protocol,
                hostname: url.hostname,
                port: url.port ? Number(url.port) : undefined,
                path: url.pathname || '/',
                headers: {
                    host: url.host,
                    'content-type': 'application/x-amz-json-1.1',
                    'x-amz-target': `${service.target}.${action}`,
                },
                body: text,
            });
            const res = await fetchFn(url, {
                method: 'POST',
                headers: signed.headers,
                body: text,
                signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
            });
            const answer = await res.text();
            if (res.ok)
                return JSON.parse(answer);
            let parsed = {};
            try {
                parsed = JSON.parse(answer);
            }
            catch {
                /* a proxy's page: keep the status */
            }
            const type = (res.headers.get('x-amzn-errortype') ?? parsed.__type ?? `HTTP${res.status}`)
                .split(':')[0]
                .split('#')
                .pop();
            throw new AwsJsonError(type, parsed.message ?? parsed.Message ?? answer.slice(0, 200), res.status, (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')));
        };
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(attempt, {
            policy: opts.retry,
            classify: (err) => err instanceof AwsJsonError
                ? {
                    transient: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransientStatus */ .Dm)(err.$metadata.httpStatusCode) || /Throttl|TooManyRequests/.test(err.name),
                    retryAfterMs: err.retryAfterMs,
                    reason: `${err.name}: ${err.message}`,
                }
                : { transient: !(err instanceof SyntaxError), reason: err?.message ?? String(err) },
            giveUp: (err, attempts) => {
                if (err instanceof AwsJsonError)
                    err.$metadata.attempts = attempts;
                return new _eks_js__WEBPACK_IMPORTED_MODULE_0__.AwsApiError(`${what}${(0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .afterAttempts */ .ln)(attempts)}`, err);
            },
        });
    }
    const QUOTAS = {
        envName: 'SERVICE_QUOTAS',
        host: 'servicequotas',
        signingName: 'servicequotas',
        target: 'ServiceQuotasV20190624',
    };
    const SSM = { envName: 'SSM', host: 'ssm', signingName: 'ssm', target: 'AmazonSSM' };
    const named = (err, name) => err?.cause?.name === name;
    return {
        async serviceQuota(serviceCode, quotaCode) {
            let answer;
            try {
                answer = await json(QUOTAS, 'GetServiceQuota', { ServiceCode: serviceCode, QuotaCode: quotaCode });
            }
            catch (err) {
                // A quota never changed in this account may have no applied value: its default stands.
                if (!named(err, 'NoSuchResourceException'))
                    throw err;
                try {
                    answer = await json(QUOTAS, 'GetAWSDefaultServiceQuota', {
                        ServiceCode: serviceCode,
                        QuotaCode: quotaCode,
                    });
                }
                catch (again) {
                    if (named(again, 'NoSuchResourceException'))
                        return undefined;
                    throw again;
                }
            }
            const value = answer.Quota?.Value;
            return value === undefined ? undefined : { value, name: answer.Quota?.QuotaName ?? quotaCode };
        },
        async elasticIps() {
            const res = await call('EC2 DescribeAddresses', () => client.send(new ec2.DescribeAddressesCommand({ Filters: [{ Name: 'domain', Values: ['vpc'] }] })));
            return res.Addresses?.length ?? 0;
        },
        async vpcs() {
            let count = 0;
            let NextToken;
            do {
                const page = await call('EC2 DescribeVpcs', () => client.send(new ec2.DescribeVpcsCommand({ NextToken, MaxResults: 1000 })));
                count += page.Vpcs?.length ?? 0;
                NextToken = page.NextToken;
            } while (NextToken);
            return count;
        },
        async natGatewaysByZone() {
            const subnets = [];
            let NextToken;
            do {
                const page = await call('EC2 DescribeNatGateways', () => client.send(new ec2.DescribeNatGatewaysCommand({
                    Filter: [{ Name: 'state', Values: ['pending', 'available'] }],
                    NextToken,
                    MaxResults: 1000,
                })));
                subnets.push(...(page.NatGateways ?? []).map((g) => g.SubnetId ?? ''));
                NextToken = page.NextToken;
            } while (NextToken);
            const ids = [...new Set(subnets.filter(Boolean))];
            const zoneOf = new Map();
            if (ids.length) {
                const res = await call('EC2 DescribeSubnets', () => client.send(new ec2.DescribeSubnetsCommand({ SubnetIds: ids })));
                for (const s of res.Subnets ?? [])
                    zoneOf.set(s.SubnetId ?? '', s.AvailabilityZone ?? '');
            }
            const byZone = {};
            for (const id of subnets) {
                const zone = zoneOf.get(id) ?? 'unknown';
                byZone[zone] = (byZone[zone] ?? 0) + 1;
            }
            return byZone;
        },
        async availabilityZones() {
            const res = await call('EC2 DescribeAvailabilityZones', () => client.send(new ec2.DescribeAvailabilityZonesCommand({
                Filters: [
                    { Name: 'zone-type', Values: ['availability-zone'] },
                    { Name: 'state', Values: ['available'] },
                ],
            })));
            return (res.AvailabilityZones ?? [])
                .map((z) => z.ZoneName ?? '')
                .filter(Boolean)
                .sort();
        },
        async standardOnDemandVcpus() {
            let vcpus = 0;
            let NextToken;
            do {
                const page = await call('EC2 DescribeInstances', () => client.send(new ec2.DescribeInstancesCommand({
                    Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
                    NextToken,
                    MaxResults: 1000,
                })));
                for (const r of page.Reservations ?? []) {
                    for (const i of r.Instances ?? []) {
                        // Spot instances count against the Spot quotas, not this one.
                        if (i.InstanceLifecycle === 'spot' || !isStandardFamily(i.InstanceType ?? ''))
                            continue;
                        vcpus += (i.CpuOptions?.CoreCount ?? 0) * (i.CpuOptions?.ThreadsPerCore ?? 1);
                    }
                }
                NextToken = page.NextToken;
            } while (NextToken);
            return vcpus;
        },
        async instanceTypes(types) {
            const res = await call('EC2 DescribeInstanceTypes', () => client.send(new ec2.DescribeInstanceTypesCommand({
                InstanceTypes: [...types],
            })));
            const out = {};
            for (const t of res.InstanceTypes ?? []) {
                out[String(t.InstanceType)] = {
                    vcpus: t.VCpuInfo?.DefaultVCpus ?? 0,
                    memoryGb: (t.MemoryInfo?.SizeInMiB ?? 0) / 1024,
                    architectures: (t.ProcessorInfo?.SupportedArchitectures ?? []).map(String),
                };
            }
            return out;
        },
        async instanceTypeZones(types) {
            const out = Object.fromEntries(types.map((t) => [t, []]));
            let NextToken;
            do {
                const page = await call('EC2 DescribeInstanceTypeOfferings', () => client.send(new ec2.DescribeInstanceTypeOfferingsCommand({
                    LocationType: 'availability-zone',
                    Filters: [{ Name: 'instance-type', Values: [...types] }],
                    NextToken,
                })));
                for (const o of page.InstanceTypeOfferings ?? []) {
                    out[String(o.InstanceType)]?.push(o.Location ?? '');
                }
                NextToken = page.NextToken;
            } while (NextToken);
            for (const t of types)
                out[t].sort();
            return out;
        },
        async parameter(name) {
            try {
                const res = await json(SSM, 'GetParameter', { Name: name });
                return res.Parameter?.Value;
            }
            catch (err) {
                if (named(err, 'ParameterNotFound'))
                    return undefined;
                throw err;
            }
        },
    };
}


/***/ }),

/***/ 55711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AWS_QUOTAS: () => (/* binding */ AWS_QUOTAS),
/* harmony export */   EKSCTL_DEFAULT_ZONE_COUNT: () => (/* binding */ EKSCTL_DEFAULT_ZONE_COUNT),
/* harmony export */   awsPreflight: () => (/* binding */ awsPreflight),
/* harmony export */   awsQuotaNeeds: () => (/* binding */ awsQuotaNeeds),
/* harmony export */   bringsOwnVpc: () => (/* binding */ bringsOwnVpc),
/* harmony export */   nodegroupPlans: () => (/* binding */ nodegroupPlans),
/* harmony export */   ubuntuEksImageParameter: () => (/* binding */ ubuntuEksImageParameter)
/* harmony export */ });
/* harmony import */ var _preflight_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80019);
/* harmony import */ var _eks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80205);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4504);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98286);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17504);
/* harmony import */ var _machines_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(29212);






/** The Service Quotas this flow's creations count against. */
const AWS_QUOTAS = {
    elasticIps: { service: 'ec2', code: 'L-0263D0A3', name: 'EC2-VPC Elastic IPs' },
    vpcs: { service: 'vpc', code: 'L-F678F1CE', name: 'VPCs per Region' },
    natGateways: { service: 'vpc', code: 'L-FE5A380F', name: 'NAT gateways per Availability Zone' },
    standardVcpus: { service: 'ec2', code: 'L-1216C47A', name: 'Running On-Demand Standard instances (vCPU)' },
};
/** eksctl spreads a new cluster over this many availability zones of the region when none are given. */
const EKSCTL_DEFAULT_ZONE_COUNT = 3;
/** Canonical's public SSM parameter of the Ubuntu 24.04 EKS image, as eksctl resolves `amiFamily: Ubuntu2404`. */
function ubuntuEksImageParameter(kubernetesVersion, arch) {
    return `/aws/service/canonical/ubuntu/eks/24.04/${kubernetesVersion}/stable/current/${arch}/hvm/ebs-gp3/ami-id`;
}
function nodegroupPlans(doc) {
    return doc.managedNodeGroups.map((g) => ({
        name: String(g.name),
        instanceType: String(g.instanceTypes?.[0] ?? g.instanceType ?? ''),
        desired: Number(g.desiredCapacity ?? g.minSize ?? 0),
        max: Number(g.maxSize ?? g.desiredCapacity ?? 0),
        amiFamily: g.amiFamily === undefined ? undefined : String(g.amiFamily),
        ami: g.ami === undefined ? undefined : String(g.ami),
    }));
}
/** true when the overlay names a VPC of its own (eksctl then creates no VPC, NAT gateway or Elastic IP). */
function bringsOwnVpc(doc) {
    const vpc = doc.vpc;
    return !!(vpc?.id || vpc?.subnets);
}
const increase = (config, q) => (wanted) => `Request more: \`aws service-quotas request-service-quota-increase --service-code ${q.service} --quota-code ${q.code} --desired-value ${wanted} --region ${config.region}\``;
/** The quotas apply's creations count against, with what each needs. */
function awsQuotaNeeds(input) {
    const { config, limits, names = {}, inUse, zones, nodegroups, types, createsVpc } = input;
    const needs = [];
    const one = createsVpc ? 1 : 0;
    const add = (q, scope, usage, need, extra = {}) => {
        const limit = limits[q.code];
        if (limit === undefined || usage === undefined)
            return;
        needs.push({
            quota: `${names[q.code] ?? q.name} (${q.code})`,
            scope,
            limit,
            usage,
            need,
            fix: increase(config, q),
            ...extra,
        });
    };
    add(AWS_QUOTAS.vpcs, config.region, inUse.vpcs, one, { breakdown: createsVpc ? "eksctl's cluster VPC" : undefined });
    add(AWS_QUOTAS.elasticIps, config.region, inUse.elasticIps, one, {
        breakdown: createsVpc ? 'the NAT gateway (natGateway: Single)' : undefined,
    });
    if (inUse.natByZone) {
        // eksctl puts its single NAT gateway in one of the cluster's zones: short only when no zone has room.
        const used = zones.map((z) => ({ zone: z, count: inUse.natByZone[z] ?? 0 }));
        const roomiest = used.sort((a, b) => a.count - b.count)[0];
        if (roomiest) {
            add(AWS_QUOTAS.natGateways, roomiest.zone, roomiest.count, one, {
                breakdown: createsVpc
                    ? `eksctl's one NAT gateway, in the zone with most room of ${zones.join(', ')}`
                    : undefined,
            });
        }
    }
    // What EC2 reported, else the action's table (src/providers/aws/machines.ts).
    const vcpuOf = (t) => types[t]?.vcpus ?? (0,_machines_js__WEBPACK_IMPORTED_MODULE_5__/* .awsMachineShape */ .K)(t)?.vcpus ?? 0;
    const standard = nodegroups.filter((g) => (0,_preflight_client_js__WEBPACK_IMPORTED_MODULE_0__.isStandardFamily)(g.instanceType));
    const need = standard.reduce((s, g) => s + g.desired * vcpuOf(g.instanceType), 0);
    const needAtMax = standard.reduce((s, g) => s + g.max * vcpuOf(g.instanceType), 0);
    add(AWS_QUOTAS.standardVcpus, config.region, inUse.vcpus, need, {
        needAtMax,
        unit: 'vCPU',
        breakdown: standard.map((g) => `${g.desired} × ${vcpuOf(g.instanceType)} vCPU ${g.name}`).join(' + ') || undefined,
    });
    return needs;
}
const once = (fn) => {
    let p;
    return () => (p ??= fn());
};
async function awsPreflight(config, log, deps = {}) {
    // The user's overlay is read (and refused when bad) before any request, as apply does.
    const plannedDoc = (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .clusterConfigFor */ .CR)(config, {});
    const eks = once(async () => deps.eks ?? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 80205))).eksApi({ region: config.region }));
    const api = once(async () => deps.api ?? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 80019))).awsPreflightApi({ region: config.region }));
    const existing = once(async () => {
        const e = await eks();
        try {
            const cluster = await e.describeCluster(config.clusterName);
            const nodegroups = cluster ? new Set(await e.listNodegroups(config.clusterName)) : new Set();
            return { cluster, nodegroups };
        }
        catch (err) {
            log.warning(`preflight: could not tell whether EKS cluster ${config.clusterName} exists (${(0,_eks_js__WEBPACK_IMPORTED_MODULE_1__.awsErrorMessage)(err)}); counting everything as new`);
            return { cluster: undefined, nodegroups: new Set() };
        }
    });
    const version = once(async () => {
        const { cluster } = await existing();
        const { resolveVersion } = await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(892), __webpack_require__.e(368)]).then(__webpack_require__.bind(__webpack_require__, 96368));
        return resolveVersion(config, await eks(), cluster);
    });
    const toCreate = once(async () => {
        const { nodegroups } = await existing();
        return nodegroupPlans(plannedDoc).filter((g) => !nodegroups.has(g.name));
    });
    const zones = once(async () => {
        const given = plannedDoc.availabilityZones;
        return given?.length ? [...given] : await (await api()).availabilityZones();
    });
    const typeInfo = once(async () => {
        const types = [...new Set(nodegroupPlans(plannedDoc).map((g) => g.instanceType))];
        return (await api()).instanceTypes(types);
    });
    const checks = [
        {
            name: 'kubernetes-version',
            description: `EKS offers Kubernetes ${config.kubernetesVersion} in ${config.region}`,
            permission: 'eks:DescribeClusterVersions',
            async run() {
                try {
                    const v = await version();
                    const { cluster } = await existing();
                    return {
                        details: [cluster ? `cluster ${config.clusterName} exists at ${v}` : `${config.kubernetesVersion} → ${v}`],
                    };
                }
                catch (err) {
                    if (err.name === 'InputError')
                        return { errors: [{ type: 'ERROR', message: err.message }] };
                    throw err;
                }
            },
        },
        {
            name: 'instance-types',
            description: `the instance types are offered in the availability zones of ${config.region}`,
            permission: 'ec2:DescribeInstanceTypeOfferings',
            async run() {
                const plans = await toCreate();
                if (!plans.length)
                    return { details: ['every nodegroup exists'] };
                const zs = await zones();
                const explicit = !!plannedDoc.availabilityZones?.length;
                const need = explicit ? zs.length : Math.min(EKSCTL_DEFAULT_ZONE_COUNT, zs.length);
                const types = [...new Set(plans.map((g) => g.instanceType))];
                const offered = await (await api()).instanceTypeZones(types);
                const errors = [];
                const details = [];
                for (const type of types) {
                    const inZones = zs.filter((z) => offered[type]?.includes(z));
                    const missing = zs.filter((z) => !inZones.includes(z));
                    const list = `\`aws ec2 describe-instance-type-offerings --location-type availability-zone --filters Name=instance-type,Values=${type} --region ${config.region}\``;
                    if (inZones.length < need || (explicit && missing.length)) {
                        errors.push({
                            type: 'ERROR',
                            message: `instance type ${type} is offered in ${inZones.length ? `only ${inZones.join(', ')}` : 'no availability zone'} of ${config.region}${explicit ? ` (the cluster's zones: ${zs.join(', ')})` : `; the cluster spans ${need} zones`}: choose another type or zones (${list})`,
                        });
                    }
                    else if (missing.length) {
                        errors.push({
                            type: 'WARNING',
                            message: `instance type ${type} is not offered in ${missing.join(', ')}; eksctl picks ${need} of the zones of ${config.region}: set availabilityZones in eksctl-config to zones that offer it`,
                        });
                    }
                    details.push(`${type}: ${inZones.length}/${zs.length} zones`);
                }
                return { errors, details };
            },
        },
        {
            name: 'ubuntu-image',
            description: `Canonical publishes an Ubuntu 24.04 EKS image for the version in ${config.region}`,
            permission: 'ssm:GetParameter',
            async run() {
                const plans = (await toCreate()).filter((g) => !g.ami && (g.amiFamily ?? _reference_js__WEBPACK_IMPORTED_MODULE_3__/* .AWS */ .kS.nodegroup.amiFamily) === 'Ubuntu2404');
                if (!plans.length)
                    return { details: ['no nodegroup to create uses amiFamily Ubuntu2404'] };
                const v = await version();
                let info = {};
                try {
                    info = await typeInfo();
                }
                catch {
                    /* the architecture then defaults to amd64 */
                }
                const archs = [
                    ...new Set(plans.map((g) => (info[g.instanceType]?.architectures.includes('arm64') ? 'arm64' : 'amd64'))),
                ];
                const errors = [];
                const details = [];
                for (const arch of archs) {
                    const name = ubuntuEksImageParameter(v, arch);
                    const ami = await (await api()).parameter(name);
                    if (ami)
                        details.push(`${arch}: ${ami} (${name})`);
                    else
                        errors.push({
                            type: 'ERROR',
                            message: `Canonical publishes no Ubuntu 24.04 EKS image for Kubernetes ${v} (${arch}) in ${config.region} (no SSM parameter ${name}): choose another kubernetes-version (\`aws ssm get-parameters-by-path --path /aws/service/canonical/ubuntu/eks/24.04 --region ${config.region}\`)`,
                        });
                }
                return { errors, details };
            },
        },
        {
            name: 'quotas',
            description: `Service Quotas of ${config.region} hold what apply creates`,
            permission: 'servicequotas:GetServiceQuota',
            async run() {
                const a = await api();
                const { cluster } = await existing();
                const createsVpc = !cluster && !bringsOwnVpc(plannedDoc);
                const plans = await toCreate();
                const notes = [];
                const denied = [];
                // Each read on its own: a denied one leaves its quota unchecked (WARNING), the others still count.
                const read = async (what, permission, fn) => {
                    try {
                        return await fn();
                    }
                    catch (err) {
                        denied.push({
                            type: 'WARNING',
                            message: `quotas: ${what} not checked, ${(0,_preflight_client_js__WEBPACK_IMPORTED_MODULE_0__.isAwsDenied)(err) ? `the credentials may not read it (${(0,_eks_js__WEBPACK_IMPORTED_MODULE_1__.awsErrorMessage)(err)}); \`${permission}\` would allow it` : `the read failed: ${(0,_eks_js__WEBPACK_IMPORTED_MODULE_1__.awsErrorMessage)(err)}`}`,
                        });
                        return undefined;
                    }
                };
                const limits = {};
                const names = {};
                for (const q of Object.values(AWS_QUOTAS)) {
                    const got = await read(`${q.name} (${q.code})`, 'servicequotas:GetServiceQuota', () => a.serviceQuota(q.service, q.code));
                    limits[q.code] = got?.value;
                    names[q.code] = got?.name;
                }
                const inUse = {
                    elasticIps: await read('Elastic IPs in use', 'ec2:DescribeAddresses', () => a.elasticIps()),
                    vpcs: await read('VPCs in use', 'ec2:DescribeVpcs', () => a.vpcs()),
                    natByZone: await read('NAT gateways in use', 'ec2:DescribeNatGateways', () => a.natGatewaysByZone()),
                    vcpus: await read('running vCPUs', 'ec2:DescribeInstances', () => a.standardOnDemandVcpus()),
                };
                const types = (await read('instance type shapes', 'ec2:DescribeInstanceTypes', () => typeInfo())) ?? {};
                const zs = (await read('availability zones', 'ec2:DescribeAvailabilityZones', () => zones())) ?? [];
                if (cluster)
                    notes.push(`cluster ${config.clusterName} exists: its VPC, NAT gateway and Elastic IP count as in use`);
                const outcome = (0,_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .quotaOutcome */ .Zu)(awsQuotaNeeds({ config, limits, names, inUse, zones: zs, nodegroups: plans, types, createsVpc }));
                return { errors: [...(outcome.errors ?? []), ...denied], details: [...notes, ...(outcome.details ?? [])] };
            },
        },
    ];
    return {
        provider: 'aws',
        cluster: config.clusterName,
        region: config.region,
        checks,
        isDenied: _preflight_client_js__WEBPACK_IMPORTED_MODULE_0__.isAwsDenied,
        describe: _eks_js__WEBPACK_IMPORTED_MODULE_1__.awsErrorMessage,
        async machineShapes() {
            const shapes = {};
            for (const [type, info] of Object.entries(await typeInfo().catch(() => ({})))) {
                if (info.vcpus && info.memoryGb)
                    shapes[type] = { vcpus: info.vcpus, memoryGb: info.memoryGb };
            }
            return shapes;
        },
        async close() { },
    };
}


/***/ })

};
