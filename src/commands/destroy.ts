/**
 * `destroy`: deletes the cluster (GKE: `gcloud container clusters delete`; EKS: `eksctl delete cluster`),
 * only when `confirm-destroy` equals `cluster-name` (checked with the other inputs, before anything runs).
 * A cluster that is already gone is a success. What the flow created outside the cluster and that other
 * clusters may share (the GKE service account and its project roles) is left alone and reported.
 */
import type { ProviderCloud } from '../cloud/types.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { serviceAccountEmail } from '../providers/gcp.js';
import { GCP } from '../reference.js';
import { type Step, type StepSpec, shellQuote } from '../steps.js';
import { runFlow } from '../flow.js';

const MINUTE = 60_000;

/** The destroy flow as data: what `destroy` runs, in the same shape as the apply flows. */
export function destroySteps(config: Config): StepSpec<'delete-cluster'>[] {
  if (config.provider === 'gcp') {
    return [
      {
        id: 'delete-cluster',
        description: `Delete GKE cluster ${config.clusterName} in ${config.region} with its node pools`,
        argv: [
          'gcloud',
          '--quiet',
          'container',
          'clusters',
          'delete',
          config.clusterName,
          `--project=${config.project}`,
          `--region=${config.region}`,
        ],
        timeoutMs: 60 * MINUTE,
      },
    ];
  }
  return [
    {
      id: 'delete-cluster',
      description: `Delete EKS cluster ${config.clusterName} in ${config.region}, its nodegroups and eksctl's CloudFormation stacks`,
      argv: ['eksctl', 'delete', 'cluster', `--name=${config.clusterName}`, `--region=${config.region}`, '--wait'],
      timeoutMs: 90 * MINUTE,
    },
  ];
}

/** What stays behind after a successful destroy, and how to remove it when nothing else needs it. */
export function leftovers(config: Config): string[] {
  if (config.provider === 'gcp') {
    const email = serviceAccountEmail(config);
    return [
      `Service account ${email} (other clusters of project ${config.project} may run as it); to remove it: ${shellQuote(['gcloud', 'iam', 'service-accounts', 'delete', email, `--project=${config.project}`])}`,
      `Its project roles ${GCP.serviceAccount.roles.join(', ')}; to remove one: ${shellQuote(['gcloud', 'projects', 'remove-iam-policy-binding', config.project, `--member=serviceAccount:${email}`, `--role=${GCP.serviceAccount.roles[0]}`])}`,
      `The subnetwork ${GCP.cluster.subnetworkPrefix}${config.clusterName} is deleted with the cluster; persistent disks of PersistentVolumes with reclaim policy Retain are not.`,
      `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
    ];
  }
  return [
    `The CloudWatch log group /aws/eks/${config.clusterName}/cluster (kept by AWS after the cluster is gone).`,
    'EBS volumes of PersistentVolumes with reclaim policy Retain, and load balancers whose Services were not deleted first.',
    `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
  ];
}

export async function destroy(
  config: Config,
  io: ActionIO,
  deps: { cloud?: ProviderCloud; heartbeatMs?: number } = {},
): Promise<void> {
  const cloud = deps.cloud ?? (await (await import('../cloud/index.js')).providerCloud(config, io.log));
  const specs = destroySteps(config);
  // The first look at the cloud serves both the decision to install the CLI and the runner's first probe;
  // every later probe (the one after a failed delete, a re-run) looks again: a cached "exists" would be stale.
  const initial = cloud.observe();
  let first: typeof initial | undefined = initial;
  const steps: Step<undefined>[] = specs.map((spec) => ({
    ...spec,
    probe: async () => {
      const look = first ?? cloud.observe();
      first = undefined;
      const observed = await look;
      return observed.found
        ? { done: false, detail: `cluster ${config.clusterName} exists (${observed.status ?? 'status unknown'})` }
        : { done: true, detail: `no cluster ${config.clusterName} in ${config.region}: nothing to delete` };
    },
  }));
  const env: Record<string, string> = { CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
  const observed = await initial;
  if (observed.found) {
    const { installTools, pathWithTools } = await import('../tools/install.js');
    const tools = await installTools([config.provider === 'gcp' ? 'gcloud' : 'eksctl'], config, io);
    env.PATH = pathWithTools(Object.values(tools));
  }
  await runFlow(steps, undefined, config, io, {
    env,
    heartbeatMs: deps.heartbeatMs,
  });
  const left = leftovers(config);
  io.log.info(`Left behind on purpose:\n${left.map((l) => `  - ${l}`).join('\n')}`);
  await io.appendSummary(['### Left behind', '', ...left.map((l) => `- ${l}`), ''].join('\n'));
}
