/**
 * `use-runner-tools`: gcloud and kubectl taken from the runner's PATH. The runner here is made of this
 * machine's REAL gcloud SDK (a Debian package: /usr/bin/gcloud → /usr/lib/google-cloud-sdk/bin/gcloud)
 * and its real kubectl.1.33 under the name kubectl; what is still installed comes through the real
 * @actions/tool-cache from the FAKE download server on loopback (as `tool-mirror`), checksum-verified.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  readFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Inputs } from './fixtures.js';
import { configOf, fakeIO } from './fixtures.js';
import { clearSecrets } from '../src/log.js';
import { type InstallDeps, installTools, pathWithTools } from '../src/tools/install.js';
import { findOnPath } from '../src/tools/runner.js';
import { applyFlow } from '../src/providers/gcp/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { gcpWorld } from './fakes/gcp-world.js';
import { destroy } from '../src/commands/destroy.js';
import { gcpCloud } from '../src/providers/gcp/cloud.js';
import { parse } from 'yaml';
import { DownloadServer, type GcloudFakeRelease, REAL_SDK_ROOT } from './fakes/download-server.js';
import { runAction } from './support/run-bundle.js';
import { useToolSandbox } from './support/tool-sandbox.js';

const SDK_BIN = path.join(REAL_SDK_ROOT, 'bin');
/** What this machine's SDK says of itself: its VERSION file, and `kubectl.1.33 version --client`. */
const SDK_VERSION = '528.0.0';
const KUBECTL_133 = '1.33.1';
const MANIFEST = '/dl/cloudsdk/channels/rapid/components-v528.0.0.json';
const KUBECTL_1334 = '/release/v1.33.4/bin/linux/amd64/kubectl';

let server: DownloadServer;
let gcloud528: GcloudFakeRelease;
let runnerDirs: string[] = [];
const box = useToolSandbox();

beforeAll(async () => {
  server = await DownloadServer.start();
  server.addKubectl('1.33.4');
  await server.addEksctl('0.229.0');
  gcloud528 = await server.addGcloud(SDK_VERSION);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  clearSecrets();
});
afterEach(() => {
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
  runnerDirs = [];
});

/** A folder of the runner's PATH holding `links` (name → target) and `files` (name → executable script). */
function pathDir(links: Record<string, string>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runner-path-'));
  runnerDirs.push(dir);
  for (const [name, target] of Object.entries(links)) symlinkSync(target, path.join(dir, name));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body, { mode: 0o755 });
  return dir;
}

/** The runner's gcloud as the Debian package puts it on PATH, and the SDK's kubectl 1.33 as `kubectl`. */
const hostedRunner = () =>
  pathDir({ gcloud: path.join(SDK_BIN, 'gcloud'), kubectl: path.join(SDK_BIN, 'kubectl.1.33') });

/** An SDK root of its own (VERSION, bin/gcloud running the real one) that has no gke-gcloud-auth-plugin. */
function sdkWithoutPlugin(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'runner-sdk-'));
  runnerDirs.push(root);
  mkdirSync(path.join(root, 'bin'));
  writeFileSync(path.join(root, 'VERSION'), `${SDK_VERSION}\n`);
  writeFileSync(path.join(root, 'bin', 'gcloud'), `#!/bin/sh\nexec '${path.join(SDK_BIN, 'gcloud')}' "$@"\n`, {
    mode: 0o755,
  });
  return root;
}

function config(inputs: Inputs = {}) {
  return configOf({
    provider: 'gcp',
    region: 'us-central1',
    project: 'proj-123456',
    'tool-mirror': server.url,
    'use-runner-tools': 'true',
    ...inputs,
  });
}

function deps(pathValue: string): InstallDeps {
  return {
    sleep: async () => undefined,
    env: { GITHUB_API_URL: server.url, PATH: pathValue },
    platform: 'linux',
    arch: 'x64',
    http: { random: () => 0.5 },
  };
}

const log = (io: ReturnType<typeof fakeIO>) => io.lines.filter((l) => !l.startsWith('::'));

