import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = (nodes = 0) => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(nodes), etcdMembers: 1 }), nodes ? DEFAULT_COMPONENTS : undefined);

// Reference texts: real kubectl v1.32.4 (Debian package) against oracles/kubectl/discovery_stub.py.
describe('kubectl version, cluster-info, api-resources, api-versions (pkg/cmd/version, clusterinfo, apiresources)', () => {
  it('version prints client, kustomize and server versions; --client skips the server; -o yaml sorts keys', () => {
    const [text, client, bad, extra, json] = runCommands(boot(), ['kubectl version', 'kubectl version --client -o yaml', 'kubectl version -o table', 'kubectl version now', 'kubectl version -o json']);
    expect(json.stdout).toMatch(/^\{\n {2}"clientVersion": \{\n {4}"major": "1",\n {4}"minor": "32",\n {4}"gitVersion": "v1\.32\.4",/);
    expect(JSON.parse(json.stdout).serverVersion.gitVersion).toBe('v1.32.4');
    expect(text.stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n');
    expect(client.stdout).toMatch(/^clientVersion:\n {2}buildDate: "2025-04-22T16:03:58Z"\n {2}compiler: gc\n[\s\S]* {2}minor: "32"\n {2}platform: linux\/amd64\nkustomizeVersion: v5\.5\.0\n$/);
    expect(bad.stderr).toBe("error: --output must be 'yaml' or 'json'\n");
    expect(extra.stderr).toBe('error: extra arguments: [now]\n');
  });

  it('cluster-info names the control plane endpoint and the dump hint', () => {
    const [info] = runCommands(boot(), ['kubectl cluster-info']);
    expect(info.stdout).toBe("Kubernetes control plane is running at https://10.0.0.2:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  });

  it('api-resources lists the served resources sorted by group then name, in the table kubectl prints', () => {
    const [table, names, wide, sorted, badSort, badOutput] = runCommands(boot(), [
      'kubectl api-resources',
      'kubectl api-resources --namespaced=false -o name',
      'kubectl api-resources --api-group=apps -o wide',
      'kubectl api-resources --sort-by=kind --api-group=rbac.authorization.k8s.io --no-headers',
      'kubectl api-resources --sort-by=age',
      'kubectl api-resources -o json',
    ]);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('NAME                       SHORTNAMES   APIVERSION                     NAMESPACED   KIND');
    expect(lines[1]).toBe('configmaps                 cm           v1                             true         ConfigMap');
    expect(lines).toContain('secrets                                 v1                             true         Secret');
    expect(lines).toContain('deployments                deploy       apps/v1                        true         Deployment');
    expect(lines.indexOf('services                   svc          v1                             true         Service')).toBeLessThan(lines.findIndex((l) => l.startsWith('daemonsets')));
    expect(names.stdout.split('\n')).toEqual(expect.arrayContaining(['namespaces', 'nodes', 'clusterroles.rbac.authorization.k8s.io', 'priorityclasses.scheduling.k8s.io']));
    expect(names.stdout).not.toContain('pods');
    expect(wide.stdout.split('\n')[0]).toBe('NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND                 VERBS                                                        CATEGORIES');
    expect(wide.stdout).toContain('deployments           deploy       apps/v1      true         Deployment           create,delete,deletecollection,get,list,patch,update,watch   all\n');
    expect(sorted.stdout.split('\n').map((l) => l.split(/\s+/).pop())).toEqual(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', '']);
    expect(badSort.stderr).toBe('error: --sort-by accepts only name or kind\n');
    expect(badOutput.stderr).toBe('error: --output json is not available\n');
  });

  it('api-versions lists group/versions sorted, the core v1 last', () => {
    const [versions] = runCommands(boot(), ['kubectl api-versions']);
    const lines = versions.stdout.trim().split('\n');
    expect(lines[0]).toBe('apps/v1');
    expect(lines).toContain('rbac.authorization.k8s.io/v1');
    expect(lines[lines.length - 1]).toBe('v1');
    expect([...lines].sort()).toEqual(lines);
  });
});

describe('kubectl patch (pkg/cmd/patch)', () => {
  it('patches with strategic, merge and JSON patches and says when nothing changed', () => {
    const cluster = boot();
    const results = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.27 --replicas=1',
      `kubectl patch deployment web -p '{"spec":{"replicas":2}}'`,
      `kubectl patch deployment web -p '{"spec":{"replicas":2}}'`,
      `kubectl patch deploy/web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`,
      `kubectl patch deploy web --type merge -p 'metadata: {labels: {tier: web}}'`,
      'kubectl get deploy web -o json',
    ]);
    const web = JSON.parse(results[5].stdout);
    expect([web.spec.replicas, web.metadata.labels.tier]).toEqual([3, 'web']);
    expect(results.map((r) => r.stdout)).toEqual([
      'deployment.apps/web created\n',
      'deployment.apps/web patched\n',
      'deployment.apps/web patched (no change)\n',
      'deployment.apps/web patched\n',
      'deployment.apps/web patched\n',
      expect.stringMatching(/^\{\n/),
    ]);
  });

  it('refuses what real kubectl refuses, with its messages', () => {
    const results = runCommands(boot(), [
      'kubectl create deployment web --image=nginx:1.27',
      'kubectl patch deployment web',
      `kubectl patch deployment web -p '{}' --type=foo`,
      `kubectl patch -p '{}'`,
      `kubectl patch deployment nope -p '{"spec":{"replicas":2}}'`,
      `kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/nothere/x","value":1}]'`,
      `kubectl patch deployment web -p '{"spec":{"replicas":-1}}'`,
    ]);
    expect(results.slice(1).map((r) => r.stderr)).toEqual([
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
      'error: --type must be one of [json merge strategic], not "foo"\n',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      'Error from server (NotFound): deployments.apps "nope" not found\n',
      expect.stringContaining('Error from server'),
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    ]);
  });
});

describe('kubectl events (pkg/cmd/events)', () => {
  it('lists events oldest first with Kind/name objects, filters by --for and --types, -A adds NAMESPACE', () => {
    const cluster = boot(1);
    const [, , all, forDeploy, warnings, none, bad, badFor] = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.27',
      { run: 'kubectl get pods', advanceMs: 30_000 },
      'kubectl events',
      'kubectl events --for deployment/web',
      'kubectl events -A --types=Warning',
      'kubectl events -n kube-public',
      'kubectl events --types=Error',
      'kubectl events --for web',
    ]);
    const lines = all.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    const reasons = lines.filter((l) => l.includes('Pod/web-')).map((l) => l.split(/\s+/)[2]);
    expect(reasons.indexOf('Created')).toBeLessThan(reasons.indexOf('Started'));
    expect(lines.some((l) => /Deployment\/web\s+Scaled up replica set web-[a-z0-9]+ to 1$/.test(l))).toBe(true);
    expect(forDeploy.stdout.trim().split('\n').slice(1).every((l) => l.includes('Deployment/web'))).toBe(true);
    expect(warnings.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
    expect(warnings.stdout.trim().split('\n').slice(1).every((l) => l.includes('Warning'))).toBe(true);
    expect(none.stderr).toBe('No events found in kube-public namespace.\n');
    expect(bad.stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(badFor.stderr).toBe('error: --for must be in resource/name form\n');
  });
});
