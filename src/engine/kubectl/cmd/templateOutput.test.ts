import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

describe('kubectl get -o jsonpath / jsonpath-as-json / custom-columns', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const [, , named, ranged, filtered, asJson, columns, unknown, unclosed, outOfBounds, noTemplate, columnsNoHeaders, columnsFile, jsonpathFile, badSpec] = runCommands(cluster, [
    'kubectl create deployment web --image=nginx:1.27 --replicas=2',
    { run: 'kubectl get pods', advanceMs: 20_000 },
    'kubectl get deploy web -o jsonpath={.spec.replicas}/{.metadata.name}',
    `kubectl get pods -o 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`,
    `kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'`,
    `kubectl get deploy -o jsonpath-as-json='{.items[*].spec.template.spec.containers[0].image}'`,
    'kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,IP:.status.podIP,MISSING:.spec.nope',
    'kubectl get pods -o foo',
    `kubectl get pods -o 'jsonpath={.kind'`,
    `kubectl get pods -o 'jsonpath={.items[7]}'`,
    'kubectl get pods -o jsonpath',
    'kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image --no-headers',
    'kubectl get pods -o custom-columns-file=cols.txt --no-headers',
    'kubectl get pods -o jsonpath-file=tpl.txt',
    'kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE',
  ]);

  it('renders a named object and lists (as a v1 List) without a trailing newline', () => {
    expect(named.stdout).toBe('2/web');
    const lines = ranged.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /^web-[a-z0-9]+-[a-z0-9]{5}\tRunning$/.test(l))).toBe(true);
    expect(filtered.stdout).toBe('10.0.1.1 10.0.1.2');
    expect(asJson.stdout).toBe('[\n    "nginx:1.27"\n]\n');
  });

  it('custom-columns prints a table with <none> for missing values', () => {
    const lines = columns.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+IMAGE\s+IP\s+MISSING$/);
    expect(lines[1]).toMatch(/^web-\S+\s+nginx:1\.27\s+10\.244\.\d+\.\d+\s+<none>$/);
  });

  it('custom-columns honours --no-headers (customcolumn_flags.go hands NoHeaders to the printer)', () => {
    const lines = columnsNoHeaders.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /^web-\S+   nginx:1\.27$/.test(l))).toBe(true);
  });

  it('reports the *-file formats and bad column specs with kubectl v1.32.4 wording', () => {
    expect(columnsFile.stderr).toBe('error: error reading template cols.txt, open cols.txt: no such file or directory\n');
    expect(jsonpathFile.stderr).toBe('error: error reading --template tpl.txt, open tpl.txt: no such file or directory\n');
    expect(badSpec.stderr).toBe('error: unexpected custom-columns spec: IMAGE, expected <header>:<json-path-expr>\n');
    expect([columnsFile.exit, jsonpathFile.exit, badSpec.exit]).toEqual([1, 1, 1]);
  });

  it('refuses unknown formats and broken templates as kubectl does', () => {
    expect(unknown.stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(unclosed.stderr).toBe('error: error parsing jsonpath {.kind, unclosed action\n');
    expect(outOfBounds.exit).toBe(1);
    expect(outOfBounds.stderr.endsWith('}}\n\n\n\n')).toBe(true);
    expect(outOfBounds.stderr).toMatch(/^error executing jsonpath "\{\.items\[7\]\}": Error executing template: array index out of bounds: index 7, length 2\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.items\[7\]\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "items":\[\]interface \{\}\{map/);
    expect(noTemplate.stderr).toBe('error: template format specified but no template given\n');
  });
});
