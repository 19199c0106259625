/**
 * The fakes refuse what the real APIs refuse, with the real status and message, so a flow that sends
 * what the cloud would refuse fails here as it would in production. GKE and IAM are driven by the REAL
 * gcloud and the action's own clients; eksctl's side by the eksctl TEST STAND-IN in its own process,
 * the EKS API by the action's SDK client.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { GcpRest, gcpCredentials, missingRoles } from '../src/providers/gcp/rest.js';
import { execArgv } from '../src/exec.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { memoryLogger } from '../src/log.js';
import { type GcpWorld, gcpWorld } from './fakes/gcp-world.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

const STAND_IN = fileURLToPath(new URL('./fakes/eksctl-stand-in.mjs', import.meta.url));

const P = 'fake-project';
const SA = `gitpod-gke@${P}.iam.gserviceaccount.com`;

describe('the FAKE GKE and IAM APIs, driven by the real gcloud', () => {
  let w: GcpWorld;
  beforeAll(async () => {
    w = await gcpWorld();
  });
  afterAll(async () => w?.close());

  const gcloud = (...args: string[]) =>
    execArgv([w.gcloudBin, ...args, ...(args[0] === 'container' ? [`--project=${P}`, '--region=us-central1'] : [])], {
      silent: true,
      env: { ...w.env, PATH: `${path.dirname(w.gcloudBin)}:${process.env.PATH}` },
    }).then(
      () => 'accepted',
      (err: unknown) => (err as Error).message,
    );

  it('refuses a cluster with auto-upgrade off on a release channel', async () => {
    const out = await gcloud(
      'container',
      'clusters',
      'create',
      'no-upgrade',
      '--release-channel=regular',
      '--no-enable-autoupgrade',
      '--num-nodes=1',
    );
    expect(out).toMatch(/code=400, message=Auto_upgrade cannot be false when release_channel REGULAR is set\./);
    expect(w.gcp.cluster('no-upgrade')).toBeUndefined();
  });

  it('refuses a node pool with auto-upgrade off in a cluster on a release channel', async () => {
    w.gcp.seedCluster({ name: 'channel', releaseChannel: { channel: 'REGULAR' } });
    const out = await gcloud(
      'container',
      'node-pools',
      'create',
      'no-upgrade',
      '--cluster=channel',
      '--no-enable-autoupgrade',
      '--num-nodes=1',
    );
    expect(out).toMatch(/code=400, message=Auto_upgrade cannot be false when release_channel REGULAR is set\./);
    expect(w.gcp.pool('channel', 'no-upgrade')).toBeUndefined();
    // The same pool with auto-upgrade left on (gcloud's default) is accepted.
    expect(await gcloud('container', 'node-pools', 'create', 'upgrading', '--cluster=channel', '--num-nodes=1')).toBe(
      'accepted',
    );
  });

  it('refuses a cluster version the server config does not offer', async () => {
    const out = await gcloud(
      'container',
      'clusters',
      'create',
      'old',
      '--release-channel=regular',
      '--cluster-version=1.29.1-gke.100',
      '--num-nodes=1',
    );
    expect(out).toMatch(/code=400, message=Master version "1\.29\.1-gke\.100" is unsupported\./);
    expect(w.gcp.cluster('old')).toBeUndefined();
  });

  it('refuses a project binding for a service account that does not exist', async () => {
    const out = await gcloud(
      'projects',
      'add-iam-policy-binding',
      P,
      `--member=serviceAccount:nobody@${P}.iam.gserviceaccount.com`,
      '--role=roles/storage.admin',
    );
    expect(out).toMatch(
      /INVALID_ARGUMENT: Service account nobody@fake-project\.iam\.gserviceaccount\.com does not exist\./,
    );
    expect(w.gcp.policy.bindings.some((b) => b.members.some((m) => m.includes('nobody@')))).toBe(false);
  });

  it('keeps a conditional binding through the action’s read-modify-write, and adds the unconditional one', async () => {
    w.gcp.seedServiceAccount(SA);
    const member = `serviceAccount:${SA}`;
    const condition = { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' };
    w.gcp.policy = {
      version: 3,
      etag: 'BwYconditional',
      bindings: [
        { role: 'roles/owner', members: ['user:deployer@fake-project.iam.gserviceaccount.com'] },
        { role: 'roles/storage.admin', members: [member], condition },
      ],
    };
    const rest = new GcpRest({
      log: memoryLogger(),
      credentials: await gcpCredentials(w.env),
      env: w.env,
      sleep: async () => undefined,
    });
    // A conditional binding does not grant the role whenever the nodes need it: it is missing.
    expect(missingRoles(await rest.getIamPolicy(P), member, ['roles/storage.admin'])).toEqual(['roles/storage.admin']);
    expect(await rest.ensureBindings(P, member, ['roles/storage.admin'])).toEqual({
      added: ['roles/storage.admin'],
      writes: 1,
    });
    expect(w.gcp.policy.bindings.filter((b) => b.role === 'roles/storage.admin')).toEqual([
      { role: 'roles/storage.admin', members: [member], condition },
      { role: 'roles/storage.admin', members: [member] },
    ]);
  });
});

describe('the eksctl TEST STAND-IN and the FAKE EKS API', () => {
  let w: AwsWorld;
  beforeEach(async () => {
    w = await startAwsWorld();
  });
  afterEach(async () => w?.close());

  const CONFIG = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: 'gitpod', region: 'eu-west-1', version: '1.34' },
    managedNodeGroups: [
      { name: 'services', instanceTypes: ['m6i.xlarge'], minSize: 1, maxSize: 4, labels: { a: 'b' } },
      { name: 'workspaces', instanceTypes: ['m6i.2xlarge'], minSize: 1, maxSize: 10, labels: { c: 'd' } },
    ],
  };

  /** Runs the stand-in as the flow runs eksctl: its own process, a config file, its exit code. */
  async function eksctl(args: string[], config: unknown = CONFIG): Promise<string> {
    const file = path.join(w.dir, 'cluster.yaml');
    writeFileSync(file, stringify(config));
    const argv = ['node', STAND_IN, ...args.map((a) => a.replace('{file}', file))];
    return execArgv(argv, { silent: true, env: { FAKE_EKSCTL_URL: w.eks.url } }).then(
      () => 'ok',
      (err: unknown) => (err as Error).message,
    );
  }

  it('refuses an unknown flag, a flag the config file must carry, and a config without name or region', async () => {
    expect(await eksctl(['create', 'cluster', '--config-file={file}', '--without-nodegroups'])).toMatch(
      /Error: unknown flag: --without-nodegroups/,
    );
    expect(await eksctl(['create', 'cluster', '--config-file={file}', '--region=eu-west-1'])).toMatch(
      /Error: cannot use --region when --config-file\/-f is set/,
    );
    const { region: _r, ...noRegion } = CONFIG.metadata;
    expect(await eksctl(['create', 'cluster', '--config-file={file}'], { ...CONFIG, metadata: noRegion })).toMatch(
      /Error: metadata.region must be set/,
    );
    expect(w.eks.cluster('gitpod')).toBeUndefined();
  });

  it('creates the config’s nodegroups with the cluster unless --without-nodegroup is given', async () => {
    expect(await eksctl(['create', 'cluster', '--config-file={file}', '--without-nodegroup'])).toBe('ok');
    expect(w.eks.nodegroupNames('gitpod')).toEqual([]);
    await w.close();
    w = await startAwsWorld();
    expect(await eksctl(['create', 'cluster', '--config-file={file}'])).toBe('ok');
    expect(w.eks.nodegroupNames('gitpod')).toEqual(['services', 'workspaces']);
  });

  it('shows no endpoint and no CA while the cluster is CREATING', async () => {
    const hold = w.eks.holdEksctl('create cluster');
    const run = eksctl(['create', 'cluster', '--config-file={file}', '--without-nodegroup']);
    await hold.started;
    const config = w.config();
    const creating = await awsCloud(config, memoryLogger()).observe();
    expect(creating).toMatchObject({ found: true, status: 'CREATING', endpoint: undefined, caData: undefined });
    hold.release();
    expect(await run).toBe('ok');
    const active = await awsCloud(config, memoryLogger()).observe();
    expect(active).toMatchObject({ found: true, status: 'ACTIVE', endpoint: w.kube.url });
  });

  it('pages ListNodegroups as EKS does, and the action reads every page', async () => {
    expect(await eksctl(['create', 'cluster', '--config-file={file}'])).toBe('ok');
    w.eks.nodegroupPageSize = 1;
    const observed = await awsCloud(w.config(), memoryLogger()).observe();
    expect(observed.pools.map((p) => p.name)).toEqual(['services', 'workspaces']);
    const lists = w.eks.requests.filter((r) => r.action === 'ListNodegroups');
    expect(lists).toHaveLength(2);
  });
});
