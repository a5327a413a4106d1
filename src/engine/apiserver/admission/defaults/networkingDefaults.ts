// Mirrors kubernetes pkg/apis/networking/v1/defaults.go (SetDefaults_NetworkPolicyPort,
// SetDefaults_NetworkPolicySpec), v1.32. Ingress and IngressClass have no defaulters.
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';

/**
 * setDefaultsNetworkPolicy: a policy without policyTypes is an Ingress policy, and an Egress one
 * too when it has egress rules; a port without a protocol is TCP.
 */
export function setDefaultsNetworkPolicy(policy: NetworkPolicy): void {
  const spec = policy.spec;
  if (!spec) return;
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const port of rule.ports ?? []) port.protocol ??= 'TCP';
  }
  if ((spec.policyTypes ?? []).length === 0) spec.policyTypes = (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}
