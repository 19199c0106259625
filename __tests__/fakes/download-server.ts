/**
 * FAKE download server on loopback, for the tool-installation tests and benchmark (no internet here).
 *
 * It serves generated releases at the real upstream paths, so the installer reaches it through
 * `tool-mirror: http://127.0.0.1:PORT` exactly as it would reach a real mirror:
 *
 *   /release/stable.txt, /release/stable-1.NN.txt, /release/v<v>/bin/<os>/<arch>/kubectl(.sha256)   dl.k8s.io
 *   /eksctl-io/eksctl/releases/download/v<v>/eksctl_<Os>_<arch>.tar.gz, eksctl_checksums.txt     github.com
 *   /repos/eksctl-io/eksctl/releases/latest                                                     api.github.com
 *   /dl/cloudsdk/channels/rapid/components-v<v>.json, components-2.json, components/*.tar.gz     dl.google.com
 *
 * The archives are real tar.gz files (built with the `tar` command) holding executable shell scripts
 * at the real layout. Every request is recorded; a path can be made to fail (404, 429, 503 …) a number
 * of times, its body tampered with, a group of requests held until they are all in flight (to prove
 * concurrency), and bodies throttled to a bandwidth (for the benchmark). `misbehave` makes a path
 * answer the way broken networks and mirrors do: a body cut off midway (with a Content-Length,
 * chunked, or ended by closing the connection), a server that stops sending, a trickle, or a 200 HTML
 * page where the file should be (a captive portal).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

type Body = Buffer | { file: string; size: number };

interface Fault {
  status: number;
  remaining: number;
  headers: Record<string, string>;
}

/** How the answers for a path go wrong (see `misbehave`). */
export interface Misbehaviour {
  /** Close the connection after this many body bytes. */
  truncateAfter?: number;
  /**
   * How the body's length is told: `content-length` (the default, the full size), `chunked`, or `none`
   * (no length at all: the body ends when the connection closes, as HTTP/1.0 servers do).
   */
  framing?: 'content-length' | 'chunked' | 'none';
  /** Send the headers and this many body bytes, then nothing, keeping the connection open. */
  stallAfter?: number;
  /** Accept the request and never answer it (not even headers). */
  silent?: boolean;
  /** This path's body at this many bytes per second. */
  bytesPerSecond?: number;
  /** Answer 200 with this HTML page instead of the file, as a captive portal or login proxy does. */
  html?: string;
  /** For how many requests (default: every one). */
  times?: number;
}

interface Rule extends Misbehaviour {
  match: (p: string) => boolean;
  remaining: number;
}

interface Hold {
  match: (p: string) => boolean;
  count: number;
  timeoutMs: number;
  waiting: Array<() => void>;
  timer?: NodeJS.Timeout;
  /** The most requests that were waiting at the same time. */
  maxTogether: number;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

export class DownloadServer {
  readonly requests: RecordedRequest[] = [];
  /** Bytes per second for every body; undefined = as fast as possible. */
  bytesPerSecond: number | undefined;
  /** A mirror's own path (e.g. `/tools`): stripped from request paths before lookup when present. */
  pathPrefix = '';
  private readonly files = new Map<string, Body>();
  private readonly types = new Map<string, string>();
  private readonly faults = new Map<string, Fault>();
  private readonly tampered = new Map<string, number | undefined>();
  private readonly rules: Rule[] = [];
  private hold: Hold | undefined;
  private readonly eksctlSums = new Map<string, Map<string, string>>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    readonly workDir: string,
  ) {}

