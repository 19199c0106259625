/**
 * GKE `apply`: the steps of providers/gcp/plan.ts, each paired with a probe that asks the cloud whether it is
 * already done, run by the one runner (src/flow.ts runFlow). Reads go through the APIs
 * (@google-cloud/container, IAM, Resource Manager, Kubernetes); every GKE and IAM mutation runs through
 * the real gcloud with the argv `plan` shows, except those the contract lets go through an API, each
 * shown by `plan` as its request: the cluster (one `clusters.create` with both Gitpod pools, no default
 * pool), the project policy (one read-modify-write with its etag, not four racing
 * `add-iam-policy-binding`s) and the cluster-admin binding (a Kubernetes create).
 *
 * A re-run converges: what exists is skipped, an operation already running on the cluster (another
 * run's, or one a cancelled run left) is waited for, not raced or started twice, a pool with wrong labels
 * is relabelled in place, and a pool whose immutable settings differ stops the run with what differs and
 * what to do, never a silent recreate. A create that still loses a race to another run ("already
 * exists") is probed once more by the runner and counts as done by that run.
 */
import path from 'node:path';
import type { Config } from '../../inputs.js';
import type { ActionIO } from '../../io.js';
import type { Logger } from '../../log.js';
import { execArgv } from '../../exec.js';
import { runFlow } from '../../flow.js';
import { type GcpCredentials, type IamPolicy, GcpRest, gcpCredentials, missingRoles } from './rest.js';
import { type Gke, type GkeCluster, type GkeNodePool, connectGke, toOperation } from './gke.js';
import type { KubeClient, KubeObject } from '../../clients/kube.js';
import { gcpCloud, observedPoolOf } from './cloud.js';
import { diffPool, differenceLines, inPlaceArgvs } from '../../desired.js';
import { RECORD_STEP_ID, recordAction } from '../../record.js';
import type { KubeAccess } from '../types.js';
import { writeKubeconfig } from '../../kubeconfig.js';
import {
  CLUSTER_ADMIN_BINDING,
  type GcpFacts,
  type GcpStepId,
  gcpDesiredPools,
  gcpFixes,
  gcpSteps,
  serviceAccountEmail,
} from './plan.js';
import { type GkeUpgradeStep, type UpgradeRound, gkeUpgradeSteps } from './upgrade.js';
import { GCP, POOL_ROLES, type PoolRole } from '../../reference.js';
import {
  DONE_MEANWHILE,
  type StepAction,
  type StepRecord,
  insertBefore,
  shellQuote,
  withActions,
} from '../../steps.js';
import { atMinor, upgradeMinors } from '../../verify/support.js';
import { compareVersionText } from '../../verify/versions.js';
import { installTools, pathWithTools } from '../../tools/install.js';
import type { InstalledTool } from '../../tools/types.js';

export interface GcpApplyDeps {
  /** Where CLOUDSDK_* settings are read; also handed to every gcloud run. Default process.env. */
  env?: NodeJS.ProcessEnv;
  install?: (
    names: readonly ('gcloud' | 'kubectl')[],
    config: Config,
    io: ActionIO,
  ) => Promise<Record<'gcloud' | 'kubectl', InstalledTool>>;
  /** How the action reaches the Kubernetes API from the access built out of the GKE answer. */
  connectKube?: (access: KubeAccess, log: Logger) => Promise<KubeClient>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Poll period of GKE operations (default 5 s) and progress period (default 30 s). */
  pollMs?: number;
  heartbeatMs?: number;
}

// --- the Kubernetes version -----------------------------------------------------------------------------

/**
 * `latest` → the newest version of the channel; a minor (`1.33`) → its newest patch; an exact version
 * must be one the channel offers. Otherwise one error line listing what is available.
 */
export function resolveVersion(requested: string, valid: readonly string[], where: string): string {
  const sorted = [...valid].sort((a, b) => compareVersionText(b, a));
  const pick =
    requested === 'latest'
      ? sorted[0]
      : /^\d+\.\d+$/.test(requested)
        ? sorted.find((v) => v.startsWith(`${requested}.`))
        : sorted.find((v) => v === requested);
  if (pick) return pick;
  const minors = [...new Set(sorted.map((v) => v.split('.').slice(0, 2).join('.')))];
  throw new Error(
    sorted.length
      ? `kubernetes-version '${requested}' is not offered by the ${where}; available: ${minors.join(', ')} (newest ${sorted[0]}); exact versions: ${sorted.slice(0, 12).join(', ')}${sorted.length > 12 ? ', …' : ''}`
      : `the ${where} offers no versions at all`,
  );
}