describe('use-runner-tools', () => {
  it("uses the runner's gcloud, its auth plugin and kubectl, and downloads nothing", async () => {
    const runner = hostedRunner();
    const io = fakeIO();
    const tools = await installTools(['gcloud', 'kubectl'], config(), io, deps(runner));

    expect(server.requests).toEqual([]);
    expect(tools.gcloud).toEqual({
      name: 'gcloud',
      version: '528.0.0',
      dir: '/usr/lib/google-cloud-sdk',
      bin: '/usr/lib/google-cloud-sdk/bin/gcloud',
      authPlugin: '/usr/lib/google-cloud-sdk/bin/gke-gcloud-auth-plugin',
      authPluginSource: 'runner',
      source: 'runner',
    });
    expect(tools.kubectl).toEqual({
      name: 'kubectl',
      version: KUBECTL_133,
      dir: runner,
      bin: path.join(runner, 'kubectl'),
      source: 'runner',
    });
    expect(log(io).sort()).toEqual(
      [
        `Downloads go to the mirror ${server.url}/`,
        `gcloud 528.0.0 from the runner (${runner}/gcloud)`,
        'gke-gcloud-auth-plugin from the runner (/usr/lib/google-cloud-sdk/bin/gke-gcloud-auth-plugin)',
        `kubectl 1.33.1 from the runner (${runner}/kubectl)`,
      ].sort(),
    );
    // Nothing cached, nothing put on PATH again: the runner's PATH already leads to them.
    expect(readdirSync(box.cacheDir)).toEqual([]);
    expect(io.paths).toEqual([]);
    expect(pathWithTools([tools.gcloud, tools.kubectl], '/base')).toBe('/base');
    // They are the real tools.
    const out = execFileSync(tools.gcloud.bin, ['version'], {
      encoding: 'utf8',
      env: { ...process.env, CLOUDSDK_CONFIG: mkdtempSync(path.join(box.tempDir, 'cfg-')) },
    });
    expect(out).toMatch(/^Google Cloud SDK 528\.0\.0$/m);
    expect(execFileSync(tools.gcloud.authPlugin!, ['--version'], { encoding: 'utf8' })).toMatch(
      /^Kubernetes v\d+\.\d+\.\d+/,
    );
  });

  it('installs gke-gcloud-auth-plugin alone, checksum-verified, for a runner SDK without it', async () => {
    const sdk = sdkWithoutPlugin();
    const runner = pathDir({ kubectl: path.join(SDK_BIN, 'kubectl.1.33') });
    const io = fakeIO();
    const tools = await installTools(['gcloud', 'kubectl'], config(), io, deps(`${path.join(sdk, 'bin')}:${runner}`));

    const pluginArchive = gcloud528.archives['gke-gcloud-auth-plugin-linux-x86_64']!;
    expect(server.paths()).toEqual([MANIFEST, pluginArchive]);
    const plugin = path.join(box.cacheDir, 'gke-gcloud-auth-plugin', '528.0.0', 'x64', 'bin', 'gke-gcloud-auth-plugin');
    expect(tools.gcloud).toMatchObject({
      source: 'runner',
      dir: sdk,
      bin: path.join(sdk, 'bin', 'gcloud'),
      authPlugin: plugin,
      authPluginSource: 'download',
    });
    expect(execFileSync(plugin, { encoding: 'utf8' }).trim()).toBe('Kubernetes v1.30.0 (fake linux-x86_64)');
    const lines = log(io);
    expect(lines).toContain(`gcloud 528.0.0 from the runner (${sdk}/bin/gcloud)`);
    expect(lines).toContain(`gke-gcloud-auth-plugin: neither in ${sdk}/bin nor on PATH; installing it alone`);
    expect(lines.join('\n')).toMatch(
      /^gke-gcloud-auth-plugin 528\.0\.0: downloaded .* SHA-256 verified against Google's component manifest \(1 archives\); cached in /m,
    );
    // Only the plugin's folder goes on PATH (for later steps and this action's own processes).
    expect(io.paths).toEqual([path.dirname(plugin)]);
    expect(pathWithTools([tools.gcloud, tools.kubectl], '/base')).toBe(`${path.dirname(plugin)}:/base`);

    // The next run finds the plugin in the tool cache: no request at all.
    server.reset();
    const again = await installTools(['gcloud'], config(), fakeIO(), deps(`${path.join(sdk, 'bin')}:${runner}`));
    expect(server.requests).toEqual([]);
    expect(again.gcloud).toMatchObject({ authPlugin: plugin, authPluginSource: 'cache' });
  });

  it('refuses a plugin that does not match the manifest and caches nothing', async () => {
    const sdk = sdkWithoutPlugin();
    server.tamper(gcloud528.archives['gke-gcloud-auth-plugin-linux-x86_64']!);
    await expect(installTools(['gcloud'], config(), fakeIO(), deps(path.join(sdk, 'bin')))).rejects.toThrow(
      /^tool installation failed: gcloud: SHA-256 mismatch for gcloud 528\.0\.0 component gke-gcloud-auth-plugin-linux-x86_64 \(.*\): expected [0-9a-f]{64} from http:\/\/127\.0\.0\.1:\d+\/dl\/cloudsdk\/channels\/rapid\/components-v528\.0\.0\.json, got [0-9a-f]{64}; nothing was cached$/,
    );
    expect(existsSync(path.join(box.cacheDir, 'gke-gcloud-auth-plugin'))).toBe(false);
  });

  it('takes a plugin from PATH when the SDK has none of its own', async () => {
    const sdk = sdkWithoutPlugin();
    const elsewhere = pathDir({ 'gke-gcloud-auth-plugin': path.join(SDK_BIN, 'gke-gcloud-auth-plugin') });
    const tools = await installTools(['gcloud'], config(), fakeIO(), deps(`${path.join(sdk, 'bin')}:${elsewhere}`));
    expect(server.requests).toEqual([]);
    expect(tools.gcloud.authPlugin).toBe(path.join(elsewhere, 'gke-gcloud-auth-plugin'));
  });

  it('downloads kubectl when the runner has none, and says why', async () => {
    const runner = pathDir({ gcloud: path.join(SDK_BIN, 'gcloud') });
    const io = fakeIO();
    const tools = await installTools(['gcloud', 'kubectl'], config({ 'kubectl-version': '1.33.4' }), io, deps(runner));
    expect(server.paths().sort()).toEqual([KUBECTL_1334, `${KUBECTL_1334}.sha256`]);
    expect(tools.gcloud.source).toBe('runner');
    expect(tools.kubectl).toMatchObject({ source: 'download', version: '1.33.4' });
    expect(execFileSync(tools.kubectl.bin, { encoding: 'utf8' }).trim()).toBe('Client Version: v1.33.4 (fake kubectl)');
    const lines = log(io);
    expect(lines).toContain('use-runner-tools: no kubectl on PATH; kubectl is installed as without it');
    expect(lines.join('\n')).toMatch(
      /^kubectl 1\.33\.4: downloaded .* SHA-256 verified against the published \.sha256 file/m,
    );
    expect(io.paths).toEqual([path.dirname(tools.kubectl.bin)]);
  });

  it("downloads gcloud when the runner's gcloud is not an SDK's bin/gcloud", async () => {
    const runner = pathDir({ gcloud: '/bin/true', kubectl: path.join(SDK_BIN, 'kubectl.1.33') });
    const io = fakeIO();
    const tools = await installTools(['gcloud'], config(), io, deps(runner));
    expect(tools.gcloud).toMatchObject({ source: 'download', version: '528.0.0' });
    expect(log(io)).toContain(
      `use-runner-tools: ${runner}/gcloud resolves to ${realpathSync('/bin/true')}, not an SDK's bin/gcloud; gcloud is installed as without it`,
    );
  });

  it('uses a runner tool only when it is the version its input asks for', async () => {
    server.setKubectlStable(KUBECTL_133, '1.33');
    const runner = hostedRunner();

    // gcloud-version equal to the runner's, kubectl-version another: kubectl is downloaded.
    const io = fakeIO();
    const tools = await installTools(
      ['gcloud', 'kubectl'],
      config({ 'gcloud-version': '528.0.0', 'kubectl-version': 'v1.33.4' }),
      io,
      deps(runner),
    );
    expect(tools.gcloud.source).toBe('runner');
    expect(tools.kubectl).toMatchObject({ source: 'download', version: '1.33.4' });
    expect(server.paths().sort()).toEqual([KUBECTL_1334, `${KUBECTL_1334}.sha256`]);
    expect(log(io)).toContain(
      `use-runner-tools: the runner's kubectl 1.33.1 (${runner}/kubectl) is not kubectl-version v1.33.4 (1.33.4); kubectl 1.33.4 is installed as without it`,
    );

    // A minor resolves through the publisher (one small request), and the runner's 1.33.1 is that.
    server.reset();
    server.setKubectlStable(KUBECTL_133, '1.33');
    const minor = await installTools(['kubectl'], config({ 'kubectl-version': '1.33' }), fakeIO(), deps(runner));
    expect(minor.kubectl).toMatchObject({ source: 'runner', version: KUBECTL_133 });
    expect(server.paths()).toEqual(['/release/stable-1.33.txt']);
  });

  it('never takes eksctl from the runner', async () => {
    const runner = pathDir({ eksctl: '/bin/true', kubectl: path.join(SDK_BIN, 'kubectl.1.33') });
    const io = fakeIO();
    const tools = await installTools(
      ['eksctl', 'kubectl'],
      configOf({
        provider: 'aws',
        region: 'eu-west-1',
        'tool-mirror': server.url,
        'use-runner-tools': 'true',
        'eksctl-version': '0.229.0',
      }),
      io,
      deps(runner),
    );
    expect(tools.eksctl).toMatchObject({ source: 'download', version: '0.229.0' });
    expect(tools.kubectl.source).toBe('runner');
    expect(log(io)).toContain(
      'use-runner-tools: eksctl is always installed by the action (no runner install of it is checksum-verified)',
    );
    expect(io.paths).toEqual([path.dirname(tools.eksctl.bin)]);
  });

  it.each([
    ['(unset)', undefined],
    ['false', 'false'],
  ])('with the input %s, downloads as before even when the runner has the tools', async (_title, value) => {
    const runner = hostedRunner();
    const io = fakeIO();
    const tools = await installTools(
      ['gcloud', 'kubectl'],
      config({ 'use-runner-tools': value, 'kubectl-version': '1.33.4' }),
      io,
      deps(runner),
    );
    expect(tools.gcloud).toMatchObject({
      source: 'download',
      dir: path.join(box.cacheDir, 'gcloud', '528.0.0', 'x64'),
    });
    expect(tools.kubectl).toMatchObject({ source: 'download', version: '1.33.4' });
    expect(server.paths()).toEqual(expect.arrayContaining([MANIFEST, KUBECTL_1334]));
    expect(io.lines.join('\n')).not.toMatch(/runner/);
  });
});

