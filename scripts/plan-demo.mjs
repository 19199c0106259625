// `npm run demo`: runs the committed bundle's `plan` for GKE and EKS on the reference defaults, the way a
// runner would (INPUT_* variables, GITHUB_OUTPUT), with no credentials and no network. Prints the log and
// where the outputs went.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gitpod-cluster-plan-'));
const runs = [
  { title: 'GKE (gcloud)', inputs: { PROVIDER: 'gcp', COMMAND: 'plan', PROJECT: 'my-gcp-project' } },
  { title: 'EKS (eksctl + Calico)', inputs: { PROVIDER: 'aws', COMMAND: 'plan' } },
];
let failed = false;
for (const { title, inputs } of runs) {
  const output = path.join(tmp, `${inputs.PROVIDER}.outputs`);
  const summary = path.join(tmp, `${inputs.PROVIDER}.summary.md`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  console.log(`\n=== plan: ${title} ===`);
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: tmp,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k}`] = v;
  const res = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], { env, stdio: 'inherit' });
  failed ||= res.status !== 0;
  console.log(`\n(outputs: ${output}, ${readFileSync(output, 'utf8').length} bytes; job summary: ${summary})`);
}
process.exit(failed ? 1 : 0);
