/**
 * `network`: network policy enforcement as the reference architecture sets it up. GKE: network policy on
 * the cluster (from the cloud API). EKS with `network: calico`: the AWS VPC CNI daemonset removed and the
 * Calico Installation `default` present (read through the Kubernetes API), and no `vpc-cni` EKS add-on
 * (from the EKS API: an add-on update would bring aws-node back). EKS with `vpc-cni`: nothing to check.
 */
import type { KubeClient } from '../clients/kube.js';
import type { CloudObservation } from '../cloud/types.js';
import type { Config } from '../inputs.js';
import { AWS } from '../reference.js';
import { error, item } from './checks.js';
import type { CheckError, CheckItem } from './types.js';

/** What the network check needs to know, from the cloud (GKE) or the cluster (EKS). */
export interface NetworkFacts {
  networkPolicy?: boolean;
  awsNodePresent?: boolean;
  calicoInstallation?: boolean;
  /** EKS: the `vpc-cni` EKS add-on, when installed. */
  vpcCniAddon?: { version?: string; status?: string };
  /** The Calico release the operator reports running (Installation status.calicoVersion). */
  calicoVersion?: string;
}

/** Reads the facts the provider's network check needs: GETs only, nothing written. */
export async function networkFacts(
  config: Config,
  observed: CloudObservation,
  kube: KubeClient,
): Promise<NetworkFacts> {
  if (config.provider === 'gcp') return { networkPolicy: observed.network.networkPolicy };
  if (config.network !== 'calico') return {};
  const { awsNode, installation } = AWS.calico;
  // `get` answers undefined on 404, also when the Installation kind itself is not served (no tigera operator).
  const [ds, inst] = await Promise.all([
    kube.get({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: awsNode.name, namespace: awsNode.namespace }),
    kube.get({ apiVersion: installation.apiVersion, kind: installation.kind, name: installation.metadata.name }),
  ]);
  const running = (inst?.status as { calicoVersion?: unknown } | undefined)?.calicoVersion;
  return {
    awsNodePresent: ds !== undefined,
    calicoInstallation: inst !== undefined,
    ...(observed.network.vpcCniAddon ? { vpcCniAddon: observed.network.vpcCniAddon } : {}),
    ...(typeof running === 'string' && running ? { calicoVersion: running } : {}),
  };
}

export function checkNetwork(config: Config, facts: NetworkFacts): CheckItem {
  const errors: CheckError[] = [];
  if (config.provider === 'gcp') {
    if (facts.networkPolicy !== true) errors.push(error('network policy enforcement is off on the GKE cluster'));
  } else if (config.network === 'calico') {
    const { awsNode, installation } = AWS.calico;
    if (facts.awsNodePresent) {
      errors.push(error(`the AWS VPC CNI daemonset ${awsNode.namespace}/${awsNode.name} is still present`));
    }
    if (facts.vpcCniAddon) {
      const { version, status } = facts.vpcCniAddon;
      const shown = [version, status].filter(Boolean).join(', ');
      errors.push(
        error(
          `the ${AWS.vpcCniAddon} EKS add-on is installed${shown ? ` (${shown})` : ''}: an add-on update brings aws-node back beside Calico; delete the add-on (\`eksctl delete addon --cluster ${config.clusterName} --region ${config.region} --name ${AWS.vpcCniAddon}\`)`,
        ),
      );
    }
    if (!facts.calicoInstallation) {
      errors.push(
        error(`no Calico ${installation.kind} named ${installation.metadata.name} (${installation.apiVersion})`),
      );
    }
  }
  return item('network', errors);
}
