// Cold start of `plan` from the committed bundle against a bare `node -e 0`, median of N runs each.
// Run by hand (not by CI):  npx node bench/cold-start.mjs [runs]     (npx puts Node 24 from devDependencies first)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 15);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'cold-'));
cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });

function time(args, env) {
  const t = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stdout}${res.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const base = { PATH: process.env.PATH, HOME: dir };
const cases = {
  'node -e 0': [['-e', '0'], base],
  'plan gcp': [
    ['dist/index.js'],
    { ...base, INPUT_PROVIDER: 'gcp', INPUT_COMMAND: 'plan', INPUT_PROJECT: 'bench-project-1' },
  ],
  'plan aws': [['dist/index.js'], { ...base, INPUT_PROVIDER: 'aws', INPUT_COMMAND: 'plan' }],
};
const out = path.join(dir, 'out');
const results = {};
for (const [name, [args, env]] of Object.entries(cases)) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    writeFileSync(out, '');
    samples.push(time(args, { ...env, GITHUB_OUTPUT: out }));
  }
  results[name] = median(samples);
}
console.log(`node ${process.version}, ${runs} runs each, median wall time:`);
for (const [name, ms] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(10)} ${ms.toFixed(0).padStart(5)} ms  (${(ms / results['node -e 0']).toFixed(2)}x node -e 0)`,
  );
}
