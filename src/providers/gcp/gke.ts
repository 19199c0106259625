/**
 * The GKE API, as the flow reads it: @google-cloud/container's ClusterManagerClient over its REST
 * transport (JSON over HTTP/1.1, as gcloud speaks it), loaded lazily so `plan` never pays for it.
 *
 * The client honours `CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER` (host, port and scheme taken from the
 * URL) and `CLOUDSDK_AUTH_ACCESS_TOKEN` (see gcp-rest.ts), else Application Default Credentials.
 * Reads only: every GKE mutation of the flow runs through gcloud. Waiting on an operation left running
 * by an earlier (cancelled) run is the one long call here, with a progress line at least every 30 s.
 *
 * Retries: the client's own (gax) retry config retries only UNAVAILABLE and DEADLINE_EXCEEDED on these
 * reads (cluster_manager_client_config.json), not 429 RESOURCE_EXHAUSTED nor 500/502 INTERNAL, and may
 * go on for 10 minutes. So gax's retry is turned off per call (`retry: null`) and every read runs under
 * the shared policy of src/retry.ts instead: 408, 429 and 5xx but 501 (by the HTTP status gax records),
 * network failures (UNAVAILABLE without a status) and DEADLINE_EXCEEDED, with backoff and jitter, each
 * wait capped, the whole bounded in time. gax does not expose the answer's headers, so a Retry-After is
 * not seen here. Each attempt keeps gax's own timeout (20 s for these reads).
 */
import type { Logger } from '../../log.js';
import {
  type RetryPolicy,
  type RetryVerdict,
  abortableSleep,
  afterAttempts,
  isTransientStatus,
  retryPolicy,
  withRetry,
} from '../../retry.js';
import { cancelReason, formatDuration } from '../../steps.js';
import { type GcpCredentials, gcpEndpoint } from './rest.js';

export interface GkeNodePool {
  name: string;
  status: string;
  version: string;
  machineType: string;
  imageType: string;
  diskType: string;
  diskSizeGb?: number;
  labels: Record<string, string>;
  autoscaling: boolean;
  minNodes?: number;
  maxNodes?: number;
  maxPods?: number;
}

export interface GkeCluster {
  name: string;
  status: string;
  statusMessage: string;
  /** IP or host of the API server (no scheme). */
  endpoint: string;
  /** Base64 PEM of the cluster CA. */
  caData: string;
  version: string;
  networkPolicy: boolean;
  releaseChannel: string;
  pools: GkeNodePool[];
}

export interface GkeOperation {
  /** Short name (operation-…). */
  name: string;
  type: string;
  status: string;
  /** The resource it works on, relative: `clusters/<name>[/nodePools/<pool>]`. */
  target: string;
  startTime?: string;
  error?: string;
}

export interface GkeServerConfig {
  defaultVersion: string;
  /** Valid versions of a release channel (REGULAR, RAPID, STABLE), as the server lists them. */
  channelVersions(channel: string): string[];
}

/** ClusterUpgradeInfo / NodePoolUpgradeInfo: the support window of the current minor and the auto-upgrade state. */
export interface GkeUpgradeInfo {
  endOfStandardSupport?: string;
  endOfExtendedSupport?: string;
  autoUpgradeStatus: string[];
  minorTargetVersion?: string;
  patchTargetVersion?: string;
}

export interface GkeLocation {
  project: string;
  region: string;
}

export interface GkeDeps {
  log: Logger;
  credentials: GcpCredentials;
  env?: NodeJS.ProcessEnv;
  /** Injected so tests never sleep. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Between two reads of a running operation; default 5 s (gcloud's own period). */
  pollMs?: number;
  /** Progress line period while waiting; default 30 s. */
  heartbeatMs?: number;
  /** Retry policy of every read (src/retry.ts); `sleep` and `now` above apply to it too. */
  retry?: Partial<RetryPolicy>;
}

