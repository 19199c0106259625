/**
 * Cancellation, proven on the bundle as a runner runs it (dist/index.js in a child process, see
 * support/run-bundle.ts) against the loopback worlds of support/bundle-worlds.ts: GitHub cancels a step by
 * sending the action's process (not its children) SIGINT, SIGTERM 7.5 s later, then SIGKILL.
 *
 * In the middle of a long wait (the action waiting on the `clusters.create` operation the FAKE GKE API
 * holds RUNNING, with the REAL gcloud installed; the eksctl TEST STAND-IN held by the FAKE EKS API while it creates the cluster; a download from
 * a stalling FAKE download server) the signal must: end the run within a bounded time with exit code 1 and
 * exactly one `::error::` line naming the cause and the step; leave no process of the run behind (every
 * descendant of the action, found in /proc when the signal is sent, is gone); write the `plan` output and the
 * job summary with the steps done before, the step cut short as failed, the rest planned. A re-run then
 * waits for what the cloud goes on doing (GKE's operation, EKS's CREATING cluster) and finishes the job,
 * with no duplicate, and `verify` passes.
 *
 * CANCEL_FIGURES=<file> appends the measured figures (signal to exit, processes stopped) to that file.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { EKSCTL_PINNED } from '../src/tools/eksctl.js';
import { KUBECTL_PINNED } from '../src/tools/kubectl.js';
import type { StepRecord } from '../src/steps.js';
import { DownloadServer } from './fakes/download-server.js';
import { type AwsBundleWorld, type GcpBundleWorld, awsBundleWorld, gcpBundleWorld } from './support/bundle-worlds.js';
import { type BundleRun, type RunningAction, startAction } from './support/run-bundle.js';

/** How long a cancelled run may take to end: the 5 s kill grace, the report, and slack for a busy machine. */
const EXIT_BOUND_MS = 20_000;
/** GitHub's SIGTERM comes this long after its SIGINT. */
const RUNNER_SIGTERM_AFTER_MS = 7_500;

const figures: string[] = [];
/** The checkouts of this file's runs (a copy of dist/ each), removed at the end. */
const checkouts: string[] = [];
afterAll(() => {
  if (process.env.CANCEL_FIGURES) appendFileSync(process.env.CANCEL_FIGURES, `${figures.join('\n')}\n`);
  for (const dir of checkouts) rmSync(dir, { recursive: true, force: true });
});

/** `apply` through the bundle, as a runner starts it. */
function apply(inputs: Record<string, string>, env: Record<string, string>): RunningAction {
  const running = startAction({ ...inputs, command: 'apply' }, env);
  checkouts.push(running.dir);
  return running;
}

// --- processes -----------------------------------------------------------------------------------------

/** ppid of every process, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      map.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

/** Every process below `root` (children, grandchildren …). */
function descendants(root: number): number[] {
  const ppid = parents();
  const out: number[] = [];
  for (let i = -1; i < out.length; i++) {
    const of = i < 0 ? root : out[i]!;
    for (const [pid, parent] of ppid) if (parent === of) out.push(pid);
  }
  return out;
}

/**
 * A process exists (kill 0 does not throw ESRCH) and is not a zombie: an orphan that exited stays a zombie
 * on this machine, whose PID 1 does not reap, yet it runs nothing.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The processes of `pids` still alive after a short bounded wait (an orphan is reaped by init). */
