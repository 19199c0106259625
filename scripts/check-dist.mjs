// `node scripts/check-dist.mjs`: is the committed dist/ what a fresh bundle of src/ makes?
// Bundles src/index.ts into a temporary folder with the same ncc flags as `npm run bundle`, compares every file
// with dist/ byte for byte, and exits 1 naming each file that differs, is missing or is extra. Run from the
// repository root (the release workflow and scripts/release.mjs do). The runner executes dist/ as committed, so
// a release whose dist/ lags src/ would ship code nobody reviewed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The flags of `npm run bundle` in package.json; a test holds the two equal. */
export const NCC_ARGS = ['build', 'src/index.ts', '--license', 'licenses.txt', '--target', 'es2022'];

const listFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => !statSync(path.join(dir, f)).isDirectory())
        .sort()
    : [];

/** Bundles `root`'s src/ and returns the files of dist/ that differ from it (`[]` when dist/ is up to date). */
export function distDifferences(root) {
  const ncc = createRequire(path.join(root, 'package.json')).resolve('@vercel/ncc/dist/ncc/cli.js');
  const out = mkdtempSync(path.join(os.tmpdir(), 'check-dist-'));
  try {
    const [verb, entry, ...flags] = NCC_ARGS;
    const res = spawnSync(process.execPath, [ncc, verb, entry, '-o', out, ...flags], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (res.status !== 0) {
      throw new Error(`ncc could not bundle src/index.ts (exit ${res.status ?? res.signal}):\n${res.stderr}`);
    }
    const fresh = listFiles(out);
    const committed = listFiles(path.join(root, 'dist'));
    const differences = [];
    for (const f of fresh) {
      if (!committed.includes(f)) differences.push(`dist/${f}: missing (a fresh bundle has it)`);
      else if (!readFileSync(path.join(out, f)).equals(readFileSync(path.join(root, 'dist', f))))
        differences.push(`dist/${f}: differs from a fresh bundle`);
    }
    for (const f of committed) if (!fresh.includes(f)) differences.push(`dist/${f}: extra (a fresh bundle has none)`);
    return differences;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let differences;
  try {
    differences = distDifferences(process.cwd());
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  if (differences.length > 0) {
    console.error('dist/ is stale: run `npm run bundle` and commit dist/ with the src/ change.');
    for (const d of differences) console.error(`  ${d}`);
    process.exit(1);
  }
  console.log('dist/ equals a fresh bundle of src/.');
}
