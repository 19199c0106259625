/**
 * FAKE Calico release server on loopback: serves trimmed `operator-crds.yaml` and `tigera-operator.yaml`
 * at their real upstream paths (/projectcalico/calico/<version>/manifests/…), so apply reaches them
 * through `tool-mirror` exactly as a real mirror. The manifests keep the real files' shapes (as of Calico
 * v3.32.1, the pinned release, which splits them as 3.30 did): CRDs with `status` and
 * `creationTimestamp: null`, a namespace, RBAC and the operator Deployment (operator v1.42.3).
 *
 * The first CRD schema carries `x-kubernetes-*`, `default` and `enum` keywords, as real Calico CRDs do:
 * src/clients/kube.ts sends raw JSON, so they reach the API server intact and a re-run finds nothing to change.
 */
import http from 'node:http';
import { closeServer } from './loopback.js';
import type { AddressInfo } from 'node:net';

export const OPERATOR_CRDS = `# Source: trimmed for tests
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: installations.operator.tigera.io
  creationTimestamp: null
spec:
  group: operator.tigera.io
  names: { kind: Installation, listKind: InstallationList, plural: installations, singular: installation }
  scope: Cluster
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                variant: { type: string, enum: [Calico, TigeraSecureEnterprise], default: Calico }
status:
  acceptedNames: { kind: "", plural: "" }
  conditions: []
  storedVersions: []
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: tigerastatuses.operator.tigera.io
spec:
  group: operator.tigera.io
  names: { kind: TigeraStatus, listKind: TigeraStatusList, plural: tigerastatuses, singular: tigerastatus }
  scope: Cluster
  versions:
    - name: v1
      served: true
      storage: true
      schema: { openAPIV3Schema: { type: object, properties: { spec: { type: object } } } }
`;

export const TIGERA_OPERATOR = `apiVersion: v1
kind: Namespace
metadata:
  name: tigera-operator
  labels:
    name: tigera-operator
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: tigera-operator
  namespace: tigera-operator
  labels: { k8s-app: tigera-operator }
imagePullSecrets: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: tigera-operator
rules:
  - apiGroups: [apiextensions.k8s.io]
    resources: [customresourcedefinitions]
    verbs: [get, list, watch, create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: tigera-operator
subjects:
  - kind: ServiceAccount
    name: tigera-operator
    namespace: tigera-operator
roleRef: { kind: ClusterRole, name: tigera-operator, apiGroup: rbac.authorization.k8s.io }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: tigera-operator
  namespace: tigera-operator
  labels: { k8s-app: tigera-operator }
spec:
  replicas: 1
  selector: { matchLabels: { name: tigera-operator } }
  template:
    metadata: { labels: { name: tigera-operator, k8s-app: tigera-operator } }
    spec:
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      serviceAccountName: tigera-operator
      tolerations: [{ effect: NoExecute, operator: Exists }, { effect: NoSchedule, operator: Exists }]
      containers:
        - name: tigera-operator
          image: quay.io/tigera/operator:v1.42.3
          command: [operator]
          args: [-manage-crds=true]
          env:
            - { name: WATCH_NAMESPACE, value: "" }
            - { name: OPERATOR_NAME, value: tigera-operator }
            - { name: TIGERA_OPERATOR_INIT_IMAGE_VERSION, value: v1.42.3 }
`;

export class CalicoReleaseServer {
  readonly requests: string[] = [];
  private server!: http.Server;
  url = '';
  private constructor(readonly files: Map<string, string>) {}

  static async start(version: string): Promise<CalicoReleaseServer> {
    const base = `/projectcalico/calico/${version}/manifests`;
    const s = new CalicoReleaseServer(
      new Map([
        [`${base}/operator-crds.yaml`, OPERATOR_CRDS],
        [`${base}/tigera-operator.yaml`, TIGERA_OPERATOR],
      ]),
    );
    s.server = http.createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://fake').pathname;
      s.requests.push(p);
      const body = s.files.get(p);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }
}
