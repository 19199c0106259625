/**
 * Every workflow in the repository (CI, e2e, CodeQL and the examples users copy) parses with GitHub's own
 * workflow parser (@actions/workflow-parser), and every step that uses this action passes only inputs that
 * action.yml declares, with the required ones present.
 */
import { describe, expect, it } from '@jest/globals';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { readFileSync, readdirSync } from 'node:fs';
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
