// `node scripts/eksctl-examples.mjs <dir>`: runs the committed bundle's `plan` (dist/index.js, the way a
// runner does: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, no credentials, no network)
// once for every `*.yaml` in <dir> given as `eksctl-config` — eksctl's own `examples/` directory, say —
// with `cluster-name`, `region` and `kubernetes-version` taken from each file's metadata (the action's
// defaults where a file has none). Prints a Markdown table: file, accepted or refused, the one error line.
// Exits 0 whatever the verdicts: it reports, the tests judge.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/eksctl-examples.mjs <directory of eksctl ClusterConfig *.yaml files>');
  process.exit(2);
}

/** cluster-name, region, kubernetes-version from the file's metadata; what is missing stays unset. */
function inputsFrom(file) {
  let meta;
  try {
    meta = parse(readFileSync(file, 'utf8'), { logLevel: 'silent' })?.metadata;
  } catch {
    meta = undefined; // unparsable: the action says why
  }
  const inputs = {};
  if (meta && typeof meta === 'object') {
    if (typeof meta.name === 'string') inputs['cluster-name'] = meta.name;
    if (typeof meta.region === 'string') inputs.region = meta.region;
    if (meta.version !== undefined) inputs['kubernetes-version'] = String(meta.version);
  }
  return inputs;
}

/** A table cell: one line, pipes escaped. */
const cell = (text) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'eksctl-examples-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const rows = [];
let accepted = 0;
for (const name of files) {
  const file = path.resolve(dir, name);
  const inputs = { provider: 'aws', command: 'plan', 'eksctl-config': file, ...inputsFrom(file) };
  const output = path.join(tmp, 'outputs');
  const summary = path.join(tmp, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = {
    PATH: process.env.PATH,
    HOME: tmp,
    RUNNER_TEMP: tmp,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const res = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], {
    cwd: tmp,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const errors = res.stdout.split('\n').filter((l) => l.startsWith('::error'));
  const ok = res.status === 0 && errors.length === 0;
  if (ok) accepted++;
  const shown = [inputs['cluster-name'], inputs.region, inputs['kubernetes-version']].map((v) => v ?? '(default)');
  const error = errors.map((l) => l.replace(/^::error[^:]*::/, '')).join(' / ') || (ok ? '' : `exit ${res.status}`);
  rows.push(`| ${name} | ${shown.join(', ')} | ${ok ? 'accepted' : 'refused'} | ${cell(error)} |`);
}
rmSync(tmp, { recursive: true, force: true });
console.log('| file | cluster-name, region, kubernetes-version | plan | error |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\n${accepted} of ${files.length} accepted.`);
