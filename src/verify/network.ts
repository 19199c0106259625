/**
 * `network`: network policy enforcement as the reference architecture sets it up. GKE: network policy on
 * the cluster (from the cloud API). EKS with `network: calico`: the AWS VPC CNI daemonset removed and the
 * Calico Installation `default` present (read through the Kubernetes API), and no `vpc-cni` EKS add-on
 * (from the EKS API: an add-on update would bring aws-node back). EKS with `vpc-cni`: nothing to check.
 */
import type { KubeClient } from '../clients/kube.js';
import type { CloudObservation } from '../providers/types.js';
import type { Config } from '../inputs.js';
import { providerOf } from '../providers/index.js';
import type { CheckItem } from './types.js';

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
export function networkFacts(config: Config, observed: CloudObservation, kube: KubeClient): Promise<NetworkFacts> {
  return providerOf(config).networkFacts(config, observed, kube);
}

/** `network`: the provider's check over those facts. */
export function checkNetwork(config: Config, facts: NetworkFacts): CheckItem {
  return providerOf(config).checkNetwork(config, facts);
}
