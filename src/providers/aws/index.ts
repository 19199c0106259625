/**
 * EKS, as one `Provider`: the flow `plan` prints (providers/aws/plan.ts: the steps and the rendered eksctl
 * ClusterConfig, the upgrade round of providers/aws/upgrade.ts), `apply` (providers/aws/apply.ts) and the
 * cloud view (providers/aws/cloud.ts), both loaded with their SDK only when a command needs them,
 * `destroy`'s step and what it leaves, the desired nodegroups and how EKS changes an existing one.
 * Everything about EKS is in this folder (eksctl's schema and rules in eksctl/).
 */
import { mdCode } from '../../markdown.js';
import { DEFAULT_CALICO_VERSION } from '../../reference.js';
import type { Provider } from '../types.js';
import { AWS_FOOTPRINT, awsLayout } from './footprint.js';
import { AWS_PRICES } from './prices.js';
import { AWS_REGIONS } from './regions.js';
import { checkEksNetwork, eksNetworkFacts } from './network.js';
import { eksClusterDifferences } from './differences.js';
import {
  awsDesiredPools,
  awsFixes,
  awsSteps,
  clusterConfigFor,
  clusterConfigResult,
  clusterConfigYaml,
} from './plan.js';
import { eksPlannedUpgrade } from './upgrade.js';

const MINUTE = 60_000;

export const awsProvider: Provider = {
  name: 'aws',
  platform: 'EKS',
  destroyTool: 'eksctl',
  networkIsDrift: false,

  plan: (config) => {
    const { doc, notes, dropped } = clusterConfigResult(config, {});
    return {
      steps: [...awsSteps(config, {}), ...eksPlannedUpgrade(config, doc)],
      eksctlConfig: clusterConfigYaml(config, doc),
      notes,
      dropped,
      clusterConfig: doc,
    };
  },

  apply: async (config, io) => (await import('./apply.js')).applyFlow(config, io),

  preflight: async (config, log) => (await import('./preflight.js')).awsPreflight(config, log),

  cloud: async (config, log) => (await import('./cloud.js')).awsCloud(config, log),

  destroySteps: (config) => [
    {
      id: 'delete-cluster',
      description: `Delete EKS cluster ${config.clusterName} in ${config.region}, its nodegroups and eksctl's CloudFormation stacks`,
      argv: ['eksctl', 'delete', 'cluster', `--name=${config.clusterName}`, `--region=${config.region}`, '--wait'],
      timeoutMs: 90 * MINUTE,
    },
  ],

  leftovers: (config) => [
    `The CloudWatch log group /aws/eks/${config.clusterName}/cluster (kept by AWS after the cluster is gone).`,
    'EBS volumes of PersistentVolumes with reclaim policy Retain, and load balancers whose Services were not deleted first.',
    `The kubeconfig at ${config.kubeconfigPath}, if an earlier run wrote one on this runner.`,
  ],

  desiredPools: awsDesiredPools,
  fixes: awsFixes,
  clusterDifferences: eksClusterDifferences,

  where: (config) => config.region,
  settingsFacts: (config) => ({ where: '', extra: `, network ${mdCode(config.network)}`, perZone: '' }),
  networkFacts: eksNetworkFacts,
  checkNetwork: checkEksNetwork,
  calicoPin: (config, facts) =>
    config.network === 'calico' && facts.calicoInstallation
      ? { installed: facts.calicoVersion, pinned: config.calicoVersion || DEFAULT_CALICO_VERSION }
      : undefined,
  estimate: { footprint: AWS_FOOTPRINT, prices: AWS_PRICES, regions: AWS_REGIONS, layoutOf: awsLayout },
  estimateConfig: (config) => {
    if (!config.eksctlConfigPath) return undefined;
    try {
      return clusterConfigFor(config, {});
    } catch {
      return undefined;
    }
  },
  notFound: (config) =>
    `EKS cluster ${config.clusterName} not found in region ${config.region}: check cluster-name, region`,
};
