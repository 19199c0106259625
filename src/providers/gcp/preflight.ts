/**
 * GKE preflight: what `apply` needs from the project, read before anything is created.
 *
 *   apis-enabled        Service Usage services:batchGet: the APIs apply calls are ENABLED
 *   kubernetes-version  GKE serverConfig: the REGULAR channel offers `kubernetes-version`
 *   machine-types       Compute machineTypes.get in every zone of the region: the pools' types exist there
 *   quotas              Compute regions.get: CPUS / <FAMILY>_CPUS, SSD_TOTAL_GB, IN_USE_ADDRESSES against
 *                       what apply still creates, at the pools' initial size (ERROR) and maximum (WARNING)
 *   permissions         Resource Manager projects:testIamPermissions for what apply's steps do
 *
 * What apply creates: the cluster with the two Gitpod pools (`initialNodeCount` per zone each), in one
 * `clusters.create`, no default pool; on an existing cluster, the pools it lacks. The pools it has count
 * for nothing (they are already in the quotas' usage).
 */
import type { Config } from '../../inputs.js';
import type { Logger } from '../../log.js';
import { type GcpCredentials, GcpApiError, GcpRest, gcpCredentials } from './rest.js';
import type { Gke, GkeCluster } from './gke.js';
import { GCP, POOL_ROLES } from '../../reference.js';
import type { CheckOutcome, PreflightCheck, PreflightFinding, PreflightProvider, QuotaNeed } from '../../preflight.js';
import { quotaOutcome } from '../../preflight.js';
import { serviceAccountEmail } from './plan.js';
import { initialNodesPerZone } from './request.js';
import { gcpCpuQuotaMetric, gcpMachineShape } from './machines.js';

/** The APIs apply (and its gcloud) calls. */
export const GCP_REQUIRED_SERVICES = [
  'container.googleapis.com',
  'compute.googleapis.com',
  'iam.googleapis.com',
  'cloudresourcemanager.googleapis.com',
] as const;

/** GKE spreads a regional cluster's node pools over three zones of the region unless told otherwise. */
export const GKE_DEFAULT_ZONE_COUNT = 3;

/**
 * The IAM permissions of apply's steps, with a predefined role that holds each (for the fix line). Which
 * apply needs depends on what exists: creating is not needed for what is there.
 */
export const GCP_APPLY_PERMISSIONS: readonly { permission: string; role: string; when?: 'no-cluster' | 'no-sa' }[] = [
  { permission: 'iam.serviceAccounts.get', role: 'roles/iam.serviceAccountAdmin' },
  { permission: 'iam.serviceAccounts.create', role: 'roles/iam.serviceAccountAdmin', when: 'no-sa' },
  { permission: 'iam.serviceAccounts.actAs', role: 'roles/iam.serviceAccountUser' },
  { permission: 'resourcemanager.projects.getIamPolicy', role: 'roles/resourcemanager.projectIamAdmin' },
  { permission: 'resourcemanager.projects.setIamPolicy', role: 'roles/resourcemanager.projectIamAdmin' },
  { permission: 'container.clusters.get', role: 'roles/container.admin' },
  { permission: 'container.clusters.create', role: 'roles/container.admin', when: 'no-cluster' },
  { permission: 'container.clusters.update', role: 'roles/container.admin' },
  { permission: 'container.operations.get', role: 'roles/container.admin' },
  { permission: 'container.operations.list', role: 'roles/container.admin' },
  { permission: 'container.clusterRoleBindings.create', role: 'roles/container.admin' },
  { permission: 'container.clusterRoleBindings.get', role: 'roles/container.admin' },
];

/** A machine type's shape, as Compute reports it (or as its name says, when it could not be read). */
export interface MachineShape {
  vcpus: number;
  memoryGb?: number;
  /** false when the number comes from the name (`n2d-standard-8` → 8), not from the API. */
  fromApi: boolean;
}

export interface RegionQuota {
  metric: string;
  limit: number;
  usage: number;
}

