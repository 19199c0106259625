/**
 * gcloud assembled from components, proven with the real gcloud 528.0.0 on this machine: its files are
 * packed into component archives following its own install records (.install/<id>.manifest), served
 * with a component manifest built from its own snapshots by the FAKE download server, installed by
 * the action, and the installed `gcloud` and `gke-gcloud-auth-plugin` are run for real.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { configOf, fakeIO } from './fixtures.js';
import { type ComponentManifest, dependencyClosure } from '../src/tools/gcloud-manifest.js';
import { installTools } from '../src/tools/install.js';
import { DownloadServer, REAL_SDK_ROOT, realGcloudRelease } from './fakes/download-server.js';
import { useToolSandbox } from './support/tool-sandbox.js';

const execFileAsync = promisify(execFile);

/** The closure of core + gke-gcloud-auth-plugin on linux/x86_64, as gcloud's own updater computes it. */
const LINUX_X64_CLOSURE = [
  'core',
  'gke-gcloud-auth-plugin',
  'bundled-python3-unix',
  'core-nix',
  'gcloud-deps',
  'gke-gcloud-auth-plugin-linux-x86_64',
  'bundled-python3-unix-linux-x86_64',
  'gcloud-deps-linux-x86_64',
];

const haveRealSdk = existsSync(path.join(REAL_SDK_ROOT, '.install', 'core.snapshot.json')) && process.arch === 'x64';

function realManifest(): ComponentManifest {
  const state = path.join(REAL_SDK_ROOT, '.install');
  const ids = LINUX_X64_CLOSURE.concat(['bq', 'gsutil', 'kubectl', 'kubectl-linux-x86_64', 'alpha', 'anthoscli']);
  return {
    version: '528.0.0',
    components: ids.map(
      (id) => JSON.parse(readFileSync(path.join(state, `${id}.snapshot.json`), 'utf8')).components[0],
    ),
  };
}

(haveRealSdk ? describe : describe.skip)('gcloud from the real SDK 528.0.0 on this machine', () => {
  let server: DownloadServer;
  const box = useToolSandbox('all');

  beforeAll(async () => {
    server = await DownloadServer.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('takes the dependency closure the way gcloud does, per platform', () => {
    const manifest = realManifest();
    const ids = (os_: 'linux' | 'darwin', arch: 'x64' | 'arm64') =>
      dependencyClosure(manifest, ['core', 'gke-gcloud-auth-plugin'], { os: os_, arch }).map((c) => c.id);
    expect(ids('linux', 'x64')).toEqual(LINUX_X64_CLOSURE);
    // The bundled Python exists for x86_64 only; arm runners use their own python3.
    expect(ids('linux', 'arm64')).toEqual(['core', 'gke-gcloud-auth-plugin', 'core-nix', 'gcloud-deps']);
  });

  it('installs a working SDK from component archives checked against the manifest', async () => {
    const withFiles = LINUX_X64_CLOSURE.filter(
      (id) => !['gke-gcloud-auth-plugin', 'bundled-python3-unix'].includes(id),
    );
    const release = await realGcloudRelease(REAL_SDK_ROOT, withFiles);
    expect(release.version).toBe('528.0.0');
    server.put('/dl/cloudsdk/channels/rapid/components-v528.0.0.json', release.manifest, 'application/json');
    for (const [urlPath, file] of release.archives) server.putFile(urlPath, file);

    const io = fakeIO();
    const config = configOf({
      provider: 'gcp',
      region: 'us-central1',
      project: 'proj-123456',
      'tool-mirror': server.url,
    });
    const { gcloud } = await installTools(['gcloud'], config, io, { platform: 'linux', arch: 'x64' });

    // Every archive the manifest names for this platform, and nothing else (no bq, kubectl, alpha …).
    expect(server.paths().filter((p) => p.includes('/components/')).length).toBe(release.archives.size);
    expect(server.paths().some((p) => p.includes('not-served'))).toBe(false);

    const env = {
      ...process.env,
      CLOUDSDK_CONFIG: await mkdtemp(path.join(box.tempDir, 'cfg-')),
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
    };
    const version = execFileSync(gcloud.bin, ['version', '--format=json'], { encoding: 'utf8', env });
    expect(JSON.parse(version)).toMatchObject({ 'Google Cloud SDK': '528.0.0', core: '2025.06.20' });
    expect(execFileSync(gcloud.authPlugin!, ['--version'], { encoding: 'utf8' })).toMatch(/^Kubernetes v1\.\d+\.\d+/);
    // gcloud's own component manager reads the install records: it lists what was installed.
    // (Asynchronously: the fake server answering it runs in this process.)
    const { stdout: listed } = await execFileAsync(
      gcloud.bin,
      ['components', 'list', '--format=json', '--show-versions'],
      {
        encoding: 'utf8',
        env: {
          ...env,
          CLOUDSDK_COMPONENT_MANAGER_SNAPSHOT_URL: `${server.url}/dl/cloudsdk/channels/rapid/components-v528.0.0.json`,
        },
      },
    );
    const states = Object.fromEntries(
      (JSON.parse(listed) as Array<{ id: string; state: { name: string } }>).map((c) => [c.id, c.state.name]),
    );
    expect(states).toMatchObject({ core: 'Installed', 'gke-gcloud-auth-plugin': 'Installed', bq: 'Not Installed' });
    // The install records are the SDK's own, as its updater wrote them.
    const original = JSON.parse(readFileSync(path.join(REAL_SDK_ROOT, '.install/core.snapshot.json'), 'utf8'));
    const written = JSON.parse(readFileSync(path.join(gcloud.dir, '.install/core.snapshot.json'), 'utf8'));
    expect(written.components[0].data).toEqual(original.components[0].data);
    expect(io.lines.join('\n')).toMatch(
      /gcloud 528\.0\.0 \(pinned\): downloaded [0-9.]+ MB in .*Google's component manifest \(6 archives\)/,
    );
  }, 240_000);
});
