import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { REFERENCE_DEVIATIONS } from '../src/reference.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { inputsTable, outputsTable } from '../scripts/readme-tables.mjs';

const root = new URL('..', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'));

describe('README', () => {
  it('starts with the two commands a newcomer runs, and CI runs the same test command', () => {
    const head = readme.split('## What it does')[0]!;
    expect(head).toContain('npm ci && npm run demo');
    expect(head).toContain('npm ci && npm test');
    const ci = readFileSync(new URL('.ci/run', root), 'utf8');
    expect(ci).toMatch(/^npm ci && npm test$/m);
  });

  it('has the inputs and outputs tables of action.yml (npm run readme rewrites them)', () => {
    expect(readme).toContain(`<!-- inputs:start -->\n${inputsTable(action)}\n<!-- inputs:end -->`);
    expect(readme).toContain(`<!-- outputs:start -->\n${outputsTable(action)}\n<!-- outputs:end -->`);
  });

  it('lists every departure from the reference document', () => {
    for (const d of REFERENCE_DEVIATIONS) expect(readme).toContain(`| ${d.reference} | ${d.ours} | ${d.why} |`);
  });
});
