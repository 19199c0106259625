/**
 * The EKS and CloudFormation APIs, as this action reads them: a thin wrapper over the AWS SDK (loaded
 * lazily, so `plan` never pays for it). Reads only; every mutation of the cloud goes through eksctl.
 *
 * Region comes from the `region` input; credentials from the SDK's default chain (as set by
 * aws-actions/configure-aws-credentials). The SDK itself honours AWS_ENDPOINT_URL_EKS,
 * AWS_ENDPOINT_URL_CLOUDFORMATION and AWS_ENDPOINT_URL, so the user's endpoint overrides apply here too.
 * Not-found is `undefined`, never an error; any other failure becomes one line naming the call.
 *
 * Retries are the SDK's own, made explicit here (see SDK_RETRY): the standard retry mode retries
 * throttling (HTTP 429, ThrottlingException, Throttling, TooManyRequestsException …), transient errors
 * (HTTP 500/502/503/504, timeouts, ECONNRESET …) with full-jitter backoff (100 ms base, 500 ms for
 * throttling, each wait at most 20 s, a Retry-After honoured up to 5 s beyond that), `maxAttempts`
 * attempts in all, drawing on a retry quota shared by the client. Anything else (AccessDeniedException,
 * ValidationError …) fails at the first answer. What was not bounded by default is each attempt: the
 * SDK's HTTP handler has no request timeout unless told (and then only warns unless told to throw), so
 * a server that accepts and never answers would hang a run; hence the timeouts of SDK_HTTP.
 */
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { AccessEntry, Addon, Cluster, ClusterVersionInformation, Nodegroup } from '@aws-sdk/client-eks';
import type { Stack } from '@aws-sdk/client-cloudformation';

export type { AccessEntry, Addon, Cluster, ClusterVersionInformation, Nodegroup, Stack };

export interface EksApi {
  describeCluster(name: string): Promise<Cluster | undefined>;
  listNodegroups(cluster: string): Promise<string[]>;
  describeNodegroup(cluster: string, name: string): Promise<Nodegroup | undefined>;
  /** The names of the cluster's EKS add-ons (all pages). */
  listAddons(cluster: string): Promise<string[]>;
  describeAddon(cluster: string, name: string): Promise<Addon | undefined>;
  /** The versions of an EKS add-on compatible with a Kubernetes minor, as EKS lists them (all pages). */
  addonVersions(addon: string, kubernetesVersion: string): Promise<string[]>;
  /** The principal ARNs of the cluster's access entries (all pages). */
  listAccessEntries(cluster: string): Promise<string[]>;
  describeAccessEntry(cluster: string, principalArn: string): Promise<AccessEntry | undefined>;
  /** Every version EKS offers for new clusters (all pages). */
  clusterVersions(): Promise<ClusterVersionInformation[]>;
  /** These versions' support dates and status, unsupported ones included (`includeAll`). */
  versionSupport(versions: readonly string[]): Promise<ClusterVersionInformation[]>;
  /** undefined when no such stack exists (or only a deleted one). */
  describeStack(name: string): Promise<Stack | undefined>;
  /** The resolved credentials of the default chain (for the presigned STS token). */
  credentials(): Promise<AwsCredentialIdentity>;
}

