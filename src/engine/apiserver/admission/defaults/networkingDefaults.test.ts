import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { runCommands } from '../../../testing/runCommands';

// pkg/apis/networking/v1/defaults.go and the networking.k8s.io/v1 registry (v1.32).
describe('networking.k8s.io/v1', () => {
  it('serves NetworkPolicies (policyTypes and port protocol defaulted) and Ingresses (empty load balancer status)', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(0), etcdMembers: 1 }));
    const [, policy, ingress, table] = runCommands(cluster, [
      {
        run: 'kubectl apply -f -',
        stdin: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {matchLabels: {app: db}}
  egress: [{ports: [{port: 5432}]}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules: [{host: web.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`,
      },
      "kubectl get netpol db -o jsonpath='{.spec.policyTypes} {.spec.egress[0].ports[0].protocol} {.metadata.generation}'",
      "kubectl get ing web -o jsonpath='{.status}'",
      'kubectl get ingress',
    ]);
    expect(policy.stdout).toBe('["Ingress","Egress"] TCP 1');
    expect(ingress.stdout).toBe('{"loadBalancer":{}}');
    expect(table.stdout).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\nweb +<none> +web\.example +80 +\d+s\n$/);
  });
});
