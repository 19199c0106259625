/**
 * Kubeconfig files: rendered from the cloud API's endpoint and CA, written with mode 0600, exported as
 * KUBECONFIG, and announced through the `kubeconfig`, `context` and `cluster-endpoint` outputs.
 * The file may carry a credential; its content never reaches a log or an output.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { ActionIO } from './io.js';
import { registerSecret } from './log.js';

export interface ExecCredential {
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Shown by kubectl when the command is missing. */
  installHint?: string;
}

export interface KubeconfigSpec {
  /** Context (and cluster and user) name. */
  context: string;
  server: string;
  /** Base64 PEM CA bundle. */
  caData?: string;
  /** Only for loopback test servers speaking http://. */
  insecureSkipTlsVerify?: boolean;
  user: { token: string } | { exec: ExecCredential };
}

export function renderKubeconfig(spec: KubeconfigSpec): string {
  const cluster: Record<string, unknown> = { server: spec.server };
  if (spec.caData) cluster['certificate-authority-data'] = spec.caData;
  if (spec.insecureSkipTlsVerify) cluster['insecure-skip-tls-verify'] = true;
  let user: Record<string, unknown>;
  if ('token' in spec.user) {
    registerSecret(spec.user.token);
    user = { token: spec.user.token };
  } else {
    const e = spec.user.exec;
    user = {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: e.command,
        args: e.args,
        ...(e.env ? { env: Object.entries(e.env).map(([name, value]) => ({ name, value })) } : {}),
        interactiveMode: 'Never',
        provideClusterInfo: false,
        ...(e.installHint ? { installHint: e.installHint } : {}),
      },
    };
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: spec.context, cluster }],
    users: [{ name: spec.context, user }],
    contexts: [{ name: spec.context, context: { cluster: spec.context, user: spec.context } }],
    'current-context': spec.context,
  });
}

/** Writes the kubeconfig (0600), exports KUBECONFIG and sets the kubeconfig/context/cluster-endpoint outputs. */
export async function writeKubeconfig(file: string, spec: KubeconfigSpec, io: ActionIO): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, renderKubeconfig(spec), { mode: 0o600 });
  await chmod(file, 0o600); // an existing file keeps its old mode through writeFile
  io.exportVariable('KUBECONFIG', file);
  io.setOutput('kubeconfig', file);
  io.setOutput('context', spec.context);
  io.setOutput('cluster-endpoint', spec.server);
  io.log.info(`Kubeconfig written to ${file} (context ${spec.context}); KUBECONFIG exported for later steps.`);
}

/** Keys of a kubeconfig whose values are credentials (users[].user, and an auth-provider's config). */
const CREDENTIAL_KEYS = new Set([
  'token',
  'password',
  'client-key-data',
  'id-token',
  'refresh-token',
  'access-token',
  'client-secret',
]);

function credentialsIn(node: unknown, found: string[]): void {
  if (Array.isArray(node)) for (const n of node) credentialsIn(n, found);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (CREDENTIAL_KEYS.has(k) && typeof v === 'string') found.push(v);
      else credentialsIn(v, found);
    }
  }
}

/**
 * Registers every credential of a user's kubeconfig (the `kubeconfig` input) before anything else reads it:
 * a parser's error quotes the lines around a mistake, and a server may echo a token back. The values are
 * taken from the parsed document and, so that a file that does not parse is covered too, line by line; a
 * `client-key-data` is registered decoded as well (the PEM key, and each of its lines).
 */
export function registerKubeconfigSecrets(text: string): void {
  const found: string[] = [];
  for (const m of text.matchAll(/["']?([a-z-]+)["']?[ \t]*:[ \t]*["']?([^\s"',}]+)/gi)) {
    if (CREDENTIAL_KEYS.has(m[1]!.toLowerCase())) found.push(m[2]!);
  }
  try {
    credentialsIn(parse(text), found);
  } catch {
    // does not parse: the lines above found what there is
  }
  for (const value of found) {
    registerSecret(value);
    if (/^[A-Za-z0-9+/]+=*$/.test(value) && value.length >= 16) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      if (decoded.includes('PRIVATE KEY')) registerSecret(decoded);
    }
  }
}