async function survivors(pids: readonly number[]): Promise<number[]> {
  for (let i = 0; i < 50 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

// --- a run and its report --------------------------------------------------------------------------------

interface Cancelled {
  run: BundleRun;
  /** From the first signal to the end of the process. */
  ms: number;
  /** The action's descendants when the first signal was sent. */
  killed: number[];
}

/** Sends the signals as the runner does (to the action's process only), each after its delay; awaits the end. */
async function cancel(running: RunningAction, signals: [NodeJS.Signals, number][]): Promise<Cancelled> {
  const pid = running.child.pid!;
  const killed = descendants(pid);
  const t0 = Date.now();
  let ended = false;
  const timers = signals.map(([sig, after]) =>
    setTimeout(() => {
      try {
        if (!ended) process.kill(pid, sig);
      } catch {
        // ended between the check and the signal: the signal had nothing left to reach
      }
    }, after),
  );
  let bound: NodeJS.Timeout | undefined;
  const run = await Promise.race([
    running.done,
    new Promise<never>((_, reject) => {
      bound = setTimeout(() => {
        running.child.kill('SIGKILL');
        reject(new Error(`the run did not end within ${EXIT_BOUND_MS} ms of ${signals[0]![0]}:\n${running.stdout()}`));
      }, EXIT_BOUND_MS);
    }),
  ]).finally(() => {
    ended = true;
    clearTimeout(bound);
    for (const t of timers) clearTimeout(t);
  });
  return { run, ms: Date.now() - t0, killed };
}

const errorLines = (run: BundleRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));

function plan(run: BundleRun): StepRecord[] {
  const text = run.outputs().plan;
  if (!text) throw new Error(`no plan output:\n${run.stdout}`);
  return JSON.parse(text) as StepRecord[];
}

const statuses = (records: readonly StepRecord[]) => records.map((r) => `${r.id}: ${r.status}`);

/** The steps table of the job summary: `id: status` per row, in order. */
function summarySteps(run: BundleRun): string[] {
  const icon: Record<string, string> = { '✅ done': 'done', '⏭️ skipped': 'skipped', '❌ failed': 'failed' };
  return run
    .summary()
    .split('\n')
    .filter((l) => /^\| \d+ \| \*\*/.test(l))
    .map((l) => {
      const cells = l.split(' | ');
      const id = /\*\*(.+?)\*\*/.exec(cells[1]!)![1];
      const status = cells.at(-1)!.replace(/ \|$/, '');
      const key = Object.keys(icon).find((k) => status.startsWith(k));
      return `${id}: ${key ? icon[key] : 'planned'}`;
    });
}

/**
 * The asserts every cancelled run shares: bounded end, one error line, nothing left running. `children`:
 * whether the run had a process of its own at the signal (a CLI, a download), or waited itself (an API).
 */
async function expectCleanCancel(c: Cancelled, message: RegExp, children = true) {
  expect(c.run.signal).toBeNull(); // it ended by itself, not by a signal's default action
  expect(c.run.status).toBe(1);
  expect(errorLines(c.run)).toEqual([expect.stringMatching(message)]);
  expect(c.run.stdout + c.run.stderr).not.toMatch(/\bat .*\.js:\d+|Unhandled|ERR_/);
  if (children) expect(c.killed.length).toBeGreaterThan(0);
  expect(await survivors(c.killed)).toEqual([]);
}

async function kubectlNodes(w: GcpBundleWorld | AwsBundleWorld, run: BundleRun): Promise<string[]> {
  const { stdout } = await promisify(execFile)('kubectl', ['get', 'nodes', '-o', 'name'], { env: w.stepEnv(run) });
  return stdout.split('\n').filter(Boolean);
}

// --- GKE -------------------------------------------------------------------------------------------------

const GKE_AFTER = [
  'default-pool',
  'services-pool',
  'workspaces-pool',
  'kubeconfig',
  'cluster-admin-binding',
  'record-desired-state',
];

describe('cancelling a GKE apply while it waits on the cluster operation (real gcloud installed, FAKE GKE API)', () => {
  const cases: [string, [NodeJS.Signals, number][]][] = [
    ['SIGINT', [['SIGINT', 0]]],
    ['SIGTERM', [['SIGTERM', 0]]],
    // The runner's order: the wait stops at once, so the run has ended before the runner's SIGTERM is due.
    [
      'SIGINT, then the runner’s SIGTERM 7.5 s later',
      [
        ['SIGINT', 0],
        ['SIGTERM', RUNNER_SIGTERM_AFTER_MS],
      ],
    ],
  ];

  it.each(cases)(
    '%s: the wait stops, the report says what was done, and a re-run waits for the operation and finishes',
    async (name, signals) => {
      const w = await gcpBundleWorld();
      try {
        const hold = w.gcp.holdNext('CREATE_CLUSTER');
        const first = apply(w.inputs, w.env);
        const operation = await hold.started;
        // The action's own clusters.create started it, and the action waits on it: no gcloud runs.
        await first.waitForLine(
          new RegExp(`Waiting for GKE operation ${operation} \\(CREATE_CLUSTER on clusters/gitpod\\)`),
        );
        expect(w.gcloudCalls().filter((l) => l.startsWith('container clusters create'))).toEqual([]);

        const c = await cancel(first, signals);
        const sig = signals[0]![0];
        await expectCleanCancel(
          c,
          new RegExp(
            `^::error::gitpod-cluster-action failed: cancelled by ${sig} during step 'cluster' \\(Regional GKE cluster gitpod .*\\); done before: service-account, iam-roles; re-run to finish$`,
          ),
          false,
        );
        figures.push(`GKE ${name}: exit ${c.ms} ms after ${sig}; ${c.killed.length} process(es) stopped`);
        if (signals.length > 1) expect(c.ms).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);

        const records = plan(c.run);
        expect(statuses(records)).toEqual([
          'service-account: done',
          'iam-roles: done',
          'cluster: failed',
          ...GKE_AFTER.map((id) => `${id}: planned`),
        ]);
        expect(records[2]!.detail).toBe(`cancelled by ${sig}`);
        expect(summarySteps(c.run)).toEqual(statuses(records));
        expect(c.run.summary()).toContain(`❌ failed: cancelled by ${sig}`);
        expect(c.run.outputs().verified).toBeUndefined();

        // GKE goes on creating server-side: the operation this run started is still RUNNING.
        expect(w.gcp.operations.get(operation)!.op.status).toBe('RUNNING');
        hold.release();

        const again = await apply(w.inputs, w.env).done;
        expect(errorLines(again)).toEqual([]);
        expect(again.status).toBe(0);
        expect(again.stdout).toContain(`Waiting for GKE operation ${operation} (CREATE_CLUSTER on clusters/gitpod)`);
        // The pools came with the cluster: their steps find them.
        expect(statuses(plan(again))).toEqual([
          'service-account: skipped',
          'iam-roles: skipped',
          'cluster: skipped',
          ...GKE_AFTER.map((id) => `${id}: ${id.endsWith('pool') ? 'skipped' : 'done'}`),
        ]);
        expect(again.outputs().verified).toBe('true');
        // One cluster, created once: the re-run waited instead of creating another.
        expect([...w.gcp.clusters.keys()]).toEqual(['projects/fake-project/locations/us-central1/clusters/gitpod']);
        expect(w.gcp.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/clusters'))).toHaveLength(1);
        // A later step of the job reaches the cluster with the kubeconfig (TLS against the cluster CA, the auth plugin).
        expect(await kubectlNodes(w, again)).toEqual([
          'node/gke-gitpod-workload-services-0',
          'node/gke-gitpod-workload-workspaces-0',
        ]);
      } finally {
        await w.close();
      }
    },
    150_000,
  );
});

// --- EKS -------------------------------------------------------------------------------------------------

const EKS_AFTER = [
  'kubeconfig',
  'kube-system',
  'remove-aws-node',
  'tigera-operator',
  'calico-installation',
  'calico-ready',
  'nodegroups',
  'nodegroup-labels',
  'nodegroup-scaling',
  'service-accounts',
  'record-desired-state',
];

describe('cancelling an EKS apply while eksctl creates the cluster (eksctl TEST STAND-IN, FAKE EKS API)', () => {
  it('SIGINT stops the stand-in and its child; a re-run cancelled while it waits stops too; the next one finishes', async () => {
    const w = await awsBundleWorld();
    try {
      const hold = w.eks.holdEksctl('create cluster');
      const first = apply(w.inputs, w.env);
      await hold.started;
      await first.waitForLine(/eksctl TEST STAND-IN: create cluster/);
      const [eksctl] = w.eksctlProcesses();
      expect(eksctl).toMatchObject({ command: 'create cluster' });
      expect([eksctl!.pid, eksctl!.child].every(alive)).toBe(true);

      const c = await cancel(first, [['SIGINT', 0]]);
      await expectCleanCancel(
        c,
        /^::error::gitpod-cluster-action failed: cancelled by SIGINT during step 'cluster' \(EKS control plane gitpod .*\); no step done yet; re-run to finish$/,
      );
      expect(c.killed).toEqual(expect.arrayContaining([eksctl!.pid, eksctl!.child]));
      figures.push(`EKS SIGINT: exit ${c.ms} ms after SIGINT; ${c.killed.length} process(es) stopped`);
      const records = plan(c.run);
      expect(statuses(records)).toEqual(['cluster: failed', ...EKS_AFTER.map((id) => `${id}: planned`)]);
      expect(records[0]!.detail).toBe('cancelled by SIGINT');
      expect(summarySteps(c.run)).toEqual(statuses(records));
      expect(w.eks.cluster('gitpod')!.status).toBe('CREATING'); // CloudFormation goes on

      // A re-run finds the cluster CREATING and waits for it; cancelled there, it stops at once too.
      const second = apply(w.inputs, w.env);
      await second.waitForLine(/waiting for EKS cluster gitpod to be ACTIVE/);
      const c2 = await cancel(second, [['SIGINT', 0]]);
      expect(c2.run.status).toBe(1);
      expect(errorLines(c2.run)).toEqual([
        expect.stringMatching(
          /^::error::gitpod-cluster-action failed: cancelled by SIGINT during step 'cluster' .*; no step done yet; re-run to finish$/,
        ),
      ]);
      expect(statuses(plan(c2.run))[0]).toBe('cluster: failed');
      figures.push(`EKS SIGINT while waiting for CREATING: exit ${c2.ms} ms after SIGINT`);

      // The next run waits for the cluster the cancelled one left CREATING, then finishes every step.
      const third = apply(w.inputs, w.env);
      await third.waitForLine(/waiting for EKS cluster gitpod to be ACTIVE/);
      hold.release();
      const done = await third.done;
      expect(errorLines(done)).toEqual([]);
      expect(done.status).toBe(0);
      expect(statuses(plan(done))).toEqual([
        'cluster: skipped',
        'kubeconfig: done',
        'kube-system: skipped', // the API server answers at once
        'remove-aws-node: skipped', // no vpc-cni add-on (disableDefaultAddons): no aws-node
        'tigera-operator: done',
        'calico-installation: done',
        'calico-ready: skipped', // no node yet: the Installation being served is enough
        'nodegroups: done',
        'nodegroup-labels: skipped', // created with the wanted labels
        'nodegroup-scaling: skipped',
        'service-accounts: done',
        'record-desired-state: done',
      ]);
      expect(plan(done)[0]!.detail).toMatch(/^ACTIVE after waiting/);
      expect(done.outputs().verified).toBe('true');
      expect([...w.eks.clusters.keys()]).toEqual(['gitpod']);
      expect(w.eks.eksctlCalls.filter((call) => call.command === 'create cluster')).toHaveLength(1);
      expect(await kubectlNodes(w, done)).toHaveLength(2);
    } finally {
      await w.close();
    }
  }, 150_000);

  describe('a stand-in that ignores SIGTERM, with its child', () => {
    const stubborn = (w: AwsBundleWorld) => ({ ...w.env, FAKE_EKSCTL_IGNORE_SIGTERM: '1' });

    async function cancelStubborn(signals: [NodeJS.Signals, number][]) {
      const w = await awsBundleWorld();
      try {
        const hold = w.eks.holdEksctl('create cluster');
        const running = apply(w.inputs, stubborn(w));
        await hold.started;
        const c = await cancel(running, signals);
        const [eksctl] = w.eksctlProcesses();
        expect(c.killed).toEqual(expect.arrayContaining([eksctl!.pid, eksctl!.child]));
        await expectCleanCancel(
          c,
          /^::error::gitpod-cluster-action failed: cancelled by SIGINT during step 'cluster' .*; no step done yet; re-run to finish$/,
        );
        expect(c.run.stdout).toContain('eksctl TEST STAND-IN: SIGTERM ignored');
        expect(statuses(plan(c.run))[0]).toBe('cluster: failed');
        hold.release();
        return c;
      } finally {
        await w.close();
      }
    }

    it('SIGINT alone: the action SIGKILLs the group itself, before the runner’s SIGTERM would come', async () => {
      const c = await cancelStubborn([['SIGINT', 0]]);
      expect(c.ms).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);
      figures.push(`EKS stubborn, SIGINT only: exit ${c.ms} ms after SIGINT (kill grace 5 s)`);
    }, 60_000);

    // The runner's SIGTERM, brought forward to 1 s so it lands while the first signal is still being handled.
    it.each(['SIGTERM', 'SIGINT'] as const)(
      'SIGINT, then %s before the grace ends: the second signal kills the group at once, no crash',
      async (second) => {
        const c = await cancelStubborn([
          ['SIGINT', 0],
          [second, 1_000],
        ]);
        expect(c.run.stdout).toContain(`::warning::Received ${second} after SIGINT: killed 1 process group(s)`);
        figures.push(`EKS stubborn, SIGINT + ${second} 1 s later: exit ${c.ms} ms after SIGINT`);
      },
      60_000,
    );
  });
});

