/**
 * The reference architecture pinned by hand-written literals, not read back from src/reference.ts: the
 * exact gcloud argv of the default GKE plan (inputs: provider and project only), the four project roles
 * of the nodes' service account and the scopes, and the eksctl ClusterConfig of the default EKS plan
 * (input: provider only), every field of the reference document's gitpod-cluster.yaml and what 2026 changes
 * (README, "reference value → our default → why"). A change to the reference data or to the flow that
 * changes what runs against the cloud fails here, whatever the other tests derive from `reference.ts`.
 */
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { planFlow } from '../src/commands/plan.js';
import { configOf } from './fixtures.js';

const P = 'my-project-123';
const SA = `gitpod-gke@${P}.iam.gserviceaccount.com`;
const SCOPES = '--scopes=gke-default,https://www.googleapis.com/auth/ndev.clouddns.readwrite';

function defaultGkePlan() {
  return planFlow(configOf({ provider: 'gcp', project: P, command: 'plan' })).steps;
}

function argvOf(id: string): readonly string[] | undefined {
  return defaultGkePlan().find((s) => s.id === id)?.argv;
}

/** The node-pool create of the default plan, with the labels it must carry. */
function poolCreate(name: string, machineType: string, labels: string): string[] {
  return [
    'gcloud',
    'container',
    'node-pools',
    'create',
    name,
    '--cluster=gitpod',
    `--project=${P}`,
    '--region=us-central1',
    `--machine-type=${machineType}`,
    '--disk-type=pd-ssd',
    '--disk-size=100',
    '--image-type=UBUNTU_CONTAINERD',
    '--num-nodes=1',
    '--enable-autoscaling',
    '--min-nodes=1',
    '--max-nodes=50',
    '--enable-autorepair',
    '--metadata=disable-legacy-endpoints=true',
    SCOPES,
    `--service-account=${SA}`,
    `--node-labels=${labels}`,
    '--max-pods-per-node=110',
  ];
}

