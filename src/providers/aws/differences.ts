/** EKS cluster-level differences `cloud-config` reports beside the nodegroups' (src/verify/cloud-config.ts). */
import type { Config } from '../../inputs.js';
import { AWS } from '../../reference.js';
import { error } from '../../verify/checks.js';
import type { CheckError } from '../../verify/types.js';
import type { CloudObservation } from '../types.js';

const shown = (v: unknown) => JSON.stringify(v ?? null);

/**
 * The EKS cluster's own settings the ClusterConfig renders. The upgrade policy: eksctl (0.230) has no
 * command that changes it on an existing cluster and `apply` changes the cloud through eksctl only, so a
 * difference is reported here with the AWS CLI command that fixes it.
 */
export function eksClusterDifferences(config: Config, observed: CloudObservation): CheckError[] {
  const out: CheckError[] = [];
  const wanted = AWS.supportTypes[config.supportType];
  const found = observed.eks?.supportType;
  if (found !== undefined && found !== wanted) {
    out.push(
      error(
        `cluster ${config.clusterName}: upgrade policy support type is ${shown(found)}, wanted ${shown(wanted)} (eks-support-type: ${config.supportType}); ` +
          `run \`aws eks update-cluster-config --name ${config.clusterName} --region ${config.region} --upgrade-policy supportType=${wanted}\``,
      ),
    );
  }
  return out;
}
