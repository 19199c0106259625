export const id = 167;
export const ids = [167];
export const modules = {

/***/ 44167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eksVersionFacts: () => (/* binding */ eksVersionFacts)
/* harmony export */ });
/* unused harmony export eksConsequence */
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
    return {
        controlPlane,
        pools,
        consequence: eksConsequence(described?.upgradePolicy?.supportType ?? undefined),
        // The upgrade policy is the cluster's: a nodegroup's version is billed and upgraded with it.
        consequenceForPools: true,
    };
}
/** What EKS does once standard support ends, by the cluster's upgrade policy. */
function eksConsequence(supportType) {
    if (supportType === 'STANDARD') {
        const automatic = 'the upgrade policy is STANDARD: EKS upgrades the control plane by itself at the end of standard support';
        return { 'standard-ending': automatic, extended: automatic };
    }
    return {
        'standard-ending': `then ${(0,_verify_support_js__WEBPACK_IMPORTED_MODULE_0__/* .eksExtendedCost */ .m$)()} (upgrade policy ${supportType ?? 'EXTENDED'})`,
        extended: `${(0,_verify_support_js__WEBPACK_IMPORTED_MODULE_0__/* .eksExtendedCost */ .m$)()}; upgrade to leave it`,
    };
}


/***/ }),

/***/ 73386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ upgradeMinors),
/* harmony export */   Hs: () => (/* binding */ minorOf),
/* harmony export */   Su: () => (/* binding */ checkVersionSupport),
/* harmony export */   V6: () => (/* binding */ minorsBetween),
/* harmony export */   dC: () => (/* binding */ atMinor),
/* harmony export */   jQ: () => (/* binding */ versionSkewCheck),
/* harmony export */   m$: () => (/* binding */ eksExtendedCost)
/* harmony export */ });
/* unused harmony exports utcDay, daysUntil, supportPhrase, calicoFindings, SKEW_NAMES_SHOWN */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98286);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81612);
/* harmony import */ var _versions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46800);



