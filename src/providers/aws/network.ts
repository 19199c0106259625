/**
 * EKS `network`: with `network: calico`, the AWS VPC CNI daemonset removed and the Calico Installation
 * `default` present (read through the Kubernetes API), and no `vpc-cni` EKS add-on (from the EKS API: an
 * add-on update would bring aws-node back). With `vpc-cni`: nothing to check.
 */
import type { KubeClient } from '../../clients/kube.js';
import type { Config } from '../../inputs.js';
import { AWS } from '../../reference.js';
import { error, item } from '../../verify/checks.js';
import type { NetworkFacts } from '../../verify/network.js';
import type { CheckError, CheckItem } from '../../verify/types.js';
import type { CloudObservation } from '../types.js';

export async function eksNetworkFacts(
  config: Config,
  observed: CloudObservation,
  kube: KubeClient,
): Promise<NetworkFacts> {
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

export function checkEksNetwork(config: Config, facts: NetworkFacts): CheckItem {
  const errors: CheckError[] = [];
  if (config.network === 'calico') {
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
