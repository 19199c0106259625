/**
 * Secrets, proven on the bundle as a runner runs it (dist/index.js in a child process, support/run-bundle.ts):
 * every command runs end to end with tokens, keys and kubeconfig credentials set, against the loopback
 * worlds of support/bundle-worlds.ts (REAL gcloud, FAKE GKE/IAM/CRM APIs, eksctl TEST STAND-IN, FAKE
 * EKS/CloudFormation API, FAKE Kubernetes API) and against HOSTILE loopback servers that answer 403 with
 * every request header echoed in the message. Each run is made with ACTIONS_STEP_DEBUG on and off.
 *
 * Each secret value is unique to this test file's run and recognisable; the scanner looks for it and for its
 * derived forms (base64, base64url, URL-encoded, `Bearer …`, the lines of a PEM key) in everything a run
 * writes where a secret has no place: stdout (but the `::add-mask::` lines, which the runner consumes),
 * stderr, every output, GITHUB_ENV, GITHUB_PATH, the job summary, the report file and the kubeconfig the
 * action writes. It also looks for any private key, presigned EKS token, presigned STS URL, Basic or Bearer
 * credential, whatever its value. Control cases prove the scanner finds what is planted.
 *
 * Tokens the action passes on (the presigned EKS token to the Kubernetes API, a user kubeconfig's token,
 * mirror credentials to the mirror) must have had their `::add-mask::` line written before the server saw
 * them: the servers here note how much stdout had arrived when each credential reached them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../src/inputs.js';
import { registerKubeconfigSecrets } from '../src/kubeconfig.js';
import { clearSecrets, redact, registerSecret } from '../src/log.js';
import { errorMessage } from '../src/steps.js';
import { closeServer } from './fakes/loopback.js';
import { FakeKubeApi } from './fakes/kube-api.js';
import { type AwsBundleWorld, type GcpBundleWorld, awsBundleWorld, gcpBundleWorld } from './support/bundle-worlds.js';
import { type BundleRun, type RunningAction, startAction } from './support/run-bundle.js';

// --- the secrets ----------------------------------------------------------------------------------------

const tag = randomBytes(4).toString('hex');
/** A random part of its own for each secret, so that no 16 characters of one are found in another. */
const own = () => randomBytes(6).toString('hex');
const key = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** Every credential handed to the action somewhere in this file; `/`, `+` and `=` make the encoded forms differ. */
const S = {
  gcpToken: `ya29.SECRET-gcp-token-${own()}-0123456789`,
  gcpBadToken: `ya29.SECRET-bad-gcp-token-${own()}-9876543210`,
  awsKeyId: `AKIA${own().toUpperCase()}QQQQ`,
  awsSecretKey: `SECRET/aws+secret-key-${own()}-abcdefghijklmnop`,
  awsSessionToken: `SECRET-aws-session-token-${own()}/+AbCdEf==`,
  githubToken: `ghp_SECRETgithubtoken${own()}0123456789`,
  mirrorPassword: `SECRET/mirror:pass-${own()}`,
  mirrorToken: `SECRETmirrortoken${own()}xyz`,
  kubeToken: `SECRET-kube-token-${own()}-abcdef`,
  kubePassword: `SECRET-kube-password-${own()}`,
  kubeRefreshToken: `SECRET-kube-refresh-token-${own()}`,
  clientKeyPem: key.privateKey,
} as const;

const MIRROR_USER = 'mirror-user';
/** `tool-mirror` values carrying credentials, as a user would write them (the password percent-encoded). */
const mirrorWithPassword = (base: string) =>
  base.replace('://', `://${MIRROR_USER}:${encodeURIComponent(S.mirrorPassword)}@`);
const mirrorWithToken = (base: string) => base.replace('://', `://${S.mirrorToken}@`);

const DEBUG = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };
const MODES = [
  { name: 'debug off', env: {} },
  { name: 'ACTIONS_STEP_DEBUG', env: DEBUG },
] as const;

/** The cloud credentials of the environment, as the auth actions set them. */
const SECRET_ENV = {
  CLOUDSDK_AUTH_ACCESS_TOKEN: S.gcpToken,
  AWS_ACCESS_KEY_ID: S.awsKeyId,
  AWS_SECRET_ACCESS_KEY: S.awsSecretKey,
  AWS_SESSION_TOKEN: S.awsSessionToken,
};

// --- the scanner ----------------------------------------------------------------------------------------

interface Form {
  name: string;
  find: (text: string) => boolean;
}

const literal = (name: string, value: string): Form => ({ name, find: (t) => t.includes(value) });
const pattern = (name: string, re: RegExp): Form => ({ name, find: (t) => re.test(t) });

const FRAGMENT = 16;

