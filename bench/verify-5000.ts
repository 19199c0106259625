/**
 * verify benchmark (run by hand, not by CI): 5,000 nodes served by the FAKE Kubernetes API; times the
 * action's `verify` (every check, the bounded summary, the full report file, the Markdown) against the
 * reference document's own listing with the real kubectl on the same server:
 *
 *   kubectl get nodes -o=custom-columns="NAME:…,RUNTIME:…,MAXPODS:…,KERNEL:…,AMIFAMILY:…,K8S:…,AMI:…"
 *
 * and reports medians, the ratio and verify's peak memory.
 *
 *   npm run bench:verify -- [runs] [nodes]          (default: 5 runs, 5000 nodes)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectKube } from '../src/clients/kube.js';
import type { ProviderCloud } from '../src/cloud/types.js';
import { verify } from '../src/commands/verify.js';
import { memoryLogger } from '../src/log.js';
import { REFERENCE_LABELS } from '../src/reference.js';
import { configOf, fakeIO } from '../__tests__/fixtures.js';
import { FakeKubeApi, fakeNode } from '../__tests__/fakes/kube-api.js';

const runs = Number(process.argv[2] ?? 5);
const count = Number(process.argv[3] ?? 5000);
const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const COLUMNS =
  'NAME:.metadata.name,RUNTIME:.status.nodeInfo.containerRuntimeVersion,MAXPODS:.status.capacity.pods,' +
  'KERNEL:.status.nodeInfo.kernelVersion,AMIFAMILY:.status.nodeInfo.osImage,K8S:.status.nodeInfo.kubeletVersion,AMI:.spec.providerID';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const api = await FakeKubeApi.start({ anonymous: true });
const pool = (i: number) => (i % 2 ? 'workspaces' : 'services');
api.seed(
  ...Array.from({ length: count }, (_, i) =>
    fakeNode({
      name: `gke-gitpod-node-${String(i).padStart(5, '0')}`,
      labels: {
        'cloud.google.com/gke-nodepool': `workload-${pool(i)}`,
        ...REFERENCE_LABELS[pool(i)],
        'topology.kubernetes.io/zone': 'us-central1-a',
      },
    }),
  ),
);
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-verify-'));
const kubeconfig = await api.writeKubeconfig(dir);
const config = configOf(
  { provider: 'gcp', project: 'bench-project', region: 'us-central1', command: 'verify' },
  { RUNNER_TEMP: dir },
);
const cloud: ProviderCloud = {
  observe: async () => ({
    found: true,
    pools: (['services', 'workspaces'] as const).map((role) => ({
      name: config.pools[role].name,
      role,
      labels: { ...config.pools[role].labels },
      machineType: config.pools[role].machineType,
      minNodes: config.pools[role].minNodes,
      maxNodes: config.pools[role].maxNodes,
      maxPods: 110,
      image: 'UBUNTU_CONTAINERD',
    })),
    network: { networkPolicy: true },
  }),
  kubeAccess: async () => api.access(),
};

const kubectlMs: number[] = [];
const verifyMs: number[] = [];
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  // Asynchronous: the fake API server answers from this same process.
  const res = await promisify(execFile)(
    KUBECTL,
    ['--kubeconfig', kubeconfig, 'get', 'nodes', `-o=custom-columns=${COLUMNS}`],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  kubectlMs.push(performance.now() - t);
  if (res.stdout.trim().split('\n').length !== count + 1)
    throw new Error(`kubectl listed the wrong number of nodes: ${res.stderr}`);

  t = performance.now();
  const kube = await connectKube(api.access(), memoryLogger());
  const report = await verify(config, fakeIO(), { cloud, kube });
  verifyMs.push(performance.now() - t);
  if (report.status !== 'OK')
    throw new Error(`verify did not pass: ${JSON.stringify(report.items.filter((i) => i.status !== 'OK'))}`);
}
clearInterval(sampler);
await api.close();
const k = median(kubectlMs);
const v = median(verifyMs);
console.log(`${count} nodes, ${runs} runs, median wall time (node ${process.version}):`);
console.log(`  kubectl get nodes -o=custom-columns (kubectl 1.33)   ${k.toFixed(0).padStart(6)} ms`);
console.log(
  `  verify: 8 checks + summary + report file + Markdown   ${v.toFixed(0).padStart(6)} ms   (${(v / k).toFixed(2)}x kubectl)`,
);
console.log(
  `  peak RSS of this process (fake API server with ${count} nodes included): ${(peak / 1048576).toFixed(0)} MB`,
);
