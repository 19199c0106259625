/**
 * `apply` on EKS: the reference flow of src/providers/aws/plan.ts, each step paired with a probe that asks the
 * cloud (EKS and CloudFormation APIs, the Kubernetes API) whether it is already done, run by the one
 * shared runner (runFlow). Safe to re-run after a failure at any step; on a conformant cluster a re-run
 * sends no write at all: eksctl is not started, and the Kubernetes API sees reads only.
 *
 *   cluster             eksctl create cluster --without-nodegroup   (skipped when the cluster is ACTIVE)
 *   kubeconfig          written from DescribeCluster; credentials from `aws eks get-token` (AWS CLI v2)
 *   kube-system         wait until the API server answers
 *   remove-aws-node     delete the AWS VPC CNI daemonset               (calico only; absent is fine)
 *   tigera-operator     the pinned Calico operator, object by object   (calico only; only what differs)
 *   calico-installation the Installation `default`                     (calico only; only when it differs)
 *   calico-ready        wait for Calico                                (calico only)
 *   nodegroups          eksctl create nodegroup                        (skipped when all exist)
 *   nodegroup-labels    eksctl set labels / unset labels               (only a nodegroup whose labels differ)
 *   service-accounts    eksctl create iamserviceaccount                (skipped when every role's stack is complete)
 *   access-entries      eksctl create accessentry                      (viewer-role-arns; skipped when all exist)
 *   viewer-rbac         the viewers' ClusterRole, Role and bindings    (viewer-role-arns; only what differs)
 *   upgrade-…-<minor>   eksctl upgrade cluster / nodegroup, utils update-coredns / update-kube-proxy,
 *                       one round per minor when kubernetes-version asks a newer one (providers/aws/upgrade.ts);
 *                       a nodegroup on a custom AMI (Ubuntu) is replaced instead: eksctl create / delete
 *                       nodegroup of a surge `<name>-next`, then of `<name>` (replaceAction)
 *
 * Leftovers of an earlier failed run (a FAILED cluster, an eksctl stack in ROLLBACK_COMPLETE …) stop the
 * flow with one line saying what to delete, instead of eksctl's raw AlreadyExists. What another run's
 * eksctl is still doing (a cluster CREATING, a stack *_IN_PROGRESS) is waited for, never raced.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CloudObservation, KubeAccess } from '../types.js';
import type { KubeClient, KubeObject } from '../../clients/kube.js';
import type { Cluster, EksApi, Nodegroup, Stack } from './eks.js';
import { type AwsCloud, awsCloud, isLoopbackHttp, observedPool } from './cloud.js';
import { diffPool, inPlaceArgvs, remedyText } from '../../desired.js';
import { RECORD_STEP_ID, recordAction } from '../../record.js';
import { runFlow } from '../../flow.js';
import { type Config, InputError } from '../../inputs.js';
import type { ActionIO } from '../../io.js';
import { writeKubeconfig } from '../../kubeconfig.js';
import type { Logger } from '../../log.js';
import {
  type AwsStepId,
  type ClusterConfigDoc,
  awsDesiredPools,
  awsFixes,
  awsSteps,
  calicoManifestUrls,
  calicoVersion,
  clusterConfigFor,
  clusterConfigYaml,
  clusterCreateConfig,
  eksctlClusterConfigFile,
  eksctlConfigFile,
  viewerRbacObjects,
} from './plan.js';
import {
  type AddonUpdate,
  type EksRoundAddon,
  type EksUpgradeStep,
  type NodegroupUpgrade,
  ROUND_ADDONS,
  eksUpgradeSteps,
  replacementConfigFile,
  surgeNodegroupName,
} from './upgrade.js';
import { customAmiNodegroup, ownImage } from './eksctl/rules.js';
import { AWS, POOL_ROLES, type PoolRole } from '../../reference.js';
import { execArgv } from '../../exec.js';
import { atMinor, minorsBetween, upgradeMinors } from '../../verify/support.js';
import { compareVersionText } from '../../verify/versions.js';
import { abortableSleep } from '../../retry.js';
import {
  type ProbeResult,
  type StepAction,
  type StepRecord,
  cancelReason,
  formatDuration,
  shellQuote,
  withActions,
} from '../../steps.js';
import { type InstalledTool, type ToolName, pathWithTools } from '../../tools/install.js';
import { type SyncItem, applyPlanned, isKindNotServed, parseManifest, planSync } from '../../kube-objects.js';

export interface AwsApplyDeps {
  install?: (names: readonly ToolName[], config: Config, io: ActionIO) => Promise<Record<string, InstalledTool>>;
  cloud?: AwsCloud;
  /** Opens the Kubernetes API with the access built from the EKS API (tests wrap it). */
  connect?: (access: KubeAccess, log: Logger) => Promise<KubeClient>;
  /** GETs a manifest (default: the tool downloader, through `tool-mirror` when set). */
  fetchText?: (url: string) => Promise<string>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Interval of the state polls (cluster ACTIVE, API answering, Calico ready); default 10 s. */
  pollMs?: number;
  /** Interval of the runner's progress lines; default 30 s. */
  heartbeatMs?: number;
}

interface AwsCtx {
  config: Config;
  io: ActionIO;
  api: EksApi;
  cloud: AwsCloud;
  doc: ClusterConfigDoc;
  kube?: KubeClient;
  observation?: CloudObservation;
  /** The operator's manifests, fetched once per run. */
  manifests?: KubeObject[];
  /** What the last probe of a Kubernetes-object step found to do; its run writes exactly that. */
  pending?: SyncItem[];
  /** The eksctl calls the last `nodegroup-labels` / `nodegroup-scaling` probe found to do. */
  relabel?: string[][];
  rescale?: string[][];
}

const PROGRESS_MS = 30_000;

