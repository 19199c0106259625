/**
 * One EKS world for the apply/verify tests: the FAKE EKS + CloudFormation API, the FAKE Kubernetes API
 * it points clusters at, the FAKE Calico release server (reached through `tool-mirror`), a tool cache
 * pre-seeded with the eksctl TEST STAND-IN and a real kubectl, and the environment the SDK reads.
 * The fakes play the controllers: eksctl's cluster comes with the aws-node daemonset, its nodegroups
 * with nodes, and the tigera operator reports Calico Available once the Installation is written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AwsApplyDeps } from '../../src/providers/aws/apply.js';
import { connectKube } from '../../src/clients/kube.js';
import type { KubeAccess } from '../../src/providers/types.js';
import type { Config } from '../../src/inputs.js';
import { AWS, DEFAULT_CALICO_VERSION } from '../../src/reference.js';
import { type Inputs, configOf } from '../fixtures.js';
import { CalicoReleaseServer } from '../fakes/calico-manifests.js';
import { FakeAwsQuotaApi } from '../fakes/aws-quota-api.js';
import { FakeEksApi } from '../fakes/eks-api.js';
import { FakeKubeApi, fakeNode } from '../fakes/kube-api.js';
import { seedEksctlTools } from './tool-cache.js';

export const FAKE_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0001',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-key-0123456789abcdefghijklmnop',
  AWS_SESSION_TOKEN: 'fake-session-token-0123456789',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

export interface AwsWorld {
  eks: FakeEksApi;
  /** The FAKE EC2 / Service Quotas / SSM preflight reads. */
  quota: FakeAwsQuotaApi;
  kube: FakeKubeApi;
  calico: CalicoReleaseServer;
  dir: string;
  /** Every KubeAccess apply built (the STS token included). */
  accesses: KubeAccess[];
  config(inputs?: Inputs): Config;
  deps(extra?: Partial<AwsApplyDeps>): AwsApplyDeps;
  /** Simulated time the polls advanced (ms). */
  clock: { now: number };
  close(): Promise<void>;
}

/**
 * The controllers the fakes stand in for: eksctl's cluster comes with the aws-node daemonset when it has the vpc-cni add-on, its
 * nodegroups with nodes (relabelled when eksctl relabels the nodegroup), and the tigera operator reports
 * Calico Available once the Installation is written.
 */
/** The kube-proxy DaemonSet eksctl installs, at a Kubernetes minor. */
export function kubeProxy(minor: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: 'kube-proxy',
              image: `602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v${minor}.0-eksbuild.1`,
            },
          ],
        },
      },
    },
  };
}

