// `node scripts/release.mjs v1.2.3 [--remote <name|url|path>] [--dry-run]`: publish the version tag that HEAD is at.
//
// Run by .github/workflows/release.yml when a `v*.*.*` tag is pushed, from a checkout of that tag, in this order:
//   1. the tag is `vMAJOR.MINOR.PATCH`, HEAD is the commit it names, and package.json has that version;
//   2. CHANGELOG.md has a `## MAJOR.MINOR.PATCH` section with text in it: the release notes;
//   3. dist/ equals a fresh bundle of src/ (scripts/check-dist.mjs): users run dist/ as committed;
//   4. the GitHub release is created from those notes (`gh release create`; `--dry-run` prints it instead);
//   5. the major tag (`v1`) is moved to the tag's commit and force-pushed to `--remote` (default `origin`), so
//      `uses: …@v1` runs the new release.
// A refusal exits 1 with one line saying why, before anything is pushed or created. Every git and gh call is an
// argv array (no shell). `--remote` can name a local clone or bare repository: that is the dry run the tests do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDifferences } from './check-dist.mjs';

const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

class Refusal extends Error {}

const git = (root, ...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** The body of CHANGELOG.md's `## <version>` section (heading text may follow, e.g. a date), trimmed. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

export function parseArgs(argv) {
  const opts = { tag: undefined, remote: 'origin', dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--remote') {
      opts.remote = argv[++i];
      if (!opts.remote) throw new Refusal('--remote needs a value: a remote name, URL or path');
    } else if (!a.startsWith('-') && opts.tag === undefined) opts.tag = a;
    else throw new Refusal(`unknown argument ${JSON.stringify(a)}`);
  }
  if (!opts.tag) throw new Refusal('usage: node scripts/release.mjs vMAJOR.MINOR.PATCH [--remote R] [--dry-run]');
  return opts;
}

/** Runs the release from the repository at `root`; returns what it did, line by line. */
export function release(root, { tag, remote, dryRun }) {
  const done = [];
  const m = TAG.exec(tag);
  if (!m) throw new Refusal(`tag ${JSON.stringify(tag)} is not a version tag vMAJOR.MINOR.PATCH (e.g. v1.0.0)`);
  const version = tag.slice(1);
  const major = `v${m[1]}`;

  let commit;
  try {
    commit = git(root, 'rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`);
  } catch {
    throw new Refusal(`tag ${tag} does not exist in this clone: create and push it first (git tag ${tag})`);
  }
  const head = git(root, 'rev-parse', 'HEAD');
  if (head !== commit)
    throw new Refusal(`HEAD is ${head.slice(0, 12)}, not ${tag} (${commit.slice(0, 12)}): check out the tag`);

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) throw new Refusal(`package.json has version ${pkg.version}, the tag says ${version}`);

  const notes = changelogSection(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (!notes) throw new Refusal(`CHANGELOG.md has no "## ${version}" section with text in it: write the release notes`);

  const differences = distDifferences(root);
  if (differences.length > 0) {
    throw new Refusal(`dist/ is stale at ${tag}: run \`npm run bundle\` and commit dist/ (${differences.join('; ')})`);
  }
  done.push(`dist/ equals a fresh bundle of src/ at ${tag}`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-notes-'));
  try {
    const notesFile = path.join(dir, 'notes.md');
    writeFileSync(notesFile, `${notes}\n`);
    const gh = ['release', 'create', tag, '--verify-tag', '--title', tag, '--notes-file', notesFile];
    if (dryRun) {
      done.push(`dry run: would run gh ${gh.map((a) => JSON.stringify(a)).join(' ')} with these notes:\n${notes}`);
    } else {
      execFileSync('gh', gh, { cwd: root, stdio: 'inherit' });
      done.push(`created the GitHub release ${tag}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  git(root, 'tag', '--force', major, commit);
  git(root, 'push', '--force', remote, `refs/tags/${major}:refs/tags/${major}`);
  done.push(`moved ${major} to ${tag} (${commit.slice(0, 12)}) on ${remote}`);
  return done;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    for (const line of release(process.cwd(), opts)) console.log(line);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    console.error(`release refused: ${e.message}`);
    process.exit(1);
  }
}
