/**
 * GKE, as one `Provider`: the flow `plan` prints (providers/gcp/plan.ts, the upgrade round of
 * providers/gcp/upgrade.ts), `apply` (providers/gcp/apply.ts) and the cloud view (providers/gcp/cloud.ts),
 * both loaded with their SDK only when a command needs them, `destroy`'s step and what it leaves, the desired
 * pools and how GKE changes an existing pool. Everything about GKE is in this folder.
 */
import type { Config } from '../../inputs.js';
import { mdCode } from '../../markdown.js';
import { GCP } from '../../reference.js';
import { type StepSpec, insertBefore, shellQuote } from '../../steps.js';
import { error, item } from '../../verify/checks.js';
import type { Provider } from '../types.js';
import { GCP_FOOTPRINT } from './footprint.js';
import { GCP_PRICES } from './prices.js';
import { GCP_REGIONS } from './regions.js';
import { GCP_PLAN_FACTS, gcpDesiredPools, gcpFixes, gcpSteps, serviceAccountEmail } from './plan.js';
import { gkePlannedUpgrade } from './upgrade.js';

const MINUTE = 60_000;

export const gcpProvider: Provider = {
  name: 'gcp',
  platform: 'GKE',
  destroyTool: 'gcloud',
  networkIsDrift: true,

  plan: (config) => ({
    // The upgrade round to the asked version; apply runs one per minor, and none when the cluster is there.
    steps: insertBefore<StepSpec>(gcpSteps(config, GCP_PLAN_FACTS(config)), 'kubeconfig', gkePlannedUpgrade(config)),
  }),

  apply: async (config, io) => (await import('./apply.js')).applyFlow(config, io),

  preflight: async (config, log) => (await import('./preflight.js')).gcpPreflight(config, log),

  cloud: async (config, log) => (await import('./cloud.js')).gcpCloud(config, log),

  destroySteps: (config: Config) => [
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
  ],

  leftovers: (config) => {
    const email = serviceAccountEmail(config);
    return [
      `Service account ${email} (other clusters of project ${config.project} may run as it); to remove it: ${shellQuote(['gcloud', 'iam', 'service-accounts', 'delete', email, `--project=${config.project}`])}`,
      `Its project roles ${GCP.serviceAccount.roles.join(', ')}; to remove one: ${shellQuote(['gcloud', 'projects', 'remove-iam-policy-binding', config.project, `--member=serviceAccount:${email}`, `--role=${GCP.serviceAccount.roles[0]}`])}`,
      `The subnetwork ${GCP.cluster.subnetworkPrefix}${config.clusterName} is deleted with the cluster; persistent disks of PersistentVolumes with reclaim policy Retain are not.`,
      `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
    ];
  },

  desiredPools: gcpDesiredPools,
  fixes: gcpFixes,
  clusterDifferences: () => [],

  where: (config) => `${config.project}/${config.region}`,
  settingsFacts: (config) => ({ where: `project ${mdCode(config.project)}, `, extra: '', perZone: ' per zone' }),
  networkFacts: async (_config, observed) => ({ networkPolicy: observed.network.networkPolicy }),
  checkNetwork: (_config, facts) =>
    item(
      'network',
      facts.networkPolicy === true ? [] : [error('network policy enforcement is off on the GKE cluster')],
    ),
  calicoPin: () => undefined,
  estimate: { footprint: GCP_FOOTPRINT, prices: GCP_PRICES, regions: GCP_REGIONS },
  estimateConfig: () => undefined,
  notFound: (config) =>
    `GKE cluster ${config.clusterName} not found in project ${config.project}, region ${config.region}: check cluster-name, region and project`,
};
