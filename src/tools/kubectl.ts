/**
 * kubectl from dl.k8s.io: a bare binary at /release/v<version>/bin/<os>/<arch>/kubectl, its SHA-256 in a
 * `.sha256` file beside it. `latest` resolves through /release/stable.txt, a minor such as `1.33`
 * through /release/stable-1.33.txt (both hold e.g. `v1.33.9`).
 */
import { existsSync } from 'node:fs';
import { chmod, rename } from 'node:fs/promises';
import path from 'node:path';
import { parseSingleChecksum } from './checksum.js';
import { ToolDownloadError } from './http.js';
import { displayUrl } from './mirror.js';
import type { ToolPlatform, ToolRelease, ToolSpec } from './types.js';

export const KUBECTL_PINNED = '1.34.5';

const RELEASES = 'https://dl.k8s.io/release';

const ARCH: Record<ToolPlatform['arch'], string> = { x64: 'amd64', arm64: 'arm64' };

/**
 * SHA-256 of the pinned release's binaries, as published in the `.sha256` files beside them (all four
 * values also appear in an independent public Bazel kubectl toolchain table built from those files, and
 * the linux/amd64 one in a Dockerfile's KUBECTL_SHA256 pin). With a pin here no checksum file is fetched,
 * so a mirror cannot serve a matching pair of forged file and digest.
 */
const PINNED_SHA256: Record<string, string> = {
  'v1.34.5/linux/amd64': '6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb',
  'v1.34.5/linux/arm64': '2d433b53b99ea532f877df6fa5044286e3950d4933967ac3d99262760bc649fd',
  'v1.34.5/darwin/amd64': '61ccfd05992fcc1135818d25691e55997155e914c98b704df7ddd542339a93cb',
  'v1.34.5/darwin/arm64': '0c0b575db594e0f8842aa44e5d36b224bb9f8bf4b92cd34c0547d29b61a0277f',
};

export function kubectlUrl(version: string, platform: ToolPlatform): string {
  return `${RELEASES}/v${version}/bin/${platform.os}/${ARCH[platform.arch]}/kubectl`;
}

export const kubectl: ToolSpec = {
  name: 'kubectl',
  pinned: KUBECTL_PINNED,

  exactVersion(request) {
    const m = /^v?(1\.[0-9]+\.[0-9]+)$/.exec(request || KUBECTL_PINNED);
    return m?.[1];
  },

  async resolveVersion(request, ctx) {
    const minor = request.replace(/^v/, '');
    const pointer = request === 'latest' ? `${RELEASES}/stable.txt` : `${RELEASES}/stable-${minor}.txt`;
    const text = await ctx.http.text(pointer, { tool: 'kubectl', version: request });
    const m = /^v(1\.[0-9]+\.[0-9]+)$/.exec(text.trim());
    if (!m) {
      throw new ToolDownloadError(
        `kubectl ${request}: ${displayUrl(ctx.http.url(pointer))} does not hold a version (got ${JSON.stringify(text.trim().slice(0, 40))})`,
      );
    }
    return m[1]!;
  },

  async release(version, ctx): Promise<ToolRelease> {
    const url = kubectlUrl(version, ctx.platform);
    const pinned: string | undefined = PINNED_SHA256[`v${version}/${ctx.platform.os}/${ARCH[ctx.platform.arch]}`];
    let sha256: string | undefined = pinned;
    let checksumFrom = 'the checksum pinned in the action';
    if (!sha256) {
      const sumUrl = `${url}.sha256`;
      checksumFrom = displayUrl(ctx.http.url(sumUrl));
      sha256 = parseSingleChecksum(await ctx.http.text(sumUrl, { tool: 'kubectl', version }));
      if (!sha256) throw new ToolDownloadError(`kubectl ${version}: ${checksumFrom} does not hold a SHA-256`);
    }
    return {
      version,
      artifacts: [{ url, sha256, checksumFrom, kind: 'file', label: `kubectl ${version}` }],
      verifiedAgainst: pinned ? 'the pinned checksum' : 'the published .sha256 file',
      async assemble([binary], root) {
        const bin = path.join(root, 'kubectl');
        await rename(binary!.path, bin);
        await chmod(bin, 0o755);
      },
    };
  },

  executables(dir) {
    const bin = path.join(dir, 'kubectl');
    return existsSync(bin) ? { bin } : undefined;
  },
};
