export const id = 389;
export const ids = [389,285];
export const modules = {

/***/ 389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCloud: () => (/* binding */ awsCloud),
/* harmony export */   isLoopbackHttp: () => (/* binding */ isLoopbackHttp),
/* harmony export */   observedPool: () => (/* binding */ observedPool),
/* harmony export */   roleOfNodegroup: () => (/* binding */ roleOfNodegroup)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);
/* harmony import */ var _eks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80205);
/* harmony import */ var _eks_token_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91233);



/** Only a loopback test server speaks plain http; a real EKS endpoint is always https. */
function isLoopbackHttp(endpoint) {
    if (!endpoint)
        return false;
    try {
        const u = new URL(endpoint);
        return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    }
    catch {
        return false;
    }
}
function roleOfNodegroup(config, name) {
    return _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .POOL_ROLES */ .Fe.find((role) => config.pools[role].name === name);
}
function observedPool(config, ng) {
    const name = ng.nodegroupName ?? '';
    return {
        name,
        role: roleOfNodegroup(config, name),
        labels: { ...(ng.labels ?? {}) },
        machineType: ng.instanceTypes?.length ? ng.instanceTypes.join(',') : undefined,
        minNodes: ng.scalingConfig?.minSize,
        maxNodes: ng.scalingConfig?.maxSize,
        desiredNodes: ng.scalingConfig?.desiredSize,
        image: ng.amiType,
        status: ng.status,
        version: ng.version,
    };
}
function awsCloud(config, log, deps = {}) {
    let api = deps.api ? Promise.resolve(deps.api) : undefined;
    const getApi = () => (api ??= (0,_eks_js__WEBPACK_IMPORTED_MODULE_1__.eksApi)({ region: config.region }));
    return {
        api: getApi,
        async observe() {
            const eks = await getApi();
            const cluster = await eks.describeCluster(config.clusterName);
            if (!cluster)
                return { found: false, pools: [], network: {} };
            const names = await eks.listNodegroups(config.clusterName);
            const groups = await Promise.all(names.map((n) => eks.describeNodegroup(config.clusterName, n)));
            const pools = groups.filter((g) => !!g).map((g) => observedPool(config, g));
            const addons = await eks.listAddons(config.clusterName);
            const vpcCni = addons.includes(_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS */ .kS.vpcCniAddon)
                ? await eks.describeAddon(config.clusterName, _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS */ .kS.vpcCniAddon)
                : undefined;
            log.debug(`EKS cluster ${config.clusterName}: ${cluster.status}, nodegroups ${names.join(', ') || '(none)'}`);
            return {
                found: true,
                endpoint: cluster.endpoint,
                caData: cluster.certificateAuthority?.data,
                version: cluster.version,
                status: cluster.status,
                pools,
                network: vpcCni ? { vpcCniAddon: { version: vpcCni.addonVersion, status: vpcCni.status } } : {},
                eks: {
                    supportType: cluster.upgradePolicy?.supportType,
                    authenticationMode: cluster.accessConfig?.authenticationMode,
                },
            };
        },
        async versions(observation) {
            const { eksVersionFacts } = await __webpack_require__.e(/* import() */ 167).then(__webpack_require__.bind(__webpack_require__, 44167));
            return eksVersionFacts(config.clusterName, observation, await getApi());
        },
        async kubeAccess(observation) {
            if (!observation.endpoint) {
                throw new Error(`EKS cluster ${config.clusterName} has no API endpoint yet (status ${observation.status})`);
            }
            const eks = await getApi();
            const token = await (0,_eks_token_js__WEBPACK_IMPORTED_MODULE_2__/* .eksToken */ .jO)({
                clusterName: config.clusterName,
                region: config.region,
                credentials: await eks.credentials(),
                now: deps.now?.(),
            });
            return {
                server: observation.endpoint,
                caData: observation.caData,
                token,
                ...(isLoopbackHttp(observation.endpoint) ? { insecureSkipTlsVerify: true } : {}),
            };
        },
    };
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


/***/ })

};
