/**
 * The EKS flow as data: the rendered eksctl ClusterConfig (every field of the reference document's
 * `gitpod-cluster.yaml`) and the ordered steps (control plane without nodegroups, Calico in place of
 * the AWS VPC CNI, then the nodegroups). `plan` prints them; `apply` pairs them with probes.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import type { Config, PoolConfig } from '../inputs.js';
import { AWS, DEFAULT_CALICO_VERSION, autoscalerTags } from '../reference.js';
import type { StepSpec } from '../steps.js';

export const AWS_STEP_IDS = [
  'cluster',
  'kubeconfig',
  'kube-system',
  'remove-aws-node',
  'tigera-operator',
  'calico-installation',
  'calico-ready',
  'nodegroups',
] as const;
export type AwsStepId = (typeof AWS_STEP_IDS)[number];

/** Values only the cloud knows; `plan` shows the unresolved forms. */
export interface AwsFacts {
  /** ClusterConfig `metadata.version`: the resolved minor in `apply`; undefined while unresolved. */
  version?: string;
}

export function calicoVersion(config: Config): string {
  return config.calicoVersion || DEFAULT_CALICO_VERSION;
}

export function calicoManifestUrl(config: Config): string {
  return AWS.calico.manifestUrl.replace('{version}', calicoVersion(config));
}

/** Where the rendered (and merged) ClusterConfig is written for eksctl. */
export function eksctlConfigFile(config: Config): string {
  return path.join(config.tempDir, `${config.clusterName}.eksctl.yaml`);
}

/** A JSON-shaped ClusterConfig; `renderClusterConfig` returns it, `clusterConfigYaml` prints it. */
export type ClusterConfigDoc = Record<string, unknown> & {
  metadata: Record<string, unknown>;
  managedNodeGroups: Record<string, unknown>[];
};

function nodegroup(config: Config, pool: PoolConfig): Record<string, unknown> {
  const ng = AWS.nodegroup;
  return {
    name: pool.name,
    amiFamily: ng.amiFamily,
    spot: ng.spot,
    instanceTypes: [pool.machineType],
    desiredCapacity: Math.min(Math.max(ng.desiredCapacity, pool.minNodes), pool.maxNodes),
    minSize: pool.minNodes,
    maxSize: pool.maxNodes,
    maxPodsPerNode: config.maxPods,
    disableIMDSv1: ng.disableIMDSv1,
    volumeSize: config.diskSizeGb,
    volumeType: ng.volumeType,
    volumeIOPS: ng.volumeIOPS,
    volumeThroughput: ng.volumeThroughput,
    ebsOptimized: ng.ebsOptimized,
    privateNetworking: ng.privateNetworking,
    propagateASGTags: ng.propagateASGTags,
    iam: { attachPolicyARNs: [...ng.attachPolicyARNs] },
    tags: autoscalerTags(config.clusterName),
    labels: { ...pool.labels },
    preBootstrapCommands: [...ng.preBootstrapCommands],
  };
}

