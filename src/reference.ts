/**
 * Gitpod's self-hosted reference architecture, as data.
 *
 * This module is the one place that spells a label, a machine type, a pool name, a role or a cluster
 * flag. `plan`, `apply` and `verify` all read it. The label table of the reference document
 * (`gitpod-reference-architecture-cluster.md`) is the authority for labels: the document's own GCP
 * commands disagree with it, and this action follows the table.
 *
 * Where a reference value no longer works in 2026 the default here differs; each such value is listed
 * in `REFERENCE_DEVIATIONS` and in the README table "reference value → our default → why".
 */

export const PROVIDERS = ['gcp', 'aws'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const POOL_ROLES = ['services', 'workspaces'] as const;
export type PoolRole = (typeof POOL_ROLES)[number];

/** The label table at the top of the reference document. */
export const REFERENCE_LABELS: Readonly<Record<PoolRole, Readonly<Record<string, string>>>> = {
  services: {
    'gitpod.io/workload_meta': 'true',
    'gitpod.io/workload_ide': 'true',
  },
  workspaces: {
    'gitpod.io/workload_workspace_services': 'true',
    'gitpod.io/workload_workspace_regular': 'true',
    'gitpod.io/workload_workspace_headless': 'true',
  },
};

/** A label the action adds to the reference table, and why. */
export interface LabelAddition {
  role: PoolRole;
  key: string;
  value: string;
  why: string;
}

/**
 * Labels added to the reference table so that the cluster serves both generations of Gitpod's installer.
 * The table itself (`REFERENCE_LABELS`) stays as the document has it.
 */
export const LABEL_ADDITIONS: readonly LabelAddition[] = [
  {
    role: 'services',
    key: 'gitpod.io/workload_services',
    value: 'true',
    why:
      "Gitpod's installer renamed the label of ws-manager, ws-proxy and image-builder from `workload_workspace_services` " +
      'to `workload_services` in December 2022, and its `validate cluster` demands it since ' +
      '(install/installer/pkg/cluster/affinity.go, `AffinityListMeta` and `AffinityListWorkspace`); without it those pods stay Pending.',
  },
];

/**
 * The labels each pool carries: the reference table plus `LABEL_ADDITIONS` (six in all). `plan`, `apply`
 * and `verify` read this, never the table alone.
 */
export const POOL_LABELS: Readonly<Record<PoolRole, Readonly<Record<string, string>>>> = Object.fromEntries(
  POOL_ROLES.map((role) => [
    role,
    {
      ...REFERENCE_LABELS[role],
      ...Object.fromEntries(LABEL_ADDITIONS.filter((a) => a.role === role).map((a) => [a.key, a.value])),
    },
  ]),
) as Record<PoolRole, Record<string, string>>;

/** Every label of both pools: a Ready node carrying one of them counts as a Gitpod node. */
export const GITPOD_LABEL_KEYS: readonly string[] = [
  ...new Set(POOL_ROLES.flatMap((role) => Object.keys(POOL_LABELS[role]))),
];

/** Labels compared by the cloud-side drift check: the `gitpod.io/workload_*` family. */
export const GITPOD_LABEL_PREFIX = 'gitpod.io/workload_';

/** Pods per node for every pool of the reference architecture. */
export const REFERENCE_MAX_PODS = 110;

/** Minimum versions that Gitpod's own cluster validation demands. */
export const MINIMUMS = {
  kernel: '5.4',
  kubernetes: '1.21',
  containerRuntime: 'containerd',
} as const;

/**
 * Versions over time (`version-support`, `version-skew` and the upgrades of `apply`): the Kubernetes
 * version skew policy, when an end of support deserves a warning, and what EKS bills per version.
 */
export const VERSION_POLICY = {
  /** kubernetes.io/releases/version-skew-policy: a kubelet may be up to three minors older than the API server, never newer. */
  kubeletMaxMinorsBehind: 3,
  /** A pool (or node) this many minors behind its control plane is a WARNING: one more upgrade and it is out of policy. */
  warnMinorsBehind: 2,
  /** An end of support within this many days is a WARNING. */
  supportWarningDays: 90,
  /**
   * EKS control-plane price, USD per cluster-hour, by support phase (aws.amazon.com/eks/pricing; AWS blog
   * "Amazon EKS extended support for Kubernetes versions pricing": $0.60 in extended support from April 2024).
   */
  eksPricePerClusterHour: { standard: 0.1, extended: 0.6 },
  /** Calico's SECURITY.md: Tigera supports the two most recent minor releases, on a rolling basis. */
  calicoSupportedMinors: 2,
} as const;

/** Sizing of one pool, as the inputs may override it. */
export interface PoolSizing {
  /** Pool (GKE) or nodegroup (EKS) name the action creates; `verify` matches nodes to roles by it. */
  name: string;
  machineType: string;
  minNodes: number;
  maxNodes: number;
}

/** The seed: defaults per provider for everything the inputs can override. */
export interface ProviderSeed {
  /** Region used by `plan` when none is given. */
  region: string;
  diskSizeGb: number;
  pools: Readonly<Record<PoolRole, Readonly<PoolSizing>>>;
}

// ---------------------------------------------------------------------------------------------------
// GCP (GKE, built with gcloud)
// ---------------------------------------------------------------------------------------------------

export const GCP = {
  seed: {
    region: 'us-central1',
    diskSizeGb: 100,
    pools: {
      services: { name: 'workload-services', machineType: 'n2d-standard-8', minNodes: 1, maxNodes: 50 },
      workspaces: { name: 'workload-workspaces', machineType: 'n2d-standard-16', minNodes: 1, maxNodes: 50 },
    },
  } satisfies ProviderSeed,

  /** The service account the cluster's nodes run as, and its project roles. */
  serviceAccount: {
    name: 'gitpod-gke',
    displayName: 'gitpod-gke',
    roles: ['roles/storage.admin', 'roles/logging.logWriter', 'roles/monitoring.metricWriter', 'roles/container.admin'],
  },

  /** Node-pool settings shared by both Gitpod pools. */
  pool: {
    imageType: 'UBUNTU_CONTAINERD',
    diskType: 'pd-ssd',
    /** As the reference's `--scopes` flag names them (the argv of `gcloud container node-pools create`). */
    scopes: ['gke-default', 'https://www.googleapis.com/auth/ndev.clouddns.readwrite'],
    /**
     * The same scopes as the API takes them (`config.oauthScopes`), sorted as gcloud sends them: with a
     * service account gcloud expands `gke-default` to cloud-platform and userinfo.email
     * (googlecloudsdk/api_lib/container/api_adapter.py, `_SERVICE_ACCOUNT_SCOPES`).
     */
    oauthScopes: [
      'https://www.googleapis.com/auth/cloud-platform',
      'https://www.googleapis.com/auth/ndev.clouddns.readwrite',
      'https://www.googleapis.com/auth/userinfo.email',
    ],
    metadata: { 'disable-legacy-endpoints': 'true' },
    autorepair: true,
    /** GKE's default surge upgrade, as gcloud sends it on every pool it creates. */
    maxSurge: 1,
  },

  /**
   * The cluster, created with both Gitpod pools in one `clusters.create` (no default pool). Each value is
   * what the reference's `gcloud container clusters create` flags send, in the API's terms.
   */
  cluster: {
    releaseChannel: 'regular',
    /** The reference's `--addons=HorizontalPodAutoscaling,NodeLocalDNS,NetworkPolicy`: the listed add-ons on, the others gcloud names off. */
    addonsConfig: {
      dnsCacheConfig: { enabled: true },
      horizontalPodAutoscaling: { disabled: false },
      httpLoadBalancing: { disabled: true },
      kubernetesDashboard: { disabled: true },
      networkPolicyConfig: { disabled: false },
    },
    /** `--enable-network-policy`. */
    networkPolicy: { enabled: true, provider: 'CALICO' },
    ipAlias: true,
    /** `--create-subnetwork name=<prefix><cluster-name>` */
    subnetworkPrefix: 'gitpod-',
    /**
     * GKE's default pool, which `gcloud container clusters create` (and so the reference's commands and
     * this action before 1.1) always makes. `apply` makes none; one it finds is deleted.
     */
    defaultPoolName: 'default-pool',
  },

  /** Node label that tells a node's pool. */
  nodePoolLabel: 'cloud.google.com/gke-nodepool',
} as const;

// ---------------------------------------------------------------------------------------------------
// AWS (EKS, built with eksctl, Calico replacing the AWS VPC CNI)
// ---------------------------------------------------------------------------------------------------

/**
 * Calico release whose `tigera-operator.yaml` is applied when `calico-version` is empty: the newest patch
 * of the newest line Tigera supports (3.32; the 3.30 line is out of support). It ships the same two
 * manifests as 3.30 (`operator-crds.yaml`, then `tigera-operator.yaml`); its new `calico-v3-crds.yaml`
 * is for the optional native projectcalico.org/v3 CRD mode, which the reference does not use.
 */
export const DEFAULT_CALICO_VERSION = 'v3.32.1';

export const AWS = {
  seed: {
    region: 'eu-west-1',
    diskSizeGb: 300,
    pools: {
      services: { name: 'services', machineType: 'm6i.xlarge', minNodes: 1, maxNodes: 4 },
      workspaces: { name: 'workspaces', machineType: 'm6i.2xlarge', minNodes: 1, maxNodes: 10 },
    },
  } satisfies ProviderSeed,

  /** `metadata.tags` of the reference ClusterConfig: the default of the `cluster-tags` input. */
  clusterTags: { department: 'cs', project: 'gitpod' },

  /** `eks-support-type` → ClusterConfig `upgradePolicy.supportType` (EKS's own default is EXTENDED). */
  supportTypes: { standard: 'STANDARD', extended: 'EXTENDED' },

  /**
   * With `network: calico` eksctl installs no default add-on (`addonsConfig.disableDefaultAddons`) but
   * these, so the `vpc-cni` add-on never exists to bring aws-node back on an add-on update.
   */
  calicoAddons: ['kube-proxy', 'coredns'],
  /** The EKS add-on of the AWS VPC CNI, which `verify` reports under `network: calico`. */
  vpcCniAddon: 'vpc-cni',

  /** How `apply` needs the cluster to authenticate so that `viewer-role-arns` get EKS access entries. */
  authenticationMode: 'API_AND_CONFIG_MAP',

  /**
   * Read-only Kubernetes access for `viewer-role-arns`: their access entries carry this group, bound to
   * exactly what `verify` reads. Not `AmazonEKSViewPolicy`: that reads every namespace's pods, config
   * maps and events, far more than a drift check needs.
   */
  viewer: {
    group: 'gitpod-cluster-viewer',
    name: 'gitpod-cluster-viewer',
    /** Cluster-wide: the nodes (listed a page at a time), the Calico Installation and TigeraStatus. */
    clusterRules: [
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] },
      { apiGroups: ['operator.tigera.io'], resources: ['installations'], resourceNames: ['default'], verbs: ['get'] },
      { apiGroups: ['operator.tigera.io'], resources: ['tigerastatuses'], resourceNames: ['calico'], verbs: ['get'] },
    ],
    /** In kube-system: the aws-node DaemonSet the network check looks for. */
    namespacedRules: [
      { apiGroups: ['apps'], resources: ['daemonsets'], resourceNames: ['aws-node'], verbs: ['get'] },
      // The desired state apply recorded (src/record.ts), which a drift check reads.
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['gitpod-cluster-action'], verbs: ['get'] },
    ],
  },

  /** Service accounts of the reference ClusterConfig, with their eksctl well-known policies. */
  serviceAccounts: [
    { name: 'aws-load-balancer-controller', namespace: 'kube-system', policy: 'awsLoadBalancerController' },
    { name: 'ebs-csi-controller-sa', namespace: 'kube-system', policy: 'ebsCSIController' },
    { name: 'cluster-autoscaler', namespace: 'kube-system', policy: 'autoScaler' },
    { name: 'cert-manager', namespace: 'cert-manager', policy: 'certManager' },
  ],

  vpc: {
    autoAllocateIPv6: false,
    natGateway: 'Single',
    privateAccess: true,
    publicAccess: true,
    publicAccessCIDRs: ['0.0.0.0/0'],
  },

  clusterLogging: ['*'],

  /** Managed nodegroup settings shared by both Gitpod nodegroups. */
  nodegroup: {
    amiFamily: 'Ubuntu2404',
    /** EKS's own name for what `amiFamily` gives, as DescribeNodegroup reports it (custom AMI by eksctl). */
    amiType: 'CUSTOM',
    spot: false,
    desiredCapacity: 2,
    disableIMDSv1: false,
    volumeType: 'gp3',
    volumeIOPS: 6000,
    volumeThroughput: 500,
    ebsOptimized: true,
    privateNetworking: true,
    propagateASGTags: true,
    attachPolicyARNs: [
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
      'arn:aws:iam::aws:policy/ElasticLoadBalancingFullAccess',
      'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
    ],
  },

  /** Node labels that tell a node's nodegroup. */
  nodegroupLabels: ['eks.amazonaws.com/nodegroup', 'alpha.eksctl.io/nodegroup-name'],

  calico: {
    /** Upstream location of the operator manifest; `{version}` is the Calico release. */
    manifestUrl: 'https://raw.githubusercontent.com/projectcalico/calico/{version}/manifests/tigera-operator.yaml',
    /** Since Calico 3.30 the operator's CRDs are a manifest of their own, applied before the operator's. */
    crdManifestUrl: 'https://raw.githubusercontent.com/projectcalico/calico/{version}/manifests/operator-crds.yaml',
    crdManifestSince: 'v3.30.0',
    /** The Installation of the reference document. */
    installation: {
      apiVersion: 'operator.tigera.io/v1',
      kind: 'Installation',
      metadata: { name: 'default' },
      spec: { kubernetesProvider: 'EKS', cni: { type: 'Calico' }, calicoNetwork: { bgp: 'Disabled' } },
    },
    awsNode: { namespace: 'kube-system', name: 'aws-node' },
    /** What the operator reports once Calico runs on the nodes: TigeraStatus `calico` with Available=True. */
    ready: { apiVersion: 'operator.tigera.io/v1', kind: 'TigeraStatus', name: 'calico', condition: 'Available' },
  },
} as const;

