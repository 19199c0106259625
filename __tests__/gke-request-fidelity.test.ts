/**
 * Fidelity of the one GKE request the action sends itself (`clusters.create` with both Gitpod pools) to
 * what the REAL gcloud sends for the reference's commands: this machine's gcloud runs
 * `gcloud container clusters create` and `gcloud container node-pools create` with the flags the flow
 * ran before it went through the API (hand-written here, not taken from src/), against the FAKE GKE API,
 * which records the bodies gcloud sends. The action's request must carry the same settings, field by
 * field: the cluster's (network policy, add-ons, IP allocation, release channel, default max pods,
 * version, locations) against gcloud's `clusters create`, and each pool's (labels, autoscaling,
 * management, maxPodsConstraint, disk, image type, scopes, metadata, service account, locations, surge)
 * against gcloud's `node-pools create`. Fails when they part: when gcloud changes what a flag means, or
 * when the request does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { execArgv } from '../src/exec.js';
import type { Config } from '../src/inputs.js';
import { planFlow } from '../src/commands/plan.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { isGcloud } from './fakes/gcp-api.js';
import type { Inputs } from './fixtures.js';

const VERSION = '1.33.5-gke.1201000';
const SERVICES_LABELS = 'gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true';
const WORKSPACES_LABELS =
  'gitpod.io/workload_workspace_services=true,gitpod.io/workload_workspace_regular=true,gitpod.io/workload_workspace_headless=true';

interface Case {
  name: string;
  inputs: Inputs;
  /** The flags that differ by case, as the user's inputs make them. */
  zones?: string;
  project: string;
  disk: number;
  maxPods: number;
  services: { machine: string; min: number; max: number; labels: string };
  workspaces: { machine: string; min: number; max: number; labels: string };
}

const CASES: Case[] = [
  {
    name: 'the default inputs',
    inputs: {},
    project: 'fake-project',
    disk: 100,
    maxPods: 110,
    services: { machine: 'n2d-standard-8', min: 1, max: 50, labels: SERVICES_LABELS },
    workspaces: { machine: 'n2d-standard-16', min: 1, max: 50, labels: WORKSPACES_LABELS },
  },
  {
    name: 'two zones, other sizes, extra labels, scale-to-zero workspaces',
    inputs: {
      'node-locations': 'us-central1-a,us-central1-b',
      'disk-size-gb': '200',
      'max-pods': '64',
      'services-machine-type': 'n2-standard-8',
      'services-min-nodes': '2',
      'services-max-nodes': '4',
      'workspaces-min-nodes': '0',
      'workspaces-max-nodes': '9',
      'workspaces-extra-labels': 'team=dev',
    },
    zones: 'us-central1-a,us-central1-b',
    project: 'fake-project',
    disk: 200,
    maxPods: 64,
    services: { machine: 'n2-standard-8', min: 2, max: 4, labels: SERVICES_LABELS },
    workspaces: { machine: 'n2d-standard-16', min: 0, max: 9, labels: `${WORKSPACES_LABELS},team=dev` },
  },
];

/** `gcloud container clusters create` as the flow ran it before (with gcloud's default pool). */
function clusterArgv(c: Case): string[] {
  return [
    'container',
    'clusters',
    'create',
    'gitpod',
    `--project=${c.project}`,
    '--region=us-central1',
    ...(c.zones ? [`--node-locations=${c.zones}`] : []),
    `--cluster-version=${VERSION}`,
    '--release-channel=regular',
    '--machine-type=e2-standard-2',
    '--disk-type=pd-ssd',
    '--disk-size=50',
    '--image-type=UBUNTU_CONTAINERD',
    `--service-account=gitpod-gke@${c.project}.iam.gserviceaccount.com`,
    '--num-nodes=1',
    '--enable-autoscaling',
    '--min-nodes=0',
    '--max-nodes=1',
    '--enable-autorepair',
    '--enable-ip-alias',
    '--enable-network-policy',
    '--create-subnetwork=name=gitpod-gitpod',
    '--metadata=disable-legacy-endpoints=true',
    `--max-pods-per-node=${c.maxPods}`,
    `--default-max-pods-per-node=${c.maxPods}`,
    '--addons=HorizontalPodAutoscaling,NodeLocalDNS,NetworkPolicy',
  ];
}