// --- downloads -------------------------------------------------------------------------------------------

describe('cancelling while the tools download (FAKE download server that stalls, empty tool cache)', () => {
  it('SIGINT ends the run in one line and leaves nothing in the tool cache or the runner temp', async () => {
    const w = await awsBundleWorld({ tools: 'empty' });
    const server = await DownloadServer.start();
    try {
      server.addKubectl(KUBECTL_PINNED, { padding: 256 * 1024 });
      await server.addEksctl(EKSCTL_PINNED, { padding: 256 * 1024 });
      const archives = [
        `/release/v${KUBECTL_PINNED}/bin/linux/amd64/kubectl`,
        `/eksctl-io/eksctl/releases/download/v${EKSCTL_PINNED}/eksctl_Linux_amd64.tar.gz`,
      ];
      // Headers and the first 64 KiB, then nothing: a mirror that stalls mid-body.
      server.misbehave((p) => archives.includes(p), { stallAfter: 64 * 1024 });
      const running = apply({ ...w.inputs, 'tool-mirror': server.url }, w.env);
      await running.waitForLine(/Downloads go to the mirror/);
      for (let i = 0; i < 100 && archives.some((a) => server.countOf(a) === 0); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(archives.map((a) => server.countOf(a))).toEqual([1, 1]);

      const c = await cancel(running, [['SIGINT', 0]]);
      expect(c.run.signal).toBeNull();
      expect(c.run.status).toBe(1);
      expect(errorLines(c.run)).toEqual([
        expect.stringMatching(
          /^::error::gitpod-cluster-action failed: cancelled by SIGINT: tool installation failed: .*download cancelled/,
        ),
      ]);
      figures.push(`download SIGINT: exit ${c.ms} ms after SIGINT`);
      const cached = readdirSync(w.toolCache, { recursive: true }) as string[];
      expect(cached).toEqual([]);
      const temp = readdirSync(path.join(c.run.dir, 'tmp'));
      expect(temp.filter((f) => /^(eksctl|kubectl)-/.test(f))).toEqual([]);
    } finally {
      await server.close();
      await w.close();
    }
  }, 60_000);
});
