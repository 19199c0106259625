/**
 * Steps, the one runner both provider flows share, and plan rendering.
 *
 * A flow is a list of `StepSpec`s: data that `plan` prints as it is. `apply` pairs each spec with its
 * `StepAction` (a probe that asks the cloud "is this already done?", and for API steps the call that
 * does it) and hands the list to `runSteps`. A step with `argv` runs that exact argv when no `run` is
 * given, so what `plan` shows is what `apply` runs.
 */
import { mdCode, mdFence, mdText } from './markdown.js';
import type { Logger } from './log.js';
import { type RetryPolicy, withRetry } from './retry.js';

export type StepStatus = 'planned' | 'done' | 'skipped' | 'failed';

/** The exact API request of a step that calls an API instead of a CLI, as `plan` shows it. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The API's host (`container.googleapis.com`); an endpoint override replaces it at apply time. */
  host: string;
  /** The URL path, with the version (`/v1/projects/p/locations/r/clusters`). */
  path: string;
  /** The JSON body, exactly as sent. */
  body?: unknown;
}

/** One step of a flow, as `plan` shows it. */
export interface StepSpec<Id extends string = string> {
  id: Id;
  description: string;
  /** The exact CLI call of this step (argv[0] is the tool's name, looked up on PATH). */
  argv?: readonly string[];
  /** The exact API request of a step that calls an API instead of a CLI (the contract's API steps). */
  request?: ApiRequest;
  /** The API request(s) of a step that calls an API instead of a CLI, in words. */
  api?: string;
  /** Upper bound for this step's run (not its probe), in milliseconds. */
  timeoutMs?: number;
  /**
   * Consecutive steps with the same key run at the same time: probed together, then the ones to do run
   * concurrently (GKE runs one operation per node pool at a time, so two pools are created at once).
   */
  concurrent?: string;
}

export interface ProbeResult {
  done: boolean;
  /** Why: shown in the log and the step table ("exists with the reference labels"). */
  detail?: string;
}

/** What `apply` does for a step: probe first, then run (default: exec the spec's argv). */
export interface StepAction<Ctx> {
  probe?: (ctx: Ctx) => Promise<ProbeResult>;
  /**
   * `signal` aborts when the run is cancelled or the step's `timeoutMs` is up (the runner then fails the
   * step with "timed out after …" whether or not the run stops): pass it to every process and wait.
   */
  run?: (ctx: Ctx, spec: StepSpec, signal: AbortSignal, log: Logger) => Promise<string | void>;
}

export type Step<Ctx> = StepSpec & StepAction<Ctx>;

/** One step's outcome: the element of the `plan` output. */
export interface StepRecord {
  id: string;
  description: string;
  argv?: string[];
  request?: ApiRequest;
  api?: string;
  status: StepStatus;
  detail?: string;
  seconds?: number;
}

export interface RunnerDeps {
  log: Logger;
  /** Runs an argv (the exec module); rejects on a non-zero exit. */
  exec: (argv: readonly string[], opts: { signal: AbortSignal; timeoutMs?: number; log: Logger }) => Promise<unknown>;
  /** Wraps a step's log lines in a group (core.group). */
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  signal: AbortSignal;
  /** How often a progress line is written while a step runs; default 30 s. */
  heartbeatMs?: number;
  /** The waits between runs of a CLI step that failed transiently (tests inject `sleep`). */
  cliRetry?: Partial<RetryPolicy>;
  /** Called after each change of a record, so outputs can be written even when a later step fails. */
  onUpdate?: (records: readonly StepRecord[]) => void;
  now?: () => number;
}

export class StepFailedError extends Error {
  constructor(
    readonly step: StepSpec,
    readonly records: StepRecord[],
    cause: unknown,
  ) {
    super(`step '${step.id}' (${step.description}) failed: ${errorMessage(cause)}`, { cause });
    this.name = 'StepFailedError';
  }
}

/** Cancelled: one line saying why, at which step, and what was done before it. */
export class CancelledError extends Error {
  constructor(
    readonly records: StepRecord[],
    why = 'cancelled',
  ) {
    const at = records.find((r) => r.status === 'failed');
    const next = records.find((r) => r.status === 'planned');
    const done = records.filter((r) => r.status === 'done' || r.status === 'skipped').map((r) => r.id);
    const where = at ? ` during step '${at.id}' (${at.description})` : next ? ` before step '${next.id}'` : '';
    super(`${why}${where}; ${done.length ? `done before: ${done.join(', ')}` : 'no step done yet'}; re-run to finish`);
    this.name = 'CancelledError';
  }
}

/** Why a run was cancelled: the abort reason main gives ("cancelled by SIGINT"), else "cancelled". */
export function cancelReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name !== 'AbortError' ? errorMessage(reason) : 'cancelled';
}