/** What the quota arithmetic needs to know about the project and the cluster. */
export interface GcpQuotaInput {
  config: Config;
  quotas: readonly RegionQuota[];
  zoneCount: number;
  shapes: Readonly<Record<string, MachineShape>>;
  /** undefined: no cluster yet (it and both pools are to be created); else the pools it has. */
  existingPools?: ReadonlySet<string>;
}

/** vCPUs by the machine type's name, for when Compute cannot be read: `<family>-<kind>-<vcpus>`. */
export function shapeFromName(machineType: string): MachineShape | undefined {
  const m = /^[a-z][a-z0-9]*-[a-z]+-(\d+)(?:-[a-z]+)?$/.exec(machineType);
  return m ? { vcpus: Number(m[1]), fromApi: false } : undefined;
}

interface Stage {
  cpus: Map<string, { need: number; parts: string[] }>;
  ssdGb: number;
  nodes: number;
}

function emptyStage(): Stage {
  return { cpus: new Map(), ssdGb: 0, nodes: 0 };
}

function addPool(
  stage: Stage,
  p: { name: string; machineType: string; nodes: number; diskGb: number },
  shapes: GcpQuotaInput['shapes'],
  metrics: ReadonlySet<string>,
): void {
  // The shape Compute reported, else the action's table (src/providers/gcp/machines.ts), else the name's count.
  const vcpus = (shapes[p.machineType] ?? gcpMachineShape(p.machineType) ?? shapeFromName(p.machineType))?.vcpus ?? 0;
  const metric = gcpCpuQuotaMetric(p.machineType, metrics);
  const entry = stage.cpus.get(metric) ?? { need: 0, parts: [] };
  entry.need += p.nodes * vcpus;
  entry.parts.push(`${p.nodes} × ${vcpus} vCPU ${p.name}`);
  stage.cpus.set(metric, entry);
  stage.ssdGb += p.nodes * p.diskGb;
  stage.nodes += p.nodes;
}

const QUOTA_PAGE = (project: string) => `https://console.cloud.google.com/iam-admin/quotas?project=${project}`;

/**
 * The quotas apply's creations count against, with what they need: the pools still to create at their
 * initial size, and at their maximum.
 */
export function gcpQuotaNeeds(input: GcpQuotaInput): QuotaNeed[] {
  const { config, quotas, zoneCount, shapes, existingPools } = input;
  const metrics = new Set(quotas.map((q) => q.metric));
  const pools = emptyStage();
  const atMax = emptyStage();
  for (const role of POOL_ROLES) {
    const p = config.pools[role];
    if (existingPools?.has(p.name)) continue;
    const common = { name: p.name, machineType: p.machineType, diskGb: config.diskSizeGb };
    addPool(pools, { ...common, nodes: initialNodesPerZone(p) * zoneCount }, shapes, metrics);
    addPool(atMax, { ...common, nodes: p.maxNodes * zoneCount }, shapes, metrics);
  }

  const project = config.project;
  const scope = config.region;
  const fix = (metric: string) => (wanted: number) =>
    `Request at least ${wanted} for ${metric} in ${scope} (Compute Engine API) on ${QUOTA_PAGE(project)}`;
  const quota = (metric: string) => quotas.find((q) => q.metric === metric);
  const needs: QuotaNeed[] = [];
  const push = (metric: string, need: number, needAtMax: number, breakdown: string, unit: string | undefined): void => {
    const q = quota(metric);
    if (!q) return;
    needs.push({
      quota: metric,
      scope,
      limit: q.limit,
      usage: q.usage,
      need,
      needAtMax,
      breakdown,
      unit,
      fix: fix(metric),
    });
  };
  for (const [metric, p] of pools.cpus)
    push(metric, p.need, atMax.cpus.get(metric)?.need ?? 0, p.parts.join(' + '), 'vCPU');
  push('SSD_TOTAL_GB', pools.ssdGb, atMax.ssdGb, `${pools.nodes} pd-ssd boot disks`, 'GB');
  // Every node of a public cluster has an ephemeral external IP.
  push('IN_USE_ADDRESSES', pools.nodes, atMax.nodes, `one external IP per node, ${pools.nodes} nodes`, undefined);
  return needs;
}

