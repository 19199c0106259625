/**
 * A generated corpus of hostile inputs run through input parsing and `plan`: every case ends in either a
 * valid plan or one clean InputError — no other exception, no process started, no network request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import childProcess from 'node:child_process';
import net from 'node:net';
import { plan } from '../src/commands/plan.js';
import { INPUT_NAMES, InputError, type InputName, parseConfig } from '../src/inputs.js';
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

describe('hostile input corpus', () => {
  const started: string[] = [];
  const connected: string[] = [];
  // Traps on the shared prototypes, so they catch every module's process starts and connections (named
  // imports of node:child_process included), not only this file's.
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
