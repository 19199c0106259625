/**
 * No text the action shows is obeyed by the runner as a workflow command. The runner takes any stdout line
 * that starts with `::` after leading blanks for a command (`::add-mask::`, `::set-output::`, `::error::`,
 * `::stop-commands::` …). What the action shows as text can hold such lines: a user's eksctl-config, which
 * `plan` prints, or a CLI's output, which apply streams. Those are fenced with `::stop-commands::<token>`.
 *
 * `runnerCommands` reads stdout as the runner does (github.com/actions/runner, ActionCommand.TryParseV2:
 * trim leading blanks, `::name params::data`; `::stop-commands::T` pauses until a line `::T::`).
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { infoAsText } from '../src/io.js';
import { runActionSync } from './support/run-bundle.js';

/** The commands the runner would obey in `stdout`, in order, as `name::data`. */
export function runnerCommands(stdout: string): string[] {
  const obeyed: string[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'stop-commands') stopToken = m[2];
    else obeyed.push(`${m[1]}::${m[2]}`);
  }
  return obeyed;
}

const SMUGGLED = [
  '::add-mask::gitpod',
  '::error::smuggled error',
  '::set-output name=verified::true',
  '  ::warning file=x::indented',
  '::stop-commands::pwned',
];

describe('text that looks like a workflow command', () => {
  it('is read as commands by the runner model when left bare (the model can fail)', () => {
    expect(runnerCommands(SMUGGLED.join('\n'))).toEqual([
      'add-mask::gitpod',
      'error::smuggled error',
      'set-output::true',
      'warning::indented',
    ]);
  });

  it('is fenced by infoAsText with a fresh token each time, and plain text is written as it is', () => {
    const out: string[] = [];
    infoAsText('plain line', (l) => out.push(l));
    infoAsText(SMUGGLED.join('\n'), (l) => out.push(l));
    infoAsText('  ::error::again', (l) => out.push(l));
    expect(out[0]).toBe('plain line');
    expect(runnerCommands(out.join('\n'))).toEqual([]);
    const tokens = out.filter((l) => l.startsWith('::stop-commands::'));
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
    // the text itself is still shown
    expect(out.join('\n')).toContain('::error::smuggled error');
  });

  it('in an eksctl-config that plan prints, is shown and never obeyed (the bundle, as a runner runs it)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commands-'));
    const overlay = path.join(dir, 'overlay.yaml');
    writeFileSync(
      overlay,
      [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'managedNodeGroups:',
        '  - name: services',
        '    preBootstrapCommands:',
        '      - |',
        '        echo hello',
        ...SMUGGLED.map((l) => `        ${l.trim()}`),
        '',
      ].join('\n'),
    );
    const res = runActionSync({ provider: 'aws', command: 'plan', 'eksctl-config': overlay });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    // shown to the reader …
    expect(res.stdout).toContain('::error::smuggled error');
    // … and the only commands the runner obeys are the action's own group markers
    expect(runnerCommands(res.stdout).filter((c) => !/^(group|endgroup)::/.test(c))).toEqual([]);
  });
});
