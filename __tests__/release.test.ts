/**
 * The release flow of .github/workflows/release.yml, run for real against a local clone: scripts/release.mjs
 * publishes from a throwaway repository whose remote is a bare repository on disk, with `--dry-run` so that no
 * GitHub release is created. It must move the major tag on the remote to the released commit, and refuse (moving
 * nothing) when dist/ is not what a fresh bundle of src/ makes, or when the CHANGELOG or package.json disagree.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'release test',
  GIT_AUTHOR_EMAIL: 'release-test@example.com',
  GIT_COMMITTER_NAME: 'release test',
  GIT_COMMITTER_EMAIL: 'release-test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

let tmp: string;
let work: string;
let origin: string;

const run = (cmd: string, args: string[], cwd = work) => {
  const res = spawnSync(cmd, args, { cwd, env: GIT_ENV, encoding: 'utf8', timeout: 240_000 });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
};
const git = (...args: string[]) => {
  const res = run('git', args);
  if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${res.out}`);
  return res.out.trim();
};
const remoteTag = (tag: string) =>
  run('git', ['--git-dir', origin, 'rev-parse', '--verify', '--quiet', `${tag}^{commit}`]);
const release = (...args: string[]) => run(process.execPath, ['scripts/release.mjs', ...args, '--remote', origin]);

function writeVersion(version: string, notes: string) {
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'x', version, type: 'module' }, null, 2));
  const changelog = readFileSync(path.join(work, 'CHANGELOG.md'), 'utf8');
  writeFileSync(
    path.join(work, 'CHANGELOG.md'),
    changelog.replace('# Changelog\n', `# Changelog\n\n## ${version}\n\n${notes}\n`),
  );
}

function bundle() {
  const ncc = path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const res = run(process.execPath, [
    ncc,
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--license',
    'licenses.txt',
    '--target',
    'es2022',
  ]);
  if (res.status !== 0) throw new Error(res.out);
}

beforeAll(() => {
  // A small action repository: the same scripts, a tiny src/, its bundle, node_modules linked for ncc.
  tmp = mkdtempSync(path.join(os.tmpdir(), 'release-test-'));
  work = path.join(tmp, 'work');
  origin = path.join(tmp, 'origin.git');
  mkdirSync(path.join(work, 'src'), { recursive: true });
  mkdirSync(path.join(work, 'scripts'));
  for (const f of ['release.mjs', 'check-dist.mjs'])
    copyFileSync(path.join(root, 'scripts', f), path.join(work, 'scripts', f));
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  writeFileSync(path.join(work, '.gitignore'), 'node_modules\n');
  writeFileSync(
    path.join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, types: [], rootDir: 'src' },
      include: ['src'],
    }),
  );
  writeFileSync(path.join(work, 'src/index.ts'), 'const greeting: string = "first";\nconsole.log(greeting);\n');
  writeFileSync(path.join(work, 'CHANGELOG.md'), '# Changelog\n');
  writeVersion('1.0.0', '### Added\n- The first release.');
  bundle();
  run('git', ['init', '--bare', '--quiet', origin], tmp);
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'first');
  git('remote', 'add', 'origin', origin);
  git('tag', 'v1.0.0');
  git('push', '--quiet', 'origin', 'main', 'v1.0.0');
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scripts/release.mjs against a local clone', () => {
  it('moves v1 to the released tag on the remote and prints the release it would create from the CHANGELOG', () => {
    expect(remoteTag('v1').status).not.toBe(0);
    const res = release('v1.0.0', '--dry-run');
    expect([res.status, res.out]).toEqual([0, expect.stringContaining('moved v1 to v1.0.0')]);
    expect(res.out).toContain('dist/ equals a fresh bundle of src/ at v1.0.0');
    expect(res.out).toContain('"release" "create" "v1.0.0" "--verify-tag" "--title" "v1.0.0"');
    expect(res.out).toContain('### Added\n- The first release.');
    expect(remoteTag('v1').out.trim()).toBe(git('rev-parse', 'v1.0.0^{commit}'));
  }, 120_000);

  it('refuses a stale dist/ and leaves v1 where it was', () => {
    const before = remoteTag('v1').out.trim();
    // src/ changes, dist/ is not rebuilt: the mistake the check exists for.
    writeFileSync(path.join(work, 'src/index.ts'), 'const greeting: string = "second";\nconsole.log(greeting);\n');
    writeVersion('1.0.1', '### Fixed\n- A greeting.');
    git('commit', '--quiet', '-am', 'second, dist not rebuilt');
    git('tag', 'v1.0.1');
    const res = release('v1.0.1', '--dry-run');
    expect(res.status).toBe(1);
    expect(res.out).toMatch(
      /^release refused: dist\/ is stale at v1\.0\.1: run `npm run bundle` and commit dist\/ \(dist\/index\.js: differs from a fresh bundle\)$/m,
    );
    expect(remoteTag('v1').out.trim()).toBe(before);

    // Rebuilt and committed, the next patch goes out.
    bundle();
    writeVersion('1.0.2', '### Fixed\n- dist/ rebuilt.');
    git('commit', '--quiet', '-am', 'dist rebuilt');
    git('tag', 'v1.0.2');
    expect(release('v1.0.2', '--dry-run').status).toBe(0);
    expect(remoteTag('v1').out.trim()).toBe(git('rev-parse', 'v1.0.2^{commit}'));
  }, 180_000);

  it.each([
    [['v1.0'], 'tag "v1.0" is not a version tag vMAJOR.MINOR.PATCH (e.g. v1.0.0)'],
    [['v9.9.9'], 'tag v9.9.9 does not exist in this clone'],
    [['v1.0.0'], 'HEAD is '],
  ])('refuses %j before bundling or pushing anything', (args, message) => {
    const before = remoteTag('v1').out.trim();
    const res = release(...args, '--dry-run');
    expect([res.status, res.out]).toEqual([1, expect.stringContaining(`release refused: ${message}`)]);
    expect(res.out).not.toContain('dist/ equals');
    expect(remoteTag('v1').out.trim()).toBe(before);
  });

  it('refuses a tag whose package.json version or CHANGELOG section is missing', () => {
    git('tag', 'v1.0.3');
    expect(release('v1.0.3', '--dry-run').out).toContain(
      'release refused: package.json has version 1.0.2, the tag says 1.0.3',
    );
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.4', type: 'module' }));
    git('commit', '--quiet', '-am', 'version only');
    git('tag', 'v1.0.4');
    expect(release('v1.0.4', '--dry-run').out).toContain('release refused: CHANGELOG.md has no "## 1.0.4" section');
  });
});

describe('scripts/check-dist.mjs', () => {
  it('runs in CI after the tests, outside jest (.ci/run and the ci workflow)', () => {
    expect(readFileSync(path.join(root, '.ci/run'), 'utf8')).toMatch(
      /^npm ci && npm test\nnode scripts\/check-dist\.mjs$/m,
    );
    expect(readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toContain(
      'run: node scripts/check-dist.mjs',
    );
  });

  it('bundles with the flags of `npm run bundle`', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const script = readFileSync(path.join(root, 'scripts/check-dist.mjs'), 'utf8');
    expect(pkg.scripts.bundle).toContain('ncc build src/index.ts -o dist --license licenses.txt --target es2022');
    expect(script).toContain("['build', 'src/index.ts', '--license', 'licenses.txt', '--target', 'es2022']");
  });
});

describe('the repository is ready for its first release', () => {
  it('package.json and CHANGELOG.md agree on 1.0.0, and the release workflow runs the script on version tags', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.version).toBe('1.0.0');
    expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toMatch(/^## 1\.0\.0 /m);
    const wf = readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');
    expect(wf).toContain("tags: ['v*.*.*']");
    expect(wf).toContain('run: node scripts/release.mjs "$TAG"');
  });
});
