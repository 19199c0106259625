/**
 * Manifests applied object by object (src/kube-objects.ts) against the FAKE Kubernetes API, which is as
 * strict as a real API server: a kind is served only once its CRD is Established, and an object in a
 * missing namespace is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { applyPlanned, planSync } from '../src/kube-objects.js';
import { type KubeClient, type KubeObject, connectKube } from '../src/clients/kube.js';
import { memoryLogger } from '../src/log.js';
import { FakeKubeApi } from './fakes/kube-api.js';

const CRD: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'installations.operator.tigera.io' },
  spec: {
    group: 'operator.tigera.io',
    names: { kind: 'Installation', plural: 'installations' },
    scope: 'Cluster',
    versions: [{ name: 'v1', served: true, storage: true }],
  },
};
const INSTALLATION: KubeObject = {
  apiVersion: 'operator.tigera.io/v1',
  kind: 'Installation',
  metadata: { name: 'default' },
  spec: { kubernetesProvider: 'EKS', cni: { type: 'Calico' } },
};

describe('applying a manifest', () => {
  let api: FakeKubeApi;
  let kube: KubeClient;
  beforeEach(async () => {
    api = await FakeKubeApi.start();
    kube = await connectKube(api.access(), memoryLogger(), {
      attempts: 2,
      baseDelayMs: 1,
      sleep: async () => undefined,
    });
  });
  afterEach(async () => api?.close());

  it('waits for a CRD’s kind to be served before creating an object of it', async () => {
    const sleeps: number[] = [];
    const log = memoryLogger();
    const pending = await planSync(kube, [CRD, INSTALLATION]);
    expect(pending.map((p) => p.action)).toEqual(['create', 'create']);
    const counts = await applyPlanned(kube, pending, { log, sleep: async (ms) => void sleeps.push(ms), pollMs: 500 });
    expect(counts).toEqual({ created: 2, applied: 0, unchanged: 0 });
    expect(sleeps.length).toBeGreaterThan(0);
    expect(log.lines).toContain('… Installation default: its kind is not served yet; waiting for its CRD');
    expect(api.object({ apiVersion: 'operator.tigera.io/v1', kind: 'Installation', name: 'default' })).toBeDefined();
  });

  it('counts a list with extra items on the server as different, and applies the manifest’s', async () => {
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'tigera-operator' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    };
    api.seed({ ...role, rules: [...(role.rules as unknown[]), { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] });
    const pending = await planSync(kube, [role]);
    expect(pending.map((p) => [p.action, p.reason])).toEqual([['apply', 'rules']]);
    // The same list, item for item, is equal: nothing to write.
    api.seed(role);
    expect((await planSync(kube, [role])).map((p) => p.action)).toEqual(['none']);
  });

  it('is refused an object in a namespace that does not exist, as a real API server refuses it', async () => {
    const cm: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', namespace: 'tigera-operator' },
    };
    await expect(kube.create(cm)).rejects.toThrow(/namespaces "tigera-operator" not found/);
    await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tigera-operator' } });
    await kube.create(cm);
    expect(api.object({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'tigera-operator', name: 'x' })).toBeDefined();
  });
});
