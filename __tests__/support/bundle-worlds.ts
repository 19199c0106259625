/**
 * Worlds for the bundled action run as a runner runs it (support/run-bundle.ts: `node dist/index.js` in a
 * child process): every fake on loopback, the environment that points the action's real clients and real
 * CLIs at them, and no test hook in src. `startAction({ ...world.inputs, command: 'apply' }, world.env)`
 * runs apply, verify or destroy end to end.
 *
 * GKE: the REAL gcloud of this machine pre-seeded in a runner tool cache (a wrapper that logs each call
 * and its PID, then execs the SDK's gcloud, so the PID is gcloud's own), the FAKE GKE/IAM/CRM/Service
 * Usage API (CLOUDSDK_API_ENDPOINT_OVERRIDES_*, CLOUDSDK_AUTH_ACCESS_TOKEN), and the FAKE Kubernetes API
 * over https: GKE reports `endpoint: 127.0.0.1:<port>` and a CA made at start by openssl, so the action
 * verifies TLS against the cluster CA as in production. Nodes join when a node pool's operation ends.
 *
 * EKS: the eksctl TEST STAND-IN and a real kubectl in the tool cache, the FAKE EKS/CloudFormation API
 * and the FAKE EC2 / Service Quotas / SSM that preflight reads (AWS_ENDPOINT_URL_*), fake credentials, the FAKE Calico release server as `tool-mirror`, and the FAKE
 * Kubernetes API over plain http on loopback (the endpoint the action treats as a test server:
 * src/providers/aws/cloud.ts isLoopbackHttp). It admits the action's own presigned STS token (`k8s-aws-v1.…`).
 *
 * `stepEnv(run)` is the environment of a later workflow step (GITHUB_PATH and GITHUB_ENV applied), for
 * running kubectl with the kubeconfig the action wrote, as a user's next step would.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CALICO_VERSION, GCP } from '../../src/reference.js';
import { CalicoReleaseServer } from '../fakes/calico-manifests.js';
import { FakeAwsQuotaApi } from '../fakes/aws-quota-api.js';
import { FakeEksApi } from '../fakes/eks-api.js';
import { FakeGcpApi, type FakeGcpOptions } from '../fakes/gcp-api.js';
import { FakeKubeApi, fakeNode } from '../fakes/kube-api.js';
import { FAKE_AWS_ENV, playEksControllers } from './aws-world.js';
import type { RunFiles } from './run-bundle.js';
import { seedEksctlTools, seedGcloudTools } from './tool-cache.js';

export interface BundleWorld {
  /** Environment for startAction: the fakes' endpoints, fake credentials, RUNNER_TOOL_CACHE. */
  env: Record<string, string>;
  /** Inputs that point the action at this world (provider, region, kubeconfig-path …); add `command`. */
  inputs: Record<string, string>;
  dir: string;
  /** The runner tool cache of this world (seeded, or empty with `tools: 'empty'`). */
  toolCache: string;
  kube: FakeKubeApi;
  /** The environment of a later step of the job: PATH with what the run added, the variables it exported. */
  stepEnv(run: RunFiles): Record<string, string>;
  close(): Promise<void>;
}

export interface GcpBundleWorld extends BundleWorld {
  gcp: FakeGcpApi;
  /** gcloud processes started so far, each line its arguments. */
  gcloudCalls(): string[];
  /** Their PIDs, in the same order. */
  gcloudPids(): number[];
}

export interface EksctlProcess {
  /** The stand-in's own PID and that of the child it started. */
  pid: number;
  child: number;
  command: string;
}

export interface AwsBundleWorld extends BundleWorld {
  eks: FakeEksApi;
  /** The FAKE EC2 / Service Quotas / SSM preflight reads. */
  quota: FakeAwsQuotaApi;
  calico: CalicoReleaseServer;
  /** Every eksctl TEST STAND-IN process started so far, with its child. */
  eksctlProcesses(): EksctlProcess[];
}

