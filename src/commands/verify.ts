/**
 * `verify`: a read-only conformance and drift check of an existing cluster. Node pools come from the
 * cloud API, nodes from the Kubernetes API a page at a time; no CLI is downloaded and no write is sent.
 * Every output is written before `fail-on-drift` fails the step.
 */
import path from 'node:path';
import type { KubeClient } from '../clients/kube.js';
import type { ProviderCloud } from '../cloud/types.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { AWS } from '../reference.js';
import { type NetworkFacts, NodeChecks, checkCloudConfig, checkNetwork } from '../verify/checks.js';
import { toNodeInfo } from '../verify/nodes.js';
import { NodeSink, buildReport, publishReport, writeReportFile } from '../verify/report.js';
import type { Report } from '../verify/types.js';

export const NODE_PAGE_SIZE = 500;

export function reportFilePath(config: Config): string {
  return path.join(config.tempDir, `${config.clusterName}-verify-report.json`);
}

/** EKS with Calico: aws-node must be gone and the Installation present (read through the cluster). */
async function eksNetworkFacts(kube: KubeClient): Promise<NetworkFacts> {
  const c = AWS.calico;
  const awsNode = await kube.get({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: c.awsNode.name,
    namespace: c.awsNode.namespace,
  });
  let installation;
  try {
    installation = await kube.get({
      apiVersion: c.installation.apiVersion,
      kind: c.installation.kind,
      name: c.installation.metadata.name,
    });
  } catch (err) {
    // The Installation kind itself is not served when the tigera operator was never installed.
    if ((err as { status?: number }).status !== 404) throw err;
  }
  return { awsNodePresent: awsNode !== undefined, calicoInstallation: installation !== undefined };
}

export async function verify(
  config: Config,
  io: ActionIO,
  deps: { cloud?: ProviderCloud; kube?: KubeClient } = {},
): Promise<Report> {
  const cloud = deps.cloud ?? (await (await import('../cloud/index.js')).providerCloud(config, io.log));
  const observed = await cloud.observe();
  if (!observed.found) {
    const where =
      config.provider === 'gcp' ? `project ${config.project}, region ${config.region}` : `region ${config.region}`;
    throw new Error(`cluster ${config.clusterName} was not found in ${where}`);
  }
  const kube =
    deps.kube ??
    (await (
      await import('../clients/kube.js')
    ).connectKube(
      config.kubeconfig ? { kubeconfigPath: config.kubeconfig } : await cloud.kubeAccess(observed),
      io.log,
    ));

  const file = reportFilePath(config);
  const checks = new NodeChecks(config);
  const sink = new NodeSink(config, `${file}.nodes.part`);
  const started = Date.now();
  const serverVersion = await kube.serverVersion();
  let seen = 0;
  try {
    for await (const page of kube.nodePages(NODE_PAGE_SIZE)) {
      for (const raw of page) {
        const node = toNodeInfo(config, raw);
        sink.add(node, checks.add(node));
      }
      seen += page.length;
      if (seen > NODE_PAGE_SIZE) io.log.info(`… ${seen} nodes checked`);
    }
  } finally {
    await sink.close();
  }
  const network: NetworkFacts =
    config.provider === 'gcp'
      ? { networkPolicy: observed.network.networkPolicy }
      : config.network === 'calico'
        ? await eksNetworkFacts(kube)
        : {};

  const cloudConfig = checkCloudConfig(config, observed);
  const items = [...checks.finish(serverVersion), cloudConfig, checkNetwork(config, network)];
  const drift = cloudConfig.status === 'ERROR';
  const report = buildReport(config, items, sink, { ...checks.counts });
  await writeReportFile(file, report, items, sink);
  io.log.info(
    `Verified ${seen} node(s) of ${config.clusterName} (API server ${serverVersion}) in ${Date.now() - started} ms: ${report.status}`,
  );
  await publishReport(config, io, report, drift, file);

  const failed = items.filter((i) => i.status === 'ERROR').map((i) => i.name);
  if (failed.length && config.failOnDrift) {
    throw new Error(`verification failed: ${failed.join(', ')} ended in ERROR (see the job summary and ${file})`);
  }
  return report;
}
