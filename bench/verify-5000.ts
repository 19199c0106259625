/**
 * verify benchmark (run by hand, not by CI). A FAKE Kubernetes API in a process of its own serves N nodes
 * (default 5,000); against that same server, each run times, as a fresh process, wall clock and peak RSS:
 *
 *   1. the reference document's own listing with the real kubectl 1.33:
 *        kubectl get nodes -o=custom-columns="NAME:.metadata.name,RUNTIME:.status.nodeInfo.containerRuntimeVersion,
 *          MAXPODS:.status.capacity.pods,KERNEL:.status.nodeInfo.kernelVersion,AMIFAMILY:.status.nodeInfo.osImage,
 *          K8S:.status.nodeInfo.kubeletVersion,AMI:.spec.providerID"
 *   2. the action's `verify` (node process start, client load, every check over pages of 500, the bounded
 *      summary, the full report file, the Markdown and outputs; the cloud side is a fake ProviderCloud).
 *
 * Medians of all runs, the ratio, and the peak RSS of each (GNU time's %M) are printed.
 *
 *   npm run bench:verify -- [runs] [nodes] [failing-every]     (default: 7 runs, 5000 nodes, 0 = all conformant)
 *
 * e.g. `npm run bench:verify -- 7 5000` and `npm run bench:verify -- 5 20000 3` (every 3rd node fails max-pods)
 * to see that verify's memory does not grow with the node count.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ProviderCloud } from '../src/providers/types.js';
import { verify } from '../src/commands/verify.js';
import type { Config } from '../src/inputs.js';
import { POOL_LABELS } from '../src/reference.js';
import { configOf, fakeIO } from '../__tests__/fixtures.js';
import { FakeKubeApi, fakeNode } from '../__tests__/fakes/kube-api.js';

const KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const TIME = '/usr/bin/time';
const COLUMNS =
  'NAME:.metadata.name,RUNTIME:.status.nodeInfo.containerRuntimeVersion,MAXPODS:.status.capacity.pods,' +
  'KERNEL:.status.nodeInfo.kernelVersion,AMIFAMILY:.status.nodeInfo.osImage,K8S:.status.nodeInfo.kubeletVersion,AMI:.spec.providerID';
const self = fileURLToPath(import.meta.url);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function benchConfig(dir: string, kubeconfig: string): Config {
  return configOf(
    { provider: 'gcp', project: 'bench-project', region: 'us-central1', command: 'verify', kubeconfig },
    { RUNNER_TEMP: dir },
  );
}

/** `serve <nodes> <failing-every>`: the fake API server, seeded; prints its kubeconfig path, runs until stdin ends. */
async function serve(count: number, failingEvery: number): Promise<void> {
  const api = await FakeKubeApi.start({ anonymous: true });
  const pool = (i: number) => (i % 2 ? 'workspaces' : 'services');
  api.seed(
    ...Array.from({ length: count }, (_, i) =>
      fakeNode({
        name: `gke-gitpod-workload-${pool(i)}-${String(i).padStart(5, '0')}`,
        labels: {
          'cloud.google.com/gke-nodepool': `workload-${pool(i)}`,
          ...POOL_LABELS[pool(i)],
          'topology.kubernetes.io/zone': 'us-central1-a',
          'node.kubernetes.io/instance-type': pool(i) === 'services' ? 'n2d-standard-8' : 'n2d-standard-16',
        },
        providerID: `gce://bench-project/us-central1-a/gke-gitpod-${i}`,
        ...(failingEvery && i % failingEvery === 0 ? { pods: 32 } : {}),
      }),
    ),
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-verify-'));
  console.log(JSON.stringify({ kubeconfig: await api.writeKubeconfig(dir), dir }));
  process.stdin.resume();
  process.stdin.on('end', () => void api.close().then(() => process.exit(0)));
}

/** `verify <kubeconfig> <dir>`: one verify, as the action runs it; prints its status. */
async function verifyOnce(kubeconfig: string, dir: string): Promise<void> {
  const config = benchConfig(dir, kubeconfig);
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
    versions: async () => ({
      controlPlane: {
        name: 'control plane',
        kind: 'control-plane' as const,
        version: '1.33.2',
        support: { endOfStandard: '2099-01-01T00:00:00Z', endOfExtended: '2099-12-31T00:00:00Z' },
      },
      pools: [],
    }),
    kubeAccess: async () => {
      throw new Error('the kubeconfig input is used');
    },
  };
  // Loaded up front (verify would load it itself) to tell the client's own cost from verify's.
  let t = performance.now();
  await import('@kubernetes/client-node');
  const loadMs = performance.now() - t;
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 2);
  const io = fakeIO();
  t = performance.now();
  const report = await verify({ ...config, failOnDrift: false }, io, { cloud });
  const verifyMs = performance.now() - t;
  clearInterval(sampler);
  sample();
  const total = report.nodeCounts.services + report.nodeCounts.workspaces + report.nodeCounts.other;
  const MiB = 1024 * 1024;
  console.log(
    JSON.stringify({
      status: report.status,
      nodes: total,
      summaryBytes: Buffer.byteLength(io.outputs.summary!),
      loadMs,
      verifyMs,
      baseRssMiB: baseRss / MiB,
      growthRssMiB: (peakRss - baseRss) / MiB,
      peakHeapMiB: peakHeap / MiB,
    }),
  );
}

/**
 * `heap <kubeconfig> <dir>` (run with --expose-gc): the heap verify retains while it pages through the
 * nodes, measured after a forced GC at the end of each page. This, not RSS (which includes garbage the
 * GC has not returned yet), is what must not grow with the node count.
 */
