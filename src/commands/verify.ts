/**
 * `verify`: a read-only conformance and drift check of an existing cluster. Node pools come from the
 * cloud API, nodes from the Kubernetes API a page at a time; no CLI is downloaded and nothing is written
 * to either API. Every output and the job summary are written before `fail-on-drift` fails the step.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KubeClient, KubeObject } from '../clients/kube.js';
import type { ProviderCloud } from '../providers/types.js';
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';
import { registerKubeconfigSecrets } from '../kubeconfig.js';
import { loadProvider } from '../providers/index.js';
import { RECORD_REF, parseRecord, withRecord } from '../record.js';
import { errorMessage } from '../steps.js';
import { NodeChecks, inContractOrder, item, warning } from '../verify/checks.js';
import { cloudConfigDiff } from '../verify/cloud-config.js';
import { checkNetwork, networkFacts } from '../verify/network.js';
import { toNodeInfo } from '../verify/nodes.js';
import { checkVersionSupport, versionSkewCheck } from '../verify/support.js';
import { NodeSink, buildReport, publishReport, writeReportFile } from '../verify/report.js';
import type { Report } from '../verify/types.js';

export const NODE_PAGE_SIZE = 500;

export interface VerifyDeps {
  /** The provider's cloud (default: the Provider's, which loads the SDK). */
  cloud?: ProviderCloud;
  /** An already connected Kubernetes client (default: from `kubeconfig`, else from the cloud API). */
  kube?: KubeClient;
  /** Clock for the elapsed time in the log and the days until an end of support (tests). */
  now?: () => number;
}

export function reportFilePath(config: Config): string {
  return path.join(config.tempDir, `${config.clusterName}-verify-report.json`);
}

/**
 * The config to check against: the inputs given, and for the sizing inputs left empty the desired state
 * `apply` recorded in the cluster (src/record.ts). Without a record (a cluster apply did not build, or a
 * kubeconfig that may not read kube-system's ConfigMaps) the inputs and their defaults stand.
 */
async function recordedConfig(
  config: Config,
  kube: KubeClient,
  io: ActionIO,
): Promise<{ config: Config; differences: string[] }> {
  const where = `ConfigMap ${RECORD_REF.namespace}/${RECORD_REF.name}`;
  let found: KubeObject | undefined;
  try {
    found = await kube.get(RECORD_REF);
  } catch (err) {
    io.log.info(
      `The desired state apply recorded could not be read (${errorMessage(err)}); checking against the inputs`,
    );
    return { config, differences: [] };
  }
  if (!found) {
    io.log.info(`No desired state recorded in ${where}; checking against the inputs and their defaults`);
    return { config, differences: [] };
  }
  const record = parseRecord(found);
  if (typeof record === 'string') {
    io.log.warning(`The desired state in ${where} is not usable (${record}); checking against the inputs`);
    return { config, differences: [] };
  }
  const result = withRecord(config, record);
  if (result.taken.length) io.log.info(`From the desired state apply recorded in ${where}: ${result.taken.join(', ')}`);
  return result;
}

export async function verify(given: Config, io: ActionIO, deps: VerifyDeps = {}): Promise<Report> {
  let config = given;
  const now = deps.now ?? Date.now;
  // A user's kubeconfig: its credentials are masked before anything reads the file (a missing file fails below).
  if (config.kubeconfig) registerKubeconfigSecrets(await readFile(config.kubeconfig, 'utf8').catch(() => ''));
  const provider = await loadProvider(config);
  const cloud = deps.cloud ?? (await provider.cloud(config, io.log));
  const observed = await cloud.observe();
  if (!observed.found) throw new Error(provider.notFound(config));
  const kube =
    deps.kube ??
    (await (
      await import('../clients/kube.js')
    ).connectKube(
      config.kubeconfig ? { kubeconfigPath: config.kubeconfig } : await cloud.kubeAccess(observed),
      io.log,
    ));

  const started = now();
  const recorded = await recordedConfig(given, kube, io);
  config = recorded.config;
  const serverVersion = await kube.serverVersion();
  const file = reportFilePath(config);
  const versions = await cloud.versions(observed);
  const skew = versionSkewCheck(serverVersion, versions.pools, versions.controlPlane.version);
  const checks = new NodeChecks(config, serverVersion, [skew]);
  const sink = new NodeSink(config, `${file}.nodes.part`);
  let seen = 0;
  try {
    for await (const page of kube.nodePages(NODE_PAGE_SIZE)) {
      for (const raw of page) await sink.add(checks.add(toNodeInfo(config, raw)));
      seen += page.length;
      if (seen > NODE_PAGE_SIZE) io.log.info(`… ${seen} nodes checked`);
    }
    await sink.close();
  } catch (err) {
    await sink.discard();
    throw err;
  }

  const diff = cloudConfigDiff(config, observed);
  // An explicit input that differs from the recorded desired state: said, not counted as drift.
  const cloudConfig = recorded.differences.length
    ? item('cloud-config', [...diff.item.errors, ...recorded.differences.map((d) => warning(d))])
    : diff.item;
  const netFacts = await networkFacts(config, observed, kube);
  const network = checkNetwork(config, netFacts);
  const calico = provider.calicoPin(config, netFacts);
  const support = checkVersionSupport(versions, now(), calico);
  const items = inContractOrder([...checks.finish(), cloudConfig, network, support]);
  // Drift is what the cloud API shows differing: the pools, and on GKE the cluster's network policy.
  const drift = cloudConfig.status === 'ERROR' || (provider.networkIsDrift && network.status === 'ERROR');
  const report = buildReport(config, items, sink, checks.counts);
  if (diff.applyWouldDo.length) {
    report.applyWouldDo = diff.applyWouldDo;
    io.log.info(`What apply would do:\n${diff.applyWouldDo.map((l) => `  - ${l}`).join('\n')}`);
  }
  await writeReportFile(file, report, items, sink);
  io.log.info(
    `Verified ${seen} node(s) of ${config.clusterName} (API server ${serverVersion}) in ${now() - started} ms: ${report.status}`,
  );
  await publishReport(config, io, report, { drift, tally: checks.tally, reportFile: file, items });

  const failed = items.filter((i) => i.status === 'ERROR').map((i) => i.name);
  if (failed.length && config.failOnDrift) {
    throw new Error(
      `verification failed: ${failed.join(', ')} ended in ERROR (see the job summary and ${file}; fail-on-drift: false keeps the step green)`,
    );
  }
  return report;
}
