/** The Kubernetes client wrapper against the FAKE Kubernetes API (no kube-apiserver runs here). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type KubeClient, connectKube } from '../src/clients/kube.js';
import { isKindNotServed } from '../src/kube-objects.js';
import { memoryLogger } from '../src/log.js';
import { FakeKubeApi, fakeNode } from './fakes/kube-api.js';

const noSleep = { attempts: 4, baseDelayMs: 1, sleep: async () => undefined };

describe('kube client against the fake Kubernetes API', () => {
  let api: FakeKubeApi;
  let kube: KubeClient;
  beforeAll(async () => {
    api = await FakeKubeApi.start({ version: 'v1.33.2-gke.1000' });
    kube = await connectKube(api.access(), memoryLogger(), noSleep);
  });
  afterAll(() => api.close());

  it('reads the server version', async () => {
    expect(await kube.serverVersion()).toBe('v1.33.2-gke.1000');
  });

  it('lists nodes in pages with limit/continue', async () => {
    api.seed(...Array.from({ length: 1234 }, (_, i) => fakeNode({ name: `n-${i}` })));
    const before = api.requests.length;
    const sizes: number[] = [];
    for await (const page of kube.nodePages(500)) sizes.push(page.length);
    expect(sizes).toEqual([500, 500, 234]);
    const lists = api.requests.slice(before).filter((r) => r.path === '/api/v1/nodes');
    expect(lists.map((r) => [r.query.get('limit'), r.query.get('continue') ?? ''])).toEqual([
      ['500', ''],
      ['500', '500'],
      ['500', '1000'],
    ]);
  });

  it('creates, reads, merge-patches, applies and deletes objects', async () => {
    const ref = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'crb' };
    expect(await kube.get(ref)).toBeUndefined();
    await kube.create({
      ...ref,
      metadata: { name: 'crb' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'User', name: 'a@example.com' }],
    });
    expect((await kube.get(ref))?.roleRef).toMatchObject({ name: 'cluster-admin' });
    await kube.mergePatch(ref, { metadata: { labels: { a: 'b' } } });
    expect(api.object(ref)?.metadata.labels).toEqual({ a: 'b' });
    await kube.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'kube-system' },
      data: { x: '1' },
    });
    expect(api.object({ apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', namespace: 'kube-system' })?.data).toEqual({
      x: '1',
    });
    const ssa = api.requests.find((r) => r.contentType === 'application/apply-patch+yaml');
    expect(ssa?.query.get('fieldManager')).toBe('gitpod-cluster-action');
    expect(await kube.delete(ref)).toBe(true);
    expect(await kube.delete(ref)).toBe(false);
  });

  it('learns custom kinds from CRDs once they are Established, and lists them', async () => {
    await kube.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'installations.operator.tigera.io' },
      spec: {
        group: 'operator.tigera.io',
        names: { kind: 'Installation', plural: 'installations' },
        scope: 'Cluster',
        versions: [{ name: 'v1', served: true }],
      },
    });
    const installation = {
      apiVersion: 'operator.tigera.io/v1',
      kind: 'Installation',
      metadata: { name: 'default' },
      spec: { cni: { type: 'Calico' } },
    };
    // Right after its CRD's create, the kind is not served yet (as a real API server answers for a moment).
    const early = await kube.create(installation).catch((e: unknown) => e);
    expect(isKindNotServed(early)).toBe(true);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'installations.operator.tigera.io',
    };
    const conditions = (await kube.get(crd))?.status as { conditions?: { type: string; status: string }[] };
    expect(conditions.conditions).toContainEqual({
      type: 'Established',
      status: 'True',
      reason: 'InitialNamesAccepted',
    });
    await kube.create(installation);
    const list = await kube.list('operator.tigera.io/v1', 'Installation');
    expect(list.map((i) => i.metadata.name)).toEqual(['default']);
  });

  it('sends and reads objects as raw JSON: CRD schema fields such as x-kubernetes-* survive the round trip', async () => {
    const schema = {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: { mode: { type: 'string', enum: ['a', 'b'], default: 'a' }, ref: { $ref: '#/x' } },
    };
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'felixconfigurations.crd.projectcalico.org' },
      spec: {
        group: 'crd.projectcalico.org',
        names: { kind: 'FelixConfiguration', plural: 'felixconfigurations' },
        scope: 'Cluster',
        versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: schema } }],
      },
    };
    await kube.create(crd);
    const stored = api.object({ apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name });
    expect((stored?.spec as typeof crd.spec).versions[0]!.schema.openAPIV3Schema).toEqual(schema);
    const read = await kube.get({ apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name });
    expect((read?.spec as typeof crd.spec).versions[0]!.schema.openAPIV3Schema).toEqual(schema);
  });

  it('says a kind is not served, as a 404', async () => {
    await expect(
      kube.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }),
    ).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining('kind Widget of example.com/v1 is not served'),
    });
  });

  it('retries a transient 503 and surfaces a permanent 403 as one line', async () => {
    api.failNext((r) => r.path === '/version', 503, 2);
    expect(await kube.serverVersion()).toBe('v1.33.2-gke.1000');
    api.failNext((r) => r.path === '/version', 403);
    await expect(kube.serverVersion()).rejects.toThrow(
      'get the server version: Kubernetes API answered 403: injected fault 403',
    );
  });

  it('connects through a kubeconfig file too, and refuses a wrong token', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kube-'));
    const viaFile = await connectKube({ kubeconfigPath: await api.writeKubeconfig(dir) }, memoryLogger(), noSleep);
    expect(await viaFile.serverVersion()).toBe('v1.33.2-gke.1000');
    const wrong = await connectKube({ ...api.access(), token: 'wrong-token-123' }, memoryLogger(), noSleep);
    await expect(wrong.serverVersion()).rejects.toThrow(/401/);
  });
});
