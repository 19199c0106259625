/**
 * Version parsing for the checks: kernels with distribution suffixes (`5.15.0-1049-gke`,
 * `6.8.0-1015-aws`), Kubernetes versions with provider suffixes (`v1.33.2-gke.1000`, `v1.30.1-eks-abc`).
 */
export type Version = [number, number, number];

/** The leading `major.minor[.patch]` of a version string, or undefined when there is none. */
export function parseVersion(text: string | undefined): Version | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec((text ?? '').trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * Two version strings by every run of digits in them, in order (`1.33.5-gke.1201000`,
 * `v1.12.1-eksbuild.2`): where one has no more runs, it is the lower. For sorting what a cloud offers.
 */
export function compareVersionText(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => (v.match(/\d+/g) ?? []).map(Number));
  for (let i = 0; i < Math.max(x!.length, y!.length); i++) {
    const d = (x![i] ?? -1) - (y![i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** 'below' / 'ok' / 'unparsed' against a minimum such as `5.4`. */
export function atLeast(text: string | undefined, minimum: string): 'ok' | 'below' | 'unparsed' {
  const v = parseVersion(text);
  if (!v) return 'unparsed';
  return compareVersions(v, parseVersion(minimum)!) >= 0 ? 'ok' : 'below';
}