export interface BundleWorldOptions {
  /** `seeded` (default): the CLIs are in the tool cache, nothing is downloaded; `empty`: they must be. */
  tools?: 'seeded' | 'empty';
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

function stepEnvOf(base: Record<string, string>) {
  return (run: RunFiles): Record<string, string> => {
    // The runner prepends each GITHUB_PATH line in turn: the last one added comes first.
    const added = lines(run.pathFile).reverse();
    const PATH = [...added, process.env.PATH ?? ''].join(path.delimiter);
    return { ...base, HOME: run.dir, ...run.exported(), PATH };
  };
}

function worldDir(prefix: string): { dir: string; cache: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const cache = path.join(dir, 'tool-cache');
  mkdirSync(cache);
  return { dir, cache };
}

/** GKE: real gcloud, FAKE Google APIs, FAKE Kubernetes API over TLS with its own CA. */
export async function gcpBundleWorld(
  opts: BundleWorldOptions & { gcp?: FakeGcpOptions } = {},
): Promise<GcpBundleWorld> {
  const { dir, cache } = worldDir('gcp-bundle-');
  const tools = opts.tools !== 'empty' ? seedGcloudTools(cache, dir) : undefined;

  const token = opts.gcp?.token ?? 'ya29.fake-gcp-access-token-0123456789';
  const kube = await FakeKubeApi.start({ token, tls: true });
  const gcp = await FakeGcpApi.start({ ...opts.gcp, token, clusterEndpoint: kube.hostPort, clusterCaPem: kube.caPem });
  // The controller side: a node joins when its pool is RUNNING, and leaves with its pool or cluster.
  gcp.onOperationDone((op) => {
    const m = /\/clusters\/([^/]+)(?:\/nodePools\/([^/]+))?$/.exec(String(op.targetLink));
    if (!m) return;
    const [, cluster, poolName] = m;
    const nodes = kube.objects('v1', 'Node');
    const leave = (pool?: string) => {
      for (const n of nodes.filter((x) => !pool || x.metadata.labels?.[GCP.nodePoolLabel] === pool))
        kube.remove({ apiVersion: 'v1', kind: 'Node', name: n.metadata.name });
    };
    const join = (name: string) => {
      const pool = gcp.pool(cluster!, name) as { config: { labels?: Record<string, string> } } | undefined;
      const labels = { ...pool?.config.labels, [GCP.nodePoolLabel]: name };
      kube.seed(fakeNode({ name: `gke-${cluster}-${name}-0`, labels }));
    };
    if (op.operationType === 'CREATE_NODE_POOL' && poolName) join(poolName);
    // A cluster made with its pools (one clusters.create): every pool's nodes join when it is RUNNING.
    else if (op.operationType === 'CREATE_CLUSTER' && !poolName) {
      for (const p of (gcp.cluster(cluster!)?.nodePools ?? []) as { name: string }[]) join(p.name);
    } else if (op.operationType === 'DELETE_NODE_POOL' && poolName) leave(poolName);
    else if (op.operationType === 'DELETE_CLUSTER') leave();
  });

  const configDir = path.join(dir, 'gcloud-config');
  mkdirSync(configDir);
  const env = { ...gcp.gcloudEnv(configDir), RUNNER_TOOL_CACHE: cache };
  return {
    gcp,
    kube,
    dir,
    toolCache: cache,
    env,
    inputs: {
      provider: 'gcp',
      project: gcp.opts.project,
      region: gcp.opts.region,
      'kubeconfig-path': path.join(dir, 'out', 'gitpod.kubeconfig'),
    },
    gcloudCalls: () => tools?.gcloudCalls() ?? [],
    gcloudPids: () => tools?.gcloudPids() ?? [],
    stepEnv: stepEnvOf(env),
    async close() {
      await Promise.all([gcp.close(), kube.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An EKS token as `aws eks get-token` makes it: a presigned STS GetCallerIdentity naming the cluster. */
export function isEksToken(token: string): boolean {
  if (!token.startsWith('k8s-aws-v1.')) return false;
  try {
    const url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8'));
    const signed = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
    return url.searchParams.get('Action') === 'GetCallerIdentity' && signed.includes('x-k8s-aws-id');
  } catch {
    return false;
  }
}

/** EKS: eksctl TEST STAND-IN, FAKE EKS/CloudFormation API, FAKE Calico releases, FAKE Kubernetes API. */
export async function awsBundleWorld(opts: BundleWorldOptions = {}): Promise<AwsBundleWorld> {
  const { dir, cache } = worldDir('aws-bundle-');
  const pids = path.join(dir, 'eksctl-pids.log');
  if (opts.tools !== 'empty') {
    seedEksctlTools(cache);
  }

  // kubectl sends no bearer token over plain http: requests without one are let through, a wrong one is not.
  const kube = await FakeKubeApi.start({ version: 'v1.34.1-eks-fake', anonymous: true, acceptToken: isEksToken });
  const eks = await FakeEksApi.start({ kubeEndpoint: kube.url });
  const calico = await CalicoReleaseServer.start(DEFAULT_CALICO_VERSION);
  const quota = await FakeAwsQuotaApi.start('eu-west-1');
  playEksControllers(eks, kube);

  const env = {
    ...FAKE_AWS_ENV,
    ...quota.env,
    AWS_ENDPOINT_URL_EKS: eks.url,
    AWS_ENDPOINT_URL_CLOUDFORMATION: eks.url,
    FAKE_EKSCTL_URL: eks.url,
    FAKE_EKSCTL_PIDS: pids,
    RUNNER_TOOL_CACHE: cache,
  };
  return {
    eks,
    quota,
    kube,
    calico,
    dir,
    toolCache: cache,
    env,
    inputs: {
      provider: 'aws',
      region: 'eu-west-1',
      'tool-mirror': calico.url,
      'kubeconfig-path': path.join(dir, 'out', 'gitpod.kubeconfig'),
    },
    eksctlProcesses: () =>
      lines(pids).map((l) => {
        const [pid, child, ...command] = l.split(' ');
        return { pid: Number(pid), child: Number(child), command: command.join(' ') };
      }),
    stepEnv: stepEnvOf(env),
    async close() {
      await Promise.all([eks.close(), kube.close(), calico.close(), quota.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