// --- node pools ------------------------------------------------------------------------------------------

/** What a pool step must do: create the pool, or run the in-place fixes of the diff (src/desired.ts). */
type PoolChange = { kind: 'create' } | { kind: 'update'; argvs: string[][]; why: string[] };

/**
 * The pool's diff against its desired state: absent → create; a difference GKE cannot change in place
 * (machine type, max pods, image type) → an error saying what differs and what to do, never a silent
 * recreate; labels or autoscaling bounds → `gcloud container node-pools update`, in place.
 */
export function poolChange(config: Config, role: PoolRole, observed: GkeNodePool | undefined): PoolChange | 'ok' {
  if (!observed) return { kind: 'create' };
  const pool = config.pools[role];
  if (['ERROR', 'STOPPING'].includes(observed.status)) {
    throw new Error(
      `node pool ${pool.name} is ${observed.status}; delete it (gcloud container node-pools delete ${pool.name} --cluster=${config.clusterName} --region=${config.region}) and re-run apply`,
    );
  }
  const have = observedPoolOf(config, observed);
  // Autoscaling off shows no bounds: the diff then finds both bounds differing, fixed by the same update.
  const diff = diffPool(gcpDesiredPools(config)[role], have, gcpFixes(config));
  const argvs = inPlaceArgvs(diff);
  if (!argvs.length) return 'ok';
  return { kind: 'update', argvs, why: differenceLines(diff) };
}

// --- the flow ---------------------------------------------------------------------------------------------

/** What the probes learn and the runs reuse within one apply. */
interface GcpState {
  cluster?: GkeCluster;
  policy?: IamPolicy;
  pools: Partial<Record<PoolRole, PoolChange>>;
  kube?: KubeClient;
}

interface Clients {
  config: Config;
  io: ActionIO;
  gke: Gke;
  rest: GcpRest;
  credentials: GcpCredentials;
  facts: GcpFacts & { authPlugin?: string };
  env: NodeJS.ProcessEnv;
  gcloudEnv: Record<string, string>;
  connectKube: (access: KubeAccess, log: Logger) => Promise<KubeClient>;
}

const OP_WAIT_MS = 60 * 60_000;
const DONE_CLUSTER_STATES = ['RUNNING', 'RECONCILING'];