async function retainedHeap(kubeconfig: string, dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const config = benchConfig(dir, kubeconfig);
  const { connectKube } = await import('../src/clients/kube.js');
  const kube = await connectKube({ kubeconfigPath: kubeconfig }, fakeIO().log);
  const pages = kube.nodePages.bind(kube);
  let peak = 0;
  kube.nodePages = async function* (size?: number) {
    for await (const page of pages(size)) {
      yield page;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  };
  const cloud: ProviderCloud = {
    observe: async () => ({ found: true, pools: [], network: { networkPolicy: true } }),
    versions: async () => ({
      controlPlane: {
        name: 'control plane',
        kind: 'control-plane' as const,
        version: '1.33.2',
        support: { endOfStandard: '2099-01-01T00:00:00Z', endOfExtended: '2099-12-31T00:00:00Z' },
      },
      pools: [],
    }),
    kubeAccess: async () => {
      throw new Error('the kubeconfig input is used');
    },
  };
  gc();
  const base = process.memoryUsage().heapUsed;
  await verify({ ...config, failOnDrift: false }, fakeIO(), { cloud, kube });
  console.log(JSON.stringify({ retainedMiB: (peak - base) / (1024 * 1024) }));
}

/** What the verify process measures about itself. */
interface Inside {
  status: string;
  nodes: number;
  summaryBytes: number;
  loadMs: number;
  verifyMs: number;
  baseRssMiB: number;
  growthRssMiB: number;
  peakHeapMiB: number;
}

/** Runs argv under GNU time; wall clock (ms, measured here) and peak RSS (MiB, from %M). */
function timed(argv: string[]): Promise<{ ms: number; rssMiB: number; stdout: string }> {
  const marker = '__maxrss_kb=';
  const t = performance.now();
  return new Promise((resolve, reject) =>
    execFile(TIME, ['-f', `${marker}%M`, ...argv], { maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      const ms = performance.now() - t;
      if (err) return reject(new Error(`${argv[0]} failed: ${stderr.slice(-2000)}`));
      const kb = Number(stderr.slice(stderr.lastIndexOf(marker) + marker.length).trim());
      resolve({ ms, rssMiB: kb / 1024, stdout });
    }),
  );
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 7);
  const count = Number(process.argv[3] ?? 5000);
  const failingEvery = Number(process.argv[4] ?? 0);
  const server: ChildProcess = spawn(process.execPath, [self, 'serve', String(count), String(failingEvery)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve) =>
    createInterface({ input: server.stdout! }).once('line', (l) => resolve(l)),
  );
  const { kubeconfig, dir } = JSON.parse(first) as { kubeconfig: string; dir: string };
  const failing = failingEvery ? Math.ceil(count / failingEvery) : 0;
  const expected = failing ? 'ERROR' : 'OK';

  const kubectl: { ms: number; rssMiB: number }[] = [];
  const ours: { ms: number; rssMiB: number }[] = [];
  const inside: Inside[] = [];
  for (let r = 0; r < runs; r++) {
    const k = await timed([KUBECTL, '--kubeconfig', kubeconfig, 'get', 'nodes', `-o=custom-columns=${COLUMNS}`]);
    if (k.stdout.trim().split('\n').length !== count + 1) throw new Error('kubectl listed the wrong number of nodes');
    kubectl.push(k);
    const v = await timed([process.execPath, self, 'verify', kubeconfig, dir]);
    const out = JSON.parse(v.stdout.trim().split('\n').at(-1)!) as Inside;
    if (out.status !== expected || out.nodes !== count) throw new Error(`verify answered ${v.stdout}`);
    inside.push(out);
    ours.push(v);
  }
  const heap = await timed([process.execPath, '--expose-gc', self, 'heap', kubeconfig, dir]);
  const { retainedMiB } = JSON.parse(heap.stdout.trim().split('\n').at(-1)!) as { retainedMiB: number };
  server.stdin!.end();

  const mid = (f: (x: Inside) => number) => median(inside.map(f)).toFixed(0);
  const k = median(kubectl.map((x) => x.ms));
  const v = median(ours.map((x) => x.ms));
  const lines = [
    `${count} nodes (${failing} failing max-pods), ${runs} runs each, medians, each run a fresh process (node ${process.version}, ${os.cpus().length} CPUs):`,
    `  kubectl 1.33 get nodes -o=custom-columns         ${k.toFixed(0).padStart(6)} ms   peak RSS ${median(kubectl.map((x) => x.rssMiB)).toFixed(0)} MiB`,
    `  verify (8 checks, summary, report file, Markdown) ${v.toFixed(0).padStart(6)} ms   peak RSS ${median(ours.map((x) => x.rssMiB)).toFixed(0)} MiB`,
    `  ratio verify / kubectl: ${(v / k).toFixed(2)}`,
    `  inside the verify process: loading @kubernetes/client-node ${mid((x) => x.loadMs)} ms (RSS after it ${mid((x) => x.baseRssMiB)} MiB);`,
    `    verify itself ${mid((x) => x.verifyMs)} ms, RSS growth ${mid((x) => x.growthRssMiB)} MiB, peak heap ${mid((x) => x.peakHeapMiB)} MiB; summary output ${mid((x) => x.summaryBytes / 1024)} KiB`,
    `    heap verify retains while paging (after GC, max over pages): ${retainedMiB.toFixed(1)} MiB`,
  ];
  console.log(lines.join('\n'));
  writeFileSync(path.join(dir, 'bench-result.txt'), `${lines.join('\n')}\n`);
}

const mode = process.argv[2];
if (mode === 'serve') await serve(Number(process.argv[3]), Number(process.argv[4] ?? 0));
else if (mode === 'verify') await verifyOnce(process.argv[3]!, process.argv[4]!);
else if (mode === 'heap') await retainedHeap(process.argv[3]!, process.argv[4]!);
else await main();