export function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s*\n\s*/g, ' ').trim();
}

export function toRecord(spec: StepSpec, status: StepStatus = 'planned'): StepRecord {
  const record: StepRecord = { id: spec.id, description: spec.description, status };
  if (spec.argv) record.argv = [...spec.argv];
  if (spec.request) record.request = structuredClone(spec.request);
  if (spec.api) record.api = spec.api;
  return record;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/** Pairs each spec of a flow with its action; every spec must have one (the type keeps them in step). */
export function withActions<Id extends string, Ctx>(
  specs: readonly StepSpec<Id>[],
  actions: Readonly<Record<Id, StepAction<Ctx>>>,
): Step<Ctx>[] {
  return specs.map((spec) => ({ ...spec, ...actions[spec.id] }));
}

/** `steps` with `extra` inserted before the step `before` (at the end when there is none). */
export function insertBefore<S extends { id: string }>(steps: readonly S[], before: string, extra: readonly S[]): S[] {
  const at = steps.findIndex((s) => s.id === before);
  const i = at < 0 ? steps.length : at;
  return [...steps.slice(0, i), ...extra, ...steps.slice(i)];
}

/**
 * CLI failures worth one more run, by tool: the cloud's passing trouble (rate limits, 5xx, an operation in the way), as each CLI reports
 * it after its own retries gave up. gcloud retries some of these itself and not others (a 503 on
 * `clusters create`, a 429 from IAM), and reports them as `ResponseError: code=N` (GKE) or `STATUS: message`
 * (IAM). eksctl names the AWS error codes.
 */
export const TRANSIENT_CLI_FAILURES: Readonly<Record<string, RegExp>> = {
  // GKE's "operation in progress" (FAILED_PRECONDITION, HTTP 400) is passing too: "Cluster is running
  // incompatible operation …" / "… Please wait and try again once it is done." The runner's second probe
  // waits for that operation before the next run.
  gcloud:
    /ResponseError: code=(?:429|500|502|503|504)\b|\) (?:RESOURCE_EXHAUSTED|UNAVAILABLE|INTERNAL|DEADLINE_EXCEEDED):|running incompatible operation|[Pp]lease wait and try again/,
  eksctl:
    /\b(?:Throttling(?:Exception)?|RequestLimitExceeded|TooManyRequestsException|ServiceUnavailable(?:Exception)?|InternalFailure|InternalError)\b/,
};

/** Did this CLI step fail for a passing reason (TRANSIENT_CLI_FAILURES of its tool)? */
export function isTransientCliFailure(argv: readonly string[] | undefined, err: unknown): boolean {
  const tool = argv?.[0]?.split('/').pop();
  const pattern = tool ? TRANSIENT_CLI_FAILURES[tool] : undefined;
  return !!pattern && pattern.test(errorMessage(err));
}

/** A CLI step run again at most this often, and within this time (its own run time included). */
const CLI_RETRY: Partial<RetryPolicy> = {
  attempts: 3,
  baseDelayMs: 10_000,
  maxDelayMs: 60_000,
  maxElapsedMs: 15 * 60_000,
};

/** The error of a step whose run outlived its `timeoutMs`. */
export class StepTimeoutError extends Error {
  constructor(step: StepSpec) {
    super(`timed out after ${formatDuration(step.timeoutMs ?? 0)}`);
    this.name = 'StepTimeoutError';
  }
}

/**
 * A run function within the step's `timeoutMs`, as exec bounds an argv: at the deadline the signal given
 * to the run aborts (its processes stop) and the step fails with "timed out after …".
 */