function gcpActions(c: Clients): Record<GcpStepId, StepAction<GcpState>> {
  const { config, io, gke, rest } = c;
  const log = io.log;
  const email = serviceAccountEmail(config);
  const member = `serviceAccount:${email}`;

  const cluster = async (s: GcpState): Promise<GkeCluster> => {
    const found = await gke.getCluster(config.clusterName);
    if (!found) throw new Error(`GKE cluster ${config.clusterName} not found in ${config.project}/${config.region}`);
    return (s.cluster = found);
  };

  // GKE runs one operation at a time per cluster: one already running (another run's, or one a cancelled
  // run left behind) is waited for before deciding anything; racing into it fails with FAILED_PRECONDITION,
  // and starting the same create twice fails with ALREADY_EXISTS or, worse, duplicates it.
  const settle = async () => {
    for (const op of await gke.runningOperations(config.clusterName)) {
      await gke.waitForOperation(op, {
        timeoutMs: OP_WAIT_MS,
        why: 'started by another run (or left by a cancelled one), not by this run',
        signal: io.signal,
      });
    }
  };

  const gcloud = async (argv: readonly string[], timeoutMs: number, signal: AbortSignal, out: Logger) => {
    out.info(`$ ${shellQuote(argv)}`);
    await execArgv(argv, { log: out, env: c.gcloudEnv, signal, timeoutMs });
  };

  const poolAction = (role: PoolRole): StepAction<GcpState> => {
    const pool = config.pools[role];
    return {
      async probe(s) {
        await settle();
        const observed = (await cluster(s)).pools.find((p) => p.name === pool.name);
        const change = poolChange(config, role, observed);
        if (change === 'ok') return { done: true, detail: `exists with the wanted labels, ${config.maxPods} max pods` };
        s.pools[role] = change;
        return { done: false, detail: change.kind === 'create' ? 'absent' : change.why.join('; ') };
      },
      async run(s, spec, signal, out) {
        const change = s.pools[role] ?? { kind: 'create' };
        if (change.kind === 'create') {
          await gcloud(spec.argv!, spec.timeoutMs ?? 30 * 60_000, signal, out);
          return;
        }
        for (const argv of change.argvs) await gcloud(argv, spec.timeoutMs ?? 30 * 60_000, signal, out);
        return `updated in place: ${change.argvs.map((a) => shellQuote(a)).join(' && ')}`;
      },
    };
  };

  const binding = (account: string): KubeObject => ({
    apiVersion: `${CLUSTER_ADMIN_BINDING.apiGroup}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name: CLUSTER_ADMIN_BINDING.name },
    roleRef: { apiGroup: CLUSTER_ADMIN_BINDING.apiGroup, kind: 'ClusterRole', name: CLUSTER_ADMIN_BINDING.clusterRole },
    subjects: [{ apiGroup: CLUSTER_ADMIN_BINDING.apiGroup, kind: 'User', name: account }],
  });
  const bindingRef = {
    apiVersion: `${CLUSTER_ADMIN_BINDING.apiGroup}/v1`,
    kind: 'ClusterRoleBinding',
    name: CLUSTER_ADMIN_BINDING.name,
  };
  type Subject = { kind?: string; name?: string; apiGroup?: string };
  /** Whether the binding already names the account of the credentials in use. */
  const boundToAccount = (crb: KubeObject): boolean =>
    ((crb.subjects ?? []) as Subject[]).some((x) => x.kind === 'User' && x.name === c.facts.account);

  return {
    'service-account': {
      async probe() {
        const sa = await rest.getServiceAccount(config.project, email);
        return sa ? { done: true, detail: `${email} exists` } : { done: false, detail: `${email} absent` };
      },
    },

    'iam-roles': {
      async probe(s) {
        s.policy = await rest.getIamPolicy(config.project);
        const missing = missingRoles(s.policy, member, GCP.serviceAccount.roles);
        return missing.length
          ? { done: false, detail: `missing ${missing.join(', ')}` }
          : { done: true, detail: `all ${GCP.serviceAccount.roles.length} roles bound` };
      },
      async run(s) {
        const { added } = await rest.ensureBindings(config.project, member, GCP.serviceAccount.roles, s.policy);
        return added.length ? `added ${added.join(', ')} in one policy write` : 'bound concurrently by someone else';
      },
    },

    cluster: {
      async probe(s) {
        await settle();
        const found = await gke.getCluster(config.clusterName);
        s.cluster = found;
        if (!found) return { done: false, detail: 'absent' };
        if (!DONE_CLUSTER_STATES.includes(found.status)) {
          throw new Error(
            `GKE cluster ${config.clusterName} is ${found.status}${found.statusMessage ? ` (${found.statusMessage})` : ''}; ` +
              `fix or delete it (command: destroy) and re-run apply`,
          );
        }
        return { done: true, detail: `exists (${found.status}, Kubernetes ${found.version})` };
      },
      async run(_s, spec, signal) {
        // Retried on 408/429/5xx like every request of GcpRest: a create that did happen answers the retry
        // with 409 ALREADY_EXISTS, and the runner's second probe then waits for it and counts it done.
        const op = toOperation(await rest.send<Record<string, unknown>>(spec.request!));
        await gke.waitForOperation(op, {
          timeoutMs: spec.timeoutMs ?? OP_WAIT_MS,
          why: 'the cluster with both Gitpod node pools, in one operation',
          signal,
        });
        return `created with ${POOL_ROLES.map((r) => config.pools[r].name).join(' and ')} in one operation (${op.name})`;
      },
    },

    'default-pool': {
      async probe(s) {
        await settle();
        const pool = (await cluster(s)).pools.find((p) => p.name === GCP.cluster.defaultPoolName);
        return pool ? { done: false, detail: 'present' } : { done: true, detail: 'none' };
      },
    },

    'services-pool': poolAction('services'),
    'workspaces-pool': poolAction('workspaces'),

    kubeconfig: {
      async run(s) {
        const found = await cluster(s);
        const context = `gke_${config.project}_${config.region}_${config.clusterName}`;
        const plugin = c.facts.authPlugin || 'gke-gcloud-auth-plugin';
        // Users' later steps get an exec entry for gke-gcloud-auth-plugin (from the installed gcloud), not an
        // embedded token as google-github-actions/get-gke-credentials writes by default: no credential rests
        // in the file, and it keeps working past the token's hour, because the plugin asks gcloud (which the
        // credentials of google-github-actions/auth, or CLOUDSDK_AUTH_ACCESS_TOKEN, serve) for a fresh token
        // each time. The cost: gcloud and the plugin must stay on PATH for those steps; this action adds both.
        await writeKubeconfig(
          config.kubeconfigPath,
          {
            context,
            server: `https://${found.endpoint}`,
            caData: found.caData || undefined,
            user: {
              exec: {
                command: plugin,
                args: [],
                installHint:
                  'gke-gcloud-auth-plugin comes with gcloud; run gitpod-cluster-action (apply) in this job first',
              },
            },
          },
          io,
        );
        return `context ${context}`;
      },
    },

    [RECORD_STEP_ID]: recordAction<GcpState>(config, (s) => {
      if (!s.kube) throw new Error('the Kubernetes API is not connected (the cluster-admin-binding probe did not run)');
      return s.kube;
    }),

    'cluster-admin-binding': {
      async probe(s) {
        const found = s.cluster ?? (await cluster(s));
        const cloud = gcpCloud(config, log, { credentials: c.credentials, gke, env: c.env });
        const access = await cloud.kubeAccess({
          found: true,
          endpoint: `https://${found.endpoint}`,
          caData: found.caData,
          pools: [],
          network: {},
        });
        s.kube = await c.connectKube(access, log);
        const existing = await s.kube.get(bindingRef);
        if (!existing) return { done: false, detail: 'absent' };
        if (boundToAccount(existing)) return { done: true, detail: `exists for ${c.facts.account}` };
        return { done: false, detail: `exists without ${c.facts.account}` };
      },
      async run(s) {
        const kube = s.kube!;
        const existing = await kube.get(bindingRef);
        if (!existing) {
          await kube.create(binding(c.facts.account));
          return `created for ${c.facts.account}`;
        }
        // Made since the probe by another run on the same cluster, with this identity: nothing to write.
        if (boundToAccount(existing)) return `${DONE_MEANWHILE}: exists for ${c.facts.account}`;
        // Someone else's binding of the same name: add this identity, keep theirs.
        const subjects = [
          ...((existing.subjects ?? []) as Subject[]),
          ...(binding(c.facts.account).subjects as Subject[]),
        ];
        await kube.mergePatch(bindingRef, { subjects });
        return `${c.facts.account} added to the existing binding`;
      },
    },
  };
}