/** `gcloud container node-pools create` of one Gitpod pool, as the flow runs it for a missing pool. */
function poolArgv(c: Case, name: string, p: Case['services']): string[] {
  return [
    'container',
    'node-pools',
    'create',
    name,
    '--cluster=gitpod',
    `--project=${c.project}`,
    '--region=us-central1',
    ...(c.zones ? [`--node-locations=${c.zones}`] : []),
    `--machine-type=${p.machine}`,
    '--disk-type=pd-ssd',
    `--disk-size=${c.disk}`,
    '--image-type=UBUNTU_CONTAINERD',
    `--num-nodes=${Math.min(Math.max(p.min, 1), p.max)}`,
    '--enable-autoscaling',
    `--min-nodes=${p.min}`,
    `--max-nodes=${p.max}`,
    '--enable-autorepair',
    '--metadata=disable-legacy-endpoints=true',
    '--scopes=gke-default,https://www.googleapis.com/auth/ndev.clouddns.readwrite',
    `--service-account=gitpod-gke@${c.project}.iam.gserviceaccount.com`,
    `--node-labels=${p.labels}`,
    `--max-pods-per-node=${c.maxPods}`,
  ];
}

type Json = Record<string, unknown>;

describe.each(CASES)('clusters.create against the real gcloud’s bodies: $name', (c) => {
  let w: GcpWorld;
  let config: Config;
  let gcloudCluster: Json;
  let gcloudPools: Json[];
  let ours: Json;

  beforeAll(async () => {
    w = await gcpWorld();
    config = w.config(c.inputs);
    const env = { ...w.env, KUBECONFIG: path.join(w.dir, 'gcloud.kubeconfig') };
    const run = (args: string[]) => execArgv([w.gcloudBin, ...args], { env, silent: true });
    await run(clusterArgv(c));
    await run(poolArgv(c, 'workload-services', c.services));
    await run(poolArgv(c, 'workload-workspaces', c.workspaces));
    const posts = w.gcp.requests.filter((r) => r.method === 'POST' && r.api === 'container' && isGcloud(r.userAgent));
    expect(posts.map((r) => r.path.replace(/^.*\/locations\/us-central1\//, ''))).toEqual([
      'clusters',
      'clusters/gitpod/nodePools',
      'clusters/gitpod/nodePools',
    ]);
    gcloudCluster = (posts[0]!.body as { cluster: Json }).cluster;
    gcloudPools = posts.slice(1).map((r) => (r.body as { nodePool: Json }).nodePool);
    // The action's request, as `plan` shows it with the version apply resolves.
    const step = planFlow({ ...config, kubernetesVersion: VERSION }).steps.find((s) => s.id === 'cluster')!;
    ours = (step.request!.body as { cluster: Json }).cluster;
  }, 120_000);
  afterAll(async () => w?.close());

  it('gcloud made the cluster with a default pool (what the single request does without)', () => {
    expect((gcloudCluster.nodePools as Json[]).map((p) => p.name)).toEqual(['default-pool']);
    expect((ours.nodePools as Json[]).map((p) => p.name)).toEqual(['workload-services', 'workload-workspaces']);
  });

  const CLUSTER_FIELDS = [
    'name',
    'initialClusterVersion',
    'releaseChannel',
    'locations',
    'addonsConfig',
    'networkPolicy',
    'ipAllocationPolicy',
    'defaultMaxPodsConstraint',
  ];

  it.each(CLUSTER_FIELDS)('cluster field %s is what gcloud sends', (field) => {
    expect(ours[field]).toEqual(gcloudCluster[field]);
  });

  it('the cluster carries no field gcloud does not send, and gcloud none the request lacks', () => {
    const { nodePools: _a, ...gcloudRest } = gcloudCluster;
    const { nodePools: _b, ...oursRest } = ours;
    expect(Object.keys(oursRest).sort()).toEqual(Object.keys(gcloudRest).sort());
    expect(oursRest).toEqual(gcloudRest);
  });

  const POOL_FIELDS = [
    'name',
    'initialNodeCount',
    'locations',
    'autoscaling',
    'management',
    'maxPodsConstraint',
    'upgradeSettings',
    'config.labels',
    'config.machineType',
    'config.diskType',
    'config.diskSizeGb',
    'config.imageType',
    'config.oauthScopes',
    'config.metadata',
    'config.serviceAccount',
  ];
  const at = (o: Json, field: string): unknown =>
    field.split('.').reduce<unknown>((v, k) => (v as Json | undefined)?.[k], o);

  it.each(['workload-services', 'workload-workspaces'].flatMap((pool) => POOL_FIELDS.map((f) => [pool, f])))(
    'pool %s field %s is what gcloud node-pools create sends',
    (pool, field) => {
      const theirs = gcloudPools.find((p) => p.name === pool)!;
      const mine = (ours.nodePools as Json[]).find((p) => p.name === pool)!;
      expect(at(mine, field)).toEqual(at(theirs, field));
    },
  );

  it('each pool is gcloud’s node-pools create body, whole', () => {
    for (const theirs of gcloudPools) {
      expect((ours.nodePools as Json[]).find((p) => p.name === theirs.name)).toEqual(theirs);
    }
  });
});
