/**
 * eksctl from its GitHub releases: /eksctl-io/eksctl/releases/download/v<version>/eksctl_<Os>_<arch>.tar.gz
 * (the binary `eksctl` at the archive's root), checked against `eksctl_checksums.txt` of the same
 * release. `latest` is looked up through the GitHub releases API (GITHUB_API_URL, with `github-token`).
 */
import { existsSync } from 'node:fs';
import { chmod, rename } from 'node:fs/promises';
import path from 'node:path';
import { parseChecksumLines } from './checksum.js';
import { ToolDownloadError } from './http.js';
import { displayUrl } from './mirror.js';
import type { ToolPlatform, ToolRelease, ToolSpec } from './types.js';

/** The release whose ClusterConfig schema the action renders and validates against. */
export const EKSCTL_PINNED = '0.230.0';

export const EKSCTL_REPO = 'eksctl-io/eksctl';
const DOWNLOADS = `https://github.com/${EKSCTL_REPO}/releases/download`;

/** SHA-256 of the pinned release's archives, as listed in its eksctl_checksums.txt. */
const PINNED_SHA256: Record<string, string> = {
  'v0.230.0/eksctl_Linux_amd64.tar.gz': 'a2060956f117c3065abafda5c1f681679b9c3716675d70ce4ffff46033b02c35',
  'v0.230.0/eksctl_Linux_arm64.tar.gz': '21afe8a1e38f0e8153a1f27ff7af6b90e309a0411a1438139463dac2f866674d',
  'v0.230.0/eksctl_Darwin_amd64.tar.gz': '9c169be56572dae079dc1e5e2a6efff83c4cc6fc8507e54d0a6e8f4ef14df312',
  'v0.230.0/eksctl_Darwin_arm64.tar.gz': '1412b7ea32efab8141c4c7ccdf96690814d659accefdf72e4e6277ea5c87470c',
};

/** goreleaser's `eksctl_{{ title .Os }}_{{ .Arch }}`. */
export function eksctlAsset(platform: ToolPlatform): string {
  const os = platform.os === 'linux' ? 'Linux' : 'Darwin';
  const arch = platform.arch === 'x64' ? 'amd64' : 'arm64';
  return `eksctl_${os}_${arch}.tar.gz`;
}

export const eksctl: ToolSpec = {
  name: 'eksctl',
  pinned: EKSCTL_PINNED,

  exactVersion(request) {
    const m = /^v?([0-9]+\.[0-9]+\.[0-9]+)$/.exec(request || EKSCTL_PINNED);
    return m?.[1];
  },

  async resolveVersion(request, ctx) {
    const api = `${ctx.githubApiUrl.replace(/\/+$/, '')}/repos/${EKSCTL_REPO}/releases/latest`;
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    };
    if (ctx.githubToken) headers.authorization = `Bearer ${ctx.githubToken}`;
    const rateLimitHint = ctx.githubToken
      ? 'the `github-token` given is rate-limited or lacks access; wait, or pin `eksctl-version`'
      : 'pass `github-token` (the default `${{ github.token }}` is enough) or pin `eksctl-version`';
    let body: string;
    try {
      body = await ctx.http.text(api, { tool: 'eksctl', version: request }, { headers, direct: true, rateLimitHint });
    } catch (err) {
      if (err instanceof ToolDownloadError && err.status === 404) {
        throw new ToolDownloadError(
          `the GitHub API at ${displayUrl(api)} knows no release of ${EKSCTL_REPO} ` +
            '(on GitHub Enterprise Server, pin `eksctl-version` and serve the downloads from `tool-mirror`)',
          404,
        );
      }
      throw err;
    }
    let tag: unknown;
    try {
      tag = (JSON.parse(body) as { tag_name?: unknown }).tag_name;
    } catch {
      tag = undefined;
    }
    const m = typeof tag === 'string' ? /^v?([0-9]+\.[0-9]+\.[0-9]+)$/.exec(tag) : null;
    if (!m) throw new ToolDownloadError(`eksctl latest: ${displayUrl(api)} did not name a release tag`);
    return m[1]!;
  },

  async release(version, ctx): Promise<ToolRelease> {
    const asset = eksctlAsset(ctx.platform);
    const url = `${DOWNLOADS}/v${version}/${asset}`;
    const pinned: string | undefined = PINNED_SHA256[`v${version}/${asset}`];
    let sha256: string | undefined = pinned;
    let checksumFrom = 'the checksum pinned in the action';
    if (!sha256) {
      const sumsUrl = `${DOWNLOADS}/v${version}/eksctl_checksums.txt`;
      checksumFrom = displayUrl(ctx.http.url(sumsUrl));
      const sums = parseChecksumLines(await ctx.http.text(sumsUrl, { tool: 'eksctl', version }));
      sha256 = sums.get(asset);
      if (!sha256) throw new ToolDownloadError(`eksctl ${version}: ${checksumFrom} lists no SHA-256 for ${asset}`);
    }
    return {
      version,
      artifacts: [{ url, sha256, checksumFrom, kind: 'tar.gz', label: `eksctl ${version}` }],
      verifiedAgainst: pinned ? 'the pinned checksum' : 'the release’s eksctl_checksums.txt',
      async assemble([archive], root) {
        const from = path.join(archive!.path, 'eksctl');
        if (!existsSync(from)) throw new ToolDownloadError(`eksctl ${version}: ${asset} does not contain \`eksctl\``);
        const bin = path.join(root, 'eksctl');
        await rename(from, bin);
        await chmod(bin, 0o755);
      },
    };
  },

  executables(dir) {
    const bin = path.join(dir, 'eksctl');
    return existsSync(bin) ? { bin } : undefined;
  },
};