  static async start(): Promise<DownloadServer> {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'fake-downloads-'));
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const self = new DownloadServer(server, `http://127.0.0.1:${port}`, workDir);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void self.handle(req, res));
    return self;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await rm(this.workDir, { recursive: true, force: true });
  }

  /** Forgets requests, faults, tampering, holds, prefix and throttle; keeps the content. */
  reset(): void {
    this.requests.length = 0;
    this.faults.clear();
    this.tampered.clear();
    this.rules.length = 0;
    this.hold = undefined;
    this.pathPrefix = '';
    this.bytesPerSecond = undefined;
  }

  // --- content -----------------------------------------------------------------------------------

  put(urlPath: string, body: Buffer | string, contentType = 'application/octet-stream'): void {
    this.files.set(urlPath, typeof body === 'string' ? Buffer.from(body) : body);
    this.types.set(urlPath, contentType);
  }

  putFile(urlPath: string, file: string): void {
    this.files.set(urlPath, { file, size: statSync(file).size });
    this.types.set(urlPath, 'application/octet-stream');
  }

  remove(urlPath: string): void {
    this.files.delete(urlPath);
  }

  /** The next `times` requests for `urlPath` get `status` (with `headers`). */
  fail(urlPath: string, status: number, times = Number.POSITIVE_INFINITY, headers: Record<string, string> = {}): void {
    this.faults.set(urlPath, { status, remaining: times, headers });
  }

  /**
   * Serves `urlPath` with one byte flipped, the length unchanged (its checksum files stay as they
   * were): the byte at `at`, or the last one.
   */
  tamper(urlPath: string, at?: number): void {
    this.tampered.set(urlPath, at);
  }

  /** Answers for `match` (a path, or a test of the path) go wrong as `how` says; the first rule that matches applies. */
  misbehave(match: string | ((p: string) => boolean), how: Misbehaviour): void {
    const test = typeof match === 'string' ? (p: string) => p === match : match;
    this.rules.push({ ...how, match: test, remaining: how.times ?? Number.POSITIVE_INFINITY });
  }

  /** What is served at `urlPath` when nothing goes wrong. */
  bodyOf(urlPath: string): Buffer {
    const body = this.files.get(urlPath);
    if (!body) throw new Error(`the fake download server has nothing at ${urlPath}`);
    return Buffer.isBuffer(body) ? body : readFileSync(body.file);
  }

  /**
   * Holds requests whose path matches until `count` of them wait together (or `timeoutMs` passed),
   * then answers them all. `heldTogether()` tells how many were in flight at once.
   */
  holdUntil(match: (p: string) => boolean, count: number, timeoutMs = 3000): void {
    this.hold = { match, count, timeoutMs, waiting: [], maxTogether: 0 };
  }

  heldTogether(): number {
    return this.hold?.maxTogether ?? 0;
  }

  paths(): string[] {
    return this.requests.map((r) => r.path);
  }

  countOf(urlPath: string): number {
    return this.requests.filter((r) => r.path === urlPath).length;
  }

  // --- serving -------------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawPath = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push({ method: req.method ?? 'GET', path: rawPath, headers: req.headers });
    const urlPath =
      this.pathPrefix && rawPath.startsWith(`${this.pathPrefix}/`) ? rawPath.slice(this.pathPrefix.length) : rawPath;
    const hold = this.hold;
    if (hold?.match(urlPath)) await this.wait(hold);

    const fault = this.faults.get(urlPath);
    if (fault && fault.remaining > 0) {
      fault.remaining--;
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      res.end(`fake failure ${fault.status}\n`);
      return;
    }
    const rule = this.rules.find((r) => r.remaining > 0 && r.match(urlPath));
    if (rule) {
      rule.remaining--;
      if (rule.silent) return; // the connection stays open, with no answer
      if (rule.html !== undefined) {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': Buffer.byteLength(rule.html),
        });
        res.end(rule.html);
        return;
      }
    }
    const body = this.files.get(urlPath);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    if (rule) {
      await this.misbehaveWith(res, rule, this.content(urlPath, body), this.types.get(urlPath)!);
      return;
    }
    const size = Buffer.isBuffer(body) ? body.length : body.size;
    res.writeHead(200, { 'content-type': this.types.get(urlPath)!, 'content-length': String(size) });
    if (Buffer.isBuffer(body)) {
      await this.send(res, this.content(urlPath, body));
    } else {
      createReadStream(body.file).pipe(res);
    }
  }

  /** What is served at `urlPath`, tampered with when asked. */
  private content(urlPath: string, body: Body): Buffer {
    const data = Buffer.isBuffer(body) ? body : readFileSync(body.file);
    if (!this.tampered.has(urlPath)) return data;
    const out = Buffer.from(data);
    const at = this.tampered.get(urlPath) ?? out.length - 1;
    out[at] = out[at]! ^ 0xff;
    return out;
  }

  /** Sends `data` as `rule` says: framed its way, slowly, cut off or stalled. */
  private async misbehaveWith(res: http.ServerResponse, rule: Rule, data: Buffer, type: string): Promise<void> {
    const framing = rule.framing ?? 'content-length';
    const headers: Record<string, string> = { 'content-type': type };
    if (framing === 'content-length') headers['content-length'] = String(data.length);
    if (framing === 'none') {
      // An HTTP/1.0-style body: no length, no chunks, it ends when the connection does.
      res.useChunkedEncodingByDefault = false;
      res.shouldKeepAlive = false;
      headers.connection = 'close';
    }
    res.writeHead(200, headers);
    const upTo = Math.min(data.length, rule.truncateAfter ?? rule.stallAfter ?? data.length);
    await this.send(res, data.subarray(0, upTo), rule.bytesPerSecond ?? this.bytesPerSecond, false);
    if (rule.stallAfter !== undefined) return; // and nothing more: the client has to give up
    if (rule.truncateAfter !== undefined) {
      // Once what was written has left, the connection closes in the middle of the body.
      res.socket?.destroy();
      return;
    }
    res.end();
  }

  private wait(hold: Hold): Promise<void> {
    return new Promise((resolve) => {
      hold.waiting.push(resolve);
      hold.maxTogether = Math.max(hold.maxTogether, hold.waiting.length);
      const release = () => {
        if (hold.timer) clearTimeout(hold.timer);
        hold.timer = undefined;
        for (const go of hold.waiting.splice(0)) go();
      };
      if (hold.waiting.length >= hold.count) release();
      else hold.timer ??= setTimeout(release, hold.timeoutMs);
    });
  }

  /** Writes `data` (at `rate` bytes per second when set), then ends the answer, or not when `end` is false. */
  private async send(res: http.ServerResponse, data: Buffer, rate = this.bytesPerSecond, end = true): Promise<void> {
    if (!rate) {
      if (end) res.end(data);
      else await write(res, data);
      return;
    }
    const tickMs = 50;
    const chunk = Math.max(1, Math.floor((rate * tickMs) / 1000));
    for (let at = 0; at < data.length; at += chunk) {
      if (res.destroyed) return;
      const written = write(res, data.subarray(at, at + chunk));
      await new Promise((r) => setTimeout(r, tickMs));
      await written;
    }
    if (end) res.end();
  }

  // --- releases at their real paths --------------------------------------------------------------

  /** A kubectl binary (a shell script) and its .sha256 at dl.k8s.io's paths. Returns the binary. */
  addKubectl(version: string, opts: { os?: string; arch?: string; padding?: number } = {}): Buffer {
    const { os: osName = 'linux', arch = 'amd64' } = opts;
    const binary = Buffer.concat([
      Buffer.from(script(`echo "Client Version: v${version} (fake kubectl)"\nexit 0`)),
      padding(opts.padding),
    ]);
    const base = `/release/v${version}/bin/${osName}/${arch}/kubectl`;
    this.put(base, binary);
    this.put(`${base}.sha256`, `${sha256(binary)}\n`, 'text/plain');
    return binary;
  }

  /** /release/stable.txt (`minor` undefined) or /release/stable-<minor>.txt → v<version>. */
  setKubectlStable(version: string, minor?: string): void {
    this.put(minor ? `/release/stable-${minor}.txt` : '/release/stable.txt', `v${version}\n`, 'text/plain');
  }

  /** An eksctl release: the tar.gz with `eksctl` at its root, and eksctl_checksums.txt listing every asset. */
  async addEksctl(version: string, opts: { asset?: string; padding?: number } = {}): Promise<Buffer> {
    const asset = opts.asset ?? 'eksctl_Linux_amd64.tar.gz';
    const archive = await this.tarGz({
      eksctl: {
        content: Buffer.concat([Buffer.from(script(`echo "${version}"\nexit 0`)), padding(opts.padding)]),
        mode: 0o755,
      },
    });
    const dir = `/eksctl-io/eksctl/releases/download/v${version}`;
    this.put(`${dir}/${asset}`, archive);
    // One checksums file per release lists every asset (other platforms get stand-in digests).
    const sums = this.eksctlSums.get(dir) ?? new Map<string, string>();
    this.eksctlSums.set(dir, sums);
    for (const other of ['eksctl_Darwin_amd64.tar.gz', 'eksctl_Linux_arm64.tar.gz', 'eksctl_Windows_amd64.zip']) {
      if (!sums.has(other)) sums.set(other, sha256(other));
    }
    sums.set(asset, sha256(archive));
    const lines = [...sums].map(([name, sum]) => `${sum}  ${name}`);
    this.put(`${dir}/eksctl_checksums.txt`, `${lines.join('\n')}\n`, 'text/plain');
    return archive;
  }

  /** The GitHub releases API's answer for the latest eksctl release. */
  setEksctlLatest(version: string): void {
    this.put(
      '/repos/eksctl-io/eksctl/releases/latest',
      JSON.stringify({ tag_name: `v${version}`, name: `eksctl ${version}` }),
      'application/json',
    );
  }

  /**
   * A gcloud release as Google's component manifest describes it: components-v<version>.json (and
   * components-2.json when `latest`), with generated archives for the components the action needs and
   * decoys it must not download (other platforms, `bq`). Returns the manifest.
   */
  async addGcloud(
    version: string,
    opts: { latest?: boolean; padding?: number; withPlugin?: boolean } = {},
  ): Promise<GcloudFakeRelease> {
    // Archive names carry a build number; one per fake release keeps releases apart.
    const build = 20250620000000 + Number(version.split('.')[0]) * 100;
    const components: FakeComponent[] = [
      {
        id: 'core',
        deps: ['bundled-python3-unix', 'core-nix', 'core-win', 'gcloud-deps', 'ssh-tools'],
        files: {
          'bin/gcloud': { content: script(`echo "Google Cloud SDK ${version}"`), mode: 0o755 },
          VERSION: { content: `${version}\n` },
          'lib/googlecloudsdk/__init__.py': { content: '# fake\n' },
        },
      },
      { id: 'core-nix', deps: ['core'], files: { 'bin/bootstrapping/fake_nix.py': { content: '# nix\n' } } },
      {
        id: 'core-win',
        deps: ['core'],
        platform: { operating_systems: ['WINDOWS'] },
        files: { 'bin/gcloud.cmd': { content: 'rem\n' } },
      },
      {
        id: 'gcloud-deps',
        deps: ['core', 'gcloud-deps-linux-x86_64', 'gcloud-deps-darwin-x86_64'],
        files: {
          'lib/third_party/fake_dep.py': { content: '# dep\n' },
          ...(opts.padding ? { 'lib/third_party/blob.bin': { content: padding(opts.padding) } } : {}),
        },
      },
      {
        id: 'gcloud-deps-linux-x86_64',
        deps: ['core', 'gcloud-deps'],
        platform: { operating_systems: ['LINUX'], architectures: ['x86_64'] },
        files: { 'lib/third_party/linux_x86_64.py': { content: '# linux\n' } },
      },
      {
        id: 'gcloud-deps-darwin-x86_64',
        deps: ['core', 'gcloud-deps'],
        platform: { operating_systems: ['MACOSX'], architectures: ['x86_64'] },
        files: { 'lib/third_party/darwin.py': { content: '# mac\n' } },
      },
      {
        id: 'bundled-python3-unix',
        deps: ['bundled-python3-unix-linux-x86_64', 'core'],
        platform: { architectures: ['x86_64'] },
      },
      {
        id: 'bundled-python3-unix-linux-x86_64',
        deps: ['bundled-python3-unix', 'core'],
        platform: { operating_systems: ['LINUX'], architectures: ['x86_64'] },
        files: { 'platform/bundledpythonunix/bin/python3': { content: script('echo "Python 3.12"'), mode: 0o755 } },
      },
      { id: 'bq', deps: ['core'], files: { 'bin/bq': { content: script('echo bq'), mode: 0o755 } } },
    ];
    if (opts.withPlugin !== false) {
      components.push(
        {
          id: 'gke-gcloud-auth-plugin',
          deps: [
            'gke-gcloud-auth-plugin-linux-x86_64',
            'gke-gcloud-auth-plugin-linux-arm',
            'gke-gcloud-auth-plugin-darwin-arm',
          ],
          platform: { architectures: ['arm', 'x86', 'x86_64'] },
        },
        ...(['linux-x86_64', 'linux-arm', 'darwin-arm'] as const).map((p) => ({
          id: `gke-gcloud-auth-plugin-${p}`,
          deps: ['gke-gcloud-auth-plugin'],
          platform: {
            operating_systems: [p.startsWith('linux') ? 'LINUX' : 'MACOSX'],
            architectures: [p.endsWith('x86_64') ? 'x86_64' : 'arm'],
          },
          files: {
            'bin/gke-gcloud-auth-plugin': { content: script(`echo "Kubernetes v1.30.0 (fake ${p})"`), mode: 0o755 },
          },
        })),
      );
    }
    const manifestComponents: Record<string, unknown>[] = [];
    const archives: Record<string, string> = {};
    for (const c of components) {
      const entry: Record<string, unknown> = {
        id: c.id,
        dependencies: c.deps,
        details: { description: `fake ${c.id}`, display_name: c.id },
        is_configuration: false,
        is_hidden: false,
        is_required: c.id === 'core',
        platform: c.platform ?? {},
        platform_required: false,
        version: { build_number: build, version_string: '2025.06.20' },
      };
      if (c.files) {
        const archive = await this.tarGz(c.files);
        const source = `components/google-cloud-sdk-${c.id}-${build}.tar.gz`;
        this.put(`/dl/cloudsdk/channels/rapid/${source}`, archive);
        archives[c.id] = `/dl/cloudsdk/channels/rapid/${source}`;
        entry.data = {
          checksum: sha256(archive),
          contents_checksum: sha256(`contents of ${c.id}`),
          size: archive.length,
          source,
          type: 'tar',
        };
      }
      manifestComponents.push(entry);
    }
    const manifest = {
      components: manifestComponents,
      revision: build,
      schema_version: {
        no_update: false,
        url: 'https://dl.google.com/dl/cloudsdk/channels/rapid/google-cloud-sdk.tar.gz',
        version: 3,
      },
      version,
    };
    const text = JSON.stringify(manifest, null, 2);
    const manifestPath = `/dl/cloudsdk/channels/rapid/components-v${version}.json`;
    this.put(manifestPath, text, 'application/json');
    if (opts.latest) this.put('/dl/cloudsdk/channels/rapid/components-2.json', text, 'application/json');
    return { manifestPath, archives };
  }

  /** A tar.gz of `files` (paths relative to the archive root), built with the real `tar`. */
  async tarGz(files: Record<string, FakeFile>): Promise<Buffer> {
    const dir = await mkdtemp(path.join(this.workDir, 'tree-'));
    for (const [rel, f] of Object.entries(files)) {
      const target = path.join(dir, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content, { mode: f.mode ?? 0o644 });
    }
    const out = `${dir}.tar.gz`;
    execFileSync('tar', ['-czf', out, '-C', dir, ...(await readdir(dir))]);
    const data = await readFile(out);
    await rm(dir, { recursive: true, force: true });
    await rm(out, { force: true });
    return data;
  }
}

