/**
 * The bearer token EKS accepts from IAM principals, built exactly as `aws eks get-token` builds it: a
 * SigV4-presigned STS GetCallerIdentity URL whose signed headers include `x-k8s-aws-id: <cluster>`,
 * valid 60 s for the signature (EKS honours a token for 15 minutes), base64url-encoded without padding
 * and prefixed `k8s-aws-v1.`. The token is a credential: it is registered as a secret before it is
 * returned, so no log line or output can show it.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { registerSecret } from '../../log.js';

export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** The header aws-iam-authenticator reads the cluster name from; it must be among the signed headers. */
export const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
const PRESIGN_SECONDS = 60;

/** SHA-256 / HMAC-SHA-256 in the shape @smithy/signature-v4 asks for, from node:crypto. */
type Bytes = string | ArrayBuffer | ArrayBufferView;

function bytes(data: Bytes): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: Bytes) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret !== undefined ? createHmac('sha256', bytes(this.secret)) : createHash('sha256');
  }
  update(data: Bytes): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** STS's regional endpoint, as the AWS CLI uses it (China regions live under amazonaws.com.cn). */
export function stsHost(region: string): string {
  return `sts.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface EksTokenOptions {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentity;
  /** Signing time (tests); defaults to now. */
  now?: Date;
}

/** The presigned URL the token wraps (exported for tests; it is as secret as the token). */
export async function presignedCallerIdentityUrl(opts: EksTokenOptions): Promise<string> {
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const host = stsHost(opts.region);
  const signer = new SignatureV4({
    credentials: opts.credentials,
    region: opts.region,
    service: 'sts',
    sha256: NodeSha256,
    uriEscapePath: true,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, [CLUSTER_ID_HEADER]: opts.clusterName },
    },
    { expiresIn: PRESIGN_SECONDS, signingDate: opts.now },
  );
  const query = Object.entries(signed.query ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`)
    .join('&');
  return `https://${host}/?${query}`;
}

/** `k8s-aws-v1.<base64url(presigned URL)>`, registered as a secret. */
export async function eksToken(opts: EksTokenOptions): Promise<string> {
  registerSecret(opts.credentials.accessKeyId);
  registerSecret(opts.credentials.secretAccessKey);
  registerSecret(opts.credentials.sessionToken);
  const url = await presignedCallerIdentityUrl(opts);
  const token = EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
  registerSecret(token);
  registerSecret(url);
  return token;
}