const DAY_MS = 86_400_000;
/** `1.33` of `v1.33.5-gke.1201000`; undefined when it does not parse. */
function minorOf(version) {
    const v = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(version);
    return v ? `${v[0]}.${v[1]}` : undefined;
}
/** Minors from `b` up to `a` (1.34 vs 1.32 → 2); undefined when either does not parse or majors differ. */
function minorsBetween(a, b) {
    const x = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(a);
    const y = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(b);
    if (!x || !y || x[0] !== y[0])
        return undefined;
    return x[1] - y[1];
}
/** The UTC calendar day of a date or timestamp (`2027-01-17`); undefined when it does not parse. */
function utcDay(when) {
    const t = Date.parse(when ?? '');
    return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined;
}
/** Whole UTC days from `now` to `when` (negative once it has passed; 0 on the day itself). */
function daysUntil(when, now) {
    const day = (t) => Math.floor(t / DAY_MS);
    return day(Date.parse(when)) - day(now);
}
/** "standard support ends in 41 days, on 2027-01-17" / "… ended 3 days ago, on …" / "… ends today, on …". */
function supportPhrase(what, when, now) {
    const d = daysUntil(when, now);
    const on = `on ${utcDay(when)}`;
    if (d === 0)
        return `${what} ends today, ${on}`;
    if (d > 0)
        return `${what} ends in ${d} day${d === 1 ? '' : 's'}, ${on}`;
    return `${what} ended ${-d} day${d === -1 ? '' : 's'} ago, ${on}`;
}
function partName(p) {
    return p.kind === 'control-plane'
        ? `the control plane (Kubernetes ${p.version})`
        : `pool ${p.name} (Kubernetes ${p.version})`;
}
const hourly = (usd) => `$${usd.toFixed(2)}`;
/** What EKS extended support costs, in one clause. */
function eksExtendedCost() {
    const { standard, extended } = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.eksPricePerClusterHour;
    return `EKS bills extended support at ${hourly(extended)} per cluster-hour instead of ${hourly(standard)} (about $${Math.round(extended * 730)} instead of $${Math.round(standard * 730)} a month)`;
}
function phaseOf(part, now) {
    const w = part.support;
    if (!w)
        return 'unknown';
    const passed = (when) => when !== undefined && Number.isFinite(Date.parse(when)) && daysUntil(when, now) < 0;
    // The end of all support: the end of extended support, or of standard support where there is no extended.
    if (w.status === 'UNSUPPORTED' || passed(w.endOfExtended ?? w.endOfStandard))
        return 'unsupported';
    if (w.status === 'EXTENDED_SUPPORT' || passed(w.endOfStandard))
        return 'extended';
    if (w.endOfStandard && daysUntil(w.endOfStandard, now) <= _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.supportWarningDays)
        return 'standard-ending';
    if (!w.endOfStandard && !w.endOfExtended && !w.status)
        return 'unknown';
    return 'supported';
}
/** The dates of a window, as one sentence's clauses. */
function dates(part, now) {
    const w = part.support ?? {};
    const out = [];
    if (w.endOfStandard)
        out.push(supportPhrase('standard support', w.endOfStandard, now));
    if (w.endOfExtended)
        out.push(supportPhrase('extended support', w.endOfExtended, now));
    return out;
}
/** What the cloud does next in the phase a part is in, as its provider put it (VersionFacts.consequence). */
function consequence(facts, part, phase) {
    if (part.kind !== 'control-plane' && !facts.consequenceForPools)
        return undefined;
    return phase === 'standard-ending' || phase === 'extended' ? facts.consequence?.[phase] : undefined;
}
/** Calico findings: older than the pinned release (WARNING), and outside the supported release lines. */
function calicoFindings(calico) {
    const installed = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(calico.installed);
    const pinned = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(calico.pinned);
    if (!calico.installed)
        return [(0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`the Calico Installation reports no running version (status.calicoVersion)`)];
    if (!installed)
        return [(0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`the Calico version '${calico.installed}' does not parse`)];
    if ((0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .compareVersions */ .Zy)(installed, pinned) >= 0)
        return [];
    const lines = Array.from({ length: _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.calicoSupportedMinors }, (_, i) => `v${pinned[0]}.${pinned[1] - i}`);
    const outside = installed[0] !== pinned[0] || pinned[1] - installed[1] >= _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.calicoSupportedMinors;
    return [
        (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`Calico ${calico.installed} runs, older than the pinned ${calico.pinned}` +
            (outside
                ? `, and outside the supported release lines (${lines.join(', ')}: Calico supports the two newest minors)`
                : '') +
            '; apply upgrades it'),
    ];
}
/**
 * `version-support`: ERROR when the control plane or a pool is past the end of all support; WARNING
 * when standard support ends within 90 days or has ended (on EKS with what extended support costs), or
 * when the cloud states no dates. Pools on the control plane's minor share its finding. The item's
 * description carries the control plane's dates, so an OK report shows them too.
 */
function checkVersionSupport(facts, now, calico) {
    const findings = [];
    const cpMinor = minorOf(facts.controlPlane.version);
    const parts = [facts.controlPlane, ...facts.pools.filter((p) => minorOf(p.version) !== cpMinor)];
    for (const part of parts) {
        const phase = phaseOf(part, now);
        const when = dates(part, now).join('; ');
        const then = consequence(facts, part, phase);
        const tail = [when, then].filter(Boolean).join('; ');
        if (phase === 'unsupported')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${partName(part)} is past the end of all support: ${tail}`));
        else if (phase === 'extended')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${partName(part)} is in extended support: ${tail}`));
        else if (phase === 'standard-ending')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${partName(part)}: ${tail}`));
        else if (phase === 'unknown')
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${partName(part)}: the cloud states no support dates for it`));
    }
    if (calico)
        findings.push(...calicoFindings(calico));
    const result = (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .item */ .AS)('version-support', findings);
    const cpDates = dates(facts.controlPlane, now);
    if (cpDates.length)
        result.description = `Kubernetes ${cpMinor ?? facts.controlPlane.version}: ${cpDates.join('; ')}`;
    return result;
}
/** Node names shown in one `version-skew` warning; the count says how many more. */
const SKEW_NAMES_SHOWN = 10;
/**
 * `version-skew`, fed one node at a time: a kubelet newer than the API server, or more than three minors
 * older, is an ERROR (the Kubernetes skew policy); two or more minors behind a WARNING. The pools' own
 * versions (from the cloud) are judged the same way against the control plane's.
 */