/** The autoscaler tags of a nodegroup follow the cluster name (the reference hard-codes `gitpod`). */
export function autoscalerTags(clusterName: string): Record<string, string> {
  return {
    'k8s.io/cluster-autoscaler/enabled': 'true',
    [`k8s.io/cluster-autoscaler/${clusterName}`]: 'owned',
  };
}

export function seedFor(provider: Provider): ProviderSeed {
  return { gcp: GCP.seed, aws: AWS.seed }[provider];
}

/**
 * Where this action departs from the reference document, and why. The README table is checked against
 * this list by a test.
 */
export const REFERENCE_DEVIATIONS: readonly { reference: string; ours: string; why: string }[] = [
  {
    reference:
      '`gcloud container clusters create` with its default pool, the pool deleted, then each Gitpod pool created (four long operations, one after another)',
    ours: 'one `clusters.create` request with both Gitpod pools and no default pool (`plan` shows the request); the pool steps create only a pool a cluster lacks, both at once',
    why: 'gcloud cannot create a cluster without a default pool; the API can, as Terraform\'s inline `node_pool` does. One long operation instead of four: a first GKE apply is several minutes shorter (README, "What it takes"), and no `e2-standard-2` node is ever billed or counted against `CPUS`.',
  },
  {
    reference: 'Kubernetes `1.21.11-gke.900` (GKE) / `"1.22"` (EKS)',
    ours: '`latest`, resolved through the cloud API at apply time (`plan` shows `latest`)',
    why: 'Both versions left support years ago; neither cloud creates them any more.',
  },
  {
    reference: '`--no-enable-autoupgrade` with "latest from the regular channel"',
    ours: '`--release-channel=regular`, node auto-upgrade left on',
    why: 'GKE refuses to turn auto-upgrade off on a release channel, and clusters without a channel are being retired.',
  },
  {
    reference: '`--no-enable-basic-auth`',
    ours: 'dropped',
    why: 'Basic auth was removed from GKE in 1.19; the flag does nothing on any supported version.',
  },
  {
    reference: '"Max Pods per Node: 10" (cluster table)',
    ours: '110 everywhere (`max-pods` input)',
    why: 'The table contradicts the command beside it (`--max-pods-per-node=110`) and Gitpod needs 110.',
  },
  {
    reference: 'GCP services pool labelled `workload_workspace_services`, workspaces pool without it',
    ours: 'the label table: services `workload_meta`+`workload_ide` (+ `workload_services`, below); workspaces all three `workload_workspace_*`',
    why: 'The document contradicts its own label table; `verify` flags a cluster built with its commands.',
  },
  {
    reference: 'label table: services pool `workload_meta`, `workload_ide`',
    ours: 'services pool also `gitpod.io/workload_services=true` (six labels in all)',
    why: "Gitpod's installer renamed the label of ws-manager, ws-proxy and image-builder to `workload_services` in Dec 2022 and `validate cluster` demands it (install/installer/pkg/cluster/affinity.go).",
  },
  {
    reference: 'node pools without `--service-account`',
    ours: '`--service-account=gitpod-gke@…` on both pools',
    why: 'Without it the pools run as the Compute Engine default service account, not the one the flow creates.',
  },
  {
    reference: '`amiFamily: Ubuntu2004`',
    ours: '`amiFamily: Ubuntu2404`',
    why: 'Canonical publishes no Ubuntu 20.04 EKS images for any Kubernetes version EKS still supports.',
  },
  {
    reference: 'autoscaler tag `k8s.io/cluster-autoscaler/gitpod`',
    ours: '`k8s.io/cluster-autoscaler/<cluster-name>`',
    why: 'The cluster autoscaler discovers nodegroups by the cluster’s own name.',
  },
  {
    reference: '`kubectl create -f …/manifests/tigera-operator.yaml` (unversioned)',
    ours: `the operator manifests of a pinned Calico release (\`${DEFAULT_CALICO_VERSION}\`, the newest patch of a line Tigera supports), applied object by object, writing only what differs`,
    why: 'An unversioned URL changes under a re-run, and `create` fails on the second run; the 3.30 line is out of support.',
  },
  {
    reference:
      '`preBootstrapCommands` editing `/etc/eks/bootstrap.sh` (`USE_MAX_PODS=false`, `CONTAINER_RUNTIME=containerd`)',
    ours: 'none; `maxPodsPerNode` alone sets 110 pods, and `verify` checks `max-pods` on the nodes',
    why: 'They edit the AL2 bootstrap script of 2022: on Ubuntu eksctl already passes `maxPodsPerNode` to the kubelet, and on AmazonLinux2023 (nodeadm, no such file) the `sed` breaks node bootstrap.',
  },
  {
    reference: 'no `upgradePolicy` (EKS puts clusters on extended support)',
    ours: '`upgradePolicy.supportType: STANDARD` (`eks-support-type` input)',
    why: 'Extended support is billed at six times the standard rate; `verify` reports a cluster on another support type, with the command that changes it (eksctl 0.230 has none).',
  },
  {
    reference: "eksctl's default add-ons (vpc-cni, kube-proxy, coredns), aws-node deleted afterwards",
    ours: 'with `network: calico`: `addonsConfig.disableDefaultAddons: true` with the `kube-proxy` and `coredns` add-ons; nodegroups and service accounts created after Calico',
    why: 'A `vpc-cni` add-on brings aws-node back on its next update; eksctl refuses nodegroups and `iam.serviceAccounts` at creation of a cluster without it, so `create cluster` gets the config without them.',
  },
  {
    reference: 'no access for anyone but the cluster creator',
    ours: '`accessConfig.authenticationMode: API_AND_CONFIG_MAP`, and an access entry in the read-only group `gitpod-cluster-viewer` per `viewer-role-arns` role',
    why: 'A scheduled drift check must read nodes without admin rights; the group is bound to what `verify` reads, less than `AmazonEKSViewPolicy`.',
  },
  {
    reference: '`metadata.tags` hard-coded to `department: cs`, `project: gitpod`',
    ours: 'the `cluster-tags` input, those two by default',
    why: 'Another organisation tags its own cost centres.',
  },
];