/** The cluster's Gitpod pools (the ones the upgrade rounds move), as GKE reports them. */
function gitpodPools(config: Config, cluster: GkeCluster): GkeNodePool[] {
  return POOL_ROLES.map((role) => cluster.pools.find((p) => p.name === config.pools[role].name)).filter(
    (p): p is GkeNodePool => !!p,
  );
}

/**
 * An upgrade step: probed like every other (the part already at the round's minor: skipped; an operation
 * of another run waited for first), run through gcloud, which waits for its operation and reports it.
 */
function upgradeAction(c: Clients, spec: GkeUpgradeStep): StepAction<GcpState> {
  const { config, gke, io } = c;
  const current = async (s: GcpState): Promise<string | undefined> => {
    for (const op of await gke.runningOperations(config.clusterName)) {
      await gke.waitForOperation(op, {
        timeoutMs: OP_WAIT_MS,
        why: 'started before this upgrade step',
        signal: io.signal,
      });
    }
    const found = await gke.getCluster(config.clusterName);
    if (!found) throw new Error(`GKE cluster ${config.clusterName} not found in ${config.project}/${config.region}`);
    s.cluster = found;
    if (spec.target.kind === 'control-plane') return found.version;
    const name = config.pools[spec.target.role].name;
    return found.pools.find((p) => p.name === name)?.version;
  };
  const what =
    spec.target.kind === 'control-plane' ? 'the control plane' : `pool ${config.pools[spec.target.role].name}`;
  return {
    async probe(s) {
      const version = await current(s);
      if (version === undefined) return { done: true, detail: `${what} does not exist` };
      return atMinor(version, spec.round.minor)
        ? { done: true, detail: `${what} runs ${version}` }
        : { done: false, detail: `${what} runs ${version}, below ${spec.round.minor}` };
    },
  };
}