function versionSkewCheck(serverVersion, pools, controlPlane) {
    const max = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.kubeletMaxMinorsBehind;
    const warnAt = _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION_POLICY */ .c_.warnMinorsBehind;
    const findings = [];
    const behind = [];
    let behindCount = 0;
    const server = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(serverVersion);
    if (!server)
        findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`the API server version '${serverVersion}' does not parse`));
    const cp = controlPlane ?? serverVersion;
    for (const pool of pools) {
        const d = minorsBetween(cp, pool.version);
        if (d === undefined)
            continue;
        if (d < 0)
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`pool ${pool.name} runs ${pool.version}, newer than the control plane ${cp}`));
        else if (d > max)
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`pool ${pool.name} runs ${pool.version}, ${d} minors behind the control plane ${cp}: the skew policy allows ${max}`));
        else if (d >= warnAt)
            findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`pool ${pool.name} runs ${pool.version}, ${d} minors behind the control plane ${cp}: upgrade it before the next control-plane upgrade`));
    }
    return {
        name: 'version-skew',
        add(node) {
            const d = server ? minorsBetween(serverVersion, node.kubelet) : undefined;
            if (d === undefined)
                return 'OK'; // an unparsable kubelet is `kubernetes-version`'s finding
            if (d < 0) {
                findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${node.name} runs kubelet ${node.kubelet}, newer than the API server ${serverVersion}`, node.name));
                return 'ERROR';
            }
            if (d > max) {
                findings.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(`${node.name} runs kubelet ${node.kubelet}, ${d} minors behind the API server ${serverVersion}: the skew policy allows ${max}`, node.name));
                return 'ERROR';
            }
            if (d >= warnAt) {
                behindCount++;
                if (behind.length < SKEW_NAMES_SHOWN)
                    behind.push(`${node.name} (${node.kubelet})`);
                return 'WARNING';
            }
            return 'OK';
        },
        finish() {
            const out = [...findings];
            if (behindCount) {
                const more = behindCount > behind.length ? ` and ${behindCount - behind.length} more` : '';
                out.push((0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`${behindCount} node(s) run kubelets ${warnAt} or more minors behind the API server ${serverVersion}: ${behind.join(', ')}${more}`));
            }
            return (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .item */ .AS)('version-skew', out);
        },
    };
}
/**
 * The minors `apply` upgrades through, one at a time: from the minor after the oldest part (control
 * plane or pool) up to the one `kubernetes-version` asks. `latest` never upgrades an existing cluster
 * (it means the newest offered when the cluster is created). A minor older than the control plane's is
 * one clear error: apply never downgrades.
 */
function upgradeMinors(asked, controlPlane, pools) {
    if (asked === 'latest')
        return [];
    const target = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(asked);
    const cp = (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(controlPlane);
    if (!target || !cp)
        return [];
    if (target[0] !== cp[0] || target[1] < cp[1]) {
        throw new Error(`kubernetes-version '${asked}' is older than Kubernetes ${minorOf(controlPlane)}, which the cluster runs: ` +
            `apply never downgrades; ask for ${minorOf(controlPlane)} or newer, or \`latest\` to keep the cluster's version`);
    }
    const floor = Math.min(cp[1], ...pools
        .map((p) => (0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(p))
        .filter((v) => v && v[0] === cp[0])
        .map((v) => v[1]));
    const minors = [];
    for (let m = floor + 1; m <= target[1]; m++)
        minors.push(`${target[0]}.${m}`);
    return minors;
}
/** Is a part at (or past) this round's minor? */
function atMinor(version, minor) {
    const d = minorsBetween(version, `${minor}.0`);
    return d !== undefined && d >= 0;
}


/***/ })

};