/** The reference ClusterConfig for these inputs (before any user overlay). */
export function renderClusterConfig(config: Config, facts: AwsFacts): ClusterConfigDoc {
  const metadata: Record<string, unknown> = { name: config.clusterName, region: config.region };
  if (facts.version) metadata.version = facts.version;
  metadata.tags = { ...AWS.clusterTags };
  const doc: ClusterConfigDoc = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata,
    iam: {
      withOIDC: true,
      serviceAccounts: AWS.serviceAccounts.map((sa) => ({
        metadata: { name: sa.name, namespace: sa.namespace },
        wellKnownPolicies: { [sa.policy]: true },
      })),
    },
    vpc: {
      autoAllocateIPv6: AWS.vpc.autoAllocateIPv6,
      nat: { gateway: AWS.vpc.natGateway },
      clusterEndpoints: { privateAccess: AWS.vpc.privateAccess, publicAccess: AWS.vpc.publicAccess },
      publicAccessCIDRs: [...AWS.vpc.publicAccessCIDRs],
    },
    cloudWatch: { clusterLogging: { enableTypes: [...AWS.clusterLogging] } },
    managedNodeGroups: [nodegroup(config, config.pools.services), nodegroup(config, config.pools.workspaces)],
  };
  if (config.network === 'vpc-cni') {
    // Without Calico, `max-pods` IPs per node come from prefix delegation in the AWS VPC CNI.
    doc.addons = [
      {
        name: 'vpc-cni',
        configurationValues: JSON.stringify({ env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1' } }),
      },
    ];
  }
  return doc;
}

/** The ClusterConfig as YAML; when the version is still unresolved a comment says so. */
export function clusterConfigYaml(config: Config, doc: ClusterConfigDoc): string {
  const body = stringify(doc, { lineWidth: 0 });
  if (doc.metadata.version) return body;
  return (
    `# metadata.version is resolved through the EKS API at apply time (kubernetes-version: ${config.kubernetesVersion}).\n` +
    body
  );
}

const MINUTE = 60_000;

export function awsSteps(config: Config, facts: AwsFacts): StepSpec<AwsStepId>[] {
  const file = eksctlConfigFile(config);
  const version = facts.version ?? config.kubernetesVersion;
  const calico = config.network === 'calico';
  const ng = [config.pools.services.name, config.pools.workspaces.name].join(', ');
  const steps: StepSpec<AwsStepId>[] = [
    {
      id: 'cluster',
      description: `EKS control plane ${config.clusterName} in ${config.region}, Kubernetes ${version}, without nodegroups`,
      argv: ['eksctl', 'create', 'cluster', `--config-file=${file}`, '--without-nodegroup', '--write-kubeconfig=false'],
      timeoutMs: 40 * MINUTE,
    },
    {
      id: 'kubeconfig',
      description: `Kubeconfig for ${config.clusterName} written to ${config.kubeconfigPath} (mode 0600), KUBECONFIG exported`,
      api: 'EKS DescribeCluster for the endpoint and CA certificate; credentials from `aws eks get-token`',
      timeoutMs: 2 * MINUTE,
    },
    {
      id: 'kube-system',
      description: 'Wait until the API server answers and kube-system is listable',
      api: 'Kubernetes API: list pods in kube-system, retried until it answers',
      timeoutMs: 10 * MINUTE,
    },
  ];
  if (calico) {
    steps.push(
      {
        id: 'remove-aws-node',
        description: 'Remove the AWS VPC CNI daemonset kube-system/aws-node (absent is fine)',
        api: 'Kubernetes API: delete apps/v1 DaemonSet kube-system/aws-node when present',
        timeoutMs: 5 * MINUTE,
      },
      {
        id: 'tigera-operator',
        description: `Tigera operator of Calico ${calicoVersion(config)}`,
        api: `Kubernetes API: create or patch each object of ${calicoManifestUrl(config)} that is missing or differs`,
        timeoutMs: 10 * MINUTE,
      },
      {
        id: 'calico-installation',
        description: 'Calico Installation `default` (kubernetesProvider EKS, Calico CNI, BGP disabled)',
        api: 'Kubernetes API: create or patch operator.tigera.io/v1 Installation default when missing or different',
        timeoutMs: 5 * MINUTE,
      },
      {
        id: 'calico-ready',
        description: 'Wait until Calico is ready',
        api: 'Kubernetes API: wait for the calico-system DaemonSet calico-node to be rolled out and TigeraStatus calico Available',
        timeoutMs: 15 * MINUTE,
      },
    );
  }
  steps.push({
    id: 'nodegroups',
    description: `Managed nodegroups ${ng} (existing nodegroups are left alone)`,
    argv: ['eksctl', 'create', 'nodegroup', `--config-file=${file}`],
    timeoutMs: 40 * MINUTE,
  });
  return steps;
}