describe('findOnPath', () => {
  it('finds the first executable file, as execvp does, skipping relative entries', () => {
    const notExecutable = pathDir({});
    writeFileSync(path.join(notExecutable, 'kubectl'), '#!/bin/sh\n', { mode: 0o644 });
    const aFolder = pathDir({});
    mkdirSync(path.join(aFolder, 'kubectl'));
    const real = pathDir({}, { kubectl: '#!/bin/sh\necho real\n' });
    const later = pathDir({}, { kubectl: '#!/bin/sh\necho later\n' });
    const here = mkdtempSync(path.join(os.tmpdir(), 'cwd-'));
    runnerDirs.push(here);
    writeFileSync(path.join(here, 'kubectl'), '#!/bin/sh\n', { mode: 0o755 });
    const cwd = process.cwd();
    process.chdir(here);
    try {
      expect(findOnPath('kubectl', ['', '.', 'bin', notExecutable, aFolder, real, later].join(':'))).toBe(
        path.join(real, 'kubectl'),
      );
      expect(findOnPath('kubectl', ['.', notExecutable].join(':'))).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('the bundle with a bad use-runner-tools value', () => {
  it('fails with one ::error:: line before any download or process', async () => {
    const runner = hostedRunner();
    const res = await runAction(
      {
        provider: 'gcp',
        command: 'apply',
        project: 'proj-123456',
        region: 'us-central1',
        'tool-mirror': server.url,
        'use-runner-tools': 'yes',
      },
      { PATH: `${runner}:${process.env.PATH}`, CLOUDSDK_AUTH_ACCESS_TOKEN: 'fake-token-runner-tools' },
    );
    expect(res.status).toBe(1);
    expect(res.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([
      '::error::gitpod-cluster-action failed: Input \'use-runner-tools\' received "yes": expected `true` or `false`.',
    ]);
    expect(server.requests).toEqual([]);
    expect(res.stdout).not.toMatch(/from the runner|Install /);
  });
});

describe('a GKE apply with the tools from the runner (FAKE GKE/IAM/CRM/Kubernetes APIs, real gcloud)', () => {
  it("runs the runner's gcloud for apply and destroy, writes its plugin into the kubeconfig, and installs nothing", async () => {
    // The runner: an SDK root whose bin/gcloud logs each call and execs the real gcloud, the real plugin
    // beside it, and the SDK's kubectl 1.33 in a folder of its own, all in front of this machine's PATH.
    const sdk = mkdtempSync(path.join(os.tmpdir(), 'runner-sdk-'));
    runnerDirs.push(sdk);
    const calls = path.join(sdk, 'calls.log');
    mkdirSync(path.join(sdk, 'bin'));
    writeFileSync(path.join(sdk, 'VERSION'), `${SDK_VERSION}\n`);
    writeFileSync(
      path.join(sdk, 'bin', 'gcloud'),
      `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${path.join(SDK_BIN, 'gcloud')}' "$@"\n`,
      { mode: 0o755 },
    );
    symlinkSync(path.join(SDK_BIN, 'gke-gcloud-auth-plugin'), path.join(sdk, 'bin', 'gke-gcloud-auth-plugin'));
    const usrBin = pathDir({ kubectl: path.join(SDK_BIN, 'kubectl.1.33') });

    const w = await gcpWorld();
    const savedEnv = { ...process.env };
    const savedPath = process.env.PATH;
    try {
      // An empty tool cache: the world's seeded one is not used, and nothing may be downloaded into this one.
      process.env.RUNNER_TOOL_CACHE = box.cacheDir;
      process.env.PATH = [path.join(sdk, 'bin'), usrBin, savedPath].join(path.delimiter);
      const config = w.config({ 'use-runner-tools': 'true', 'tool-mirror': server.url });
      const io = fakeIO();
      const records = await applyFlow(config, io, {
        env: w.env,
        sleep: async () => undefined,
        connectKube: (a, l) =>
          connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, l, {
            attempts: 2,
            baseDelayMs: 0,
            sleep: async () => undefined,
          }),
      });

      expect(records.filter((r) => r.status !== 'done' && r.status !== 'skipped')).toEqual([]);
      expect(w.gcp.cluster('gitpod')?.status).toBe('RUNNING');
      expect(server.requests).toEqual([]);
      expect(readdirSync(box.cacheDir)).toEqual([]);
      expect(io.paths).toEqual([]);
      expect(io.lines).toContain(`gcloud 528.0.0 from the runner (${sdk}/bin/gcloud)`);
      expect(io.lines).toContain(`kubectl 1.33.1 from the runner (${usrBin}/kubectl)`);
      // Every gcloud process the flow started was the runner's, not the world's seeded one.
      expect(readFileSync(calls, 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(0);
      expect(w.gcloudCalls()).toEqual([]);
      const kubeconfig = parse(readFileSync(config.kubeconfigPath, 'utf8')) as {
        users: { user: { exec: { command: string } } }[];
      };
      expect(kubeconfig.users[0]!.user.exec.command).toBe(path.join(sdk, 'bin', 'gke-gcloud-auth-plugin'));
      expect(kubeconfig.users[0]!.user.exec.command).not.toContain(w.dir);

      // destroy runs the runner's gcloud too.
      Object.assign(process.env, w.env); // the gcloud that destroy starts inherits the endpoint overrides
      const destroyConfig = w.config({
        command: 'destroy',
        'confirm-destroy': 'gitpod',
        'use-runner-tools': 'true',
        'tool-mirror': server.url,
      });
      const before = readFileSync(calls, 'utf8').split('\n').filter(Boolean).length;
      const destroyIo = fakeIO();
      await destroy(destroyConfig, destroyIo, { cloud: gcpCloud(destroyConfig, destroyIo.log, { env: w.env }) });
      expect(w.gcp.cluster('gitpod')).toBeUndefined();
      expect(readFileSync(calls, 'utf8').split('\n').filter(Boolean).slice(before)).toEqual([
        `--quiet container clusters delete gitpod --project=${destroyConfig.project} --region=us-central1`,
      ]);
      expect(w.gcloudCalls()).toEqual([]);
      expect(server.requests).toEqual([]);
      expect(destroyIo.paths).toEqual([]);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
      Object.assign(process.env, savedEnv);
      await w.close();
    }
  }, 120_000);
});
