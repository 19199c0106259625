/**
 * The reference architecture pinned by hand-written literals, not read back from src/reference.ts: the
 * exact gcloud argv of the default GKE plan (inputs: provider and project only), the four project roles
 * of the nodes' service account and the scopes. A change to the reference data or to the flow that
 * changes what runs against the cloud fails here, whatever the other tests derive from `reference.ts`.
 */
import { describe, expect, it } from '@jest/globals';
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
  });

  it('creates the regional cluster on the regular channel with its add-ons and network policy', () => {
    expect(argvOf('cluster')).toEqual([
      'gcloud',
      'container',
      'clusters',
      'create',
      'gitpod',
      `--project=${P}`,
      '--region=us-central1',
      '--cluster-version=latest',
      '--release-channel=regular',
      '--machine-type=e2-standard-2',
      '--disk-type=pd-ssd',
      '--disk-size=50',
      '--image-type=UBUNTU_CONTAINERD',
      `--service-account=${SA}`,
      '--num-nodes=1',
      '--enable-autoscaling',
      '--min-nodes=0',
      '--max-nodes=1',
      '--enable-autorepair',
      '--enable-ip-alias',
      '--enable-network-policy',
      '--create-subnetwork=name=gitpod-gitpod',
      '--metadata=disable-legacy-endpoints=true',
      '--max-pods-per-node=110',
      '--default-max-pods-per-node=110',
      '--addons=HorizontalPodAutoscaling,NodeLocalDNS,NetworkPolicy',
    ]);
  });

  it('deletes the temporary default pool', () => {
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

  it('starts no CLI for the kubeconfig, the cluster-admin binding and the record of the desired state', () => {
    const steps = defaultGkePlan();
    expect(steps.map((s) => [s.id, !!s.argv])).toEqual([
      ['service-account', true],
      ['iam-roles', false],
      ['cluster', true],
      ['default-pool', true],
      ['services-pool', true],
      ['workspaces-pool', true],
      ['kubeconfig', false],
      ['cluster-admin-binding', false],
      ['record-desired-state', false],
    ]);
  });
});