/** A value and what it becomes on the way out: base64 (padded or not), base64url, URL-encoded, a bearer header. */
function derivedValues(name: string, value: string): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (form: string, what: string) => forms.has(form) || forms.set(form, what);
  add(value, name);
  add(Buffer.from(value).toString('base64').replace(/=+$/, ''), `${name} (base64)`);
  add(Buffer.from(value).toString('base64url'), `${name} (base64url)`);
  add(encodeURIComponent(value), `${name} (URL-encoded)`);
  add(`Bearer ${value}`, `${name} (Bearer)`);
  // A part of it (a parser's message cuts long lines): any 16 characters in a row, but of a PEM key's
  // header and ASN.1 prefix, which every key of its kind shares (its lines are looked for below).
  if (!value.includes('\n')) {
    for (let i = 0; i + FRAGMENT <= value.length; i++) add(value.slice(i, i + FRAGMENT), `${name} (a part)`);
  }
  // A PEM key leaks a line at a time too (an error joins lines, a log wraps them).
  if (value.includes('\n')) {
    for (const line of value.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) {
      add(line, `${name} (a line)`);
    }
    add(value.replace(/\n/g, ' ').trim(), `${name} (lines joined)`);
  }
  return forms;
}

function derivedForms(name: string, value: string): Form[] {
  return [...derivedValues(name, value)].map(([v, n]) => literal(n, v));
}

/** Credentials whatever their value: a private key, a presigned EKS token or STS URL, Basic/Bearer headers. */
const GENERIC_FORMS: Form[] = [
  pattern('a PEM private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/),
  { name: 'a base64 PEM private key', find: (t) => base64Runs(t).some((d) => d.includes('PRIVATE KEY')) },
  pattern('a presigned EKS token (k8s-aws-v1.)', /k8s-aws-v1\.[A-Za-z0-9_-]{16,}/),
  pattern('a presigned STS URL', /X-Amz-(Signature|Credential|Security-Token)=/i),
  pattern('an AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/),
  pattern('a Bearer credential', /Bearer\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{6,}/),
  pattern('a Basic credential', /Basic\s+(?!\*\*\*)[A-Za-z0-9+/]{8,}={0,2}/),
  pattern('a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{20,}/),
  pattern('a Google access token', /\bya29\.[A-Za-z0-9._-]{10,}/),
];

/** Every run of base64 in `text`, decoded from each of the four alignments (a cut run starts anywhere). */
function base64Runs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    for (let i = 0; i < 4; i++) out.push(Buffer.from(m[0].slice(i), 'base64').toString('latin1'));
  }
  return out;
}

function formsOf(values: Partial<Record<string, string>>): Form[] {
  const specific = Object.entries(values).flatMap(([n, v]) => (v ? derivedForms(n, v) : []));
  return [...specific, ...GENERIC_FORMS];
}

const ALL_FORMS = formsOf(S);

/** `channel: form` for every form found in every channel. */
function scan(channels: Record<string, string>, forms: Form[] = ALL_FORMS): string[] {
  const hits = new Set<string>();
  for (const [channel, text] of Object.entries(channels)) {
    for (const f of forms) if (f.find(text)) hits.add(`${channel}: ${f.name}`);
  }
  return [...hits];
}

/** The runner's `::add-mask::` lines, unescaped as the runner reads them. */
function maskedValues(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

/** A workflow command's escaping undone (`%25` → `%`, `%0A` → newline …), as the runner shows the line. */
function unescapeCommand(line: string): string {
  if (!line.startsWith('::')) return line;
  return line.replace(/%(0D|0A|3A|2C|25)/g, (_, c: string) => String.fromCharCode(parseInt(c, 16)));
}

/** Everything a run wrote where no secret belongs; stdout as written and as the runner shows it. */
function channelsOf(run: BundleRun, kubeconfigPath?: string): Record<string, string> {
  const lines = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
  const channels: Record<string, string> = {
    stdout: lines.join('\n'),
    'stdout as shown': lines.map(unescapeCommand).join('\n'),
    stderr: run.stderr,
    GITHUB_ENV: readFileSync(run.envFile, 'utf8'),
    GITHUB_PATH: readFileSync(run.pathFile, 'utf8'),
    'job summary': run.summary(),
  };
  const outputs = run.outputs();
  for (const [name, value] of Object.entries(outputs)) channels[`output ${name}`] = value;
  const report = outputs['report-file'];
  if (report && existsSync(report)) channels['report file'] = readFileSync(report, 'utf8');
  if (kubeconfigPath && existsSync(kubeconfigPath))
    channels['written kubeconfig'] = readFileSync(kubeconfigPath, 'utf8');
  return channels;
}

// --- what every run is held to ----------------------------------------------------------------------------

const tally = { runs: 0, bytes: 0, forms: ALL_FORMS.length };
const leaks: string[] = [];

afterAll(() => {
  const line = `secrets-e2e: ${tally.runs} runs, ${Object.keys(S).length} secret values, ${tally.forms} forms, ${tally.bytes} bytes scanned`;
  process.stdout.write(`${line}\n`);
  if (process.env.SECRETS_FIGURES) writeFileSync(process.env.SECRETS_FIGURES, `${line}\n${leaks.join('\n')}\n`);
});

/** Scans a run; returns `label — channel: form` for each leak (and keeps the figures). */
function leaksOf(label: string, run: BundleRun, kubeconfigPath?: string): string[] {
  const channels = channelsOf(run, kubeconfigPath);
  tally.runs++;
  tally.bytes += Object.values(channels).reduce((n, t) => n + Buffer.byteLength(t), 0);
  const found = scan(channels).map((h) => `${label} — ${h}`);
  leaks.push(...found);
  return found;
}

/** Credentials given at start (environment, github-token, tool-mirror): masked before any other line. */
function maskedUpFront(run: BundleRun, values: Record<string, string>): string[] {
  const lines = run.stdout.split('\n');
  const firstOther = lines.findIndex((l) => l && !l.startsWith('::add-mask::'));
  const upFront = maskedValues(lines.slice(0, firstOther < 0 ? lines.length : firstOther).join('\n'));
  return Object.entries(values)
    .filter(([, v]) => !upFront.includes(v))
    .map(([name]) => `${name} was not masked before the first line`);
}

const UP_FRONT = {
  githubToken: S.githubToken,
  gcpToken: S.gcpToken,
  awsKeyId: S.awsKeyId,
  awsSecretKey: S.awsSecretKey,
  awsSessionToken: S.awsSessionToken,
};

/** A credential reached a server when `stdoutSoFar` bytes of the run's stdout had arrived. */
interface Use {
  credential: string;
  stdoutSoFar: number;
}

/** Each credential used must have been masked in the stdout that came before its first use. */
function maskedBeforeUse(stdout: string, uses: Use[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const u of uses) {
    if (seen.has(u.credential)) continue;
    seen.add(u.credential);
    if (!maskedValues(stdout.slice(0, u.stdoutSoFar)).includes(u.credential)) {
      problems.push(`${u.credential.slice(0, 14)}… was used before its ::add-mask:: line`);
    }
  }
  return problems;
}

const labelled = (label: string, problems: string[]) => problems.map((p) => `${label} — ${p}`);

function errorLines(run: BundleRun): string[] {
  return run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
}

// --- loopback servers of this file ---------------------------------------------------------------------

/** The run whose stdout a server notes when a credential reaches it. */
let current: RunningAction | undefined;
const stdoutSoFar = () => current?.stdout().length ?? 0;

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * A HOSTILE server: every request is answered 403 with every request header echoed in the message, in the
 * error shapes of Google APIs, AWS (restJson) and Kubernetes at once.
 */
async function hostileServer() {
  return listen((req, res) => {
    req.resume();
    req.on('end', () => {
      const echo = `forbidden: ${req.method} ${req.url} with ${Object.entries(req.headers)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; ')}`;
      const body = JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'Forbidden',
        code: 403,
        message: echo,
        error: { code: 403, status: 'PERMISSION_DENIED', message: echo },
        __type: 'AccessDeniedException',
      });
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' });
      res.end(body);
    });
  });
}