export function playEksControllers(eks: FakeEksApi, kube: FakeKubeApi, calicoRunning = DEFAULT_CALICO_VERSION): void {
  eks.onEksctl((event, { name, version }) => {
    if (event === 'cluster-created') {
      // aws-node comes with the vpc-cni add-on only (none under `disableDefaultAddons`).
      if (eks.addons.has(`${name}/vpc-cni`)) {
        kube.seed({
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          metadata: { name: AWS.calico.awsNode.name, namespace: AWS.calico.awsNode.namespace },
          spec: {},
        });
      }
      kube.seed(
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'coredns-1', namespace: 'kube-system' } },
        // eksctl's self-managed add-ons: kube-proxy's image tag is the cluster's Kubernetes version.
        kubeProxy(eks.cluster(name)!.version),
      );
    } else if (event === 'nodegroup-relabelled') {
      // EKS puts a managed nodegroup's new labels on its nodes; labels outside the nodegroup's stay.
      const ng = [...eks.nodegroups.values()].find((n) => n.nodegroupName === name)!;
      for (const node of kube.objects('v1', 'Node')) {
        const labels = (node.metadata.labels ?? {}) as Record<string, string>;
        if (labels['eks.amazonaws.com/nodegroup'] !== name) continue;
        for (const k of Object.keys(labels)) if (k.startsWith('gitpod.io/')) delete labels[k];
        Object.assign(labels, ng.labels);
        node.metadata.labels = labels;
      }
    } else if (event === 'cluster-upgraded') {
      kube.version = `v${version}.0-eks-fake`;
    } else if (event === 'addon-updated') {
      if (name === 'kube-proxy') kube.seed(kubeProxy(version!));
    } else if (event === 'nodegroup-upgraded') {
      // The managed nodegroup's rolling update: its nodes come back with the new kubelet.
      for (const node of kube.objects('v1', 'Node')) {
        const labels = node.metadata.labels ?? {};
        if (labels['eks.amazonaws.com/nodegroup'] !== name) continue;
        (node.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion = `v${version}.0-eks-fake`;
      }
    } else if (event === 'nodegroup-deleted') {
      // eksctl drained the nodes (their pods moved to the nodes left) and EKS terminated them.
      for (const node of kube.objects('v1', 'Node')) {
        if (node.metadata.labels?.['eks.amazonaws.com/nodegroup'] === name)
          kube.remove({ apiVersion: 'v1', kind: 'Node', name: node.metadata.name });
      }
    } else {
      // A new nodegroup's nodes join with the kubelet of its Kubernetes version.
      const ng = [...eks.nodegroups.values()].find((n) => n.nodegroupName === name)!;
      kube.seed(
        fakeNode({
          name: `ip-10-0-${ng.nodegroupName.length}-1.${name}.internal`,
          labels: { ...ng.labels, 'eks.amazonaws.com/nodegroup': ng.nodegroupName },
          kernel: '6.8.0-1021-aws',
          ...(ng.version ? { kubelet: `v${ng.version}.0-eks-fake` } : {}),
        }),
      );
    }
  });
  kube.onWrite((obj, verb) => {
    if (obj.kind === 'Installation' && verb !== 'delete') {
      // The operator reports the Calico release it runs on the Installation's status.
      obj.status = { ...((obj.status as object | undefined) ?? {}), calicoVersion: calicoRunning };
      kube.seed({
        apiVersion: AWS.calico.ready.apiVersion,
        kind: AWS.calico.ready.kind,
        metadata: { name: AWS.calico.ready.name },
        status: { conditions: [{ type: AWS.calico.ready.condition, status: 'True' }] },
      });
    }
  });
}

export async function startAwsWorld(): Promise<AwsWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aws-world-'));
  const kube = await FakeKubeApi.start({ version: 'v1.34.1-eks-fake' });
  const eks = await FakeEksApi.start({ kubeEndpoint: kube.url });
  const calico = await CalicoReleaseServer.start(DEFAULT_CALICO_VERSION);
  const quota = await FakeAwsQuotaApi.start('eu-west-1');

  // The tool cache as a self-hosted runner image would pre-seed it: nothing is downloaded.
  const cache = path.join(dir, 'tool-cache');
  seedEksctlTools(cache);
  const saved: Record<string, string | undefined> = {};
  const env: Record<string, string> = {
    ...FAKE_AWS_ENV,
    ...quota.env,
    AWS_ENDPOINT_URL_EKS: eks.url,
    AWS_ENDPOINT_URL_CLOUDFORMATION: eks.url,
    FAKE_EKSCTL_URL: eks.url,
    RUNNER_TOOL_CACHE: cache,
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }

  playEksControllers(eks, kube);

  const accesses: KubeAccess[] = [];
  const clock = { now: 1_700_000_000_000 };
  const world: AwsWorld = {
    eks,
    quota,
    kube,
    calico,
    dir,
    accesses,
    clock,
    config: (inputs = {}) =>
      configOf(
        {
          provider: 'aws',
          command: 'apply',
          region: 'eu-west-1',
          'tool-mirror': calico.url,
          'kubeconfig-path': path.join(dir, 'gitpod.kubeconfig'),
          ...inputs,
        },
        { RUNNER_TEMP: dir },
      ),
    deps: (extra = {}) => ({
      // The fake API server knows one bearer token; the real STS token is recorded and checked apart.
      connect: async (access, log) => {
        accesses.push(access);
        return connectKube({ ...access, token: kube.token }, log, {
          attempts: 2,
          baseDelayMs: 1,
          sleep: async () => {},
        });
      },
      sleep: async (ms) => {
        clock.now += ms;
      },
      now: () => clock.now,
      pollMs: 10_000,
      ...extra,
    }),
    async close() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await Promise.all([eks.close(), kube.close(), calico.close(), quota.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}