/** Stack statuses an earlier eksctl run can leave that make eksctl fail with AlreadyExists. */
const DEAD_STACK = /^(ROLLBACK_COMPLETE|ROLLBACK_FAILED|DELETE_FAILED|CREATE_FAILED|UPDATE_ROLLBACK_FAILED)$/;
/** A stack CloudFormation is still working on: another run's eksctl (or a cancelled one's) is at it. */
const STACK_IN_PROGRESS = /_IN_PROGRESS$/;

export function clusterStackName(config: Config): string {
  return `eksctl-${config.clusterName}-cluster`;
}

/** eksctl's stack of one IAM service account (pkg/cfn/manager/iam.go). */
export function serviceAccountStackName(config: Config, namespace: string, name: string): string {
  return `eksctl-${config.clusterName}-addon-iamserviceaccount-${namespace}-${name}`;
}

export function nodegroupStackName(config: Config, nodegroup: string): string {
  return `eksctl-${config.clusterName}-nodegroup-${nodegroup}`;
}

/** Polls `check` until it returns a value, with a progress line at least every 30 s; bounded. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  opts: {
    timeoutMs: number;
    pollMs: number;
    sleep: (ms: number) => Promise<void>;
    now: () => number;
    log: Logger;
    /** A cancelled run stops waiting at once. */
    signal?: AbortSignal;
  },
): Promise<T> {
  const started = opts.now();
  let lastProgress = started;
  for (;;) {
    if (opts.signal?.aborted) throw new Error(`${cancelReason(opts.signal)} while waiting for ${what}`);
    const value = await check();
    if (value !== undefined) return value;
    const elapsed = opts.now() - started;
    if (elapsed >= opts.timeoutMs) throw new Error(`timed out after ${formatDuration(elapsed)} waiting for ${what}`);
    if (opts.now() - lastProgress >= PROGRESS_MS || lastProgress === started) {
      opts.log.info(`… waiting for ${what} (${formatDuration(elapsed)} so far)`);
      lastProgress = opts.now();
    }
    await opts.sleep(opts.pollMs);
  }
}

function minor(v: string): number[] {
  return v.split('.').map((n) => Number(n) || 0);
}

function byVersion(a: string, b: string): number {
  const [x, y] = [minor(a), minor(b)];
  return x[0]! - y[0]! || x[1]! - y[1]!;
}

/**
 * `kubernetes-version` → the minor eksctl is given. An existing cluster keeps its own version here (the
 * upgrade rounds of upgradePlan move it); otherwise `latest` is the newest version in standard support, and a minor must be one
 * EKS still offers.
 */
export async function resolveVersion(config: Config, api: EksApi, existing?: Cluster): Promise<string> {
  const asked = config.kubernetesVersion;
  // An existing cluster keeps its version in the ClusterConfig; the upgrade rounds (upgradePlan) move it.
  if (existing?.version) return existing.version;
  const versions = (await api.clusterVersions()).filter((v) => v.clusterVersion && v.versionStatus !== 'UNSUPPORTED');
  const offered = versions.map((v) => v.clusterVersion!).sort(byVersion);
  if (asked === 'latest') {
    const standard = versions
      .filter((v) => v.versionStatus === 'STANDARD_SUPPORT')
      .map((v) => v.clusterVersion!)
      .sort(byVersion);
    const latest = standard.at(-1) ?? offered.at(-1);
    if (!latest) throw new Error(`EKS DescribeClusterVersions in ${config.region} returned no supported version`);
    return latest;
  }
  if (offered.includes(asked)) return asked;
  throw new InputError(
    'kubernetes-version',
    asked,
    `\`latest\` or a version EKS offers in ${config.region}: ${offered.join(', ') || '(none returned)'}`,
  );
}

/** What an existing cluster is upgraded through, and how each nodegroup moves (upgradePlan). */
export interface EksUpgradePlan {
  minors: string[];
  how: Record<PoolRole, NodegroupUpgrade>;
  /** How each round's add-on is updated: found among the cluster's EKS add-ons, or self-managed. */
  addons: Record<EksRoundAddon, AddonUpdate>;
}

/** The minor before `version` ('1.33' → '1.32'). */
function previousMinor(version: string): string {
  const [major, m] = minor(version);
  return `${major}.${Math.max(0, m! - 1)}`;
}

/**
 * The minors an existing cluster is upgraded through (none for `latest`, none when it is there), and per
 * pool whether its nodegroup moves in place (`eksctl upgrade nodegroup`) or is replaced: EKS reports
 * amiType CUSTOM for eksctl's Ubuntu nodegroups, and eksctl refuses `--kubernetes-version` for those
 * (src/providers/aws/upgrade.ts). A surge nodegroup `<name>-next` left by an interrupted replacement
 * counts as its round unfinished, and so does the EKS add-on kube-proxy below the control plane's minor
 * (a round stopped at its add-ons): a re-run (even with `latest`) finishes that round. Refused before any change,
 * in one line: an older minor (no downgrade), a minor EKS does not offer, and a nodegroup on an image of the
 * user's own (`ami` or `launchTemplate` in eksctl-config): neither path can pick the new minor's image.
 */
