/**
 * Tool installation benchmark (run by hand, not by CI): installs gcloud, eksctl and kubectl from the FAKE
 * download server on loopback, which sends every response at a fixed bandwidth (per connection, like a
 * CDN's per-flow limit), and reports
 *   - the three tools installed one by one (sum of three runs, each with an empty tool cache),
 *   - the three installed together, concurrently (empty tool cache),
 *   - the same call again, all three from the tool cache (no request).
 *
 *   npm run bench:tools -- [runs] [MB/s]          (defaults: 3 runs, 5 MB/s; medians are printed)
 *
 * The script compiles this file and what it imports with tsc into .tmp/bench-tools, then runs it
 * with Node 24 from the devDependencies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configOf, fakeIO } from '../__tests__/fixtures.js';
import { DownloadServer } from '../__tests__/fakes/download-server.js';
import { type ToolName, installTools } from '../src/tools/install.js';

const runs = Number(process.argv[2] ?? 3);
const mbPerSecond = Number(process.argv[3] ?? 5);
const MB = 1024 * 1024;

// @actions/tool-cache writes `::debug::` lines to stdout; keep the figures readable.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  typeof chunk === 'string' && chunk.startsWith('::debug::')
    ? true
    : write(chunk, ...rest)) as typeof process.stdout.write;

const server = await DownloadServer.start();
const kubectl = server.addKubectl('1.33.4', { padding: 4 * MB });
const eksctl = await server.addEksctl('0.229.0', { padding: 3 * MB });
await server.addGcloud('528.0.0', { padding: 5 * MB });
server.bytesPerSecond = mbPerSecond * MB;

const config = configOf({
  provider: 'gcp',
  region: 'us-central1',
  project: 'bench-project-1',
  'tool-mirror': server.url,
  'kubectl-version': '1.33.4',
  'eksctl-version': '0.229.0',
});

async function timed(names: ToolName[], cacheDir: string): Promise<number> {
  process.env.RUNNER_TOOL_CACHE = cacheDir;
  const t = process.hrtime.bigint();
  await installTools(names, config, fakeIO(), { platform: 'linux', arch: 'x64' });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function freshCache(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'bench-tool-cache-'));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const all: ToolName[] = ['gcloud', 'eksctl', 'kubectl'];
const samples = { oneByOne: [] as number[], concurrent: [] as number[], cached: [] as number[] };
const perTool: Record<ToolName, number[]> = { gcloud: [], eksctl: [], kubectl: [] };
process.env.RUNNER_TEMP = await mkdtemp(path.join(os.tmpdir(), 'bench-runner-temp-'));

for (let i = 0; i < runs; i++) {
  let sum = 0;
  for (const name of all) {
    const cache = await freshCache();
    const ms = await timed([name], cache);
    perTool[name].push(ms);
    sum += ms;
    await rm(cache, { recursive: true, force: true });
  }
  samples.oneByOne.push(sum);

  const cache = await freshCache();
  samples.concurrent.push(await timed(all, cache));
  server.requests.length = 0;
  samples.cached.push(await timed(all, cache));
  if (server.requests.length !== 0) throw new Error(`cache hit made ${server.requests.length} requests`);
  await rm(cache, { recursive: true, force: true });
}
await server.close();
await rm(process.env.RUNNER_TEMP, { recursive: true, force: true });

const gcloudMb = 5 + 0.01; // gcloud-deps padding plus the small components
const fmt = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
console.log(
  `node ${process.version}, ${runs} runs, ${mbPerSecond} MB/s per connection; archives: ` +
    `kubectl ${(kubectl.length / MB).toFixed(1)} MB, eksctl ${(eksctl.length / MB).toFixed(1)} MB, ` +
    `gcloud ~${gcloudMb.toFixed(1)} MB in 6 component archives`,
);
for (const name of all) console.log(`  ${name.padEnd(8)} alone          ${fmt(median(perTool[name]))}`);
console.log(`  one by one (sum)        ${fmt(median(samples.oneByOne))}`);
console.log(`  concurrent              ${fmt(median(samples.concurrent))}`);
console.log(`  cache hit (no request)  ${fmt(median(samples.cached))}`);
