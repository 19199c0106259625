/**
 * Broken downloads end in one clear error with nothing cached, and the next healthy run installs.
 *
 * The real installer (installTools) and the real @actions/tool-cache layout, over real HTTP to the FAKE
 * download server on loopback (reached as `tool-mirror`). Each fault is injected into one artifact of
 * each tool — kubectl's binary, eksctl's archive, gcloud's `core` component and its
 * `gke-gcloud-auth-plugin` component — and every case checks the message (tool, version, what went
 * wrong, the mirror's host, never its credentials), how often the artifact was asked for (retried or
 * not), that neither `<name>/<version>/<arch>` nor its `.complete` marker reached RUNNER_TOOL_CACHE,
 * that RUNNER_TEMP is empty again, and that a second run against the healed server installs a tool
 * that runs. Waits between attempts are recorded, never slept; stalls use a small idle timeout.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { configOf, fakeIO } from './fixtures.js';
import { clearSecrets } from '../src/log.js';
import { type InstallDeps, type ToolName, installTools } from '../src/tools/install.js';
import { ToolHttp } from '../src/tools/http.js';
import { DownloadServer, type Misbehaviour, sha256 } from './fakes/download-server.js';
import { useToolSandbox } from './support/tool-sandbox.js';

const ATTEMPTS = 4;
const STALL_MS = 200;
/** Healthy and trickling answers get a generous idle timeout, so a busy machine cannot fake a stall. */
const IDLE_MS = 5_000;
const CASE_TIMEOUT_MS = 30_000;

interface Target {
  name: string;
  tool: ToolName;
  version: string;
  /** How the artifact is named in messages and progress lines. */
  label: string;
  path: () => string;
  /** Runs the installed tool and returns what it printed. */
  check: (tools: Record<string, { bin: string; authPlugin?: string }>) => string[];
  prints: string[];
}

let server: DownloadServer;
let gcloudArchives: Record<string, string>;

const run = (bin: string) => execFileSync(bin, [], { encoding: 'utf8' }).trim();

const TARGETS: Target[] = [
  {
    name: 'kubectl binary',
    tool: 'kubectl',
    version: '1.33.4',
    label: 'kubectl 1.33.4',
    path: () => '/release/v1.33.4/bin/linux/amd64/kubectl',
    check: (t) => [run(t.kubectl!.bin)],
    prints: ['Client Version: v1.33.4 (fake kubectl)'],
  },
  {
    name: 'eksctl archive',
    tool: 'eksctl',
    version: '0.229.0',
    label: 'eksctl 0.229.0',
    path: () => '/eksctl-io/eksctl/releases/download/v0.229.0/eksctl_Linux_amd64.tar.gz',
    check: (t) => [run(t.eksctl!.bin)],
    prints: ['0.229.0'],
  },
  {
    name: 'gcloud core component',
    tool: 'gcloud',
    version: '528.0.0',
    label: 'gcloud 528.0.0 component core',
    path: () => gcloudArchives.core!,
    check: (t) => [run(t.gcloud!.bin), run(t.gcloud!.authPlugin!)],
    prints: ['Google Cloud SDK 528.0.0', 'Kubernetes v1.30.0 (fake linux-x86_64)'],
  },
  {
    name: 'gcloud auth-plugin component',
    tool: 'gcloud',
    version: '528.0.0',
    label: 'gcloud 528.0.0 component gke-gcloud-auth-plugin-linux-x86_64',
    path: () => gcloudArchives['gke-gcloud-auth-plugin-linux-x86_64']!,
    check: (t) => [run(t.gcloud!.bin), run(t.gcloud!.authPlugin!)],
    prints: ['Google Cloud SDK 528.0.0', 'Kubernetes v1.30.0 (fake linux-x86_64)'],
  },
];

const MIRROR_USER = 'ci-user';
const MIRROR_PASSWORD = 'mirr0r-s3cret-pw';
const CAPTIVE_PORTAL =
  '<!DOCTYPE html>\n<html><head><title>Guest Wi-Fi</title></head>' +
  '<body><form action="/login">Accept the terms to continue</form></body></html>\n';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hex = '[0-9a-f]{64}';

