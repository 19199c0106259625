/**
 * Tool installation end to end: the real @actions/tool-cache, real HTTP to the FAKE download server
 * on loopback (reached as `tool-mirror`), real tar archives, and the installed executables run.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Inputs } from './fixtures.js';
import { configOf, fakeIO } from './fixtures.js';
import { clearSecrets } from '../src/log.js';
import { type InstallDeps, installTools } from '../src/tools/install.js';
import { DownloadServer, REAL_SDK_ROOT } from './fakes/download-server.js';
import { useToolSandbox } from './support/tool-sandbox.js';

const KUBECTL_BIN = '/release/v1.33.4/bin/linux/amd64/kubectl';
const EKSCTL_DIR = '/eksctl-io/eksctl/releases/download/v0.229.0';
const EKSCTL_TGZ = `${EKSCTL_DIR}/eksctl_Linux_amd64.tar.gz`;
const GCLOUD_MANIFEST = '/dl/cloudsdk/channels/rapid/components-v528.0.0.json';
const GCLOUD_ARCHIVES = '/dl/cloudsdk/channels/rapid/components/';

let server: DownloadServer;
let sleeps: number[];
const box = useToolSandbox();

beforeAll(async () => {
  server = await DownloadServer.start();
  server.addKubectl('1.33.4');
  await server.addEksctl('0.229.0');
  await server.addGcloud('528.0.0');
});
afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  server.reset();
  sleeps = [];
  clearSecrets();
});

function config(inputs: Inputs = {}) {
  return configOf({
    provider: 'gcp',
    region: 'us-central1',
    project: 'proj-123456',
    'tool-mirror': server.url,
    'kubectl-version': '1.33.4',
    'eksctl-version': '0.229.0',
    ...inputs,
  });
}

/** Waits are recorded, not slept; the backoff's jitter is pinned to its middle (waits of 1.5 s, 3 s, 6 s …). */
function deps(extra: Partial<InstallDeps> = {}): InstallDeps {
  return {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    env: { GITHUB_API_URL: server.url },
    platform: 'linux',
    arch: 'x64',
    ...extra,
    http: { random: () => 0.5, ...extra.http },
  };
}

const run = (bin: string, args: string[] = []) => execFileSync(bin, args, { encoding: 'utf8' }).trim();