export interface FakeFile {
  content: string | Buffer;
  mode?: number;
}

interface FakeComponent {
  id: string;
  deps: string[];
  platform?: { operating_systems?: string[]; architectures?: string[] };
  files?: Record<string, FakeFile>;
}

export interface GcloudFakeRelease {
  manifestPath: string;
  /** component id → URL path of its archive */
  archives: Record<string, string>;
}

/** Resolves once `data` has been handed to the connection (or the connection is gone). */
function write(res: http.ServerResponse, data: Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || data.length === 0) return resolve();
    res.write(data, () => resolve());
  });
}

function script(body: string): string {
  return `#!/bin/sh\n${body}\n`;
}

/** Incompressible filler, so archives have a real size (benchmark); scripts `exit 0` before it. */
function padding(bytes: number | undefined): Buffer {
  return bytes ? randomBytes(bytes) : Buffer.alloc(0);
}

// --- components built from the real gcloud SDK on this machine ----------------------------------------

export const REAL_SDK_ROOT = '/usr/lib/google-cloud-sdk';

interface RealSnapshot {
  components: Array<Record<string, unknown> & { id: string; dependencies?: string[]; data?: Record<string, unknown> }>;
  revision: number;
  schema_version: unknown;
  version: string;
}

/**
 * Builds a component manifest and tar.gz archives out of an installed SDK's own records
 * (.install/<id>.snapshot.json: ids, dependencies, platforms; .install/<id>.manifest: the files), for
 * the given components. Built once per SDK version into the OS temp folder and reused (a few seconds).
 * Returns the manifest text and the archive file of each component path.
 */
