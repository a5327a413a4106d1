// kubectl get -o go-template / -o template / --template through the terminal of a booted
// cluster, with the commands of the Kubernetes Basics tutorial.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

describe('kubectl get -o go-template', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const [, , , names, nodePort, replicas, count, podIPs, parseError, execError, missing, strict] = runCommands(cluster, [
    'kubectl create deployment web --image=nginx:1.27 --replicas=2',
    'kubectl expose deployment web --type=NodePort --port=80',
    { run: 'kubectl get pods', advanceMs: 20_000 },
    `kubectl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
    `kubectl get services/web -o go-template='{{(index .spec.ports 0).nodePort}}'`,
    `kubectl get deploy web -o template --template='{{.spec.replicas}}'`,
    `kubectl get pods --template='{{len .items}}'`,
    `kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{"\\t"}}{{.status.podIP}}{{"\\n"}}{{end}}'`,
    `kubectl get pods -o go-template='{{.metadata.name}'`,
    `kubectl get pods -o go-template='{{index .items 5}}'`,
    `kubectl get deploy web -o go-template='{{.spec.nope}}'`,
    `kubectl get deploy web -o go-template='{{.spec.nope}}' --allow-missing-template-keys=false`,
  ]);

  it('prints the tutorial templates', () => {
    const lines = names.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).every((l) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(l))).toBe(true);
    expect(lines[2]).toBe('');
    expect(nodePort.stdout).toMatch(/^3\d{4}$/);
    expect(replicas.stdout).toBe('2');
    expect(count.stdout).toBe('2');
    expect(podIPs.stdout).toMatch(/^(web-\S+\t10\.244\.\d+\.\d+\n){2}$/);
    expect([names.exit, nodePort.exit, replicas.exit, count.exit, podIPs.exit]).toEqual([0, 0, 0, 0, 0]);
  });

  it('reports parse errors as kubectl does', () => {
    expect(parseError.exit).toBe(1);
    expect(parseError.stdout).toBe('');
    expect(parseError.stderr).toBe("error: error parsing template {{.metadata.name}, template: output:1: bad character U+007D '}'\n");
  });

  it('reports execution errors with the debugging dump on stdout', () => {
    expect(execError.exit).toBe(1);
    expect(execError.stderr).toBe(
      'error: error executing template "{{index .items 5}}": template: output:1:2: executing "output" at <index .items 5>: error calling index: index out of range: 5\n',
    );
    expect(execError.stdout).toMatch(/^Error executing template: template: output:1:2: executing "output" at <index \.items 5>: error calling index: index out of range: 5\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\{index \.items 5\}\}\n\traw data was:\n\t\t\{"apiVersion":"v1","items":\[\{/);
    expect(execError.stdout).toMatch(/\n\tobject given to template engine was:\n\t\tmap\[apiVersion:v1 items:\[map\[.*\] kind:List metadata:map\[resourceVersion:\]\]\n\n$/s);
  });

  it('prints <no value> for missing keys unless --allow-missing-template-keys=false', () => {
    expect(missing.stdout).toBe('<no value>');
    expect(strict.exit).toBe(1);
    expect(strict.stderr).toBe(
      'error: error executing template "{{.spec.nope}}": template: output:1:7: executing "output" at <.spec.nope>: map has no entry for key "nope"\n',
    );
  });
});