describe('installTools against the fake download server', () => {
  it('downloads, verifies and caches all three tools and puts them on PATH', async () => {
    const io = fakeIO();
    const tools = await installTools(['gcloud', 'eksctl', 'kubectl'], config(), io, deps());

    expect(tools.kubectl).toMatchObject({ name: 'kubectl', version: '1.33.4', source: 'download' });
    expect(tools.kubectl.bin).toBe(path.join(box.cacheDir, 'kubectl', '1.33.4', 'x64', 'kubectl'));
    expect(existsSync(path.join(box.cacheDir, 'kubectl', '1.33.4', 'x64.complete'))).toBe(true);
    expect(run(tools.kubectl.bin)).toBe('Client Version: v1.33.4 (fake kubectl)');

    expect(tools.eksctl.bin).toBe(path.join(box.cacheDir, 'eksctl', '0.229.0', 'x64', 'eksctl'));
    expect(run(tools.eksctl.bin)).toBe('0.229.0');

    const sdk = path.join(box.cacheDir, 'gcloud', '528.0.0', 'x64');
    expect(tools.gcloud).toMatchObject({ version: '528.0.0', dir: sdk, bin: path.join(sdk, 'bin', 'gcloud') });
    expect(tools.gcloud.authPlugin).toBe(path.join(sdk, 'bin', 'gke-gcloud-auth-plugin'));
    expect(run(tools.gcloud.bin)).toBe('Google Cloud SDK 528.0.0');
    expect(run(tools.gcloud.authPlugin!)).toBe('Kubernetes v1.30.0 (fake linux-x86_64)');
    expect(run(path.join(sdk, 'platform/bundledpythonunix/bin/python3'))).toBe('Python 3.12');

    // gcloud's install state, as its updater writes it, so `gcloud components` keeps working.
    const state = readdirSync(path.join(sdk, '.install')).sort();
    expect(state).toEqual(
      [
        'bundled-python3-unix',
        'bundled-python3-unix-linux-x86_64',
        'core',
        'core-nix',
        'gcloud-deps',
        'gcloud-deps-linux-x86_64',
        'gke-gcloud-auth-plugin',
        'gke-gcloud-auth-plugin-linux-x86_64',
      ]
        .flatMap((id) => [`${id}.manifest`, `${id}.snapshot.json`])
        .sort(),
    );
    expect(readFileSync(path.join(sdk, '.install/core.manifest'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['VERSION', 'bin/', 'bin/gcloud', 'lib/googlecloudsdk/__init__.py']),
    );
    const snapshot = JSON.parse(readFileSync(path.join(sdk, '.install/core.snapshot.json'), 'utf8'));
    expect(snapshot).toMatchObject({
      version: '528.0.0',
      components: [{ id: 'core', data: { source: '', type: 'tar' } }],
    });

    // Only the closure for linux/x86_64 was fetched: no bq, no Windows, macOS or arm component.
    const archives = server.paths().filter((p) => p.startsWith(GCLOUD_ARCHIVES));
    expect(archives.map((p) => p.replace(/^.*google-cloud-sdk-(.*)-\d+\.tar\.gz$/, '$1')).sort()).toEqual([
      'bundled-python3-unix-linux-x86_64',
      'core',
      'core-nix',
      'gcloud-deps',
      'gcloud-deps-linux-x86_64',
      'gke-gcloud-auth-plugin-linux-x86_64',
    ]);

    expect(io.paths.sort()).toEqual(
      [path.dirname(tools.kubectl.bin), path.dirname(tools.eksctl.bin), path.join(sdk, 'bin')].sort(),
    );
    expect(io.lines.join('\n')).toMatch(
      /kubectl 1\.33\.4: downloaded .* SHA-256 verified against the published \.sha256 file/,
    );
    expect(io.lines.join('\n')).toMatch(/eksctl 0\.229\.0: downloaded .* against the release’s eksctl_checksums\.txt/);
    expect(io.lines.join('\n')).toMatch(
      /gcloud 528\.0\.0 \(pinned\): downloaded .* Google's component manifest \(6 archives\)/,
    );
    // The temp folders of the downloads are gone.
    expect(readdirSync(box.tempDir)).toEqual([]);
  });

  it('uses the tool cache on a second run, with no request at all', async () => {
    await installTools(['gcloud', 'eksctl', 'kubectl'], config(), fakeIO(), deps());
    const before = server.requests.length;
    expect(before).toBeGreaterThan(0);

    const io = fakeIO();
    const tools = await installTools(['gcloud', 'eksctl', 'kubectl'], config(), io, deps());
    expect(server.requests.length).toBe(before);
    expect(Object.values(tools).map((t) => t.source)).toEqual(['cache', 'cache', 'cache']);
    expect(run(tools.gcloud.bin)).toBe('Google Cloud SDK 528.0.0');
    expect(io.lines.join('\n')).toMatch(/kubectl 1\.33\.4: from the tool cache/);
    expect(io.paths).toHaveLength(3);
  });

  it('refuses a tampered archive and caches nothing', async () => {
    server.addKubectl('1.33.5');
    server.tamper('/release/v1.33.5/bin/linux/amd64/kubectl');
    await expect(installTools(['kubectl'], config({ 'kubectl-version': '1.33.5' }), fakeIO(), deps())).rejects.toThrow(
      /kubectl: SHA-256 mismatch for kubectl 1\.33\.5 \(http:\/\/127\.0\.0\.1:\d+\/release\/v1\.33\.5\/bin\/linux\/amd64\/kubectl\): expected [0-9a-f]{64} from .*kubectl\.sha256, got [0-9a-f]{64}; nothing was cached/,
    );
    expect(existsSync(path.join(box.cacheDir, 'kubectl'))).toBe(false);
    expect(readdirSync(box.tempDir)).toEqual([]);
    expect(sleeps).toEqual([]); // a mismatch is not retried
  });

  it('refuses a gcloud component that does not match the manifest, and caches no SDK', async () => {
    const release = await server.addGcloud('529.0.0');
    server.tamper(release.archives['gcloud-deps']!);
    await expect(installTools(['gcloud'], config({ 'gcloud-version': '529.0.0' }), fakeIO(), deps())).rejects.toThrow(
      /SHA-256 mismatch for gcloud 529\.0\.0 component gcloud-deps .* from http:\/\/127\.0\.0\.1:\d+\/dl\/cloudsdk\/channels\/rapid\/components-v529\.0\.0\.json/,
    );
    expect(existsSync(path.join(box.cacheDir, 'gcloud'))).toBe(false);
  });

  it('checks the pinned kubectl against the checksum pinned in the code, not one the server offers', async () => {
    // The server's kubectl 1.34.5 comes with a matching .sha256 of its own: the pin must still win.
    server.addKubectl('1.34.5');
    await expect(installTools(['kubectl'], config({ 'kubectl-version': '' }), fakeIO(), deps())).rejects.toThrow(
      /expected 6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb from the checksum pinned in the action/,
    );
    expect(server.countOf('/release/v1.34.5/bin/linux/amd64/kubectl.sha256')).toBe(0);
    expect(existsSync(path.join(box.cacheDir, 'kubectl'))).toBe(false);
  });

  it('says a version that 404s does not exist', async () => {
    const err = installTools(
      ['kubectl', 'eksctl'],
      config({ 'kubectl-version': '1.33.99', 'eksctl-version': '0.999.0' }),
      fakeIO(),
      deps(),
    );
    await expect(err).rejects.toThrow(
      /kubectl: version 1\.33\.99 of kubectl does not exist \(http:\/\/127\.0\.0\.1:\d+\/release\/v1\.33\.99\/bin\/linux\/amd64\/kubectl\.sha256 answered 404\); eksctl: version 0\.999\.0 of eksctl does not exist/,
    );
    expect(sleeps).toEqual([]); // a 404 is not retried
  });

  it('retries a 429, honours Retry-After, then gives a rate-limit message', async () => {
    server.fail(KUBECTL_BIN, 429, Number.POSITIVE_INFINITY, { 'retry-after': '2' });
    await expect(installTools(['kubectl'], config(), fakeIO(), deps())).rejects.toThrow(
      /127\.0\.0\.1:\d+ is rate-limiting or refusing requests for kubectl 1\.33\.4 \(HTTP 429 from .*\): retry later, or serve the tools from `tool-mirror`/,
    );
    expect(server.countOf(KUBECTL_BIN)).toBe(4);
    expect(sleeps).toEqual([2000, 3000, 6000]); // max(Retry-After 2 s, backoff 1.5 s, 3 s, 6 s)
  });

  it('maps a 403 from the GitHub API to advice about github-token, without retrying', async () => {
    server.fail('/repos/eksctl-io/eksctl/releases/latest', 403, 1);
    await expect(
      installTools(['eksctl'], config({ 'eksctl-version': 'latest', 'github-token': '' }), fakeIO(), deps()),
    ).rejects.toThrow(
      /HTTP 403 .*: pass `github-token` \(the default `\$\{\{ github\.token \}\}` is enough\) or pin `eksctl-version`/,
    );
    expect(sleeps).toEqual([]);
  });

  it('retries transient 5xx answers with backoff, then succeeds', async () => {
    server.fail(EKSCTL_TGZ, 503, 2);
    server.fail(GCLOUD_MANIFEST, 502, 1);
    const io = fakeIO();
    const tools = await installTools(['eksctl', 'gcloud'], config(), io, deps());
    expect(tools.eksctl.source).toBe('download');
    expect(server.countOf(EKSCTL_TGZ)).toBe(3);
    expect(server.countOf(GCLOUD_MANIFEST)).toBe(2);
    expect(sleeps.sort((a, b) => a - b)).toEqual([1500, 1500, 3000]);
    expect(io.lines.join('\n')).toMatch(
      /eksctl 0\.229\.0: HTTP 503 from .*eksctl_Linux_amd64\.tar\.gz; retrying in 1\.5s \(attempt 2 of 4\)/,
    );
  });

  it('downloads the tools concurrently', async () => {
    const archives = new Set([KUBECTL_BIN, EKSCTL_TGZ]);
    server.holdUntil((p) => archives.has(p) || /google-cloud-sdk-core-\d+\.tar\.gz$/.test(p), 3, 10_000);
    await installTools(['gcloud', 'eksctl', 'kubectl'], config(), fakeIO(), deps());
    // Run one after the other, only one of them would ever have been in flight.
    expect(server.heldTogether()).toBe(3);
  });

  it('rewrites every download to the mirror, keeps the path under its prefix, and keeps credentials out of logs', async () => {
    server.pathPrefix = '/tools';
    server.setEksctlLatest('0.229.0');
    const mirror = server.url.replace('http://', 'http://ci-user:mirror-s3cret-pw@') + '/tools/';
    const io = fakeIO();
    await installTools(
      ['gcloud', 'eksctl', 'kubectl'],
      config({ 'tool-mirror': mirror, 'eksctl-version': 'latest', 'github-token': 'ghs_exampletoken123' }),
      io,
      deps(),
    );
    const basic = `Basic ${Buffer.from('ci-user:mirror-s3cret-pw').toString('base64')}`;
    const api = server.requests.filter((r) => r.path.startsWith('/repos/'));
    const downloads = server.requests.filter((r) => !r.path.startsWith('/repos/'));
    expect(api).toHaveLength(1);
    expect(api[0]!.headers.authorization).toBe('Bearer ghs_exampletoken123');
    expect(downloads.length).toBeGreaterThan(5);
    for (const r of downloads) {
      expect(r.path.startsWith('/tools/')).toBe(true);
      expect(r.headers.authorization).toBe(basic);
    }
    expect(downloads.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        `/tools${KUBECTL_BIN}`,
        `/tools${KUBECTL_BIN}.sha256`,
        `/tools${EKSCTL_TGZ}`,
        `/tools${EKSCTL_DIR}/eksctl_checksums.txt`,
        `/tools${GCLOUD_MANIFEST}`,
      ]),
    );
    const log = io.lines.join('\n');
    expect(log).toContain(`Downloads go to the mirror ${server.url}/tools`);
    expect(log).not.toMatch(/mirror-s3cret-pw|ci-user|ghs_exampletoken123/);
  });

  it('resolves latest and minors through the publisher, then uses the cache for the resolved version', async () => {
    server.setKubectlStable('1.33.4', '1.33');
    server.setEksctlLatest('0.229.0');
    await server.addGcloud('530.0.0', { latest: true });
    const inputs = { 'kubectl-version': '1.33', 'eksctl-version': 'latest', 'gcloud-version': 'latest' };
    const io = fakeIO();
    const tools = await installTools(['gcloud', 'eksctl', 'kubectl'], config(inputs), io, deps());
    expect([tools.gcloud.version, tools.eksctl.version, tools.kubectl.version]).toEqual([
      '530.0.0',
      '0.229.0',
      '1.33.4',
    ]);
    expect(io.lines.join('\n')).toMatch(/kubectl 1\.33\.4 \(1\.33\): downloaded/);
    expect(server.paths()).toEqual(
      expect.arrayContaining([
        '/release/stable-1.33.txt',
        '/repos/eksctl-io/eksctl/releases/latest',
        '/dl/cloudsdk/channels/rapid/components-2.json',
      ]),
    );

    // Again: only the three small look-ups, no download.
    server.requests.length = 0;
    const again = await installTools(['gcloud', 'eksctl', 'kubectl'], config(inputs), fakeIO(), deps());
    expect(Object.values(again).map((t) => t.source)).toEqual(['cache', 'cache', 'cache']);
    expect(server.paths().sort()).toEqual(
      [
        '/dl/cloudsdk/channels/rapid/components-2.json',
        '/release/stable-1.33.txt',
        '/repos/eksctl-io/eksctl/releases/latest',
      ].sort(),
    );
  });

  it('uses a pre-seeded SDK (the real gcloud on this machine) as is, with no request', async () => {
    const entry = path.join(box.cacheDir, 'gcloud', '528.0.0', 'x64');
    await mkdir(path.dirname(entry), { recursive: true });
    await symlink(REAL_SDK_ROOT, entry);
    await writeFile(`${entry}.complete`, '');
    const tools = await installTools(['gcloud'], config(), fakeIO(), deps());
    expect(server.requests).toHaveLength(0);
    expect(tools.gcloud).toMatchObject({ source: 'cache', bin: path.join(entry, 'bin', 'gcloud') });
    expect(tools.gcloud.authPlugin).toBe(path.join(entry, 'bin', 'gke-gcloud-auth-plugin'));
    const gcloudConfig = await mkdtemp(path.join(box.tempDir, 'gcloud-config-'));
    const out = execFileSync(tools.gcloud.bin, ['version'], {
      encoding: 'utf8',
      env: { ...process.env, CLOUDSDK_CONFIG: gcloudConfig, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
    });
    expect(out).toMatch(/^Google Cloud SDK 528\.0\.0$/m);
    expect(run(tools.gcloud.authPlugin!, ['--version'])).toMatch(/^Kubernetes v\d+\.\d+\.\d+/);
  });

  it('gives a pre-seeded SDK without gke-gcloud-auth-plugin the plugin as its own cache entry', async () => {
    const entry = path.join(box.cacheDir, 'gcloud', '528.0.0', 'x64');
    await mkdir(path.join(entry, 'bin'), { recursive: true });
    await writeFile(
      path.join(entry, 'bin', 'gcloud'),
      '#!/bin/sh\necho "Google Cloud SDK 528.0.0 (package manager)"\n',
      {
        mode: 0o755,
      },
    );
    await writeFile(`${entry}.complete`, '');
    const io = fakeIO();
    const tools = await installTools(['gcloud'], config(), io, deps());
    const plugin = path.join(box.cacheDir, 'gke-gcloud-auth-plugin', '528.0.0', 'x64', 'bin', 'gke-gcloud-auth-plugin');
    expect(tools.gcloud).toMatchObject({ source: 'cache', bin: path.join(entry, 'bin', 'gcloud'), authPlugin: plugin });
    expect(run(plugin)).toBe('Kubernetes v1.30.0 (fake linux-x86_64)');
    expect(server.paths().filter((p) => p.startsWith(GCLOUD_ARCHIVES))).toEqual([
      expect.stringMatching(/google-cloud-sdk-gke-gcloud-auth-plugin-linux-x86_64-\d+\.tar\.gz$/),
    ]);
    expect(io.paths.sort()).toEqual([path.join(entry, 'bin'), path.dirname(plugin)].sort());
    // The pre-seeded folder itself is left alone.
    expect(readdirSync(path.join(entry, 'bin'))).toEqual(['gcloud']);
  });

  it('reinstalls over a cache entry that has lost its executable', async () => {
    const entry = path.join(box.cacheDir, 'kubectl', '1.33.4', 'x64');
    await mkdir(entry, { recursive: true });
    await writeFile(`${entry}.complete`, '');
    const io = fakeIO();
    const tools = await installTools(['kubectl'], config(), io, deps());
    expect(tools.kubectl.source).toBe('download');
    expect(run(tools.kubectl.bin)).toBe('Client Version: v1.33.4 (fake kubectl)');
    expect(io.lines.join('\n')).toMatch(/has no executable; installing it again/);
  });

  it('falls back to tool-cache copying when the cache is on another filesystem', async () => {
    const crossDevice = async () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    const tools = await installTools(['kubectl'], config(), fakeIO(), deps({ rename: crossDevice }));
    expect(tools.kubectl.bin).toBe(path.join(box.cacheDir, 'kubectl', '1.33.4', 'x64', 'kubectl'));
    expect(run(tools.kubectl.bin)).toBe('Client Version: v1.33.4 (fake kubectl)');
    expect(existsSync(path.join(box.cacheDir, 'kubectl', '1.33.4', 'x64.complete'))).toBe(true);
  });

  it('reports progress while a slow download runs', async () => {
    server.addKubectl('1.33.6', { padding: 300_000 });
    server.bytesPerSecond = 500_000;
    const io = fakeIO();
    await installTools(
      ['kubectl'],
      config({ 'kubectl-version': '1.33.6' }),
      io,
      deps({ http: { progressIntervalMs: 100 } }),
    );
    expect(
      io.lines.filter((l) => /^kubectl 1\.33\.6: [0-9.]+ MB of 0\.3 MB downloaded$/.test(l)).length,
    ).toBeGreaterThan(1);
  });

  it('refuses an unsupported platform before any request', async () => {
    await expect(installTools(['kubectl'], config(), fakeIO(), deps({ arch: 'ia32' }))).rejects.toThrow(
      /Linux or macOS runners with x64 or arm64 CPUs, not linux\/ia32/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(installTools(['kubectl'], config(), fakeIO(controller.signal), deps())).rejects.toThrow(
      /kubectl 1\.33\.4: download cancelled/,
    );
    expect(existsSync(path.join(box.cacheDir, 'kubectl'))).toBe(false);
  });

  it('installs the arm64 and macOS builds from their own paths', async () => {
    server.addKubectl('1.33.4', { arch: 'arm64' });
    await server.addEksctl('0.229.0', { asset: 'eksctl_Darwin_arm64.tar.gz' });
    const arm = await installTools(['kubectl'], config(), fakeIO(), deps({ arch: 'arm64' }));
    expect(arm.kubectl.bin).toBe(path.join(box.cacheDir, 'kubectl', '1.33.4', 'arm64', 'kubectl'));
    expect(server.paths()).toContain('/release/v1.33.4/bin/linux/arm64/kubectl');
    const mac = await installTools(['eksctl'], config(), fakeIO(), deps({ platform: 'darwin', arch: 'arm64' }));
    expect(run(mac.eksctl.bin)).toBe('0.229.0');
    expect(server.paths()).toContain(`${EKSCTL_DIR}/eksctl_Darwin_arm64.tar.gz`);
  });
});