export async function realGcloudRelease(
  sdkRoot: string,
  componentIds: readonly string[],
): Promise<{ version: string; manifest: string; archives: Map<string, string> }> {
  const state = path.join(sdkRoot, '.install');
  const version = readFileSync(path.join(sdkRoot, 'VERSION'), 'utf8').trim();
  const cache = path.join(os.tmpdir(), `gitpod-cluster-action-test-gcloud-${version}-${componentIds.join('+')}`);
  await mkdir(cache, { recursive: true });
  const snapshots = new Map<string, RealSnapshot>();
  for (const f of await readdir(state)) {
    if (f.endsWith('.snapshot.json')) {
      const snap = JSON.parse(await readFile(path.join(state, f), 'utf8')) as RealSnapshot;
      for (const c of snap.components) snapshots.set(c.id, snap);
    }
  }
  const any = snapshots.values().next().value as RealSnapshot;
  const components: RealSnapshot['components'] = [];
  const archives = new Map<string, string>();
  for (const [id, snap] of snapshots) {
    const c = structuredClone(snap.components.find((x) => x.id === id)!);
    if (componentIds.includes(id) && c.data) {
      const build = (c.version as { build_number: number }).build_number;
      const source = `components/google-cloud-sdk-${id}-${build}.tar.gz`;
      const archive = path.join(cache, path.basename(source));
      if (!existsSync(archive)) {
        const files = readFileSync(path.join(state, `${id}.manifest`), 'utf8')
          .split('\n')
          .filter((l) => l && !l.endsWith('/') && existsSync(path.join(sdkRoot, l)));
        const list = path.join(cache, `${id}.files`);
        await writeFile(list, files.join('\n') + '\n');
        execFileSync('tar', ['-czf', `${archive}.part`, '-C', sdkRoot, '--no-recursion', '-T', list]);
        execFileSync('mv', [`${archive}.part`, archive]);
      }
      c.data = { ...c.data, source, checksum: sha256File(archive), size: statSync(archive).size };
      archives.set(`/dl/cloudsdk/channels/rapid/${source}`, archive);
    } else if (c.data) {
      // Components the action must not download keep a source that does not exist on the server.
      c.data = { ...c.data, source: `components/not-served-${id}.tar.gz`, checksum: sha256(id) };
    }
    components.push(c);
  }
  const manifest = JSON.stringify({ components, revision: any.revision, schema_version: any.schema_version, version });
  return { version, manifest, archives };
}