/** What one fault does to the artifact, and what the run must end in. */
interface Fault {
  name: string;
  /** Sets the fault up on the server; `body` is the artifact as it should be. */
  inject: (p: string, body: Buffer) => void;
  /** The error, as a pattern, or `undefined` when the run must succeed. */
  error?: (t: Target, body: Buffer) => string;
  /** How often the artifact is asked for. */
  requests: number;
  /** Retry waits that were recorded. */
  waits: number;
  idleMs?: number;
  /** The mirror URL carries user:password. */
  credentials?: boolean;
  /** Progress lines are expected. */
  progress?: boolean;
}

const half = (body: Buffer) => Math.floor(body.length / 2);
const url = (t: Target) => `http://127\\.0\\.0\\.1:\\d+${esc(t.path())}`;
const mismatch = (t: Target, expected: string, actual: string) =>
  `SHA-256 mismatch for ${esc(t.label)} \\(${url(t)}\\): expected ${expected} from [^,]+, got ${actual}`;
const misbehave = (how: Misbehaviour) => (p: string) => server.misbehave(p, how);

const FAULTS: Fault[] = [
  {
    name: 'a tampered artifact (one byte flipped, same length)',
    inject: (p, body) => server.tamper(p, half(body)),
    error: (t, body) => {
      const flipped = Buffer.from(body);
      flipped[half(body)] = flipped[half(body)]! ^ 0xff;
      return `${mismatch(t, sha256(body), sha256(flipped))}; nothing was cached`;
    },
    requests: 1,
    waits: 0,
  },
  {
    name: 'a body cut off before its Content-Length, every time',
    inject: (p, body) => server.misbehave(p, { truncateAfter: half(body) }),
    error: (t, body) =>
      `could not download ${t.tool} ${esc(t.version)}: the download was cut off after ${half(body)} of ${body.length} bytes ` +
      `\\(${url(t)}\\) after ${ATTEMPTS} attempts`,
    requests: ATTEMPTS,
    waits: ATTEMPTS - 1,
  },
  {
    name: 'a body cut off before its Content-Length, once',
    inject: (p, body) => server.misbehave(p, { truncateAfter: half(body), times: 1 }),
    requests: 2,
    waits: 1,
  },
  {
    name: 'a chunked body whose connection closes early, every time',
    inject: (p, body) => server.misbehave(p, { truncateAfter: half(body), framing: 'chunked' }),
    // Node's HTTP parser knows a chunked body is unfinished without its last chunk: a cut, retried.
    error: (t, body) =>
      `could not download ${t.tool} ${esc(t.version)}: the download was cut off after ${half(body)} bytes ` +
      `\\(${url(t)}\\) after ${ATTEMPTS} attempts`,
    requests: ATTEMPTS,
    waits: ATTEMPTS - 1,
  },
  {
    name: 'a body without any length that ends early (the connection closes)',
    inject: (p, body) => server.misbehave(p, { truncateAfter: half(body), framing: 'none' }),
    // Nothing on the wire tells this body is short: only the checksum does.
    error: (t, body) => `${mismatch(t, sha256(body), sha256(body.subarray(0, half(body))))}; nothing was cached`,
    requests: 1,
    waits: 0,
  },
  {
    name: 'a mirror (with credentials) that stalls midway',
    inject: (p, body) => server.misbehave(p, { stallAfter: half(body) }),
    error: (t, body) =>
      `could not download ${t.tool} ${esc(t.version)}: the download stalled: 127\\.0\\.0\\.1:\\d+ sent no data for 0\\.2s ` +
      `after ${half(body)} of ${body.length} bytes \\(${url(t)}\\) after ${ATTEMPTS} attempts`,
    requests: ATTEMPTS,
    waits: ATTEMPTS - 1,
    idleMs: STALL_MS,
    credentials: true,
  },
  {
    name: 'a mirror (with credentials) that accepts the connection and never answers',
    inject: misbehave({ silent: true }),
    error: (t) =>
      `could not download ${t.tool} ${esc(t.version)}: the download stalled: 127\\.0\\.0\\.1:\\d+ sent no answer for 0\\.2s ` +
      `\\(${url(t)}\\) after ${ATTEMPTS} attempts`,
    requests: ATTEMPTS,
    waits: ATTEMPTS - 1,
    idleMs: STALL_MS,
    credentials: true,
  },
  {
    name: 'a slow mirror that trickles but keeps going',
    inject: (p, body) => server.misbehave(p, { bytesPerSecond: body.length * 2 }), // ~0.5 s, a chunk every 50 ms
    requests: 1,
    waits: 0,
    progress: true,
  },
  {
    name: 'an HTML page answered with 200 (a captive portal)',
    inject: misbehave({ html: CAPTIVE_PORTAL }),
    error: (t) =>
      `${mismatch(t, hex, sha256(CAPTIVE_PORTAL))} \\(the server sent an HTML page, not the file: ` +
      'a proxy or captive portal in the way\\?\\); nothing was cached',
    requests: 1,
    waits: 0,
  },
];