/** The environment of every gcloud run: prompts off, the installed SDK first on PATH, its own kubeconfig. */
function gcloudEnvironment(config: Config, env: NodeJS.ProcessEnv, tools: Record<'gcloud' | 'kubectl', InstalledTool>) {
  const fromDeps =
    env === process.env ? {} : Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
  return {
    ...(fromDeps as Record<string, string>),
    CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
    PATH: pathWithTools([tools.gcloud, tools.kubectl], env.PATH ?? process.env.PATH),
    // `clusters create` writes a kubeconfig entry of its own; keep it out of the user's ~/.kube/config and
    // out of the kubeconfig this action writes.
    KUBECONFIG: path.join(config.tempDir, `gcloud-${config.clusterName}.kubeconfig`),
  };
}

/** Installs gcloud and kubectl, resolves the version and the account, then reconciles the cluster. */
export async function applyFlow(config: Config, io: ActionIO, deps: GcpApplyDeps = {}): Promise<StepRecord[]> {
  const env = deps.env ?? process.env;
  const log = io.log;
  // Credentials first: a job without its google-github-actions/auth step fails in one line, before any download.
  const credentials = await gcpCredentials(env, deps.fetch, { sleep: deps.sleep });
  const tools = await (deps.install ?? installTools)(['gcloud', 'kubectl'], config, io);
  log.info(`GCP credentials: ${credentials.source}`);
  const gke = await connectGke(
    { project: config.project, region: config.region },
    { log, credentials, env, sleep: deps.sleep, now: deps.now, pollMs: deps.pollMs, heartbeatMs: deps.heartbeatMs },
  );
  try {
    const rest = new GcpRest({ log, credentials, env, sleep: deps.sleep, fetch: deps.fetch });
    const where = `REGULAR release channel in ${config.region}`;
    const [server, existing, account] = await Promise.all([
      gke.serverConfig(),
      gke.getCluster(config.clusterName),
      credentials.account(),
    ]);
    const channel = server.channelVersions(GCP.cluster.releaseChannel);
    // An existing cluster: a downgrade is refused before anything else, and a newer minor is upgraded to.
    const minors = existing
      ? upgradeMinors(
          config.kubernetesVersion,
          existing.version,
          gitpodPools(config, existing).map((p) => p.version),
        )
      : [];
    let clusterVersion: string;
    try {
      clusterVersion = resolveVersion(config.kubernetesVersion, channel, where);
    } catch (err) {
      // An existing cluster needs no version to create: a pin that left the channel must not break re-runs.
      if (!existing || minors.length) throw err;
      clusterVersion = existing.version;
      log.info(`${(err as Error).message}; the cluster exists (${existing.version}), so this does not matter`);
    }
    // Each round's version: the newest patch of its minor in the channel, the asked one for the last.
    const rounds: UpgradeRound[] = minors.map((minor, i) => ({
      minor,
      version: i === minors.length - 1 ? clusterVersion : resolveVersion(minor, channel, where),
    }));
    if (rounds.length) {
      log.info(
        `Upgrade from Kubernetes ${existing!.version}: ${rounds.map((r) => r.version).join(' → ')}, one minor at a time, control plane first`,
      );
    }
    log.info(`Kubernetes ${config.kubernetesVersion} → ${clusterVersion} (${where}); cluster-admin for ${account}`);
    const facts: GcpFacts & { authPlugin?: string } = { clusterVersion, account, authPlugin: tools.gcloud.authPlugin };
    const gcloudEnv = gcloudEnvironment(config, env, tools);
    const clients: Clients = {
      config,
      io,
      gke,
      rest,
      credentials,
      facts,
      env,
      gcloudEnv,
      connectKube:
        deps.connectKube ?? (async (access, l) => (await import('../../clients/kube.js')).connectKube(access, l)),
    };
    const upgrades = gkeUpgradeSteps(config, rounds).map((spec) => ({ ...spec, ...upgradeAction(clients, spec) }));
    const steps = insertBefore(withActions(gcpSteps(config, facts), gcpActions(clients)), 'kubeconfig', upgrades);
    return await runFlow(steps, { pools: {} } as GcpState, config, io, {
      env: gcloudEnv,
      heartbeatMs: deps.heartbeatMs,
      sleep: deps.sleep,
    });
  } finally {
    await gke.close();
  }
}
