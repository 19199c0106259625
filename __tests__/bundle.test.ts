/**
 * The committed bundle, run the way the runner runs it: `node dist/index.js` from a checkout without
 * node_modules, inputs in INPUT_* variables, outputs through GITHUB_OUTPUT. That dist/ equals a fresh build is
 * checked outside jest (it bundles for a minute): `node scripts/check-dist.mjs`, which .ci/run runs after the tests.
 */
import { describe, expect, it } from '@jest/globals';
import { runActionSync } from './support/run-bundle.js';

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
    expect(steps.find((s) => s.id === 'service-accounts')!.argv!.slice(0, 3)).toEqual([
      'eksctl',
      'create',
      'iamserviceaccount',
    ]);
    expect(steps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['nodegroup-labels', 'nodegroup-scaling', 'record-desired-state']),
    );
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