export class AwsApiError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what}: ${awsErrorMessage(cause)}`, { cause });
    this.name = 'AwsApiError';
  }
}

const HINTS: Record<string, string> = {
  CredentialsProviderError:
    'no AWS credentials found; run aws-actions/configure-aws-credentials before this action (or set AWS_* variables)',
  AccessDeniedException: 'the AWS credentials lack permission for this call',
  AccessDenied: 'the AWS credentials lack permission for this call',
  UnrecognizedClientException: 'the AWS credentials are not valid',
  InvalidClientTokenId: 'the AWS credentials are not valid',
  ExpiredTokenException: 'the AWS credentials have expired',
  ExpiredToken: 'the AWS credentials have expired',
};

/** One line: the error's name and message, with what to do for the common credential problems. */
export function awsErrorMessage(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  const name = e?.name && e.name !== 'Error' ? e.name : undefined;
  const message = (e?.message ?? String(err)).split('\n')[0]!.trim();
  const hint = name ? HINTS[name] : undefined;
  const status = e?.$metadata?.httpStatusCode;
  const attempts = e?.$metadata?.attempts ?? 1;
  const facts = [status && `HTTP ${status}`, attempts > 1 && `after ${attempts} attempts`].filter(Boolean);
  return (
    [name, message].filter(Boolean).join(': ') +
    (facts.length ? ` (${facts.join(', ')})` : '') +
    (hint ? `; ${hint}` : '')
  );
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === 'ResourceNotFoundException' || name === 'NotFoundException';
}

/** CloudFormation says "Stack with id X does not exist" as a ValidationError. */
function isMissingStack(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  return e?.name === 'ValidationError' && /does not exist/.test(e.message ?? '');
}

export interface EksApiOptions {
  region: string;
  /** Attempts per call (SDK standard retry mode); the default is the SDK's 3. */
  maxAttempts?: number;
  /** Each attempt fails (as a retryable TimeoutError) after this long without an answer; default 60 s. */
  requestTimeoutMs?: number;
}

/** The SDK's standard retry mode with its default attempts, spelled out (see the top of this file). */
const SDK_RETRY = { retryMode: 'standard', maxAttempts: 3 } as const;
/** Per attempt: 10 s to connect, 60 s for the answer, and a timeout is an error (retried), not a warning. */
const SDK_HTTP = { connectionTimeout: 10_000, requestTimeout: 60_000, throwOnRequestTimeout: true } as const;

export async function eksApi(opts: EksApiOptions): Promise<EksApi> {
  const [eks, cfn] = await Promise.all([import('@aws-sdk/client-eks'), import('@aws-sdk/client-cloudformation')]);
  const common = {
    region: opts.region,
    retryMode: SDK_RETRY.retryMode,
    maxAttempts: opts.maxAttempts ?? SDK_RETRY.maxAttempts,
    requestHandler: { ...SDK_HTTP, requestTimeout: opts.requestTimeoutMs ?? SDK_HTTP.requestTimeout },
  };
  const client = new eks.EKSClient(common);
  const stacks = new cfn.CloudFormationClient(common);

  async function call<T>(
    what: string,
    fn: () => Promise<T>,
    missing?: (err: unknown) => boolean,
  ): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      if (missing?.(err)) return undefined;
      throw new AwsApiError(what, err);
    }
  }

  return {
    describeCluster: (name) =>
      call(
        `EKS DescribeCluster ${name}`,
        async () => (await client.send(new eks.DescribeClusterCommand({ name }))).cluster,
        isNotFound,
      ),

    async listNodegroups(cluster) {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call(
          `EKS ListNodegroups ${cluster}`,
          () => client.send(new eks.ListNodegroupsCommand({ clusterName: cluster, nextToken })),
          isNotFound,
        );
        names.push(...(page?.nodegroups ?? []));
        nextToken = page?.nextToken;
      } while (nextToken);
      return names;
    },

    describeNodegroup: (cluster, name) =>
      call(
        `EKS DescribeNodegroup ${cluster}/${name}`,
        async () =>
          (await client.send(new eks.DescribeNodegroupCommand({ clusterName: cluster, nodegroupName: name })))
            .nodegroup,
        isNotFound,
      ),

    async listAddons(cluster) {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call(
          `EKS ListAddons ${cluster}`,
          () => client.send(new eks.ListAddonsCommand({ clusterName: cluster, nextToken })),
          isNotFound,
        );
        names.push(...(page?.addons ?? []));
        nextToken = page?.nextToken;
      } while (nextToken);
      return names;
    },

    describeAddon: (cluster, name) =>
      call(
        `EKS DescribeAddon ${cluster}/${name}`,
        async () => (await client.send(new eks.DescribeAddonCommand({ clusterName: cluster, addonName: name }))).addon,
        isNotFound,
      ),

    async addonVersions(addon, kubernetesVersion) {
      const versions: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call(`EKS DescribeAddonVersions ${addon} ${kubernetesVersion}`, () =>
          client.send(new eks.DescribeAddonVersionsCommand({ addonName: addon, kubernetesVersion, nextToken })),
        );
        for (const a of page?.addons ?? []) {
          if (a.addonName !== addon) continue;
          for (const v of a.addonVersions ?? []) if (v.addonVersion) versions.push(v.addonVersion);
        }
        nextToken = page?.nextToken;
      } while (nextToken);
      return versions;
    },

    async listAccessEntries(cluster) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call(
          `EKS ListAccessEntries ${cluster}`,
          () => client.send(new eks.ListAccessEntriesCommand({ clusterName: cluster, nextToken })),
          isNotFound,
        );
        arns.push(...(page?.accessEntries ?? []));
        nextToken = page?.nextToken;
      } while (nextToken);
      return arns;
    },

    describeAccessEntry: (cluster, principalArn) =>
      call(
        `EKS DescribeAccessEntry ${cluster} ${principalArn}`,
        async () =>
          (await client.send(new eks.DescribeAccessEntryCommand({ clusterName: cluster, principalArn }))).accessEntry,
        isNotFound,
      ),

    async clusterVersions() {
      const versions: ClusterVersionInformation[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('EKS DescribeClusterVersions', () =>
          client.send(new eks.DescribeClusterVersionsCommand({ nextToken })),
        );
        versions.push(...(page?.clusterVersions ?? []));
        nextToken = page?.nextToken;
      } while (nextToken);
      return versions;
    },

    async versionSupport(wanted) {
      const versions: ClusterVersionInformation[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call(`EKS DescribeClusterVersions ${wanted.join(', ')}`, () =>
          client.send(
            new eks.DescribeClusterVersionsCommand({ clusterVersions: [...wanted], includeAll: true, nextToken }),
          ),
        );
        versions.push(...(page?.clusterVersions ?? []));
        nextToken = page?.nextToken;
      } while (nextToken);
      return versions;
    },

    async describeStack(name) {
      const res = await call(
        `CloudFormation DescribeStacks ${name}`,
        () => stacks.send(new cfn.DescribeStacksCommand({ StackName: name })),
        isMissingStack,
      );
      const stack = res?.Stacks?.[0];
      return stack && stack.StackStatus !== 'DELETE_COMPLETE' ? stack : undefined;
    },

    async credentials() {
      const provider = client.config.credentials;
      const creds = await call('AWS credentials', () => provider());
      if (!creds) throw new AwsApiError('AWS credentials', new Error('none found'));
      return creds;
    },
  };
}
