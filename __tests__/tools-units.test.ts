/** The pure parts of tool installation: mirror rewriting, checksum documents, version requests, platforms. */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { clearSecrets, redact } from '../src/log.js';
import { parseChecksumLines, parseSingleChecksum } from '../src/tools/checksum.js';
import { EKSCTL_PINNED, eksctl, eksctlAsset } from '../src/tools/eksctl.js';
import { GCLOUD_PINNED, gcloud, manifestUrl } from '../src/tools/gcloud.js';
import { toolPlatform } from '../src/tools/install.js';
import { KUBECTL_PINNED, kubectl, kubectlUrl } from '../src/tools/kubectl.js';
import { displayUrl, mirrored, parseMirror } from '../src/tools/mirror.js';

beforeEach(() => clearSecrets());

describe('tool-mirror rewriting', () => {
  const kubectlUpstream = 'https://dl.k8s.io/release/v1.34.5/bin/linux/amd64/kubectl';

  it('leaves URLs alone without a mirror', () => {
    expect(mirrored(kubectlUpstream, parseMirror(''))).toBe(kubectlUpstream);
  });

  it('replaces scheme and host, keeps path and query', () => {
    const m = parseMirror('http://mirror.internal:8080');
    expect(mirrored(kubectlUpstream, m)).toBe('http://mirror.internal:8080/release/v1.34.5/bin/linux/amd64/kubectl');
    expect(mirrored('https://api.example.com/a/b?x=1', m)).toBe('http://mirror.internal:8080/a/b?x=1');
  });

  it("puts the mirror's own path in front, with or without a trailing slash", () => {
    for (const base of ['https://mirror.internal/tools', 'https://mirror.internal/tools/']) {
      expect(
        mirrored('https://dl.google.com/dl/cloudsdk/channels/rapid/components-v528.0.0.json', parseMirror(base)),
      ).toBe('https://mirror.internal/tools/dl/cloudsdk/channels/rapid/components-v528.0.0.json');
    }
  });

  it('takes credentials out of the URL into a Basic header, and registers them as secrets', () => {
    const m = parseMirror('https://ci%40corp:p%3Ass-w0rd!@mirror.internal/base')!;
    expect(m.base).toBe('https://mirror.internal/base');
    expect(m.hostname).toBe('mirror.internal');
    expect(m.authorization).toBe(`Basic ${Buffer.from('ci@corp:p:ss-w0rd!').toString('base64')}`);
    expect(redact('password p:ss-w0rd! and header ' + m.authorization)).toBe('password *** and header Basic ***');
  });

  it('treats a token given as the only credential (`https://TOKEN@mirror`) as a secret', () => {
    const m = parseMirror('https://glpat-T0kenValue42@mirror.internal')!;
    expect(m.authorization).toBe(`Basic ${Buffer.from('glpat-T0kenValue42:').toString('base64')}`);
    expect(redact('mirror token glpat-T0kenValue42')).toBe('mirror token ***');
  });

  it('shows URLs without credentials or query strings', () => {
    expect(displayUrl('https://u:secret@host.example/path/file?X-Amz-Signature=abc')).toBe(
      'https://host.example/path/file',
    );
  });
});

describe('checksum documents', () => {
  it('reads goreleaser / sha256sum lines', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    const sums = parseChecksumLines(`${a}  eksctl_Linux_amd64.tar.gz\n${b} *eksctl_Darwin_arm64.tar.gz\nnot a line\n`);
    expect([...sums]).toEqual([
      ['eksctl_Linux_amd64.tar.gz', a],
      ['eksctl_Darwin_arm64.tar.gz', 'b'.repeat(64)],
    ]);
  });

  it('reads a bare .sha256 digest, with or without a file name', () => {
    const d = 'c'.repeat(64);
    expect(parseSingleChecksum(`${d}\n`)).toBe(d);
    expect(parseSingleChecksum(`${d}  kubectl\n`)).toBe(d);
    expect(parseSingleChecksum('<html>not found</html>')).toBeUndefined();
  });
});

describe('version requests', () => {
  it('needs no network for the pinned or an exact version', () => {
    expect(kubectl.exactVersion('')).toBe(KUBECTL_PINNED);
    expect(kubectl.exactVersion('v1.33.4')).toBe('1.33.4');
    expect(eksctl.exactVersion('')).toBe(EKSCTL_PINNED);
    expect(eksctl.exactVersion('v0.229.0')).toBe('0.229.0');
    expect(gcloud.exactVersion('')).toBe(GCLOUD_PINNED);
    expect(gcloud.exactVersion('530.0.0')).toBe('530.0.0');
  });

  it('resolves latest and a kubectl minor through the publisher', () => {
    expect(kubectl.exactVersion('latest')).toBeUndefined();
    expect(kubectl.exactVersion('1.33')).toBeUndefined();
    expect(eksctl.exactVersion('latest')).toBeUndefined();
    expect(gcloud.exactVersion('latest')).toBeUndefined();
    expect(manifestUrl('latest')).toBe('https://dl.google.com/dl/cloudsdk/channels/rapid/components-2.json');
  });
});

describe('platforms', () => {
  it('names downloads the way each publisher does', () => {
    expect(kubectlUrl('1.34.5', { os: 'linux', arch: 'arm64' })).toBe(
      'https://dl.k8s.io/release/v1.34.5/bin/linux/arm64/kubectl',
    );
    expect(kubectlUrl('1.34.5', { os: 'darwin', arch: 'x64' })).toBe(
      'https://dl.k8s.io/release/v1.34.5/bin/darwin/amd64/kubectl',
    );
    expect(eksctlAsset({ os: 'linux', arch: 'x64' })).toBe('eksctl_Linux_amd64.tar.gz');
    expect(eksctlAsset({ os: 'darwin', arch: 'arm64' })).toBe('eksctl_Darwin_arm64.tar.gz');
  });

  it('accepts Linux and macOS on x64 and arm64 only', () => {
    expect(toolPlatform('linux', 'arm64')).toEqual({ os: 'linux', arch: 'arm64' });
    expect(() => toolPlatform('win32', 'x64')).toThrow(/not win32\/x64/);
    expect(() => toolPlatform('linux', 's390x')).toThrow(/not linux\/s390x/);
  });
});