export interface Gke {
  getCluster(name: string): Promise<GkeCluster | undefined>;
  serverConfig(): Promise<GkeServerConfig>;
  /** clusters.fetchClusterUpgradeInfo: the control plane's support window and auto-upgrade state. */
  clusterUpgradeInfo(cluster: string): Promise<GkeUpgradeInfo>;
  /** clusters.nodePools.fetchNodePoolUpgradeInfo: the same for one pool's version. */
  nodePoolUpgradeInfo(cluster: string, pool: string): Promise<GkeUpgradeInfo>;
  /** Operations not DONE whose target is the cluster or one of its node pools. */
  runningOperations(cluster: string): Promise<GkeOperation[]>;
  /** Polls an operation until DONE; throws with the operation's error, or after `timeoutMs`. */
  waitForOperation(op: GkeOperation, opts: { timeoutMs: number; why: string; signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

const NOT_FOUND = 5;

type Plain = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export function toNodePool(p: Plain): GkeNodePool {
  const config = (p.config ?? {}) as Plain;
  const autoscaling = (p.autoscaling ?? {}) as Plain;
  const maxPods = (p.maxPodsConstraint ?? {}) as Plain;
  const enabled = autoscaling.enabled === true;
  return {
    name: str(p.name),
    status: str(p.status),
    version: str(p.version),
    machineType: str(config.machineType),
    imageType: str(config.imageType),
    diskType: str(config.diskType),
    diskSizeGb: num(config.diskSizeGb) || undefined,
    labels: { ...((config.labels ?? {}) as Record<string, string>) },
    autoscaling: enabled,
    minNodes: enabled ? (num(autoscaling.minNodeCount) ?? 0) : undefined,
    maxNodes: enabled ? num(autoscaling.maxNodeCount) : undefined,
    maxPods: num(maxPods.maxPodsPerNode) || undefined,
  };
}

export function toCluster(c: Plain): GkeCluster {
  const addons = (c.addonsConfig ?? {}) as Plain;
  const npAddon = (addons.networkPolicyConfig ?? {}) as Plain;
  const np = (c.networkPolicy ?? {}) as Plain;
  return {
    name: str(c.name),
    status: str(c.status),
    statusMessage: str(c.statusMessage),
    endpoint: str(c.endpoint),
    caData: str(((c.masterAuth ?? {}) as Plain).clusterCaCertificate),
    version: str(c.currentMasterVersion),
    networkPolicy: np.enabled === true && npAddon.disabled !== true,
    releaseChannel: str(((c.releaseChannel ?? {}) as Plain).channel),
    pools: ((c.nodePools ?? []) as Plain[]).map(toNodePool),
  };
}

export function toUpgradeInfo(u: Plain): GkeUpgradeInfo {
  const enumName = (v: unknown) => (typeof v === 'number' ? `#${v}` : str(v));
  return {
    endOfStandardSupport: str(u.endOfStandardSupportTimestamp) || undefined,
    endOfExtendedSupport: str(u.endOfExtendedSupportTimestamp) || undefined,
    autoUpgradeStatus: ((u.autoUpgradeStatus ?? []) as unknown[]).map(enumName),
    minorTargetVersion: str(u.minorTargetVersion) || undefined,
    patchTargetVersion: str(u.patchTargetVersion) || undefined,
  };
}

/** `https://container.googleapis.com/v1/projects/p/locations/r/clusters/c/nodePools/x` → `clusters/c/nodePools/x`. */
function relativeTarget(link: string): string {
  const m = /\/(clusters\/.*)$/.exec(link);
  return m ? m[1]! : link;
}

export function toOperation(o: Plain): GkeOperation {
  const err = (o.error ?? {}) as Plain;
  return {
    name: str(o.name),
    type: str(o.operationType),
    status: str(o.status),
    target: relativeTarget(str(o.targetLink)),
    startTime: str(o.startTime) || undefined,
    error: str(err.message) || str(o.statusMessage) || undefined,
  };
}

function gaxCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** gRPC codes worth another try when gax recorded no HTTP status: DEADLINE_EXCEEDED, UNAVAILABLE (network). */
const TRANSIENT_CODES = [4, 14];

function classify(err: unknown): RetryVerdict {
  const http = (err as { httpStatusCode?: unknown })?.httpStatusCode;
  const code = gaxCode(err);
  const transient = typeof http === 'number' ? isTransientStatus(http) : TRANSIENT_CODES.includes(code ?? -1);
  return { transient, reason: typeof http === 'number' ? `HTTP ${http}` : `gRPC code ${code}` };
}

/** gax's own retries off: the shared policy retries (see the top of this file). */
const NO_GAX_RETRY = { retry: null };

/** One line for a GKE API error: the server's message, never request headers. */
export function gkeErrorMessage(what: string, err: unknown): string {
  const e = err as { code?: unknown; details?: unknown; message?: unknown };
  const detail = typeof e?.details === 'string' && e.details ? e.details : str(e?.message);
  return `GKE ${what}: ${detail.split('\n')[0]}`;
}

/** The ClusterManagerClient with the endpoint and credentials gcloud would use. */
export async function connectGke(location: GkeLocation, deps: GkeDeps): Promise<Gke> {
  const env = deps.env ?? process.env;
  const endpoint = gcpEndpoint('container', env);
  const https = endpoint.protocol === 'https:';
  const { ClusterManagerClient } = await import('@google-cloud/container');
  const authClient = await deps.credentials.authClient();
  const client = new ClusterManagerClient({
    fallback: true, // REST transport: JSON over HTTP/1.1, like gcloud
    apiEndpoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : https ? 443 : 80,
    protocol: https ? 'https' : 'http',
    authClient,
  });

  const parent = `projects/${location.project}/locations/${location.region}`;
  // A cancelled run stops waiting at once, not after the poll period.
  const sleep = (ms: number, signal?: AbortSignal) => (deps.sleep ? deps.sleep(ms) : abortableSleep(ms, signal));
  const now = deps.now ?? Date.now;
  const log = deps.log;

  const policy = retryPolicy(deps.retry, { sleep: deps.sleep, now: deps.now });

  /** One read under the retry policy; what finally fails is one line naming the read. */
  function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, {
      policy,
      classify,
      onRetry: (r) =>
        log.info(
          `${gkeErrorMessage(what, r.error)}; retrying in ${(r.delayMs / 1000).toFixed(1)}s (attempt ${r.attempt + 1} of ${r.attempts})`,
        ),
      giveUp: (err, attempts) => new Error(`${gkeErrorMessage(what, err)}${afterAttempts(attempts)}`, { cause: err }),
    });
  }

  return {
    getCluster: (name) =>
      call(`get cluster ${name}`, async () => {
        try {
          const [c] = await client.getCluster({ name: `${parent}/clusters/${name}` }, NO_GAX_RETRY);
          return toCluster(c as Plain);
        } catch (err) {
          if (gaxCode(err) === NOT_FOUND) return undefined;
          throw err;
        }
      }),

    async serverConfig() {
      const [sc] = await call(`server config of ${location.region}`, () =>
        client.getServerConfig({ name: parent }, NO_GAX_RETRY),
      );
      const channels = (sc.channels ?? []) as Plain[];
      return {
        defaultVersion: str(sc.defaultClusterVersion),
        channelVersions: (channel) =>
          ((channels.find((c) => str(c.channel) === channel.toUpperCase())?.validVersions ?? []) as string[]).map(
            String,
          ),
      };
    },

    async clusterUpgradeInfo(cluster) {
      const [u] = await call(`upgrade info of cluster ${cluster}`, () =>
        client.fetchClusterUpgradeInfo({ name: `${parent}/clusters/${cluster}` }, NO_GAX_RETRY),
      );
      return toUpgradeInfo(u as Plain);
    },

    async nodePoolUpgradeInfo(cluster, pool) {
      const [u] = await call(`upgrade info of node pool ${pool}`, () =>
        client.fetchNodePoolUpgradeInfo({ name: `${parent}/clusters/${cluster}/nodePools/${pool}` }, NO_GAX_RETRY),
      );
      return toUpgradeInfo(u as Plain);
    },

    async runningOperations(cluster) {
      const [res] = await call(`operations in ${location.region}`, () =>
        client.listOperations({ parent }, NO_GAX_RETRY),
      );
      return ((res.operations ?? []) as Plain[])
        .map(toOperation)
        .filter(
          (o) =>
            o.status !== 'DONE' && (o.target === `clusters/${cluster}` || o.target.startsWith(`clusters/${cluster}/`)),
        );
    },

    async waitForOperation(op, opts) {
      const started = now();
      let lastReport = started;
      const every = deps.heartbeatMs ?? 30_000;
      log.info(`Waiting for GKE operation ${op.name} (${op.type} on ${op.target}): ${opts.why}`);
      for (;;) {
        const [o] = await call(`operation ${op.name}`, () =>
          client.getOperation({ name: `${parent}/operations/${op.name}` }, NO_GAX_RETRY),
        );
        const cur = toOperation(o as Plain);
        if (cur.status === 'DONE') {
          if (cur.error) throw new Error(`GKE operation ${op.name} (${op.type} on ${op.target}) failed: ${cur.error}`);
          log.info(`GKE operation ${op.name} finished after ${formatDuration(now() - started)}`);
          return;
        }
        if (opts.signal?.aborted) {
          throw new Error(`${cancelReason(opts.signal)} while waiting for GKE operation ${op.name}; it goes on in GKE`);
        }
        const elapsed = now() - started;
        if (elapsed >= opts.timeoutMs) {
          throw new Error(
            `GKE operation ${op.name} (${op.type} on ${op.target}) still ${cur.status} after ${formatDuration(elapsed)}; it goes on in GKE, re-run apply to wait again`,
          );
        }
        if (now() - lastReport >= every) {
          lastReport = now();
          log.info(
            `… still waiting for ${op.type} on ${op.target} (${cur.status}), ${formatDuration(elapsed)} elapsed`,
          );
        }
        await sleep(Math.min(deps.pollMs ?? 5_000, every), opts.signal);
      }
    },

    close: () => client.close(),
  };
}