/**
 * A mirror in front of `upstream` that notes the Authorization header of each request (with the stdout
 * of the run so far). Paths under /missing answer 404, echoing that header back.
 */
async function recordingMirror(upstream: string) {
  const uses: Use[] = [];
  const { server, url } = await listen((req, res) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Basic ')) uses.push({ credential: auth.slice(6), stdoutSoFar: stdoutSoFar() });
    if (req.url?.startsWith('/missing')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no such file ${req.url} (you sent authorization: ${auth ?? 'none'})`);
      return;
    }
    fetch(`${upstream}${req.url}`)
      .then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await r.arrayBuffer()));
      })
      .catch(() => {
        res.writeHead(502);
        res.end();
      });
  });
  return { server, url, uses };
}

/** Notes each bearer token that reaches a FAKE Kubernetes API. */
function watchBearers(kube: FakeKubeApi): Use[] {
  const uses: Use[] = [];
  kube.onRequest((req) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) uses.push({ credential: auth.slice(7), stdoutSoFar: stdoutSoFar() });
  });
  return uses;
}

// --- a user's kubeconfig -----------------------------------------------------------------------------------

const tmp = mkdtempSync(path.join(os.tmpdir(), 'secrets-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A client certificate for the generated key (openssl signs it; the key never leaves node:crypto's PEM). */
function clientCertPem(): string {
  const keyFile = path.join(tmp, 'client.key');
  writeFileSync(keyFile, S.clientKeyPem, { mode: 0o600 });
  try {
    return execFileSync(
      'openssl',
      ['req', '-x509', '-new', '-key', keyFile, '-subj', '/CN=secrets-e2e', '-days', '1'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } finally {
    rmSync(keyFile, { force: true });
  }
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * A kubeconfig as a user keeps it in a repository secret: the current user with a token and a client
 * certificate and key, another with a password, a third with an OIDC refresh token.
 */
function userKubeconfig(server: string, caPem: string | undefined, name: string, broken = false): string {
  const file = path.join(tmp, `${name}.kubeconfig`);
  const cluster: Record<string, unknown> = { server };
  if (caPem) cluster['certificate-authority-data'] = b64(caPem);
  else cluster['insecure-skip-tls-verify'] = true;
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster }],
    users: [
      {
        name: 'ci',
        user: {
          token: S.kubeToken,
          'client-certificate-data': b64(clientCertPem()),
          'client-key-data': b64(S.clientKeyPem),
        },
      },
      { name: 'basic', user: { username: 'admin', password: S.kubePassword } },
      {
        name: 'oidc',
        user: {
          'auth-provider': { name: 'oidc', config: { 'refresh-token': S.kubeRefreshToken, 'client-id': 'ci' } },
        },
      },
    ],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'ci' } }],
    'current-context': 'ctx',
  };
  let text = JSON.stringify(doc, null, 2);
  // Broken: a stray quote right after the token, so the parser's message quotes that line.
  if (broken) text = text.replace(`"token": "${S.kubeToken}"`, `"token": "${S.kubeToken}"" :: [`);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** A FAKE Kubernetes API (TLS) that admits the user kubeconfig's token, holding what the world's holds. */
async function userKube(world: FakeKubeApi): Promise<FakeKubeApi> {
  const kube = await FakeKubeApi.start({ token: S.kubeToken, tls: true, version: world.version });
  kube.seed(...world.objects('apiextensions.k8s.io/v1', 'CustomResourceDefinition'));
  kube.seed(...world.objects('v1', 'Node'));
  kube.seed(...world.objects('operator.tigera.io/v1', 'Installation'));
  return kube;
}

// --- running ----------------------------------------------------------------------------------------------

async function run(inputs: Record<string, string>, env: Record<string, string>): Promise<BundleRun> {
  const running = startAction(inputs, env);
  current = running;
  try {
    return await running.done;
  } finally {
    current = undefined;
  }
}

/** The written kubeconfig: 0600, exec credentials only, and the `kubeconfig` output is its path. */
function expectExecOnlyKubeconfig(r: BundleRun, kubeconfigPath: string): void {
  expect(r.outputs().kubeconfig).toBe(kubeconfigPath);
  expect(statSync(kubeconfigPath).mode & 0o777).toBe(0o600);
  const doc = parseYaml(readFileSync(kubeconfigPath, 'utf8')) as { users: { user: Record<string, unknown> }[] };
  for (const { user } of doc.users) {
    expect(Object.keys(user)).toEqual(['exec']);
  }
  expect(r.exported().KUBECONFIG).toBe(kubeconfigPath);
}

const PLAN_TIMEOUT = 60_000;
const WORLD_TIMEOUT = 600_000;

// --- the scanner can fail ------------------------------------------------------------------------------------

describe('the scanner (control: what is planted is found)', () => {
  it('finds every secret in each derived form, in any channel, and the generic credential shapes', () => {
    let planted = 0;
    for (const [name, value] of Object.entries(S)) {
      for (const [form, formName] of derivedValues(name, value)) {
        expect(scan({ 'output summary': `before ${form} after` })).toContain(`output summary: ${formName}`);
        planted++;
      }
    }
    expect(planted).toBeGreaterThanOrEqual(Object.keys(S).length * 3);
    // A workflow command's escaping hides nothing: `%` is `%25` in a ::error:: line.
    const escaped = `::error::failed at ${encodeURIComponent(S.mirrorPassword).replace(/%/g, '%25')}`;
    expect(scan({ stdout: escaped })).not.toContain('stdout: mirrorPassword (URL-encoded)');
    expect(scan({ 'stdout as shown': unescapeCommand(escaped) })).toContain(
      'stdout as shown: mirrorPassword (URL-encoded)',
    );
    expect(scan({ stdout: 'nothing to see: Bearer *** and Basic ***' })).toEqual([]);
    expect(scan({ summary: '-----BEGIN EC PRIVATE KEY-----' })).toEqual(['summary: a PEM private key']);
    expect(scan({ e: `token k8s-aws-v1.${'aHR0cHM6Ly9zdHMu'.repeat(3)}` })).toEqual([
      'e: a presigned EKS token (k8s-aws-v1.)',
    ]);
    expect(scan({ e: 'https://sts.amazonaws.com/?X-Amz-Signature=abc' })).toEqual(['e: a presigned STS URL']);
    expect(scan({ e: 'Authorization: Basic bWlycm9yLXVzZXI6cGFzcw==' })).toEqual(['e: a Basic credential']);
    // A part of a token, cut by a parser's message; a base64 private key cut anywhere.
    expect(scan({ e: `17 |  ... ${S.kubeToken.slice(3)}"" :: [` })).toContain('e: kubeToken (a part)');
    const keyData = b64(S.clientKeyPem);
    for (const cut of [0, 1, 2, 3]) {
      expect(scan({ e: `"client-key-data": "${keyData.slice(cut, cut + 60)} ...` })).toContain(
        'e: a base64 PEM private key',
      );
    }
    // A PEM key leaks a line at a time, or with its lines joined by an error message.
    const line = S.clientKeyPem.split('\n')[1]!;
    expect(scan({ e: `bad key ${line} at 3` })).toContain('e: clientKeyPem (a line)');
    expect(scan({ e: S.clientKeyPem.replace(/\n/g, ' ') })).toContain('e: clientKeyPem (lines joined)');
  });

  it('masked-before-use fails a credential whose ::add-mask:: line came after it was used, or never', () => {
    const stdout = `::add-mask::early-token-0001\nline\n::add-mask::late-token-0002\n`;
    const at = stdout.indexOf('line');
    expect(maskedBeforeUse(stdout, [{ credential: 'early-token-0001', stdoutSoFar: at }])).toEqual([]);
    expect(maskedBeforeUse(stdout, [{ credential: 'late-token-0002', stdoutSoFar: at }])).toHaveLength(1);
    expect(maskedBeforeUse(stdout, [{ credential: 'never-masked-0003', stdoutSoFar: stdout.length }])).toHaveLength(1);
  });

  it(
    'a value the action is not told is secret, echoed by plan, is caught in stdout, the plan output and the summary',
    async () => {
      const leaked = `ctl-leak-${tag}-0123456789`;
      const r = await run(
        {
          command: 'plan',
          provider: 'aws',
          region: 'eu-west-1',
          'services-extra-labels': `example.com/leak=${leaked}`,
        },
        {},
      );
      expect(r.status).toBe(0);
      const hits = scan(channelsOf(r), formsOf({ control: leaked }));
      expect(hits).toEqual(
        expect.arrayContaining(['stdout: control', 'output eksctl-config: control', 'job summary: control']),
      );
    },
    PLAN_TIMEOUT,
  );
});

// --- the redaction the runs rely on, in process ------------------------------------------------------------

describe('redaction (in process: the functions the bundle runs)', () => {
  afterAll(() => clearSecrets());

  it('a PEM key is redacted whole, a line at a time, and with its lines joined as errorMessage joins them', () => {
    registerSecret(S.clientKeyPem);
    const joined = errorMessage(new Error(`bad key:\n${S.clientKeyPem}`));
    const oneLine = `line 2 is ${S.clientKeyPem.split('\n')[1]}`;
    for (const text of [S.clientKeyPem, joined, oneLine]) expect(scan({ e: redact(text) })).toEqual([]);
    expect(scan({ e: joined })).not.toEqual([]);
  });

  it("a user kubeconfig's credentials are registered before it is read, even when it does not parse", () => {
    const file = userKubeconfig('https://127.0.0.1:1', undefined, 'in-process', true);
    const text = readFileSync(file, 'utf8');
    expect(scan({ e: text })).not.toEqual([]);
    registerKubeconfigSecrets(text);
    expect(scan({ e: redact(text) }, formsOf({ kubeToken: S.kubeToken, kubePassword: S.kubePassword }))).toEqual([]);
    expect(redact(text)).not.toContain(S.kubeRefreshToken);
    expect(redact(text)).not.toContain(b64(S.clientKeyPem));
  });

  it('a refused tool-mirror value is shown without its credentials, even when it does not parse as a URL', () => {
    for (const value of [
      `https://${MIRROR_USER}:${S.mirrorPassword}@mirror.example.com/x?y`,
      `${mirrorWithPassword('https://mirror.example.com')}?ref=main`,
      `${mirrorWithToken('http://[bad')}`,
    ]) {
      expect(scan({ e: new InputError('tool-mirror', value, 'an http(s) base URL').message })).toEqual([]);
    }
  });
});

// --- plan: no world needed --------------------------------------------------------------------------------

describe.each(MODES)('plan with every secret set ($name)', ({ env: debugEnv }) => {
  const kubeconfig = () => userKubeconfig('https://127.0.0.1:1', undefined, `plan-${tag}`);

  it.each(['gcp', 'aws'] as const)(
    '%s: nothing leaks; the credentials given are masked before anything else is written',
    async (provider) => {
      const mirror =
        provider === 'gcp'
          ? mirrorWithPassword('https://mirror.example.com/tools')
          : mirrorWithToken('https://mirror.example.com');
      const r = await run(
        {
          command: 'plan',
          provider,
          region: provider === 'gcp' ? 'europe-west1' : 'eu-west-1',
          ...(provider === 'gcp' ? { project: 'secret-test-project' } : {}),
          'github-token': S.githubToken,
          'tool-mirror': mirror,
          kubeconfig: kubeconfig(),
        },
        { ...SECRET_ENV, ...debugEnv },
      );
      expect(r.status).toBe(0);
      expect(leaksOf(`plan ${provider}`, r)).toEqual([]);
      expect(maskedUpFront(r, UP_FRONT)).toEqual([]);
    },
    PLAN_TIMEOUT,
  );
});

// --- failure paths that need no world ------------------------------------------------------------------------

describe.each(MODES)('failure paths against HOSTILE servers and bad inputs ($name)', ({ env: debugEnv }) => {
  let hostile: Awaited<ReturnType<typeof hostileServer>>;
  beforeAll(async () => {
    hostile = await hostileServer();
  });
  afterAll(() => closeServer(hostile.server));

  it(
    'a tool-mirror input with credentials that is refused: the error names the input, not the password',
    async () => {
      const r = await run(
        {
          command: 'plan',
          provider: 'gcp',
          project: 'secret-test-project',
          region: 'europe-west1',
          'tool-mirror': `${mirrorWithPassword('https://mirror.example.com/tools')}?ref=main`,
        },
        { ...SECRET_ENV, ...debugEnv },
      );
      expect(r.status).toBe(1);
      expect(errorLines(r).join('\n')).toMatch(/Input 'tool-mirror'/);
      expect(leaksOf('tool-mirror refused', r)).toEqual([]);
    },
    PLAN_TIMEOUT,
  );

  it(
    'verify gcp: a HOSTILE Google API answers 403 with the Authorization header echoed',
    async () => {
      const overrides = Object.fromEntries(
        ['CONTAINER', 'IAM', 'CLOUDRESOURCEMANAGER', 'SERVICEUSAGE'].map((a) => [
          `CLOUDSDK_API_ENDPOINT_OVERRIDES_${a}`,
          `${hostile.url}/`,
        ]),
      );
      const r = await run(
        {
          command: 'verify',
          provider: 'gcp',
          project: 'secret-test-project',
          region: 'europe-west1',
          'github-token': S.githubToken,
        },
        { ...SECRET_ENV, ...overrides, CLOUDSDK_AUTH_TOKEN_HOST: `${hostile.url}/token`, ...debugEnv },
      );
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/GKE get cluster gitpod: forbidden/);
      expect(leaksOf('verify gcp, hostile Google API', r)).toEqual([]);
    },
    PLAN_TIMEOUT,
  );

  it(
    'verify aws: a HOSTILE EKS API answers 403 with the signed headers echoed',
    async () => {
      const r = await run(
        { command: 'verify', provider: 'aws', region: 'eu-west-1', 'github-token': S.githubToken },
        {
          ...SECRET_ENV,
          AWS_ENDPOINT_URL_EKS: hostile.url,
          AWS_ENDPOINT_URL_CLOUDFORMATION: hostile.url,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_MAX_ATTEMPTS: '1',
          ...debugEnv,
        },
      );
      expect(r.status).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/AccessDenied|403/);
      expect(leaksOf('verify aws, hostile EKS API', r)).toEqual([]);
    },
    PLAN_TIMEOUT,
  );
});

// --- GKE, end to end ------------------------------------------------------------------------------------------

describe('GKE end to end (REAL gcloud, FAKE GKE/IAM/CRM APIs, FAKE Kubernetes API over TLS)', () => {
  let w: GcpBundleWorld;
  let hostile: Awaited<ReturnType<typeof hostileServer>>;
  let kube: FakeKubeApi | undefined;
  beforeAll(async () => {
    w = await gcpBundleWorld({ gcp: { token: S.gcpToken } });
    hostile = await hostileServer();
  }, 60_000);
  afterAll(async () => {
    await Promise.all([w?.close(), hostile && closeServer(hostile.server), kube?.close()]);
  });

  const inputs = (command: string, extra: Record<string, string> = {}) => ({
    ...w.inputs,
    command,
    'github-token': S.githubToken,
    'tool-mirror': mirrorWithToken('https://mirror.example.com'),
    'fail-on-drift': 'false',
    ...extra,
  });
  const env = (extra: Record<string, string> = {}) => ({
    ...w.env,
    AWS_ACCESS_KEY_ID: S.awsKeyId,
    AWS_SECRET_ACCESS_KEY: S.awsSecretKey,
    AWS_SESSION_TOKEN: S.awsSessionToken,
    ...extra,
  });

  it(
    'apply, a re-run, verify, verify with a user kubeconfig, the failure paths, destroy: nothing leaks',
    async () => {
      const found: string[] = [];
      const kubeconfigPath = w.inputs['kubeconfig-path']!;
      expect(w.env.CLOUDSDK_AUTH_ACCESS_TOKEN).toBe(S.gcpToken);
      // The access token the action (and kubectl, through gke-gcloud-auth-plugin) sends the Kubernetes API.
      const gkeBearers = watchBearers(w.kube);

      for (const [i, mode] of MODES.entries()) {
        gkeBearers.length = 0;
        const r = await run(inputs('apply'), env(mode.env));
        expect([`apply #${i + 1}`, r.status, errorLines(r)]).toEqual([`apply #${i + 1}`, 0, []]);
        found.push(...leaksOf(`apply gcp (${mode.name})`, r, kubeconfigPath));
        found.push(...labelled(`apply gcp (${mode.name})`, maskedUpFront(r, UP_FRONT)));
        expect(gkeBearers.map((b) => b.credential)).toContain(S.gcpToken);
        found.push(...labelled(`apply gcp (${mode.name})`, maskedBeforeUse(r.stdout, gkeBearers)));
        expectExecOnlyKubeconfig(r, kubeconfigPath);
      }

      for (const mode of MODES) {
        gkeBearers.length = 0;
        const r = await run(inputs('verify'), env(mode.env));
        expect(r.status).toBe(0);
        expect(r.outputs().verified).toBe('true');
        found.push(...leaksOf(`verify gcp (${mode.name})`, r, kubeconfigPath));
        expect(gkeBearers.length).toBeGreaterThan(0);
        found.push(...labelled(`verify gcp (${mode.name})`, maskedBeforeUse(r.stdout, gkeBearers)));
      }

      // A user's kubeconfig: its token reaches the Kubernetes API only after it was masked.
      kube = await userKube(w.kube);
      const bearers = watchBearers(kube);
      for (const mode of MODES) {
        const kc = userKubeconfig(kube.url, kube.caPem, `gcp-user-${mode.env === DEBUG ? 'debug' : 'plain'}`);
        const r = await run(inputs('verify', { kubeconfig: kc }), env(mode.env));
        expect(r.status).toBe(0);
        expect(r.outputs().verified).toBe('true');
        found.push(...leaksOf(`verify gcp with a user kubeconfig (${mode.name})`, r, kubeconfigPath));
        expect(bearers.map((b) => b.credential)).toContain(S.kubeToken);
        found.push(...labelled(`user kubeconfig (${mode.name})`, maskedBeforeUse(r.stdout, bearers)));
        bearers.length = 0;
      }

      for (const mode of MODES) {
        // A HOSTILE Kubernetes API: 403 with the bearer token echoed.
        const kc = userKubeconfig(hostile.url, undefined, `gcp-hostile-${mode.env === DEBUG ? 'debug' : 'plain'}`);
        const h = await run(inputs('verify', { kubeconfig: kc }), env(mode.env));
        expect(h.status).toBe(1);
        expect(errorLines(h)[0]).toMatch(/403/);
        found.push(...leaksOf(`verify gcp, HOSTILE Kubernetes API (${mode.name})`, h));

        // A bad token: the FAKE GKE API answers 401.
        const bad = await run(inputs('verify'), env({ ...mode.env, CLOUDSDK_AUTH_ACCESS_TOKEN: S.gcpBadToken }));
        expect(bad.status).toBe(1);
        expect(errorLines(bad)[0]).toMatch(/401|UNAUTHENTICATED|invalid authentication/);
        found.push(...leaksOf(`verify gcp, bad token (${mode.name})`, bad));

        // A kubeconfig that does not parse, broken on the token's own line.
        const broken = userKubeconfig(
          kube.url,
          kube.caPem,
          `gcp-broken-${mode.env === DEBUG ? 'debug' : 'plain'}`,
          true,
        );
        const b = await run(inputs('verify', { kubeconfig: broken }), env(mode.env));
        expect(b.status).toBe(1);
        found.push(...leaksOf(`verify gcp, kubeconfig that does not parse (${mode.name})`, b));
      }

      for (const mode of MODES) {
        const r = await run(
          inputs('destroy', { 'confirm-destroy': w.inputs['cluster-name'] ?? 'gitpod' }),
          env(mode.env),
        );
        expect(r.status).toBe(0);
        found.push(...leaksOf(`destroy gcp (${mode.name})`, r));
      }
      expect(found).toEqual([]);
    },
    WORLD_TIMEOUT,
  );
});

// --- EKS, end to end ------------------------------------------------------------------------------------------

describe('EKS end to end (eksctl TEST STAND-IN, FAKE EKS/CloudFormation API, FAKE Kubernetes API)', () => {
  let w: AwsBundleWorld;
  let hostile: Awaited<ReturnType<typeof hostileServer>>;
  let mirror: Awaited<ReturnType<typeof recordingMirror>>;
  let kube: FakeKubeApi | undefined;
  beforeAll(async () => {
    w = await awsBundleWorld();
    hostile = await hostileServer();
    mirror = await recordingMirror(w.calico.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([
      w?.close(),
      hostile && closeServer(hostile.server),
      mirror && closeServer(mirror.server),
      kube?.close(),
    ]);
  });

  const inputs = (command: string, extra: Record<string, string> = {}) => ({
    ...w.inputs,
    command,
    'github-token': S.githubToken,
    'tool-mirror': mirrorWithPassword(mirror.url),
    'fail-on-drift': 'false',
    ...extra,
  });
  const env = (extra: Record<string, string> = {}) => ({
    ...w.env,
    ...SECRET_ENV,
    ...extra,
  });

  it(
    'a mirror that 404s, apply, a re-run, verify, verify with a user kubeconfig, the failure paths, destroy: nothing leaks; the presigned token is masked before use',
    async () => {
      const found: string[] = [];
      const kubeconfigPath = w.inputs['kubeconfig-path']!;
      const presigned = watchBearers(w.kube);

      // The tool mirror's credentials reach it only masked; a 404 that echoes them back leaks nothing.
      const missing = await run(
        inputs('apply', { 'tool-mirror': mirrorWithToken(`${mirror.url}/missing`) }),
        env(DEBUG),
      );
      expect(missing.status).toBe(1);
      expect(errorLines(missing)[0]).toMatch(/404/);
      expect(mirror.uses.length).toBeGreaterThan(0);
      found.push(...labelled('tool-mirror 404', maskedBeforeUse(missing.stdout, mirror.uses)));
      found.push(...leaksOf('apply aws, tool-mirror 404', missing, kubeconfigPath));
      mirror.uses.length = 0;

      for (const mode of MODES) {
        presigned.length = 0;
        const r = await run(inputs('apply'), env(mode.env));
        expect([r.status, errorLines(r)]).toEqual([0, []]);
        found.push(...leaksOf(`apply aws (${mode.name})`, r, kubeconfigPath));
        found.push(...labelled(`apply aws (${mode.name})`, maskedUpFront(r, UP_FRONT)));
        expectExecOnlyKubeconfig(r, kubeconfigPath);
        // Every presigned STS token reached the Kubernetes API after its ::add-mask:: line.
        expect(presigned.filter((u) => u.credential.startsWith('k8s-aws-v1.')).length).toBeGreaterThan(0);
        found.push(...labelled(`apply aws (${mode.name})`, maskedBeforeUse(r.stdout, presigned)));
      }
      // The first apply fetched the Calico manifests through the mirror, with the password's Basic credentials.
      const basic = Buffer.from(`${MIRROR_USER}:${S.mirrorPassword}`).toString('base64');
      expect(mirror.uses.map((u) => u.credential)).toContain(basic);

      for (const mode of MODES) {
        presigned.length = 0;
        const r = await run(inputs('verify'), env(mode.env));
        expect(r.status).toBe(0);
        expect(r.outputs().verified).toBe('true');
        found.push(...leaksOf(`verify aws (${mode.name})`, r, kubeconfigPath));
        expect(presigned.length).toBeGreaterThan(0);
        found.push(...labelled(`verify aws (${mode.name})`, maskedBeforeUse(r.stdout, presigned)));
      }

      kube = await userKube(w.kube);
      const bearers = watchBearers(kube);
      for (const mode of MODES) {
        const kc = userKubeconfig(kube.url, kube.caPem, `aws-user-${mode.env === DEBUG ? 'debug' : 'plain'}`);
        const r = await run(inputs('verify', { kubeconfig: kc }), env(mode.env));
        expect(r.status).toBe(0);
        expect(r.outputs().verified).toBe('true');
        found.push(...leaksOf(`verify aws with a user kubeconfig (${mode.name})`, r, kubeconfigPath));
        expect(bearers.map((b) => b.credential)).toContain(S.kubeToken);
        found.push(...labelled(`user kubeconfig (${mode.name})`, maskedBeforeUse(r.stdout, bearers)));
        bearers.length = 0;

        const hkc = userKubeconfig(hostile.url, undefined, `aws-hostile-${mode.env === DEBUG ? 'debug' : 'plain'}`);
        const h = await run(inputs('verify', { kubeconfig: hkc }), env(mode.env));
        expect(h.status).toBe(1);
        expect(errorLines(h)[0]).toMatch(/403/);
        found.push(...leaksOf(`verify aws, HOSTILE Kubernetes API (${mode.name})`, h));

        // A bad token: the FAKE Kubernetes API answers 401.
        const bad = userKubeconfig(w.kube.url, undefined, `aws-bad-${mode.env === DEBUG ? 'debug' : 'plain'}`);
        const b = await run(inputs('verify', { kubeconfig: bad }), env(mode.env));
        expect(b.status).toBe(1);
        expect(errorLines(b)[0]).toMatch(/401/);
        found.push(...leaksOf(`verify aws, bad token (${mode.name})`, b));
      }

      for (const mode of MODES) {
        const r = await run(
          inputs('destroy', { 'confirm-destroy': w.inputs['cluster-name'] ?? 'gitpod' }),
          env(mode.env),
        );
        expect(r.status).toBe(0);
        found.push(...leaksOf(`destroy aws (${mode.name})`, r));
      }
      expect(found).toEqual([]);
    },
    WORLD_TIMEOUT,
  );
});