export async function upgradePlan(
  config: Config,
  api: EksApi,
  existing: Cluster | undefined,
  doc: ClusterConfigDoc,
): Promise<EksUpgradePlan> {
  const how = Object.fromEntries(
    POOL_ROLES.map((role) => {
      const ng = doc.managedNodeGroups.find((g) => g.name === config.pools[role].name);
      return [role, !ng || customAmiNodegroup(ng) ? 'replace' : 'in-place'];
    }),
  ) as Record<PoolRole, NodegroupUpgrade>;
  const addons: Record<EksRoundAddon, AddonUpdate> = { coredns: 'eks-addon', 'kube-proxy': 'eks-addon' };
  if (!existing?.version) return { minors: [], how, addons };
  const found = await Promise.all(
    POOL_ROLES.map(async (role) => {
      const name = config.pools[role].name;
      const [group, surge] = await Promise.all([
        api.describeNodegroup(config.clusterName, name),
        api.describeNodegroup(config.clusterName, surgeNodegroupName(name)),
      ]);
      return { role, group, surge };
    }),
  );
  for (const { role, group, surge } of found) {
    const seen = group ?? surge;
    if (seen) how[role] = seen.amiType === 'CUSTOM' ? 'replace' : 'in-place';
  }
  const groups = found.flatMap((f) => (f.group ? [f.group] : []));
  const surges = found.flatMap((f) => (f.surge ? [f.surge] : []));
  const installed = await Promise.all(ROUND_ADDONS.map((addon) => api.describeAddon(config.clusterName, addon)));
  ROUND_ADDONS.forEach((addon, i) => (addons[addon] = installed[i] ? 'eks-addon' : 'self-managed'));
  // kube-proxy is a round's last step and its version carries the minor (v1.33.0-eksbuild.2): an EKS add-on
  // below the control plane's minor is a round whose add-on steps are still to do.
  const kubeProxy = installed[ROUND_ADDONS.indexOf('kube-proxy')]?.addonVersion;
  const addonsBehind = (minorsBetween(kubeProxy, existing.version) ?? 0) < 0;
  const unfinished = surges.length > 0 || addonsBehind;
  const asked = config.kubernetesVersion === 'latest' && unfinished ? existing.version : config.kubernetesVersion;
  const minors = upgradeMinors(asked, existing.version, [
    ...groups.map((g) => g.version ?? existing.version!),
    ...surges.map((g) => previousMinor(g.version ?? existing.version!)),
    ...(addonsBehind ? [previousMinor(existing.version)] : []),
  ]);
  if (!minors.length) return { minors, how, addons };
  const offered = (await api.clusterVersions())
    .filter((v) => v.clusterVersion && v.versionStatus !== 'UNSUPPORTED')
    .map((v) => v.clusterVersion!);
  const missing = minors.filter((m) => !offered.includes(m));
  if (missing.length) {
    throw new InputError(
      'kubernetes-version',
      config.kubernetesVersion,
      `a version EKS offers in ${config.region}, reached one minor at a time from ${existing.version}: ${missing.join(', ')} not offered (offered: ${offered.sort(byVersion).join(', ')})`,
    );
  }
  const own = groups.filter((g) => {
    const entry = doc.managedNodeGroups.find((e) => e.name === g.nodegroupName);
    return g.amiType === 'CUSTOM' && entry && ownImage(entry) && !atMinor(g.version, minors.at(-1)!);
  });
  if (own.length) {
    throw new Error(
      `nodegroup ${own.map((g) => g.nodegroupName).join(', ')} runs an image of your own (ami or launchTemplate in eksctl-config, amiType CUSTOM): ` +
        `\`eksctl upgrade nodegroup\` cannot move it to Kubernetes ${minors.at(-1)} and a replacement would start the same image; nothing was changed. ` +
        `Give it the image for ${minors.at(-1)} in eksctl-config after the control plane is there, or use an AMI family (amiFamily Ubuntu2404, AmazonLinux2023) without ami`,
    );
  }
  return { minors, how, addons };
}

function stackAdvice(config: Config, stack: Stack, what: string): string {
  const reason = stack.StackStatusReason ? ` (${stack.StackStatusReason})` : '';
  return (
    `CloudFormation stack ${stack.StackName} is ${stack.StackStatus}${reason}, left by an earlier run; ${what}: ` +
    `delete it (\`eksctl delete cluster --name ${config.clusterName} --region ${config.region}\` or ` +
    `\`aws cloudformation delete-stack --stack-name ${stack.StackName} --region ${config.region}\`) and re-run`
  );
}

function labelled(ok: boolean, detail: string): ProbeResult {
  return { done: ok, detail };
}

export function eksKubeconfigUser(config: Config) {
  return {
    exec: {
      command: 'aws',
      args: ['eks', 'get-token', '--cluster-name', config.clusterName, '--region', config.region, '--output', 'json'],
      installHint: 'This kubeconfig runs the AWS CLI v2 (`aws eks get-token`), preinstalled on GitHub-hosted runners.',
    },
  };
}

function conditionTrue(obj: KubeObject | undefined, type: string): boolean {
  const conditions = ((obj?.status as { conditions?: { type?: string; status?: string }[] })?.conditions ?? []) as {
    type?: string;
    status?: string;
  }[];
  return conditions.some((c) => c.type === type && c.status === 'True');
}