async function runBounded<Ctx>(
  step: Step<Ctx>,
  run: NonNullable<Step<Ctx>['run']>,
  ctx: Ctx,
  signal: AbortSignal,
  log: Logger,
): Promise<string | void> {
  if (!step.timeoutMs) return run(ctx, step, signal, log);
  const deadline = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new StepTimeoutError(step);
      deadline.abort(err);
      reject(err);
    }, step.timeoutMs);
  });
  try {
    return await Promise.race([run(ctx, step, AbortSignal.any([signal, deadline.signal]), log), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a step: its run function, or its argv, bounded by its `timeoutMs` either way. A failed run is
 * followed by one more probe (`doneMeanwhile`); a CLI step (one with an argv, whether the runner or its
 * run function starts the CLI) still not done after a transient failure of its CLI is run again, with
 * backoff. Only a step with a probe is: the probe has just shown that the failed run left nothing done
 * (and told the run what is left to do), so a second run cannot make a thing twice.
 */
async function runStep<Ctx>(step: Step<Ctx>, ctx: Ctx, deps: RunnerDeps): Promise<string | void> {
  const cliStep = !!step.argv && !!step.probe;
  return withRetry(
    async () => {
      try {
        if (step.run) return await runBounded(step, step.run, ctx, deps.signal, deps.log);
        if (!step.argv) throw new Error(`step '${step.id}' has neither a run function nor an argv`);
        await deps.exec(step.argv, { signal: deps.signal, timeoutMs: step.timeoutMs, log: deps.log });
        return undefined;
      } catch (err) {
        const detail = await doneMeanwhile(step, ctx, deps, err);
        if (detail) return detail;
        throw err;
      }
    },
    {
      policy: { ...CLI_RETRY, ...deps.cliRetry },
      signal: deps.signal,
      classify: (err) => ({
        transient: cliStep && isTransientCliFailure(step.argv, err),
        reason: errorMessage(err),
      }),
      onRetry: ({ attempt, attempts, delayMs }) =>
        deps.log.info(
          `… ${step.id}: ${step.argv![0]!.split('/').pop()} failed for a passing reason and nothing was done; ` +
            `running it again in ${formatDuration(delayMs)} (attempt ${attempt + 1} of ${attempts})`,
        ),
    },
  );
}

/** The detail of a step another run did while this one tried (see `doneMeanwhile`). */
export const DONE_MEANWHILE = 'done by another run meanwhile';

/**
 * After a step's run failed: was the step done meanwhile by someone else? Another run on the same cluster
 * may have made the same thing a moment earlier (the cloud then answers "already exists", or "another
 * operation is running", and the probe waits for that operation). One more probe tells; its detail, or
 * undefined when the step is still not done (then the run's own error stands). Never on cancellation.
 */
async function doneMeanwhile<Ctx>(
  step: Step<Ctx>,
  ctx: Ctx,
  deps: RunnerDeps,
  err: unknown,
): Promise<string | undefined> {
  if (!step.probe || deps.signal.aborted) return undefined;
  deps.log.info(`… ${step.id} failed (${errorMessage(err)}); probing once more: another run may have done it`);
  let probe: ProbeResult;
  try {
    probe = await step.probe(ctx);
  } catch (again) {
    deps.log.info(`the second probe of ${step.id} failed too: ${errorMessage(again)}`);
    return undefined;
  }
  if (!probe.done) return undefined;
  const detail = `${DONE_MEANWHILE}${probe.detail ? `: ${probe.detail}` : ''}`;
  deps.log.info(`✓ ${detail}`);
  return detail;
}

/**
 * Runs steps in order: probe, skip what is done, run the rest in a log group with a progress line at
 * least every `heartbeatMs`, record each status. A run that fails is followed by one more probe: a step
 * another run on the same cluster did meanwhile counts as done. Consecutive steps sharing a `concurrent`
 * key run at the same time, in one log group, each line of theirs led by the step's id; the flow goes on
 * once all of them ended. Stops at the first failure (StepFailedError; of a concurrent batch, once the
 * batch ended) or on cancellation (CancelledError); either way the records say what happened to every step.
 */
export async function runSteps<Ctx>(steps: readonly Step<Ctx>[], ctx: Ctx, deps: RunnerDeps): Promise<StepRecord[]> {
  const now = deps.now ?? Date.now;
  const records = steps.map((s) => toRecord(s));
  const update = () => deps.onUpdate?.(records);
  update();

  /**
   * One step, probe then run; `log` leads each line with the step's id when it runs beside others, and
   * `probed` is its probe when the batch already started it.
   */
  const runOne = async (
    step: Step<Ctx>,
    record: StepRecord,
    log: Logger,
    probed?: Promise<ProbeResult | undefined>,
  ): Promise<void> => {
    const started = now();
    const stepDeps = log === deps.log ? deps : { ...deps, log };
    try {
      const probe = probed ? await probed : step.probe ? await step.probe(ctx) : undefined;
      if (probe) {
        if (probe.done) {
          record.status = 'skipped';
          if (probe.detail) record.detail = probe.detail;
          log.info(`✓ already done${probe.detail ? `: ${probe.detail}` : ''}`);
          return;
        }
        if (probe.detail) log.info(`→ to do: ${probe.detail}`);
      }
      const heartbeat = setInterval(() => {
        log.info(`… ${step.id} still running after ${formatDuration(now() - started)}: ${step.description}`);
      }, deps.heartbeatMs ?? 30_000);
      try {
        const detail = await runStep(step, ctx, stepDeps);
        record.status = 'done';
        if (detail) record.detail = detail;
      } finally {
        clearInterval(heartbeat);
      }
    } catch (err) {
      record.status = 'failed';
      record.detail = deps.signal.aborted ? cancelReason(deps.signal) : errorMessage(err);
      throw err;
    } finally {
      record.seconds = Math.round((now() - started) / 1000);
      update();
    }
  };

  for (let i = 0; i < steps.length;) {
    if (deps.signal.aborted) throw new CancelledError(records, cancelReason(deps.signal));
    const key = steps[i]!.concurrent;
    let j = i + 1;
    while (key && j < steps.length && steps[j]!.concurrent === key) j++;
    const batch = steps.slice(i, j).map((step, k) => ({ step, record: records[i + k]! }));
    let failure: { step: Step<Ctx>; err: unknown } | undefined;
    if (batch.length === 1) {
      const { step, record } = batch[0]!;
      await deps
        .group(`${step.id}: ${step.description}`, () => runOne(step, record, deps.log))
        .catch((err: unknown) => (failure = { step, err }));
    } else {
      const title = `${batch.map((b) => b.step.id).join(' + ')}: at the same time`;
      await deps.group(title, async () => {
        // Every probe first, then the runs: a probe that waits for operations in flight (GKE's) must not
        // wait for the run of a step beside it.
        const probes = batch.map(({ step }) => (step.probe ? step.probe(ctx) : Promise.resolve(undefined)));
        await Promise.allSettled(probes);
        const outcomes = await Promise.allSettled(
          batch.map(({ step, record }, k) => {
            const log = prefixed(deps.log, step.id);
            log.info(`▶ ${step.description}`);
            return runOne(step, record, log, probes[k]);
          }),
        );
        const at = outcomes.findIndex((o) => o.status === 'rejected');
        if (at >= 0) failure = { step: batch[at]!.step, err: (outcomes[at] as PromiseRejectedResult).reason };
      });
    }
    if (failure) {
      if (deps.signal.aborted) throw new CancelledError(records, cancelReason(deps.signal));
      throw new StepFailedError(failure.step, records, failure.err);
    }
    i = j;
  }
  return records;
}

/** A logger whose lines begin with `[id]`: the lines of steps running at the same time stay apart. */
function prefixed(log: Logger, id: string): Logger {
  const lead = (msg: string) => `[${id}] ${msg}`;
  return {
    ...log,
    info: (msg) => log.info(lead(msg)),
    warning: (msg) => log.warning(lead(msg)),
    error: (msg) => log.error(lead(msg)),
    debug: (msg) => log.debug(lead(msg)),
  };
}

const STATUS_ICON: Record<StepStatus, string> = {
  planned: '⏳ planned',
  done: '✅ done',
  skipped: '⏭️ skipped',
  failed: '❌ failed',
};

/** An argv as one copy-pasteable shell line (display only: nothing ever runs through a shell). */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * The steps as a Markdown table, then each CLI call in full. `plan` has no status column (every step is
 * planned) and its CLI calls are shown "exactly as they will run"; `apply` and `destroy` show each status.
 */
export function stepsMarkdown(records: readonly StepRecord[], mode: 'plan' | 'run' = 'run'): string {
  const plan = mode === 'plan';
  const lines = plan ? ['| # | step | what |', '|---|---|---|'] : ['| # | step | what | status |', '|---|---|---|---|'];
  for (const [i, r] of records.entries()) {
    const what = r.argv
      ? mdCode(`${r.argv.slice(0, 4).join(' ')} …`)
      : r.request
        ? mdCode(requestLine(r.request))
        : mdText(r.api ?? '');
    const row = `| ${i + 1} | **${mdText(r.id)}**<br/>${mdText(r.description)} | ${what} |`;
    lines.push(plan ? row : `${row} ${mdText(STATUS_ICON[r.status] + (r.detail ? `: ${r.detail}` : ''))} |`);
  }
  const calls = records.filter((r) => r.argv);
  if (calls.length) {
    const sh = calls.map((r) => `# ${r.id}\n${shellQuote(r.argv!).replace(/ --/g, ' \\\n    --')}`).join('\n');
    lines.push('', `<details><summary>Every CLI call, exactly as ${plan ? 'it will run' : 'run'}</summary>`, '');
    lines.push(mdFence(sh, 'sh'), '', '</details>');
  }
  const requests = records.filter((r) => r.request);
  if (requests.length) {
    lines.push(
      '',
      `<details><summary>Every API request, exactly as ${plan ? 'it will be sent' : 'sent'}</summary>`,
      '',
    );
    for (const r of requests) {
      lines.push(`**${mdText(r.id)}**: ${mdCode(requestLine(r.request!))}${r.api ? `, ${mdText(r.api)}` : ''}`, '');
      if (r.request!.body !== undefined) lines.push(mdFence(JSON.stringify(r.request!.body, null, 2), 'json'), '');
    }
    lines.push('</details>');
  }
  return lines.join('\n');
}

/** `POST https://container.googleapis.com/v1/projects/p/locations/r/clusters`. */
export function requestLine(request: ApiRequest): string {
  return `${request.method} https://${request.host}${request.path}`;
}
