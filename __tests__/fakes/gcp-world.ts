/**
 * A test world for GKE end to end: the FAKE Google APIs (gcp-api.ts), the FAKE Kubernetes API
 * (kube-api.ts), the REAL gcloud of this machine pre-seeded into a runner tool cache (so `installTools`
 * finds it and downloads nothing), and a counter of every gcloud process the action starts.
 *
 * gcloud is seeded as a tool-cache folder whose bin/gcloud is a two-line wrapper that appends one line
 * per invocation to a log, then execs the real SDK's gcloud: the count is of processes, not requests.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/inputs.js';
import { GCLOUD_PINNED } from '../../src/tools/gcloud.js';
import { KUBECTL_PINNED } from '../../src/tools/kubectl.js';
import { type Inputs, configOf } from '../fixtures.js';
import { FakeGcpApi, type FakeGcpOptions } from './gcp-api.js';
import { FakeKubeApi } from './kube-api.js';

/** The real SDK root, from the gcloud on PATH. Throws (the test fails, never skips) when there is none. */
export function realSdkRoot(): string {
  let bin: string;
  try {
    bin = execFileSync('sh', ['-c', 'command -v gcloud'], { encoding: 'utf8' }).trim();
  } catch {
    bin = '';
  }
  if (!bin) throw new Error('gcloud is not on PATH: the GKE end-to-end tests need the real gcloud');
  return path.dirname(path.dirname(realpathSync(bin)));
}

export interface GcpWorld {
  gcp: FakeGcpApi;
  kube: FakeKubeApi;
  dir: string;
  /** The counting gcloud wrapper of the seeded tool cache. */
  gcloudBin: string;
  /** kubectl of the seeded tool cache (the SDK's kubectl.1.33). */
  kubectlBin: string;
  /** CLOUDSDK_* variables pointing gcloud and the action at the fakes. */
  env: Record<string, string>;
  /** gcloud processes started so far (each line: its arguments). */
  gcloudCalls(): string[];
  config(inputs?: Inputs): Config;
  /** Points @actions/tool-cache (which reads process.env) at this world's tool cache and temp folder. */
  activate(): void;
  close(): Promise<void>;
}

export async function gcpWorld(opts: FakeGcpOptions = {}): Promise<GcpWorld> {
  const sdk = realSdkRoot();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gcp-world-'));
  const calls = path.join(dir, 'gcloud-calls.log');
  writeFileSync(calls, '');

  // Tool cache: gcloud/<pinned>/x64 with a counting wrapper; kubectl/<pinned>/x64/kubectl.
  const cache = path.join(dir, 'toolcache');
  const gcloudDir = path.join(cache, 'gcloud', GCLOUD_PINNED, 'x64');
  mkdirSync(path.join(gcloudDir, 'bin'), { recursive: true });
  const wrapper = path.join(gcloudDir, 'bin', 'gcloud');
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${path.join(sdk, 'bin', 'gcloud')}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const plugin = path.join(sdk, 'bin', 'gke-gcloud-auth-plugin');
  if (existsSync(plugin)) symlinkSync(plugin, path.join(gcloudDir, 'bin', 'gke-gcloud-auth-plugin'));
  writeFileSync(`${gcloudDir}.complete`, '');
  const kubectlDir = path.join(cache, 'kubectl', KUBECTL_PINNED, 'x64');
  mkdirSync(kubectlDir, { recursive: true });
  const kubectlBin = ['kubectl.1.33', 'kubectl'].map((k) => path.join(sdk, 'bin', k)).find((k) => existsSync(k));
  if (kubectlBin) symlinkSync(kubectlBin, path.join(kubectlDir, 'kubectl'));
  else writeFileSync(path.join(kubectlDir, 'kubectl'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  writeFileSync(`${kubectlDir}.complete`, '');
  const runnerTemp = path.join(dir, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  const activate = () => {
    process.env.RUNNER_TOOL_CACHE = cache;
    process.env.RUNNER_TEMP = runnerTemp;
  };
  activate();

  const gcp = await FakeGcpApi.start(opts);
  // The Kubernetes fake accepts the same OAuth token the action gets for GKE.
  const kube = await FakeKubeApi.start({ token: gcp.token });
  const gcloudConfig = path.join(dir, 'gcloud-config');
  mkdirSync(gcloudConfig);
  const env = { ...gcp.gcloudEnv(gcloudConfig), RUNNER_TEMP: runnerTemp };

  return {
    gcp,
    kube,
    dir,
    gcloudBin: wrapper,
    kubectlBin: path.join(kubectlDir, 'kubectl'),
    env,
    gcloudCalls: () => readFileSync(calls, 'utf8').split('\n').filter(Boolean),
    config: (inputs = {}) =>
      configOf(
        {
          provider: 'gcp',
          region: gcp.opts.region,
          project: gcp.opts.project,
          'kubeconfig-path': path.join(dir, 'out', 'gitpod.kubeconfig'),
          ...inputs,
        },
        { RUNNER_TEMP: runnerTemp },
      ),
    activate,
    async close() {
      await gcp.close();
      await kube.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
