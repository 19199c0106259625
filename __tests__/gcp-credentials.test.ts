/**
 * A GCP job that forgot its google-github-actions/auth step: the bundle, run as a runner runs it, ends with one
 * line naming the missing step, before any download (a loopback tool mirror counts requests) or API call. And
 * the offline check finds each place credentials can come from.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gcpCredentialSource } from '../src/providers/gcp/rest.js';
import { startAction } from './support/run-bundle.js';

const onGoogleCloudVm = ['bios_vendor', 'product_name'].some(
  (f) => existsSync(`/sys/class/dmi/id/${f}`) && readFileSync(`/sys/class/dmi/id/${f}`, 'utf8').includes('Google'),
);

const MISSING =
  '::error::gitpod-cluster-action failed: no GCP credentials found: add a google-github-actions/auth step ' +
  '(Workload Identity Federation, README "First-time setup") before this action in the same job, with ' +
  'permissions id-token: write; or set CLOUDSDK_AUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS';

let server: Server;
let requests: string[] = [];
let mirror: string;
let toolCache: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  toolCache = mkdtempSync(path.join(os.tmpdir(), 'no-creds-cache-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(toolCache, { recursive: true, force: true });
});

describe.each([
  ['apply', {}],
  ['verify', {}],
  ['destroy', { 'confirm-destroy': 'gitpod' }],
])('gcp %s without credentials', (command, extra) => {
  (onGoogleCloudVm ? it.skip : it)('fails with one line naming the missing step, before any download', async () => {
    requests = [];
    const run = await startAction(
      { provider: 'gcp', command, project: 'my-project-123', region: 'us-central1', 'tool-mirror': mirror, ...extra },
      {
        RUNNER_TOOL_CACHE: toolCache,
        // Every API the action calls points at the counting server too: none may be asked.
        CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER: `${mirror}/`,
        CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM: `${mirror}/`,
        CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: `${mirror}/`,
      },
    ).done;
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([MISSING]);
    expect(requests).toEqual([]);
    expect(readdirSync(toolCache)).toEqual([]);
  });
});

describe('gcpCredentialSource, offline', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'gcp-home-'));
  const noDmi = path.join(home, 'no-dmi');
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('finds the token variable, the key file of google-github-actions/auth, gcloud’s ADC file and a GCE VM', () => {
    expect(gcpCredentialSource({ HOME: home, CLOUDSDK_AUTH_ACCESS_TOKEN: 'ya29.x' }, noDmi)).toBe(
      'CLOUDSDK_AUTH_ACCESS_TOKEN',
    );
    const key = path.join(home, 'gha-creds-1234.json');
    writeFileSync(key, '{}');
    expect(gcpCredentialSource({ HOME: home, GOOGLE_APPLICATION_CREDENTIALS: key }, noDmi)).toBe(
      'GOOGLE_APPLICATION_CREDENTIALS',
    );
    mkdirSync(path.join(home, 'cfg'));
    writeFileSync(path.join(home, 'cfg', 'application_default_credentials.json'), '{}');
    expect(gcpCredentialSource({ HOME: home, CLOUDSDK_CONFIG: path.join(home, 'cfg') }, noDmi)).toBe('gcloud ADC file');
    const dmi = path.join(home, 'dmi');
    mkdirSync(dmi);
    writeFileSync(path.join(dmi, 'bios_vendor'), 'Google\n');
    expect(gcpCredentialSource({ HOME: home }, dmi)).toBe('metadata server');
  });

  it('says which step is missing when there is none, and when the key file is gone', () => {
    expect(() => gcpCredentialSource({ HOME: home }, noDmi)).toThrow(
      /^no GCP credentials found: add a google-github-actions\/auth step/,
    );
    expect(() =>
      gcpCredentialSource({ HOME: home, GOOGLE_APPLICATION_CREDENTIALS: '/nowhere/creds.json' }, noDmi),
    ).toThrow(
      'GOOGLE_APPLICATION_CREDENTIALS names /nowhere/creds.json, which does not exist here: run google-github-actions/auth in this job',
    );
  });
});
