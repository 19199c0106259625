// Cold start of `plan` from the committed bundle against a bare `node -e 0`: the median wall time of N runs
// each, and on Linux the mean CPU time (user + system) of a run, from this process's children's times in
// /proc/self/stat (clock ticks: 10 ms each, summed over the runs). The cases run in rounds, each case once a
// round, so a machine busy with other work slows every case alike.
// Run by hand (not by CI):  npx node bench/cold-start.mjs [runs] [baseline-dist]   (npx puts Node 24 first)
//   baseline-dist: another bundle whose plans run in the same rounds, e.g. an older commit's:
//   mkdir /tmp/base && git archive <commit> dist | tar -x -C /tmp/base; then pass /tmp/base/dist
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 15);
const baseline = process.argv[3];
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'cold-'));
cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });
if (baseline) cpSync(baseline, path.join(dir, 'baseline'), { recursive: true });

/** CPU seconds of the children this process has waited for (user + system), or undefined off Linux. */
function childCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 of proc(5)
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, at 100 ticks a second
}

function time(args, env) {
  const cpu = childCpuMs();
  const t = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stdout}${res.stderr}`);
  return { wall, cpu: cpu === undefined ? undefined : childCpuMs() - cpu };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const base = { PATH: process.env.PATH, HOME: dir };
const gcp = { ...base, INPUT_PROVIDER: 'gcp', INPUT_COMMAND: 'plan', INPUT_PROJECT: 'bench-project-1' };
const aws = { ...base, INPUT_PROVIDER: 'aws', INPUT_COMMAND: 'plan' };
const cases = {
  'node -e 0': [['-e', '0'], base],
  'plan gcp': [['dist/index.js'], gcp],
  'plan aws': [['dist/index.js'], aws],
  ...(baseline
    ? { 'plan gcp (baseline)': [['baseline/index.js'], gcp], 'plan aws (baseline)': [['baseline/index.js'], aws] }
    : {}),
};
const out = path.join(dir, 'out');
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, { wall: [], cpu: [] }]));
for (let i = 0; i < runs; i++) {
  for (const [name, [args, env]] of Object.entries(cases)) {
    writeFileSync(out, '');
    const { wall, cpu } = time(args, { ...env, GITHUB_OUTPUT: out });
    samples[name].wall.push(wall);
    if (cpu !== undefined) samples[name].cpu.push(cpu);
  }
}
const bare = median(samples['node -e 0'].wall);
console.log(`node ${process.version}, ${runs} runs each, median wall time (mean CPU time):`);
for (const [name, { wall, cpu }] of Object.entries(samples)) {
  const ms = median(wall);
  const cpuText = cpu.length ? `  (${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(0)} ms CPU)` : '';
  console.log(`  ${name.padEnd(19)} ${ms.toFixed(0).padStart(5)} ms  (${(ms / bare).toFixed(2)}x node -e 0)${cpuText}`);
}