let sleeps: number[];
const box = useToolSandbox();

beforeAll(async () => {
  server = await DownloadServer.start();
  // Padded to ~300 KB, so progress lines have something to count.
  server.addKubectl('1.33.4', { padding: 300_000 });
  await server.addEksctl('0.229.0', { padding: 300_000 });
  gcloudArchives = (await server.addGcloud('528.0.0')).archives;
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  sleeps = [];
  clearSecrets();
});

function mirrorUrl(credentials = false): string {
  return credentials ? server.url.replace('http://', `http://${MIRROR_USER}:${MIRROR_PASSWORD}@`) : server.url;
}

function config(mirror = mirrorUrl()) {
  return configOf({
    provider: 'gcp',
    region: 'us-central1',
    project: 'proj-123456',
    'tool-mirror': mirror,
    'kubectl-version': '1.33.4',
    'eksctl-version': '0.229.0',
  });
}

function deps(idleTimeoutMs = IDLE_MS): InstallDeps {
  return {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    env: { GITHUB_API_URL: server.url },
    platform: 'linux',
    arch: 'x64',
    http: { idleTimeoutMs, progressIntervalMs: 50, random: () => 0.5 },
  };
}

function expectNothingCached(tool: string, version: string): void {
  const entry = path.join(box.cacheDir, tool, version, 'x64');
  expect({ entry: existsSync(entry), complete: existsSync(`${entry}.complete`) }).toEqual({
    entry: false,
    complete: false,
  });
  expect(readdirSync(box.tempDir)).toEqual([]);
}

/** After a failure, the healed server: the tool installs, is cached and runs. */
async function expectHealthyRun(t: Target): Promise<void> {
  server.reset();
  const io = fakeIO();
  const tools = await installTools([t.tool], config(), io, deps());
  expect(tools[t.tool].source).toBe('download');
  expect(existsSync(path.join(box.cacheDir, t.tool, t.version, 'x64.complete'))).toBe(true);
  expect(t.check(tools)).toEqual(t.prints);
  expect(io.lines.join('\n')).toMatch(new RegExp(`${esc(t.tool)} ${esc(t.version)}.*: downloaded .* SHA-256 verified`));
  expect(readdirSync(box.tempDir)).toEqual([]);
}