export async function applyFlow(config: Config, io: ActionIO, deps: AwsApplyDeps = {}): Promise<StepRecord[]> {
  // The user's overlay is read and checked before anything is downloaded or called.
  clusterConfigFor(config, {});

  const install =
    deps.install ?? (async (names, c, i) => (await import('../../tools/install.js')).installTools(names, c, i));
  const tools = await install(['eksctl', 'kubectl'], config, io);

  const sleep = deps.sleep ?? ((ms: number) => abortableSleep(ms, io.signal));
  const now = deps.now ?? Date.now;
  const pollMs = deps.pollMs ?? 10_000;
  const cloud = deps.cloud ?? awsCloud(config, io.log);
  const api = await cloud.api();
  const connect =
    deps.connect ?? (async (access, log) => (await import('../../clients/kube.js')).connectKube(access, log));
  const fetchText = deps.fetchText ?? (await manifestFetcher(config, io, sleep));
  const wait = <T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>) =>
    waitFor(what, check, { timeoutMs, pollMs, sleep, now, log: io.log, signal: io.signal });

  const existing = await api.describeCluster(config.clusterName);
  const version = await resolveVersion(config, api, existing);
  const doc = clusterConfigFor(config, { version });
  const { minors, how, addons } = await upgradePlan(config, api, existing, doc);
  const yaml = clusterConfigYaml(config, doc);
  const file = eksctlConfigFile(config);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, yaml, { mode: 0o600 });
  const clusterFile = eksctlClusterConfigFile(config);
  if (clusterFile !== file) {
    await writeFile(clusterFile, clusterConfigYaml(config, clusterCreateConfig(doc) as ClusterConfigDoc), {
      mode: 0o600,
    });
  }
  io.setOutput('eksctl-config', yaml);
  io.log.info(`eksctl ClusterConfig (Kubernetes ${version}) written to ${file}`);
  const supportType = AWS.supportTypes[config.supportType];
  const foundSupport = existing?.upgradePolicy?.supportType;
  if (foundSupport && foundSupport !== supportType) {
    // eksctl has no command for it and apply changes the cloud through eksctl only: verify reports it too.
    io.log.warning(
      `EKS cluster ${config.clusterName} has upgrade policy ${foundSupport}, eks-support-type wants ${supportType}; eksctl cannot change it: ` +
        `run \`aws eks update-cluster-config --name ${config.clusterName} --region ${config.region} --upgrade-policy supportType=${supportType}\``,
    );
  }

  const specs = awsSteps(config, { version });
  const timeout = (id: AwsStepId) => specs.find((s) => s.id === id)?.timeoutMs ?? 10 * 60_000;
  const kubeOf = (ctx: AwsCtx): KubeClient => {
    if (!ctx.kube) throw new Error('the Kubernetes API is not connected (the kubeconfig step did not run)');
    return ctx.kube;
  };
  const nodegroupNames = doc.managedNodeGroups.map((g) => String(g.name));
  const env = { PATH: pathWithTools(Object.values(tools)) };
  const desired = awsDesiredPools(config);
  const fixes = awsFixes(config);
  const awsNodeRef = { apiVersion: 'apps/v1', kind: 'DaemonSet', ...AWS.calico.awsNode };
  const { installation, ready } = AWS.calico;
  const installationRef = { apiVersion: installation.apiVersion, kind: installation.kind, name: 'default' };

  const serviceAccounts = (
    ((doc.iam as { serviceAccounts?: unknown[] } | undefined)?.serviceAccounts ?? []) as {
      metadata?: { name?: string; namespace?: string };
    }[]
  ).map((sa) => ({ namespace: sa.metadata?.namespace || 'default', name: String(sa.metadata?.name) }));
  const viewerGroup = AWS.viewer.group;

  /**
   * An existing nodegroup fixed in place, from the one diff (src/desired.ts): its labels (eksctl set/unset
   * labels; the labels the ClusterConfig eksctl was given has, an overlay's included) or its scaling bounds
   * (eksctl scale nodegroup). What cannot change in place stops the step with what to do.
   */
  const inPlace = (kind: 'labels' | 'scaling'): StepAction<AwsCtx> => {
    const what = kind === 'labels' ? 'carry the wanted labels' : 'have the wanted bounds';
    return {
      async probe(ctx) {
        const argvs: string[][] = [];
        const why: string[] = [];
        for (const role of POOL_ROLES) {
          const name = desired[role].name;
          const ng = await ctx.api.describeNodegroup(config.clusterName, name);
          if (!ng) throw new Error(`nodegroup ${name} is gone from cluster ${config.clusterName}; re-run apply`);
          const given = ctx.doc.managedNodeGroups.find((g) => g.name === name)?.labels as
            Record<string, string> | undefined;
          const want = given ? { ...desired[role], labels: given } : desired[role];
          const diff = diffPool(want, observedPool(config, ng), fixes);
          const fix = inPlaceArgvs(diff, [kind]);
          if (!fix.length) continue;
          argvs.push(...fix);
          why.push(
            ...diff.changes
              .filter((c) => c.kind === kind)
              .map(
                (c) =>
                  `nodegroup ${name}: ${c.differences.map((d) => `${d.field} ${JSON.stringify(d.have ?? null)} (want ${JSON.stringify(d.want)})`).join(', ')}`,
              ),
          );
        }
        if (kind === 'labels') ctx.relabel = argvs;
        else ctx.rescale = argvs;
        if (!argvs.length) return labelled(true, `nodegroups ${nodegroupNames.join(', ')} ${what}`);
        return labelled(false, why.join('; '));
      },
      async run(ctx, spec, signal) {
        const argvs = (kind === 'labels' ? ctx.relabel : ctx.rescale) ?? [];
        ctx.relabel = ctx.rescale = undefined;
        for (const argv of argvs) {
          io.log.info(`$ ${shellQuote(argv)}`);
          await execArgv(argv, { log: io.log, env, signal, timeoutMs: spec.timeoutMs });
        }
        return remedyText({ kind: 'in-place', argvs });
      },
    };
  };

  const actions: Record<AwsStepId, StepAction<AwsCtx>> = {
    cluster: {
      async probe(ctx) {
        let cluster = await ctx.api.describeCluster(config.clusterName);
        let waited = false;
        if (!cluster) {
          // Another run's eksctl may be building the stack (the VPC first: EKS knows no cluster for minutes).
          const { stack, ...settled } = await settledStack(
            ctx,
            clusterStackName(config),
            `cluster ${config.clusterName}`,
            'cluster',
          );
          waited = settled.waited;
          if (waited) cluster = await ctx.api.describeCluster(config.clusterName);
          if (!cluster && stack && DEAD_STACK.test(stack.StackStatus ?? ''))
            throw new Error(stackAdvice(config, stack, 'eksctl cannot create the cluster while it exists'));
          if (!cluster && stack) {
            throw new Error(
              `CloudFormation stack ${stack.StackName} is ${stack.StackStatus} but EKS has no cluster ${config.clusterName}: ` +
                `eksctl cannot create the cluster while the stack exists; delete it (\`aws cloudformation delete-stack --stack-name ${stack.StackName} --region ${config.region}\`) and re-run`,
            );
          }
        }
        if (!cluster) {
          return labelled(false, `no EKS cluster ${config.clusterName} in ${config.region}`);
        }
        switch (cluster.status) {
          case 'ACTIVE':
            return labelled(
              true,
              `ACTIVE${waited ? " after waiting for another run's eksctl" : ''}, Kubernetes ${cluster.version}`,
            );
          case 'FAILED':
            throw new Error(
              `EKS cluster ${config.clusterName} is FAILED from an earlier run; delete it (\`eksctl delete cluster --name ${config.clusterName} --region ${config.region}\`, or this action with \`command: destroy\`) and re-run`,
            );
          case 'DELETING':
            throw new Error(`EKS cluster ${config.clusterName} is being deleted; wait until it is gone and re-run`);
          default: {
            // CREATING / UPDATING / PENDING: an earlier run's eksctl is still at work, or was cancelled.
            const active = await wait(
              `EKS cluster ${config.clusterName} to be ACTIVE`,
              timeout('cluster'),
              async () => {
                const c = await ctx.api.describeCluster(config.clusterName);
                if (c?.status === 'FAILED' || !c)
                  throw new Error(`EKS cluster ${config.clusterName} is ${c?.status ?? 'gone'}`);
                return c.status === 'ACTIVE' ? c : undefined;
              },
            );
            return labelled(true, `ACTIVE after waiting, Kubernetes ${active.version}`);
          }
        }
      },
    },

    kubeconfig: {
      async run(ctx) {
        const observation = await ctx.cloud.observe();
        if (!observation.found || !observation.endpoint)
          throw new Error(`EKS cluster ${config.clusterName} has no API endpoint (status ${observation.status})`);
        ctx.observation = observation;
        await writeKubeconfig(
          config.kubeconfigPath,
          {
            context: `${config.clusterName}.${config.region}.eksctl.io`,
            server: observation.endpoint,
            caData: observation.caData,
            ...(isLoopbackHttp(observation.endpoint) ? { insecureSkipTlsVerify: true } : {}),
            user: eksKubeconfigUser(config),
          },
          io,
        );
        ctx.kube = await connect(await ctx.cloud.kubeAccess(observation), io.log);
        return `written to ${config.kubeconfigPath}`;
      },
    },

    'kube-system': {
      async probe(ctx) {
        try {
          const pods = await kubeOf(ctx).list('v1', 'Pod', { namespace: 'kube-system' });
          return labelled(true, `API server answers; ${pods.length} pods in kube-system`);
        } catch (err) {
          return labelled(false, `API server not answering yet (${(err as Error).message})`);
        }
      },
      async run(ctx) {
        const pods = await wait('the API server to list kube-system', timeout('kube-system'), async () => {
          try {
            return await kubeOf(ctx).list('v1', 'Pod', { namespace: 'kube-system' });
          } catch {
            return undefined;
          }
        });
        return `API server answers; ${pods.length} pods in kube-system`;
      },
    },

    'remove-aws-node': {
      async probe(ctx) {
        const ds = await kubeOf(ctx).get(awsNodeRef);
        return ds ? labelled(false, 'DaemonSet kube-system/aws-node present') : labelled(true, 'aws-node absent');
      },
      async run(ctx) {
        const deleted = await kubeOf(ctx).delete(awsNodeRef);
        return deleted ? 'deleted DaemonSet kube-system/aws-node' : 'aws-node was already absent';
      },
    },

    'tigera-operator': {
      async probe(ctx) {
        if (!ctx.manifests) {
          const texts = await Promise.all(calicoManifestUrls(config).map((url) => fetchText(url)));
          ctx.manifests = texts.flatMap((text, i) => parseManifest(text, calicoManifestUrls(config)[i]!));
        }
        return syncProbe(ctx, kubeOf(ctx), ctx.manifests, `Calico ${calicoVersion(config)} operator`);
      },
      run: (ctx) => syncRun(ctx, kubeOf(ctx)),
    },

    'calico-installation': {
      probe: (ctx) =>
        syncProbe(ctx, kubeOf(ctx), [structuredClone(installation) as KubeObject], 'Installation default'),
      run: (ctx) => syncRun(ctx, kubeOf(ctx)),
    },

    'calico-ready': {
      async probe(ctx) {
        const state = await calicoState(kubeOf(ctx));
        return labelled(state.ready, state.detail);
      },
      async run(ctx) {
        const state = await wait('Calico to be ready', timeout('calico-ready'), async () => {
          const s = await calicoState(kubeOf(ctx));
          return s.ready ? s : undefined;
        });
        return state.detail;
      },
    },

    nodegroups: {
      async probe(ctx) {
        const present = new Set(await ctx.api.listNodegroups(config.clusterName));
        for (const name of nodegroupNames.filter((n) => present.has(n))) {
          const ng = await ctx.api.describeNodegroup(config.clusterName, name);
          const status = ng?.status ?? 'gone';
          if (/FAILED/.test(status)) {
            throw new Error(
              `nodegroup ${name} is ${status} from an earlier run; delete it (\`eksctl delete nodegroup --cluster ${config.clusterName} --name ${name} --region ${config.region}\`) and re-run`,
            );
          }
          if (status === 'DELETING')
            throw new Error(`nodegroup ${name} is being deleted; wait until it is gone and re-run`);
          if (status === 'CREATING' || status === 'UPDATING') {
            await wait(`nodegroup ${name} to be ACTIVE`, timeout('nodegroups'), async () => {
              const n = await ctx.api.describeNodegroup(config.clusterName, name);
              if (!n || /FAILED/.test(n.status ?? '')) throw new Error(`nodegroup ${name} is ${n?.status ?? 'gone'}`);
              return n.status === 'ACTIVE' || n.status === 'DEGRADED' ? n : undefined;
            });
          }
        }
        let missing = nodegroupNames.filter((n) => !present.has(n));
        if (!missing.length) return labelled(true, `nodegroups ${nodegroupNames.join(', ')} exist`);
        let waited = false;
        for (const name of missing) {
          // A stack in CREATE_IN_PROGRESS is another run's eksctl creating this nodegroup: wait for it, as
          // eksctl would skip the nodegroup (it has a stack) and report success before it is there.
          const settled = await settledStack(ctx, nodegroupStackName(config, name), `nodegroup ${name}`, 'nodegroups');
          waited ||= settled.waited;
          const stack = settled.stack;
          if (stack && DEAD_STACK.test(stack.StackStatus ?? ''))
            throw new Error(stackAdvice(config, stack, `eksctl cannot create nodegroup ${name} while it exists`));
        }
        if (waited) {
          const now = new Set(await ctx.api.listNodegroups(config.clusterName));
          missing = missing.filter((n) => !now.has(n));
          if (!missing.length)
            return labelled(
              true,
              `nodegroups ${nodegroupNames.join(', ')} exist (after waiting for another run's eksctl)`,
            );
        }
        return labelled(false, `missing: ${missing.join(', ')}`);
      },
    },

    [RECORD_STEP_ID]: recordAction<AwsCtx>(config, kubeOf),

    'nodegroup-labels': inPlace('labels'),
    'nodegroup-scaling': inPlace('scaling'),

    'service-accounts': {
      async probe(ctx) {
        const missing: string[] = [];
        for (const sa of serviceAccounts) {
          const name = serviceAccountStackName(config, sa.namespace, sa.name);
          const { stack } = await settledStack(
            ctx,
            name,
            `service account ${sa.namespace}/${sa.name}`,
            'service-accounts',
          );
          if (stack && DEAD_STACK.test(stack.StackStatus ?? ''))
            throw new Error(
              stackAdvice(config, stack, `eksctl cannot create the role of ${sa.namespace}/${sa.name} while it exists`),
            );
          if (!stack) missing.push(`${sa.namespace}/${sa.name}`);
        }
        return missing.length
          ? labelled(false, `no IAM role stack for ${missing.join(', ')}`)
          : labelled(true, `IAM roles of ${serviceAccounts.length} service accounts exist`);
      },
    },

    'access-entries': {
      async probe(ctx) {
        const cluster = await ctx.api.describeCluster(config.clusterName);
        const mode = cluster?.accessConfig?.authenticationMode;
        if (mode === 'CONFIG_MAP') {
          throw new Error(
            `EKS cluster ${config.clusterName} authenticates through the aws-auth ConfigMap only, so it has no access entries for viewer-role-arns: ` +
              `run \`eksctl utils update-authentication-mode --cluster ${config.clusterName} --region ${config.region} --authentication-mode ${AWS.authenticationMode}\` and re-run`,
          );
        }
        const present = new Set(await ctx.api.listAccessEntries(config.clusterName));
        const missing: string[] = [];
        for (const arn of config.viewerRoleArns) {
          if (!present.has(arn)) {
            missing.push(arn);
            continue;
          }
          const entry = await ctx.api.describeAccessEntry(config.clusterName, arn);
          if (!entry) missing.push(arn);
          else if (!(entry.kubernetesGroups ?? []).includes(viewerGroup)) {
            // eksctl creates entries, it does not change one made elsewhere: say what would.
            throw new Error(
              `EKS access entry ${arn} exists without the Kubernetes group ${viewerGroup} (it has ${JSON.stringify(entry.kubernetesGroups ?? [])}); ` +
                `run \`aws eks update-access-entry --cluster-name ${config.clusterName} --region ${config.region} --principal-arn ${arn} --kubernetes-groups ${[...(entry.kubernetesGroups ?? []), viewerGroup].join(' ')}\` and re-run`,
            );
          }
        }
        return missing.length
          ? labelled(false, `no access entry for ${missing.join(', ')}`)
          : labelled(true, `access entries for ${config.viewerRoleArns.length} viewer role(s) in group ${viewerGroup}`);
      },
    },

    'viewer-rbac': {
      probe: (ctx) => syncProbe(ctx, kubeOf(ctx), viewerRbacObjects() as KubeObject[], `RBAC of group ${viewerGroup}`),
      run: (ctx) => syncRun(ctx, kubeOf(ctx)),
    },
  };

  /**
   * A CloudFormation stack once CloudFormation is done with it. One *_IN_PROGRESS means another run's
   * eksctl is creating (or deleting) it right now: starting a second eksctl would fail with
   * AlreadyExistsException or, for a nodegroup, skip it and report success early. `waited` says whether
   * this had to wait.
   */
  async function settledStack(
    ctx: AwsCtx,
    name: string,
    what: string,
    step: AwsStepId,
  ): Promise<{ stack?: Stack; waited: boolean }> {
    const stack = await ctx.api.describeStack(name);
    if (!stack || !STACK_IN_PROGRESS.test(stack.StackStatus ?? '')) return { stack, waited: false };
    io.log.info(
      `CloudFormation stack ${name} is ${stack.StackStatus}: another run's eksctl is at work on ${what}; waiting for it instead of starting a second`,
    );
    const settled = await wait(`CloudFormation stack ${name} to finish`, timeout(step), async () => {
      const s = await ctx.api.describeStack(name);
      return s && STACK_IN_PROGRESS.test(s.StackStatus ?? '') ? undefined : { stack: s };
    });
    return { stack: settled.stack, waited: true };
  }

  async function syncProbe(ctx: AwsCtx, kube: KubeClient, objects: KubeObject[], what: string): Promise<ProbeResult> {
    ctx.pending = await planSync(kube, objects);
    const create = ctx.pending.filter((i) => i.action === 'create').length;
    const apply = ctx.pending.filter((i) => i.action === 'apply').length;
    if (!create && !apply) return labelled(true, `${what}: ${objects.length} objects as in the manifest`);
    return labelled(false, `${what}: ${create} to create, ${apply} differing`);
  }

  async function syncRun(ctx: AwsCtx, kube: KubeClient): Promise<string> {
    const pending = ctx.pending ?? [];
    ctx.pending = undefined;
    const counts = await applyPlanned(kube, pending, { log: io.log, sleep, pollMs: Math.min(pollMs, 2_000) });
    return `${counts.created} created, ${counts.applied} updated, ${counts.unchanged} unchanged`;
  }

  async function calicoState(kube: KubeClient): Promise<{ ready: boolean; detail: string }> {
    let stored: KubeObject | undefined;
    try {
      stored = await kube.get(installationRef);
    } catch (err) {
      if (!isKindNotServed(err)) throw err;
    }
    if (!stored) return { ready: false, detail: 'the Installation default is not served yet' };
    const firstNodes = await kube.nodePages(1).next();
    if (firstNodes.done || !firstNodes.value.length) {
      // The operator runs on nodes: before the nodegroups join there is nothing to roll out yet. eksctl
      // then waits for the new nodes to be Ready, which they only become with a working CNI.
      return { ready: true, detail: 'Installation served; Calico rolls out on the nodes as the nodegroups join' };
    }
    let status: KubeObject | undefined;
    try {
      status = await kube.get({ apiVersion: ready.apiVersion, kind: ready.kind, name: ready.name });
    } catch (err) {
      if (!isKindNotServed(err)) throw err;
    }
    return conditionTrue(status, ready.condition)
      ? { ready: true, detail: `TigeraStatus ${ready.name} ${ready.condition}` }
      : { ready: false, detail: `TigeraStatus ${ready.name} not ${ready.condition} yet` };
  }

  const upgrades = eksUpgradeSteps(config, minors, how, addons).map((spec) => ({
    ...spec,
    ...(spec.target.kind === 'replace' ? replaceAction(spec) : upgradeAction(spec)),
  }));
  if (minors.length) {
    io.log.info(
      `Upgrade from Kubernetes ${existing!.version}: ${minors.join(' → ')}, one minor at a time, control plane first`,
    );
  }

  /** An upgrade step's probe: the part already at the round's minor is skipped. */
  function upgradeAction(spec: EksUpgradeStep): StepAction<AwsCtx> {
    const t = spec.target;
    return {
      async probe(ctx) {
        // An update under way (another run's, or one a cancelled run left) is waited for, never raced:
        // eksctl refuses to start a second one.
        if (t.kind === 'control-plane') {
          const c = await wait(
            `cluster ${config.clusterName} to be ACTIVE`,
            spec.timeoutMs ?? 60 * 60_000,
            async () => {
              const found = await ctx.api.describeCluster(config.clusterName);
              return !found || found.status === 'ACTIVE' ? { found } : undefined;
            },
          );
          return labelled(atMinor(c.found?.version, spec.minor), `the control plane runs ${c.found?.version}`);
        }
        if (t.kind === 'nodegroup') {
          const name = config.pools[t.role].name;
          const { g } = await wait(`nodegroup ${name} to be ACTIVE`, spec.timeoutMs ?? 60 * 60_000, async () => {
            const found = await ctx.api.describeNodegroup(config.clusterName, name);
            return !found || found.status === 'ACTIVE' ? { g: found } : undefined;
          });
          if (!g) return labelled(true, `nodegroup ${name} does not exist`);
          return labelled(atMinor(g.version, spec.minor), `nodegroup ${name} runs ${g.version}`);
        }
        if (t.kind === 'addon' && t.managed) {
          // The version `eksctl update addon --version=latest` would pick: the newest EKS offers for the minor.
          const { a } = await wait(`EKS add-on ${t.addon} to be ACTIVE`, spec.timeoutMs ?? 15 * 60_000, async () => {
            const found = await ctx.api.describeAddon(config.clusterName, t.addon);
            return !found || found.status === 'ACTIVE' || found.status === 'DEGRADED' ? { a: found } : undefined;
          });
          if (!a) return labelled(true, `no EKS add-on ${t.addon}`);
          const newest = (await ctx.api.addonVersions(t.addon, spec.minor)).sort(compareVersionText).at(-1);
          if (!newest) return labelled(false, `EKS offers no version of ${t.addon} for ${spec.minor}`);
          const current = a.addonVersion ?? '';
          return labelled(
            !!current && compareVersionText(current, newest) >= 0,
            `${t.addon} runs ${current || '(no version)'}; the newest for ${spec.minor} is ${newest}`,
          );
        }
        // kube-proxy's image tag is the Kubernetes version (v1.33.0-eksbuild.2): it marks the round done.
        const ds = await kubeOf(ctx).get({
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'kube-proxy',
          namespace: 'kube-system',
        });
        if (!ds) return labelled(true, 'no self-managed kube-proxy DaemonSet (an EKS add-on, or none)');
        const containers = ((ds.spec as { template?: { spec?: { containers?: { image?: string }[] } } })?.template?.spec
          ?.containers ?? []) as { image?: string }[];
        const tag = (containers[0]?.image ?? '').split(':').pop();
        return labelled(atMinor(tag, spec.minor), `kube-proxy runs ${tag}`);
      },
    };
  }

  /** A nodegroup once EKS is done with it (ACTIVE or DEGRADED), or undefined when it is gone. */
  async function settledNodegroup(ctx: AwsCtx, name: string, timeoutMs: number): Promise<Nodegroup | undefined> {
    const { g } = await wait(`nodegroup ${name} to be ACTIVE`, timeoutMs, async () => {
      const found = await ctx.api.describeNodegroup(config.clusterName, name);
      if (found && /FAILED/.test(found.status ?? '')) {
        throw new Error(
          `nodegroup ${name} is ${found.status} from an earlier run; delete it (\`eksctl delete nodegroup --cluster=${config.clusterName} --region=${config.region} --name=${name} --drain=false --approve --wait\`) and re-run`,
        );
      }
      return !found || found.status === 'ACTIVE' || found.status === 'DEGRADED' ? { g: found } : undefined;
    });
    return g;
  }

  /**
   * One step of a nodegroup's replacement (src/providers/aws/upgrade.ts). Its probe reads both nodegroups,
   * `<name>` and the surge `<name>-next` (waiting while EKS creates or deletes either), and decides from
   * which exist at what version: a run cancelled anywhere resumes at the step left, and a delete that
   * would leave the pool without nodes is refused. The create steps render their ClusterConfig when they run.
   */
  function replaceAction(spec: EksUpgradeStep): StepAction<AwsCtx> {
    const t = spec.target;
    if (t.kind !== 'replace') throw new Error(`step ${spec.id} is not a nodegroup replacement`);
    const m = spec.minor;
    const at = (g: Nodegroup | undefined) => !!g && atMinor(g.version, m);
    const runs = (g: Nodegroup | undefined, name: string) => (g ? `${name} runs ${g.version}` : `${name} is gone`);
    const state = async (ctx: AwsCtx) => {
      const timeoutMs = spec.timeoutMs ?? 60 * 60_000;
      const n = await settledNodegroup(ctx, t.name, timeoutMs);
      const s = await settledNodegroup(ctx, t.surge, timeoutMs);
      return { n, s };
    };
    /** A dead stack of a nodegroup to create: eksctl would skip it and report success. */
    const noDeadStack = async (ctx: AwsCtx, name: string) => {
      const { stack } = await settledStack(ctx, nodegroupStackName(config, name), `nodegroup ${name}`, 'nodegroups');
      if (stack && DEAD_STACK.test(stack.StackStatus ?? ''))
        throw new Error(stackAdvice(config, stack, `eksctl cannot create nodegroup ${name} while it exists`));
    };
    const probe = async (ctx: AwsCtx): Promise<ProbeResult> => {
      const { n, s } = await state(ctx);
      switch (t.phase) {
        case 'surge':
          if (at(n)) return labelled(true, runs(n, t.name));
          if (s) return labelled(true, `surge nodegroup ${t.surge} exists (Kubernetes ${s.version})`);
          await noDeadStack(ctx, t.surge);
          return labelled(false, `${runs(n, t.name)}: create ${t.surge} at ${m} to hold its pods`);
        case 'drain':
          if (!n || at(n)) return labelled(true, runs(n, t.name));
          if (!s) {
            throw new Error(
              `nodegroup ${t.name} runs ${n.version} and its surge nodegroup ${t.surge} is not there: deleting ${t.name} would leave the ${t.role} pool without nodes; nothing was changed, re-run apply`,
            );
          }
          return labelled(false, `${runs(n, t.name)}: drain and delete it, its pods move to ${t.surge} (${s.version})`);
        case 'recreate':
          if (at(n)) return labelled(true, runs(n, t.name));
          if (n) {
            throw new Error(
              `nodegroup ${t.name} still runs ${n.version} after the step that deletes it; nothing was changed, re-run apply`,
            );
          }
          await noDeadStack(ctx, t.name);
          return labelled(false, `${t.name} is gone: create it at ${m}`);
        case 'drain-surge':
          if (!s) return labelled(true, `no surge nodegroup ${t.surge}`);
          if (!at(n)) {
            throw new Error(
              `refusing to delete surge nodegroup ${t.surge}: ${runs(n, t.name)}, not ${m}, and the ${t.role} pool would lose its nodes; nothing was changed, re-run apply`,
            );
          }
          return labelled(false, `${runs(n, t.name)}: drain and delete ${t.surge}, the pods move back`);
      }
    };
    if (t.phase === 'drain' || t.phase === 'drain-surge') return { probe };
    const creating = t.phase === 'surge' ? t.surge : t.name;
    const sizedLike = t.phase === 'surge' ? t.name : t.surge;
    return {
      probe,
      async run(ctx, step, signal) {
        // The group it stands in for has the size the autoscaler gave it: the pods fit at once.
        const like = await ctx.api.describeNodegroup(config.clusterName, sizedLike);
        const file = replacementConfigFile(config, creating, m);
        const yaml = clusterConfigYaml(
          config,
          replacementConfig(config, m, t.name, creating, like?.scalingConfig?.desiredSize),
        );
        await writeFile(file, yaml, { mode: 0o600 });
        io.log.info(`eksctl ClusterConfig of nodegroup ${creating} (Kubernetes ${m}) written to ${file}`);
        io.log.info(`$ ${shellQuote(step.argv!)}`);
        await execArgv(step.argv!, { log: io.log, env, signal, timeoutMs: step.timeoutMs });
        return `nodegroup ${creating} created at Kubernetes ${m}`;
      },
    };
  }

  const steps = [...withActions(specs, actions), ...upgrades];
  const ctx: AwsCtx = { config, io, api, cloud, doc };
  return runFlow(steps, ctx, config, io, { env, heartbeatMs: deps.heartbeatMs, sleep: deps.sleep });
}

