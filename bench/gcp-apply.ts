/**
 * GKE apply benchmark (run by hand, not by CI). Against the same FAKE GKE / IAM / Resource Manager /
 * Service Usage APIs and FAKE Kubernetes API the tests use, with this machine's REAL gcloud, it times
 *   1. the reference document's own GCP command sequence, its exact commands (variables filled in,
 *      gcloud pointed at the fakes through CLOUDSDK_* variables only), kubectl included;
 *   2. the same sequence again on the built cluster (it is not re-runnable: how many commands fail);
 *   3. the action's first apply (applyFlow) on an empty project;
 *   4. the action's re-apply on the built cluster (nothing to do).
 * and reports, side by side, gcloud processes started and wall time (median of the runs).
 *
 *   npm run bench:gcp -- [runs]          (default: 3 runs)
 *
 * The script compiles this file and what it imports with tsc into .tmp/bench-gcp, then runs it with
 * Node 24 from the devDependencies. Tool installation is a cache hit (pre-seeded), as on a runner image
 * that ships gcloud.
 */
import path from 'node:path';
import { applyFlow } from '../src/providers/gcp/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { execArgv } from '../src/exec.js';
import { fakeIO } from '../__tests__/fixtures.js';
import { type GcpWorld, gcpWorld } from '../__tests__/fakes/gcp-world.js';

const runs = Number(process.argv[2] ?? 3);

/** The reference document's GCP commands, in order, with its shell variables filled in. */
function referenceCommands(project: string, account: () => string): string[][] {
  const GKE_SA = 'gitpod-gke';
  const GKE_SA_EMAIL = `${GKE_SA}@${project}.iam.gserviceaccount.com`;
  const CLUSTER_NAME = 'gitpod';
  const REGION = 'us-central1';
  const GKE_VERSION = '1.21.11-gke.900';
  const roles = [
    'roles/storage.admin',
    'roles/logging.logWriter',
    'roles/monitoring.metricWriter',
    'roles/container.admin',
  ];
  const pool = (name: string, machine: string, labels: string) => [
    'gcloud',
    'container',
    'node-pools',
    'create',
    name,
    `--cluster=${CLUSTER_NAME}`,
    '--disk-type=pd-ssd',
    '--disk-size=100GB',
    '--image-type=UBUNTU_CONTAINERD',
    `--machine-type=${machine}`,
    '--num-nodes=1',
    '--no-enable-autoupgrade',
    '--enable-autorepair',
    '--enable-autoscaling',
    '--metadata',
    'disable-legacy-endpoints=true',
    '--scopes=gke-default,https://www.googleapis.com/auth/ndev.clouddns.readwrite',
    `--node-labels=${labels}`,
    '--max-pods-per-node=110',
    '--min-nodes=1',
    '--max-nodes=50',
    `--region=${REGION}`,
  ];
  // prettier-ignore
  return [
    ['gcloud', 'iam', 'service-accounts', 'create', GKE_SA, '--display-name', GKE_SA],
    ...roles.map((role) => ['gcloud', 'projects', 'add-iam-policy-binding', project, '--member', `serviceAccount:${GKE_SA_EMAIL}`, `--role=${role}`]),
    ['gcloud', 'container', 'clusters', 'create', CLUSTER_NAME,
      '--disk-type=pd-ssd', '--disk-size=50GB', '--image-type=UBUNTU_CONTAINERD', '--machine-type=e2-standard-2',
      `--cluster-version=${GKE_VERSION}`, `--region=${REGION}`, '--service-account', GKE_SA_EMAIL, '--num-nodes=1',
      '--no-enable-basic-auth', '--enable-autoscaling', '--enable-autorepair', '--no-enable-autoupgrade',
      '--enable-ip-alias', '--enable-network-policy', '--create-subnetwork', `name=gitpod-${CLUSTER_NAME}`,
      '--metadata=disable-legacy-endpoints=true', '--max-pods-per-node=110', '--default-max-pods-per-node=110',
      '--min-nodes=0', '--max-nodes=1', '--addons=HorizontalPodAutoscaling,NodeLocalDNS,NetworkPolicy'],
    ['gcloud', '--quiet', 'container', 'node-pools', 'delete', 'default-pool', `--cluster=${CLUSTER_NAME}`, `--region=${REGION}`],
    pool('workload-services', 'n2d-standard-8', 'gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_workspace_services=true'),
    pool('workload-workspaces', 'n2d-standard-16', 'gitpod.io/workload_workspace_regular=true,gitpod.io/workload_workspace_headless=true'),
    ['gcloud', 'container', 'clusters', 'get-credentials', `--region=${REGION}`, CLUSTER_NAME],
    ['gcloud', 'config', 'get-value', 'core/account'],
    // `--user="$(gcloud config get-value core/account)"`: filled in from the command before.
    ['kubectl', 'create', 'clusterrolebinding', 'cluster-admin-binding', '--clusterrole=cluster-admin', `--user=${account()}`],
  ];
}