describe('the default GKE plan, pinned', () => {
  it('creates the nodes’ service account', () => {
    expect(argvOf('service-account')).toEqual([
      'gcloud',
      'iam',
      'service-accounts',
      'create',
      'gitpod-gke',
      '--display-name=gitpod-gke',
      `--project=${P}`,
    ]);
  });

  it('binds the four project roles of the reference document', () => {
    const step = defaultGkePlan().find((s) => s.id === 'iam-roles')!;
    expect(step.description).toBe(
      `Project roles for ${SA}: roles/storage.admin, roles/logging.logWriter, roles/monitoring.metricWriter, roles/container.admin`,
    );
    expect(step.request).toEqual({
      method: 'POST',
      host: 'cloudresourcemanager.googleapis.com',
      path: `/v1/projects/${P}:setIamPolicy`,
      body: {
        policy: {
          version: '<the version getIamPolicy returned>',
          etag: '<the etag getIamPolicy returned>',
          bindings: [
            '<every other binding getIamPolicy returned, unchanged>',
            ...[
              'roles/storage.admin',
              'roles/logging.logWriter',
              'roles/monitoring.metricWriter',
              'roles/container.admin',
            ].map((role) => ({
              role,
              members: ['<the members getIamPolicy returned for this role>', `serviceAccount:${SA}`],
            })),
          ],
        },
      },
    });
  });

  it('creates the regional cluster with both pools in one clusters.create: regular channel, add-ons, network policy', () => {
    const step = defaultGkePlan().find((s) => s.id === 'cluster')!;
    expect(step.argv).toBeUndefined();
    const pool = (name: string, machineType: string, labels: Record<string, string>) => ({
      name,
      initialNodeCount: 1,
      autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 50 },
      management: { autoRepair: true, autoUpgrade: true },
      maxPodsConstraint: { maxPodsPerNode: '110' },
      upgradeSettings: { maxSurge: 1 },
      config: {
        machineType,
        diskType: 'pd-ssd',
        diskSizeGb: 100,
        imageType: 'UBUNTU_CONTAINERD',
        labels,
        metadata: { 'disable-legacy-endpoints': 'true' },
        oauthScopes: [
          'https://www.googleapis.com/auth/cloud-platform',
          'https://www.googleapis.com/auth/ndev.clouddns.readwrite',
          'https://www.googleapis.com/auth/userinfo.email',
        ],
        serviceAccount: SA,
      },
    });
    expect(step.request).toEqual({
      method: 'POST',
      host: 'container.googleapis.com',
      path: `/v1/projects/${P}/locations/us-central1/clusters`,
      body: {
        cluster: {
          name: 'gitpod',
          initialClusterVersion: 'latest',
          releaseChannel: { channel: 'REGULAR' },
          addonsConfig: {
            dnsCacheConfig: { enabled: true },
            horizontalPodAutoscaling: { disabled: false },
            httpLoadBalancing: { disabled: true },
            kubernetesDashboard: { disabled: true },
            networkPolicyConfig: { disabled: false },
          },
          networkPolicy: { enabled: true, provider: 'CALICO' },
          ipAllocationPolicy: { useIpAliases: true, createSubnetwork: true, subnetworkName: 'gitpod-gitpod' },
          defaultMaxPodsConstraint: { maxPodsPerNode: '110' },
          nodePools: [
            pool('workload-services', 'n2d-standard-8', {
              'gitpod.io/workload_meta': 'true',
              'gitpod.io/workload_ide': 'true',
              'gitpod.io/workload_services': 'true',
            }),
            pool('workload-workspaces', 'n2d-standard-16', {
              'gitpod.io/workload_workspace_services': 'true',
              'gitpod.io/workload_workspace_regular': 'true',
              'gitpod.io/workload_workspace_headless': 'true',
            }),
          ],
        },
      },
    });
  });

  it('deletes a default pool it finds (gcloud’s and the reference’s commands make one)', () => {
    expect(argvOf('default-pool')).toEqual([
      'gcloud',
      '--quiet',
      'container',
      'node-pools',
      'delete',
      'default-pool',
      '--cluster=gitpod',
      `--project=${P}`,
      '--region=us-central1',
    ]);
  });

  // The contract's services pool carries the sixth label, gitpod.io/workload_services=true (#13).
  it('creates the services pool with its three labels (six in all: the contract’s table)', () => {
    expect(argvOf('services-pool')).toEqual(
      poolCreate(
        'workload-services',
        'n2d-standard-8',
        'gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true',
      ),
    );
  });

  it('creates the workspaces pool with its three labels', () => {
    expect(argvOf('workspaces-pool')).toEqual(
      poolCreate(
        'workload-workspaces',
        'n2d-standard-16',
        'gitpod.io/workload_workspace_services=true,gitpod.io/workload_workspace_regular=true,gitpod.io/workload_workspace_headless=true',
      ),
    );
  });

  it('gives both pools the default scopes and Cloud DNS read-write (cert-manager’s DNS-01)', () => {
    for (const id of ['services-pool', 'workspaces-pool']) expect(argvOf(id)).toContain(SCOPES);
  });

  it('starts no CLI for the cluster, the kubeconfig, the cluster-admin binding and the record of the desired state', () => {
    const steps = defaultGkePlan();
    expect(steps.map((s) => [s.id, s.argv ? 'cli' : s.request ? 'request' : 'api'])).toEqual([
      ['service-account', 'cli'],
      ['iam-roles', 'request'],
      ['cluster', 'request'],
      ['default-pool', 'cli'],
      ['services-pool', 'cli'],
      ['workspaces-pool', 'cli'],
      ['kubeconfig', 'api'],
      ['cluster-admin-binding', 'api'],
      ['record-desired-state', 'api'],
    ]);
  });

  it('runs the three node-pool steps at the same time', () => {
    expect(defaultGkePlan().map((s) => s.concurrent)).toEqual([
      undefined,
      undefined,
      undefined,
      'node-pools',
      'node-pools',
      'node-pools',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

/** The ClusterConfig of the default EKS plan, as eksctl is given it (metadata.version resolved at apply). */
const DEFAULT_EKS_CLUSTER_CONFIG = `# metadata.version is resolved through the EKS API at apply time (kubernetes-version: latest).
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: gitpod
  region: eu-west-1
  tags:
    department: cs
    project: gitpod
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: aws-load-balancer-controller
        namespace: kube-system
      wellKnownPolicies:
        awsLoadBalancerController: true
    - metadata:
        name: ebs-csi-controller-sa
        namespace: kube-system
      wellKnownPolicies:
        ebsCSIController: true
    - metadata:
        name: cluster-autoscaler
        namespace: kube-system
      wellKnownPolicies:
        autoScaler: true
    - metadata:
        name: cert-manager
        namespace: cert-manager
      wellKnownPolicies:
        certManager: true
vpc:
  autoAllocateIPv6: false
  nat:
    gateway: Single
  clusterEndpoints:
    privateAccess: true
    publicAccess: true
  publicAccessCIDRs:
    - 0.0.0.0/0
cloudWatch:
  clusterLogging:
    enableTypes:
      - "*"
upgradePolicy:
  supportType: STANDARD
accessConfig:
  authenticationMode: API_AND_CONFIG_MAP
managedNodeGroups:
  - name: services
    amiFamily: Ubuntu2404
    spot: false
    instanceTypes:
      - m6i.xlarge
    desiredCapacity: 2
    minSize: 1
    maxSize: 4
    maxPodsPerNode: 110
    disableIMDSv1: false
    volumeSize: 300
    volumeType: gp3
    volumeIOPS: 6000
    volumeThroughput: 500
    ebsOptimized: true
    privateNetworking: true
    propagateASGTags: true
    iam:
      attachPolicyARNs:
        - arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly
        - arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy
        - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy
        - arn:aws:iam::aws:policy/ElasticLoadBalancingFullAccess
        - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
    tags:
      k8s.io/cluster-autoscaler/enabled: "true"
      k8s.io/cluster-autoscaler/gitpod: owned
    labels:
      gitpod.io/workload_meta: "true"
      gitpod.io/workload_ide: "true"
      gitpod.io/workload_services: "true"
  - name: workspaces
    amiFamily: Ubuntu2404
    spot: false
    instanceTypes:
      - m6i.2xlarge
    desiredCapacity: 2
    minSize: 1
    maxSize: 10
    maxPodsPerNode: 110
    disableIMDSv1: false
    volumeSize: 300
    volumeType: gp3
    volumeIOPS: 6000
    volumeThroughput: 500
    ebsOptimized: true
    privateNetworking: true
    propagateASGTags: true
    iam:
      attachPolicyARNs:
        - arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly
        - arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy
        - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy
        - arn:aws:iam::aws:policy/ElasticLoadBalancingFullAccess
        - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
    tags:
      k8s.io/cluster-autoscaler/enabled: "true"
      k8s.io/cluster-autoscaler/gitpod: owned
    labels:
      gitpod.io/workload_workspace_services: "true"
      gitpod.io/workload_workspace_regular: "true"
      gitpod.io/workload_workspace_headless: "true"
addonsConfig:
  disableDefaultAddons: true
addons:
  - name: kube-proxy
  - name: coredns
`;

describe('the default EKS plan, pinned', () => {
  const result = planFlow(configOf({ provider: 'aws', command: 'plan' }));

  it('renders exactly the reference ClusterConfig, field for field and in order', () => {
    expect(result.eksctlConfig).toBe(DEFAULT_EKS_CLUSTER_CONFIG);
    expect(parse(result.eksctlConfig!)).toEqual(parse(DEFAULT_EKS_CLUSTER_CONFIG));
  });

  it('creates the control plane without nodegroups, then the nodegroups, from the exact argv', () => {
    const argv = Object.fromEntries(result.steps.filter((s) => s.argv).map((s) => [s.id, s.argv]));
    expect(argv).toEqual({
      cluster: [
        'eksctl',
        'create',
        'cluster',
        '--config-file=/runner/temp/gitpod.eksctl-cluster.yaml',
        '--without-nodegroup',
        '--write-kubeconfig=false',
      ],
      nodegroups: ['eksctl', 'create', 'nodegroup', '--config-file=/runner/temp/gitpod.eksctl.yaml'],
      'service-accounts': [
        'eksctl',
        'create',
        'iamserviceaccount',
        '--config-file=/runner/temp/gitpod.eksctl.yaml',
        '--approve',
      ],
    });
  });
});