/**
 * The ClusterConfig of a nodegroup created in a replacement round: the whole one at the round's minor
 * (overlay merged), with `from`'s entry alone in managedNodeGroups, named `as`, and no unmanaged
 * nodeGroups. `desired`, the size of the group it stands in for, becomes its desiredCapacity (within its bounds).
 */
export function replacementConfig(
  config: Config,
  minorVersion: string,
  from: string,
  as: string,
  desired?: number,
): ClusterConfigDoc {
  const whole = clusterConfigFor(config, { version: minorVersion });
  const entry = whole.managedNodeGroups.find((g) => g.name === from);
  if (!entry) throw new Error(`the ClusterConfig has no managed nodegroup ${from}`);
  const ng: Record<string, unknown> = { ...structuredClone(entry), name: as };
  if (desired !== undefined) {
    const [lo, hi] = [Number(ng.minSize ?? desired), Number(ng.maxSize ?? desired)];
    ng.desiredCapacity = Math.min(Math.max(desired, lo), hi);
  }
  const { nodeGroups: _unmanaged, ...rest } = whole;
  return { ...rest, managedNodeGroups: [ng] } as ClusterConfigDoc;
}

/** Manifests come from their upstream URL, through `tool-mirror` when set, with the downloader's retries. */
async function manifestFetcher(
  config: Config,
  io: ActionIO,
  sleep: (ms: number) => Promise<void>,
): Promise<(url: string) => Promise<string>> {
  const [{ ToolHttp }, { parseMirror }] = await Promise.all([
    import('../../tools/http.js'),
    import('../../tools/mirror.js'),
  ]);
  const http = new ToolHttp({ mirror: parseMirror(config.toolMirror), log: io.log, signal: io.signal, sleep });
  return (url) => http.text(url, { tool: 'calico', version: calicoVersion(config) });
}
