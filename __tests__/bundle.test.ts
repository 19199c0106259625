/**
 * The committed bundle, run the way the runner runs it: `node dist/index.js` from a checkout without
 * node_modules, inputs in INPUT_* variables, outputs through GITHUB_OUTPUT. And dist/ must equal a fresh build.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { runActionSync } from './support/run-bundle.js';
import os from 'node:os';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const res = runActionSync(inputs, extraEnv);
  return { ...res, outputs: res.outputs(), summary: res.summary() };
}

describe('the bundled dist/index.js, run without node_modules', () => {
  it('plans GCP with only provider and project', () => {
    const res = runAction({ provider: 'gcp', command: 'plan', project: 'my-project-123' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const plan = JSON.parse(res.outputs.plan!);
    expect(plan.map((s: { id: string }) => s.id)).toContain('workspaces-pool');
    expect(res.stdout).toContain(
      '--node-labels=gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true',
    );
    expect(res.summary).toContain('gitpod-cluster-action plan');
  });

  it('plans AWS with only provider and outputs the ClusterConfig', () => {
    const res = runAction({ provider: 'aws', command: 'plan' });
    expect(res.status).toBe(0);
    expect(res.outputs['eksctl-config']).toContain('maxPodsPerNode: 110');
    const steps = JSON.parse(res.outputs.plan!) as { id: string; argv?: string[] }[];
    expect(steps.find((s) => s.id === 'nodegroups')!.argv!.slice(0, 3)).toEqual(['eksctl', 'create', 'nodegroup']);
    expect(steps.at(-1)!.argv!.slice(0, 3)).toEqual(['eksctl', 'create', 'iamserviceaccount']);
    expect(steps.map((s) => s.id)).toContain('nodegroup-labels');
    expect(res.outputs['eksctl-config']).toContain('gitpod.io/workload_services: "true"');
  });

  it('fails bad input with one ::error:: line and no stack trace', () => {
    const res = runAction({ provider: 'aws', command: 'plan', 'max-pods': 'lots' });
    expect(res.status).toBe(1);
    const errors = res.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      '::error::gitpod-cluster-action failed: Input \'max-pods\' received "lots": expected a whole number from 8 to 256.',
    ]);
    expect(res.stdout + res.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(res.outputs).toEqual({});
  });

  it('loads without __dirname errors when a command needs the cloud SDKs', () => {
    // `verify` without a region fails on input validation, before any SDK import; with a region it imports the
    // provider's SDK chunk: the shim must have defined __dirname/require by then, or this crashes at load time.
    const res = runAction(
      { provider: 'gcp', command: 'verify', project: 'my-project-123', region: 'us-central1' },
      {
        CLOUDSDK_AUTH_ACCESS_TOKEN: 'fake-token-for-bundle-test',
        CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER: 'http://127.0.0.1:9/',
      },
    );
    expect(res.stdout + res.stderr).not.toMatch(/__dirname is not defined|require is not defined|ERR_MODULE_NOT_FOUND/);
    expect(res.stdout).toMatch(/^::error::gitpod-cluster-action failed: /m);
    // The runner consumes ::add-mask:: itself; nothing else may carry the token.
    const visible = (res.stdout + res.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(visible.join('\n')).not.toContain('fake-token-for-bundle-test');
    expect(res.stdout).toContain('::add-mask::fake-token-for-bundle-test');
  });
});

/** Removes a folder once the current test has ended, passed or failed. */
const toRemove: string[] = [];
const afterEachRemove = (dir: string) => toRemove.push(dir);
afterEach(() => {
  for (const dir of toRemove.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dist/', () => {
  it('equals a fresh bundle of src/', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    afterEachRemove(out);
    const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
    const res = spawnSync(
      process.execPath,
      [ncc, 'build', 'src/index.ts', '-o', out, '--license', 'licenses.txt', '--target', 'es2022'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(res.status).toBe(0);
    const list = (dir: string) =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => !statSync(path.join(dir, f)).isDirectory())
        .sort();
    const fresh = list(out);
    const committed = list(path.join(root, 'dist'));
    expect(committed).toEqual(fresh);
    for (const f of fresh) {
      const same = readFileSync(path.join(out, f), 'utf8') === readFileSync(path.join(root, 'dist', f), 'utf8');
      expect([f, same ? 'up to date' : 'differs: run `npm run bundle` and commit dist/']).toEqual([f, 'up to date']);
    }
  }, 300_000);
});
