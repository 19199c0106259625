/**
 * GKE apply benchmark (run by hand, not by CI). Against the same FAKE GKE / IAM / Resource Manager /
 * Service Usage APIs and FAKE Kubernetes API the tests use, with this machine's REAL gcloud, it times
 *   1. the reference document's own GCP command sequence, its exact commands (variables filled in,
 *      gcloud pointed at the fakes through CLOUDSDK_* variables only), kubectl included;
 *   2. the same sequence again on the built cluster (it is not re-runnable: how many commands fail), and
 *      the sequence with only its version changed to one GKE offers (its 1.21 is refused before any
 *      long operation starts);
 *   3. the action's first apply (applyFlow) on an empty project;
 *   4. the action's re-apply on the built cluster (nothing to do).
 * and reports, side by side, gcloud processes started, wall time (median of the runs), and the long GKE
 * operations each flow ran: how many, how many one after another (operations that overlap in time count
 * once: GKE runs node-pool operations in parallel), and the real minutes they would take, modelled from
 * the durations in `REAL_MINUTES` below.
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
function referenceCommands(project: string, account: () => string, version = '1.21.11-gke.900'): string[][] {
  const GKE_SA = 'gitpod-gke';
  const GKE_SA_EMAIL = `${GKE_SA}@${project}.iam.gserviceaccount.com`;
  const CLUSTER_NAME = 'gitpod';
  const REGION = 'us-central1';
  const GKE_VERSION = version;
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

/**
 * Minutes a long GKE operation takes on real GKE (low–high), for the model: issue #15's figures, from
 * users' reports of regional clusters: "about 13–22 minutes" for the four operations of the reference
 * sequence, "9–15 minutes for a regional create alone". The remaining 4–7 minutes are split between the
 * default pool's deletion (2–3) and each pool's creation (1–2). A `clusters.create` with both pools is
 * modelled as a regional create: its pools' nodes come up within the same operation, as the default
 * pool's do in the reference's create.
 */
const REAL_MINUTES: Record<string, [number, number]> = {
  CREATE_CLUSTER: [9, 15],
  DELETE_NODE_POOL: [2, 3],
  CREATE_NODE_POOL: [1, 2],
};

interface Figure {
  ms: number;
  gcloud: number;
  failed: number;
  /** Long operations the flow started. */
  operations: number;
  /** Of them, one after another: a set of operations that overlap in time counts once. */
  serialized: number;
  /** Modelled real minutes of the serialized operations, low and high. */
  minutes: [number, number];
}

/** The long operations the fake started since `since` (an index into its operations), as the model counts them. */
function longOperations(w: GcpWorld, since: number): Pick<Figure, 'operations' | 'serialized' | 'minutes'> {
  const ops = [...w.gcp.operations.values()]
    .slice(since)
    .map((o) => ({
      type: String(o.op.operationType),
      start: Date.parse(String(o.op.startTime)),
      end: Date.parse(String(o.op.endTime ?? o.op.startTime)),
    }))
    .filter((o) => REAL_MINUTES[o.type])
    .sort((a, b) => a.start - b.start);
  // Waves: operations that overlap in time run at once; the wave takes as long as its longest.
  const waves: { end: number; types: string[] }[] = [];
  for (const op of ops) {
    const last = waves.at(-1);
    if (last && op.start < last.end) {
      last.types.push(op.type);
      last.end = Math.max(last.end, op.end);
    } else waves.push({ end: op.end, types: [op.type] });
  }
  const minutes: [number, number] = [0, 0];
  for (const wave of waves) {
    for (const i of [0, 1] as const) minutes[i] += Math.max(...wave.types.map((t) => REAL_MINUTES[t]![i]));
  }
  return { operations: ops.length, serialized: waves.length, minutes };
}

async function referenceSequence(w: GcpWorld, version?: string): Promise<Figure> {
  // kubectl talks to the FAKE Kubernetes API (get-credentials points at the fake cluster's unroutable IP).
  const kubeconfig = await w.kube.writeKubeconfig(path.join(w.dir, 'kubectl'));
  const env = { ...w.env, KUBECONFIG: path.join(w.dir, 'gcloud.kubeconfig') };
  let account = '';
  const before = w.gcloudCalls().length;
  let failed = 0;
  const ops = w.gcp.operations.size;
  const started = performance.now();
  for (const argv of referenceCommands(w.gcp.opts.project, () => account, version)) {
    const isKubectl = argv[0] === 'kubectl';
    const cmd = [isKubectl ? w.kubectlBin : w.gcloudBin, ...argv.slice(1)];
    try {
      const res = await execArgv(cmd, { env: isKubectl ? { ...env, KUBECONFIG: kubeconfig } : env, silent: true });
      if (argv.includes('core/account')) account = res.stdout.trim() || res.stderr.trim();
    } catch (err) {
      failed++;
      console.error(
        `reference command failed: ${argv.slice(0, 5).join(' ')} …: ${(err as Error).message.replace(/^[^]*?ERROR/, 'ERROR').slice(0, 300)}`,
      );
    }
  }
  return {
    ms: performance.now() - started,
    gcloud: w.gcloudCalls().length - before,
    failed,
    ...longOperations(w, ops),
  };
}

async function actionApply(w: GcpWorld): Promise<Figure> {
  const config = w.config();
  const before = w.gcloudCalls().length;
  const ops = w.gcp.operations.size;
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
  return {
    ms: performance.now() - started,
    gcloud: w.gcloudCalls().length - before,
    failed,
    ...longOperations(w, ops),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const rows: Record<string, Figure[]> = {
    'reference sequence, empty project': [],
    'reference sequence, re-run': [],
    'reference sequence with a version GKE offers (1.33), empty project': [],
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
    // The document's 1.21 is refused before any long operation: its sequence with only the version changed.
    const ref133 = await gcpWorld();
    try {
      rows['reference sequence with a version GKE offers (1.33), empty project']!.push(
        await referenceSequence(ref133, '1.33'),
      );
    } finally {
      await ref133.close();
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
  console.log(
    '| flow | long operations | of them one after another | modelled real minutes | gcloud processes | commands failed | wall time | vs reference |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, figures] of Object.entries(rows)) {
    const ms = median(figures.map((f) => f.ms));
    const m = (i: 0 | 1) => median(figures.map((f) => f.minutes[i]));
    console.log(
      `| ${name} | ${median(figures.map((f) => f.operations))} | ${median(figures.map((f) => f.serialized))} | ${m(0)}–${m(1)} | ${median(figures.map((f) => f.gcloud))} | ${median(figures.map((f) => f.failed))} | ${(ms / 1000).toFixed(2)} s | ${((100 * ms) / refMs).toFixed(0)} % |`,
    );
  }
  console.log(`\nModel (minutes per operation, low–high): ${JSON.stringify(REAL_MINUTES)}`);
}

await main();