describe.each(TARGETS)('the $name', (t) => {
  it.each(FAULTS)(
    '$name',
    async (fault) => {
      const body = server.bodyOf(t.path());
      fault.inject(t.path(), body);
      const io = fakeIO();
      const attempt = installTools([t.tool], config(mirrorUrl(fault.credentials)), io, deps(fault.idleMs));

      let message = '';
      if (fault.error) {
        const err = (await attempt.then(
          () => new Error('the install succeeded'),
          (e: unknown) => e,
        )) as Error;
        expect(err.message).toMatch(new RegExp(`^tool installation failed: ${t.tool}: ${fault.error(t, body)}$`));
        expect(err.message).not.toContain('\n');
        message = err.message;
        expectNothingCached(t.tool, t.version);
      } else {
        const tools = await attempt;
        expect(existsSync(path.join(box.cacheDir, t.tool, t.version, 'x64.complete'))).toBe(true);
        expect(t.check(tools)).toEqual(t.prints);
        expect(readdirSync(box.tempDir)).toEqual([]);
      }
      expect(server.countOf(t.path())).toBe(fault.requests);
      expect(sleeps).toHaveLength(fault.waits);

      const log = io.lines.join('\n');
      if (fault.waits) {
        expect(log).toMatch(
          new RegExp(`${t.tool} ${esc(t.version)}: .* from ${url(t)}; retrying in 1\\.5s \\(attempt 2 of 4\\)`),
        );
      }
      if (fault.progress) {
        const lines = io.lines.filter((l) =>
          new RegExp(`^${esc(t.label)}: [0-9.]+ MB of [0-9.]+ MB downloaded$`).test(l),
        );
        expect(lines.length).toBeGreaterThan(1);
      }
      if (fault.credentials) {
        const basic = Buffer.from(`${MIRROR_USER}:${MIRROR_PASSWORD}`).toString('base64');
        expect(server.requests.every((r) => r.headers.authorization === `Basic ${basic}`)).toBe(true);
        for (const secret of [MIRROR_USER, MIRROR_PASSWORD, basic]) {
          expect(log).not.toContain(secret);
          expect(message).not.toContain(secret);
        }
      }

      if (fault.error) await expectHealthyRun(t);
    },
    CASE_TIMEOUT_MS,
  );
});

/** The small documents that say what to trust: the same faults must not hang or crash the run. */
const DOCUMENTS = [
  { tool: 'kubectl', version: '1.33.4', path: '/release/v1.33.4/bin/linux/amd64/kubectl.sha256' },
  { tool: 'eksctl', version: '0.229.0', path: '/eksctl-io/eksctl/releases/download/v0.229.0/eksctl_checksums.txt' },
  { tool: 'gcloud', version: '528.0.0', path: '/dl/cloudsdk/channels/rapid/components-v528.0.0.json' },
] as const;

const DOCUMENT_FAULTS = [
  {
    name: 'cut off before its Content-Length',
    how: (body: Buffer): Misbehaviour => ({ truncateAfter: half(body) }),
    says: (body: Buffer) => `the download was cut off after ${half(body)} of ${body.length} bytes`,
  },
  {
    name: 'stalled midway',
    how: (body: Buffer): Misbehaviour => ({ stallAfter: half(body) }),
    says: (body: Buffer) =>
      `the download stalled: 127\\.0\\.0\\.1:\\d+ sent no data for 0\\.2s after ${half(body)} of ${body.length} bytes`,
  },
];

describe.each(DOCUMENTS)('the checksum document of $tool', (doc) => {
  it.each(DOCUMENT_FAULTS)(
    '$name: retried, then one clear error, nothing cached',
    async (fault) => {
      const body = server.bodyOf(doc.path);
      server.misbehave(doc.path, fault.how(body));
      const err = installTools([doc.tool], config(), fakeIO(), deps(STALL_MS));
      await expect(err).rejects.toThrow(
        new RegExp(
          `^tool installation failed: ${doc.tool}: could not download ${doc.tool} ${esc(doc.version)}: ` +
            `${fault.says(body)} \\(http://127\\.0\\.0\\.1:\\d+${esc(doc.path)}\\) after ${ATTEMPTS} attempts$`,
        ),
      );
      expect(server.countOf(doc.path)).toBe(ATTEMPTS);
      expectNothingCached(doc.tool, doc.version);
    },
    CASE_TIMEOUT_MS,
  );
});

