/** action.yml is the one list of inputs and outputs: the code reads and writes exactly those. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES, type InputName, parseConfig } from '../src/inputs.js';
import { OUTPUT_NAMES } from '../src/io.js';

const root = new URL('..', import.meta.url).pathname;
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
const contract = readFileSync(path.join(root, '__tests__/reference/action-contract.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const src = sources(path.join(root, 'src')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

/** Names in the first column of a contract table section. */
function contractNames(section: string): string[] {
  const body = contract.split(section)[1]!.split('\n## ')[0]!;
  return body
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((m) => m[1]!));
}

describe('action.yml', () => {
  it('runs on node24 from the committed bundle, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('declares exactly the outputs the code may set', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('declares every input and output of the contract, each with a description', () => {
    for (const name of contractNames('## Inputs')) expect(action.inputs).toHaveProperty([name, 'description']);
    for (const name of contractNames('## Outputs')) expect(action.outputs).toHaveProperty([name, 'description']);
    for (const v of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect((v as { description: string }).description.length).toBeGreaterThan(10);
    }
  });

  it('keeps the defaults the contract fixes', () => {
    expect(action.inputs.provider.required).toBe(true);
    expect(action.inputs.command.default).toBe('apply');
    expect(action.inputs['cluster-name'].default).toBe('gitpod');
    expect(action.inputs['kubernetes-version'].default).toBe('latest');
    expect(action.inputs['max-pods'].default).toBe('110');
    expect(action.inputs.network.default).toBe('calico');
    expect(action.inputs['fail-on-drift'].default).toBe('true');
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
  });

  it('every declared input is read when parsing a GCP and an AWS configuration', () => {
    const read = new Set<InputName>();
    const reader = (name: InputName) => {
      read.add(name);
      return { provider: 'gcp', project: 'proj-123456', region: 'us-central1' }[name as string] ?? '';
    };
    parseConfig(reader, {});
    parseConfig((n) => (reader(n), n === 'provider' ? 'aws' : n === 'region' ? 'eu-west-1' : ''), {});
    expect([...read].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('every declared output is set by some module', () => {
    const all = src.map((x) => x.text).join('\n');
    for (const name of OUTPUT_NAMES) expect([name, all.includes(`setOutput('${name}'`)]).toEqual([name, true]);
  });

  it('no module reads an input or sets an output outside the declared lists', () => {
    for (const { f, text } of src) {
      for (const m of text.matchAll(/getInput\(\s*'([^']+)'/g))
        expect([f, INPUT_NAMES.includes(m[1] as InputName)]).toEqual([f, true]);
      for (const m of text.matchAll(/setOutput\(\s*'([^']+)'/g))
        expect([f, (OUTPUT_NAMES as readonly string[]).includes(m[1]!)]).toEqual([f, true]);
      if (!f.endsWith(`${path.sep}io.ts`)) expect([f, /core\.setOutput/.test(text)]).toEqual([f, false]);
    }
  });
});