// --- the checks ---------------------------------------------------------------------------------------

export interface GcpPreflightDeps {
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  credentials?: GcpCredentials;
  gke?: Gke;
}

interface RegionAnswer {
  quotas?: { metric?: string; limit?: number; usage?: number }[];
  zones?: string[];
}

interface MachineTypeAnswer {
  guestCpus?: number;
  memoryMb?: number;
}

const once = <T>(fn: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
};

const lastSegment = (url: string) => url.slice(url.lastIndexOf('/') + 1);

function memberOf(account: string): string {
  return `${/\.gserviceaccount\.com$/.test(account) ? 'serviceAccount' : 'user'}:${account}`;
}

export async function gcpPreflight(
  config: Config,
  log: Logger,
  deps: GcpPreflightDeps = {},
): Promise<PreflightProvider & { close(): Promise<void> }> {
  const env = deps.env ?? process.env;
  const credentials = deps.credentials ?? (await gcpCredentials(env, deps.fetch, { sleep: deps.sleep }));
  const rest = new GcpRest({ log, credentials, env, fetch: deps.fetch, sleep: deps.sleep });
  const project = config.project;
  let gkeClient: Gke | undefined = deps.gke;
  const gke = once(async () => {
    if (gkeClient) return gkeClient;
    const { connectGke } = await import('./gke.js');
    gkeClient = await connectGke({ project, region: config.region }, { log, credentials, env, sleep: deps.sleep });
    return gkeClient;
  });

  // The cluster as it is: an unreadable one counts as absent (everything to create), and says so.
  const existing = once(async (): Promise<{ cluster?: GkeCluster; note?: string }> => {
    try {
      return { cluster: await (await gke()).getCluster(config.clusterName) };
    } catch (err) {
      return { note: `could not tell whether cluster ${config.clusterName} exists (${describe(err)}): counted as new` };
    }
  });
  const region = once(async () => {
    const r = await rest.request<RegionAnswer>('compute', 'GET', `projects/${project}/regions/${config.region}`);
    if (!r) throw new Error(`Compute knows no region ${config.region} in project ${project}`);
    return r;
  });
  // The pools' zones: `node-locations` when given (every one must offer the machine types), else the region's,
  // of which GKE picks three.
  const zones = once(async () =>
    config.nodeLocations.length
      ? [...config.nodeLocations].sort()
      : ((await region()).zones ?? []).map(lastSegment).sort(),
  );
  const zoneCount = async () =>
    config.nodeLocations.length || Math.min(GKE_DEFAULT_ZONE_COUNT, (await zones()).length || GKE_DEFAULT_ZONE_COUNT);

  /** Machine types apply still creates nodes of: the pools not there yet. */
  const typesToCreate = async (): Promise<string[]> => {
    const { cluster } = await existing();
    const names = new Set(cluster?.pools.map((p) => p.name) ?? []);
    const types = POOL_ROLES.filter((r) => !names.has(config.pools[r].name)).map((r) => config.pools[r].machineType);
    return [...new Set(types)];
  };

  /** type → zone → shape (undefined: not offered there). */
  const offerings = once(async () => {
    const zs = await zones();
    const result: Record<string, Record<string, MachineTypeAnswer | undefined>> = {};
    for (const type of await typesToCreate()) {
      const answers = await Promise.all(
        zs.map((z) =>
          rest.request<MachineTypeAnswer>('compute', 'GET', `projects/${project}/zones/${z}/machineTypes/${type}`),
        ),
      );
      result[type] = Object.fromEntries(zs.map((z, i) => [z, answers[i]]));
    }
    return result;
  });

  const checks: PreflightCheck[] = [
    {
      name: 'apis-enabled',
      description: `the APIs apply calls are enabled in project ${project}`,
      permission: 'serviceusage.services.get',
      async run() {
        const names = GCP_REQUIRED_SERVICES.map(
          (s) => `names=${encodeURIComponent(`projects/${project}/services/${s}`)}`,
        );
        const answer = await rest.request<{ services?: { name?: string; state?: string }[] }>(
          'serviceusage',
          'GET',
          `v1/projects/${project}/services:batchGet?${names.join('&')}`,
        );
        const state = (s: string) => answer?.services?.find((x) => x.name?.endsWith(`/services/${s}`))?.state;
        const disabled = GCP_REQUIRED_SERVICES.filter((s) => state(s) !== 'ENABLED');
        return {
          errors: disabled.length
            ? [
                {
                  type: 'ERROR',
                  message: `API${disabled.length > 1 ? 's' : ''} ${disabled.join(', ')} not enabled in project ${project}: \`gcloud services enable ${disabled.join(' ')} --project=${project}\``,
                },
              ]
            : [],
          details: [`enabled: ${GCP_REQUIRED_SERVICES.filter((s) => !disabled.includes(s)).join(', ')}`],
        };
      },
    },
    {
      name: 'kubernetes-version',
      description: `GKE offers Kubernetes ${config.kubernetesVersion} in ${config.region}`,
      permission: 'container.clusters.list',
      async run() {
        const { cluster } = await existing();
        if (cluster) return { details: [`cluster ${config.clusterName} exists at ${cluster.version}`] };
        const server = await (await gke()).serverConfig();
        const { resolveVersion } = await import('./apply.js');
        const where = `REGULAR release channel in ${config.region}`;
        try {
          const v = resolveVersion(config.kubernetesVersion, server.channelVersions(GCP.cluster.releaseChannel), where);
          return { details: [`${config.kubernetesVersion} → ${v} (${where})`] };
        } catch (err) {
          return { errors: [{ type: 'ERROR', message: (err as Error).message }] };
        }
      },
    },
    {
      name: 'machine-types',
      description: `the machine types are offered in the zones of ${config.region}`,
      // The zones come from regions.get: either denied leaves this check unread.
      permission: 'compute.regions.get and compute.machineTypes.get',
      async run() {
        const all = await offerings();
        const zs = await zones();
        const count = await zoneCount();
        const errors: PreflightFinding[] = [];
        const details: string[] = [];
        for (const [type, byZone] of Object.entries(all)) {
          const offered = zs.filter((z) => byZone[z]);
          const missing = zs.filter((z) => !byZone[z]);
          const list = `\`gcloud compute machine-types list --filter="zone~^${config.region}-" --project=${project}\``;
          if (offered.length < count) {
            errors.push({
              type: 'ERROR',
              message: `machine type ${type} is offered in ${offered.length ? `only ${offered.join(', ')}` : 'no zone'} of ${config.region}; GKE puts the pools in ${count} zones: choose another type (${list}) or region`,
            });
          } else if (missing.length) {
            errors.push({
              type: 'WARNING',
              message: `machine type ${type} is not offered in ${missing.join(', ')}; GKE picks ${count} of the ${zs.length} zones of ${config.region} for the pools, and a pool in one of those fails to create`,
            });
          }
          const shape = Object.values(byZone).find(Boolean);
          details.push(
            `${type}: ${offered.length}/${zs.length} zones${shape ? `, ${shape.guestCpus} vCPU, ${((shape.memoryMb ?? 0) / 1024).toFixed(0)} GB` : ''}`,
          );
        }
        return { errors, details };
      },
    },
    {
      name: 'quotas',
      description: `Compute quotas of ${config.region} hold what apply creates`,
      permission: 'compute.regions.get',
      async run(): Promise<CheckOutcome> {
        const r = await region();
        const { cluster, note } = await existing();
        const shapes: Record<string, MachineShape> = {};
        const notes: string[] = note ? [note] : [];
        try {
          for (const [type, byZone] of Object.entries(await offerings())) {
            const s = Object.values(byZone).find(Boolean);
            if (s?.guestCpus) shapes[type] = { vcpus: s.guestCpus, memoryGb: (s.memoryMb ?? 0) / 1024, fromApi: true };
          }
        } catch (err) {
          notes.push(`machine shapes taken from their names (${describe(err)})`);
        }
        const needs = gcpQuotaNeeds({
          config,
          quotas: (r.quotas ?? []).map((q) => ({ metric: q.metric ?? '', limit: q.limit ?? 0, usage: q.usage ?? 0 })),
          zoneCount: await zoneCount(),
          shapes,
          existingPools: cluster ? new Set(cluster.pools.map((p) => p.name)) : undefined,
        });
        const outcome = quotaOutcome(needs);
        return { errors: outcome.errors, details: [...notes, ...(outcome.details ?? [])] };
      },
    },
    {
      name: 'permissions',
      description: `the credentials hold the IAM permissions apply uses in project ${project}`,
      permission: 'resourcemanager.projects.get',
      async run() {
        const { cluster } = await existing();
        const sa = await rest.getServiceAccount(project, serviceAccountEmail(config)).catch(() => undefined);
        const wanted = GCP_APPLY_PERMISSIONS.filter(
          (p) => !(p.when === 'no-cluster' && cluster) && !(p.when === 'no-sa' && sa),
        );
        const answer = await rest.request<{ permissions?: string[] }>(
          'cloudresourcemanager',
          'POST',
          `v1/projects/${project}:testIamPermissions`,
          { permissions: wanted.map((p) => p.permission) },
        );
        const granted = new Set(answer?.permissions ?? []);
        const missing = wanted.filter((p) => !granted.has(p.permission));
        if (!missing.length) return { details: [`all ${wanted.length} permissions held`] };
        const account = await credentials.account().catch(() => '<the account of the credentials in use>');
        const roles = [...new Set(missing.map((p) => p.role))];
        const grant = roles
          .map(
            (role) =>
              `\`gcloud projects add-iam-policy-binding ${project} --member=${memberOf(account)} --role=${role}\``,
          )
          .join(' and ');
        // actAs may be granted on the node service account alone, which a project-level test does not see.
        const hard = missing.filter((p) => p.permission !== 'iam.serviceAccounts.actAs');
        const errors: PreflightFinding[] = [];
        if (hard.length) {
          errors.push({
            type: 'ERROR',
            message: `${account} lacks ${hard.map((p) => p.permission).join(', ')} on project ${project}: ${grant}`,
          });
        }
        if (hard.length !== missing.length) {
          errors.push({
            type: 'WARNING',
            message: `${account} lacks iam.serviceAccounts.actAs on project ${project}; unless it has it on ${serviceAccountEmail(config)} itself, creating the node pools fails: \`gcloud iam service-accounts add-iam-policy-binding ${serviceAccountEmail(config)} --member=${memberOf(account)} --role=roles/iam.serviceAccountUser --project=${project}\``,
          });
        }
        return { errors };
      },
    },
  ];

  return {
    provider: 'gcp',
    cluster: config.clusterName,
    region: config.region,
    checks,
    isDenied: (err) => err instanceof GcpApiError && (err.status === 403 || err.reason === 'PERMISSION_DENIED'),
    describe,
    async machineShapes() {
      const shapes: Record<string, { vcpus: number; memoryGb: number }> = {};
      for (const [type, byZone] of Object.entries(await offerings().catch(() => ({})))) {
        const s = Object.values(byZone).find(Boolean);
        if (s?.guestCpus && s.memoryMb) shapes[type] = { vcpus: s.guestCpus, memoryGb: s.memoryMb / 1024 };
      }
      return shapes;
    },
    async close() {
      if (gkeClient && !deps.gke) await gkeClient.close();
    },
  };
}

function describe(err: unknown): string {
  return (err as Error)?.message?.split('\n')[0] ?? String(err);
}
