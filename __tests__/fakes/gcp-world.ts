/**
 * A test world for GKE end to end: the FAKE Google APIs (gcp-api.ts), the FAKE Kubernetes API
 * (kube-api.ts), the REAL gcloud of this machine pre-seeded into a runner tool cache (so `installTools`
 * finds it and downloads nothing), and a counter of every gcloud process the action starts.
 *
 * gcloud is seeded by support/tool-cache.ts (seedGcloudTools): a wrapper that logs each invocation, then
 * execs the real SDK's gcloud, so the count is of processes, not requests.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/inputs.js';
import { type Inputs, configOf } from '../fixtures.js';
import { FakeGcpApi, type FakeGcpOptions } from './gcp-api.js';
import { FakeKubeApi } from './kube-api.js';
import { seedGcloudTools } from '../support/tool-cache.js';

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
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gcp-world-'));
  const cache = path.join(dir, 'toolcache');
  const tools = seedGcloudTools(cache, dir);
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
    gcloudBin: tools.gcloudBin,
    kubectlBin: tools.kubectlBin,
    env,
    gcloudCalls: tools.gcloudCalls,
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
