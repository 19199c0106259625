/**
 * The test command on a fresh machine: without gcloud on PATH, jest's globalSetup stops the run at once with one
 * line saying what to install (the README says it too).
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const setup = path.join(root, '__tests__/support/global-setup.mjs');
const runSetup = (PATH: string) =>
  spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(setup)})).default()`], {
    env: { PATH },
    encoding: 'utf8',
  });

describe('jest globalSetup', () => {
  it('stops with one line naming what to install when gcloud is not on PATH', () => {
    const res = runSetup('/nonexistent');
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toEqual([
      'npm test needs the Google Cloud CLI: gcloud is not on PATH. Install it with its gke-gcloud-auth-plugin ' +
        "component (Debian/Ubuntu: apt-get install google-cloud-cli google-cloud-cli-gke-gcloud-auth-plugin from Google's " +
        'apt repository; or the SDK archive, then gcloud components install gke-gcloud-auth-plugin) and run npm test again.',
    ]);
  });

  it('lets the run go on when an executable gcloud is on PATH, and ignores one that is not executable', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'path-'));
    try {
      writeFileSync(path.join(dir, 'gcloud'), '#!/bin/sh\n', { mode: 0o644 });
      expect(runSetup(dir).status).toBe(1);
      chmodSync(path.join(dir, 'gcloud'), 0o755);
      expect(runSetup(`/nonexistent:${dir}`)).toMatchObject({ status: 0, stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is wired into jest.config.js with the filter that keeps ::debug:: lines out of the output', () => {
    const config = readFileSync(path.join(root, 'jest.config.js'), 'utf8');
    expect(config).toContain("globalSetup: '<rootDir>/__tests__/support/global-setup.mjs'");
    // Beside the filter, both Providers loaded (as a run loads its own) for the tests of the synchronous parts.
    expect(config).toContain(
      "setupFiles: ['<rootDir>/__tests__/support/quiet-debug.ts', '<rootDir>/__tests__/support/load-providers.ts']",
    );
  });
});