describe('whole-mirror faults', () => {
  it(
    'a captive portal answering every request: each tool fails on its checksum document, then all install',
    async () => {
      server.misbehave(() => true, { html: CAPTIVE_PORTAL });
      const err = installTools(['kubectl', 'eksctl', 'gcloud'], config(), fakeIO(), deps());
      await expect(err).rejects.toThrow(
        new RegExp(
          '^tool installation failed: ' +
            'kubectl: kubectl 1\\.33\\.4: http://127\\.0\\.0\\.1:\\d+/release/v1\\.33\\.4/bin/linux/amd64/kubectl\\.sha256 does not hold a SHA-256; ' +
            'eksctl: eksctl 0\\.229\\.0: http://127\\.0\\.0\\.1:\\d+/eksctl-io/eksctl/releases/download/v0\\.229\\.0/eksctl_checksums\\.txt lists no SHA-256 for eksctl_Linux_amd64\\.tar\\.gz; ' +
            'gcloud: gcloud 528\\.0\\.0: the component manifest http://127\\.0\\.0\\.1:\\d+/dl/cloudsdk/channels/rapid/components-v528\\.0\\.0\\.json is not JSON$',
        ),
      );
      // Nothing that a checksum would have had to vouch for was even asked for.
      expect(server.paths().filter((p) => /kubectl$|\.tar\.gz$/.test(p))).toEqual([]);
      for (const t of TARGETS) expectNothingCached(t.tool, t.version);

      server.reset();
      const tools = await installTools(['kubectl', 'eksctl', 'gcloud'], config(), fakeIO(), deps());
      for (const t of TARGETS) expect(t.check(tools)).toEqual(t.prints);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'a stalled mirror whose URL carries a token: the error names the host, never the token',
    async () => {
      const token = 'glpat-mirr0rT0kenValue';
      server.misbehave(() => true, { stallAfter: 10 });
      const io = fakeIO();
      const err = (await installTools(
        ['kubectl'],
        config(server.url.replace('http://', `http://${token}@`)),
        io,
        deps(STALL_MS),
      ).then(
        () => new Error('the install succeeded'),
        (e: unknown) => e,
      )) as Error;
      expect(err.message).toMatch(
        /the download stalled: 127\.0\.0\.1:\d+ sent no data for 0\.2s after 10 of \d+ bytes/,
      );
      expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${token}:`).toString('base64')}`);
      for (const text of [err.message, ...io.lines]) expect(text).not.toContain(token);
      expectNothingCached('kubectl', '1.33.4');
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'a run cancelled while a download stalls stops at once (not after the idle timeout), nothing cached',
    async () => {
      const target = TARGETS[1]!;
      server.misbehave(target.path(), { stallAfter: 1000 });
      const controller = new AbortController();
      const io = fakeIO(controller.signal);
      // An idle timeout far beyond the test's own time limit: only the cancellation can end this run.
      const err = installTools(['eksctl'], config(), io, deps(10 * CASE_TIMEOUT_MS));
      const stalled = setInterval(() => {
        if (server.countOf(target.path()) > 0) controller.abort(new Error('the run was cancelled'));
      }, 20);
      try {
        await expect(err).rejects.toThrow(/^tool installation failed: eksctl: eksctl 0\.229\.0: download cancelled$/);
      } finally {
        clearInterval(stalled);
      }
      expect(sleeps).toEqual([]);
      expectNothingCached('eksctl', '0.229.0');
    },
    CASE_TIMEOUT_MS,
  );

  it('a small document larger than the limit is refused, not retried', async () => {
    const http = new ToolHttp({ log: fakeIO().log, maxTextBytes: 1000, sleep: async () => undefined });
    server.put('/huge.txt', 'x'.repeat(5000), 'text/plain');
    await expect(http.text(`${server.url}/huge.txt`, { tool: 'kubectl', version: 'latest' })).rejects.toThrow(
      /^could not download kubectl latest: the answer is larger than 1000 bytes \(http:\/\/127\.0\.0\.1:\d+\/huge\.txt\)$/,
    );
    expect(server.countOf('/huge.txt')).toBe(1);
  });
});
