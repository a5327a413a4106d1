import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: example-ingress}
spec:
  ingressClassName: nginx
  rules:
  - host: hello-world.example
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}
`;

// k8s.io/kubectl pkg/describe/describe.go IngressDescriber (v1.32), as the "Set up Ingress on
// Minikube" task shows it (without an ingress controller there is no Address).
describe('kubectl describe ingress', () => {
  it('lists the rules with each backend Service\'s ready endpoints, or the lookup error', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, before, , , after] = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: INGRESS },
      'kubectl describe ingress example-ingress',
      'kubectl create deployment web --image=nginx:1.27.3 --port=8080',
      'kubectl expose deployment web --port=8080',
      { run: 'kubectl describe ingress example-ingress', advanceMs: 20_000 },
    ]);
    expect(before.stdout).toBe(`Name:             example-ingress
Labels:           <none>
Namespace:        default
Address:          
Ingress Class:    nginx
Default backend:  <default>
Rules:
  Host                 Path  Backends
  ----                 ----  --------
  hello-world.example  
                       /   web:8080 (<error: services "web" not found>)
Annotations:           <none>
Events:                <none>
`);
    expect(after.stdout).toMatch(/\n {23}\/ {3}web:8080 \(10\.244\.1\.\d+:8080\)\n/);
  });
});