interface Figure {
  ms: number;
  gcloud: number;
  failed: number;
}

async function referenceSequence(w: GcpWorld): Promise<Figure> {
  // kubectl talks to the FAKE Kubernetes API (get-credentials points at the fake cluster's unroutable IP).
  const kubeconfig = await w.kube.writeKubeconfig(path.join(w.dir, 'kubectl'));
  const env = { ...w.env, KUBECONFIG: path.join(w.dir, 'gcloud.kubeconfig') };
  let account = '';
  const before = w.gcloudCalls().length;
  let failed = 0;
  const started = performance.now();
  for (const argv of referenceCommands(w.gcp.opts.project, () => account)) {
    const isKubectl = argv[0] === 'kubectl';
    const cmd = [isKubectl ? w.kubectlBin : w.gcloudBin, ...argv.slice(1)];
    try {
      const res = await execArgv(cmd, { env: isKubectl ? { ...env, KUBECONFIG: kubeconfig } : env, silent: true });
      if (argv.includes('core/account')) account = res.stdout.trim() || res.stderr.trim();
    } catch (err) {
      failed++;
      console.error(
        `reference command failed: ${argv.slice(0, 5).join(' ')} …: ${(err as Error).message.slice(0, 240)}`,
      );
    }
  }
  return { ms: performance.now() - started, gcloud: w.gcloudCalls().length - before, failed };
}

async function actionApply(w: GcpWorld): Promise<Figure> {
  const config = w.config();
  const before = w.gcloudCalls().length;
  const started = performance.now();
  w.activate();
  let failed = 0;
  try {
    await applyFlow(config, fakeIO(), {
      env: w.env,
      connectKube: (a, log) =>
        connectKube({ ...a, server: w.kube.url, caData: undefined, insecureSkipTlsVerify: true }, log),
    });
  } catch (err) {
    failed = 1;
    console.error(`apply failed: ${(err as Error).message}`);
  }
  return { ms: performance.now() - started, gcloud: w.gcloudCalls().length - before, failed };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const rows: Record<string, Figure[]> = {
    'reference sequence, empty project': [],
    'reference sequence, re-run': [],
    'action apply, empty project': [],
    'action re-apply (no-op)': [],
  };
  for (let i = 0; i < runs; i++) {
    const ref = await gcpWorld();
    try {
      rows['reference sequence, empty project']!.push(await referenceSequence(ref));
      rows['reference sequence, re-run']!.push(await referenceSequence(ref));
    } finally {
      await ref.close();
    }
    const act = await gcpWorld();
    try {
      rows['action apply, empty project']!.push(await actionApply(act));
      rows['action re-apply (no-op)']!.push(await actionApply(act));
    } finally {
      await act.close();
    }
  }
  const refMs = median(rows['reference sequence, empty project']!.map((f) => f.ms));
  console.log(`\nGKE apply against the FAKE APIs, real gcloud, median of ${runs} run(s):\n`);
  console.log('| flow | gcloud processes | commands failed | wall time | vs reference |');
  console.log('|---|---|---|---|---|');
  for (const [name, figures] of Object.entries(rows)) {
    const ms = median(figures.map((f) => f.ms));
    console.log(
      `| ${name} | ${median(figures.map((f) => f.gcloud))} | ${median(figures.map((f) => f.failed))} | ${(ms / 1000).toFixed(2)} s | ${((100 * ms) / refMs).toFixed(0)} % |`,
    );
  }
}

await main();
