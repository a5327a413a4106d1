import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../../components';
import { runCommands } from '../../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 7, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
const apply = (stdin: string, advanceMs?: number) => ({ run: 'kubectl apply -f -', stdin, advanceMs });
const claim = (name: string, storageClassName: string | null, storage = '3Gi') =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}}\nspec:\n${storageClassName === null ? '' : `  storageClassName: "${storageClassName}"\n`}  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: ${storage}}}\n---\n`;
const volume = (name: string, storage: string, storageClassName: string, extra = '') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}}\nspec:\n  storageClassName: ${storageClassName}\n  capacity: {storage: ${storage}}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/${name}}\n${extra}---\n`;
const podUsing = (name: string, claimName: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  volumes: [{name: data, persistentVolumeClaim: {claimName: ${claimName}}}]\n  containers: [{name: c, image: nginx:1.27}]\n---\n`;
const lastEvent = (described: string) => described.trim().split('\n').pop() ?? '';

// pkg/controller/volume/persistentvolume/pv_controller.go (v1.32): the binder, its Events and the
// release of a volume whose claim is gone; the protection finalizers of StorageObjectInUseProtection.
describe('persistentvolume-binder-controller', () => {
  it('binds a claim to the smallest matching static volume and fills both sides', () => {
    const [, got, pvYaml, pvcAnnotations] = runCommands(boot(), [
      apply(volume('pv-10', '10Gi', 'manual') + volume('pv-5', '5Gi', 'manual') + volume('pv-other', '4Gi', 'fast') + claim('data', 'manual')),
      { run: 'kubectl get pvc data -o jsonpath={.status.phase},{.spec.volumeName},{.status.capacity.storage},{.status.accessModes}', advanceMs: 30_000 },
      "kubectl get pv pv-5 -o jsonpath='{.status.phase},{.spec.claimRef.kind}/{.spec.claimRef.name},{.metadata.annotations.pv\\.kubernetes\\.io/bound-by-controller},{.metadata.finalizers}'",
      'kubectl get pvc data -o jsonpath={.metadata.annotations},{.metadata.finalizers}',
    ]);
    expect(got.stdout).toBe('Bound,pv-5,5Gi,["ReadWriteOnce"]');
    expect(pvYaml.stdout).toBe('Bound,PersistentVolumeClaim/data,yes,["kubernetes.io/pv-protection"]');
    expect(JSON.parse(pvcAnnotations.stdout.split(',["')[0])).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(pvcAnnotations.stdout).toMatch(/\["kubernetes\.io\/pvc-protection"\]$/);
  });

  it('explains a claim it cannot bind, as describe shows it', () => {
    const results = runCommands(boot(), [
      apply(
        claim('no-class', null) + claim('missing-class', 'fast') + claim('in-tree', 'legacy') + claim('external', 'standard') + claim('local', 'local') +
          'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: legacy}\nprovisioner: kubernetes.io/no-provisioner\n---\n' +
          'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: standard}\nprovisioner: rancher.io/local-path\n---\n' +
          'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n',
      ),
      { run: 'kubectl describe pvc no-class', advanceMs: 40_000 },
      'kubectl describe pvc missing-class',
      'kubectl describe pvc in-tree',
      'kubectl describe pvc external',
      'kubectl describe pvc local',
      "kubectl get pvc external -o jsonpath='{.metadata.annotations.volume\\.kubernetes\\.io/storage-provisioner}'",
    ]);
    const [, noClass, missingClass, inTree, external, local, provisioner] = results;
    expect(lastEvent(noClass.stdout)).toMatch(/Normal +FailedBinding .* persistentvolume-controller +no persistent volumes available for this claim and no storage class is set$/);
    // Retried on every resync (--pvclaimbinder-sync-period 15 s), so the Event counts up.
    expect(lastEvent(noClass.stdout)).toMatch(/\(x[3-4] over 4\ds\)/);
    expect(lastEvent(missingClass.stdout)).toMatch(/Warning +ProvisioningFailed .* storageclass\.storage\.k8s\.io "fast" not found$/);
    expect(lastEvent(inTree.stdout)).toMatch(/Warning +ProvisioningFailed .* no volume plugin matched name: kubernetes\.io\/no-provisioner$/);
    expect(lastEvent(external.stdout)).toMatch(
      /Normal +ExternalProvisioning .* Waiting for a volume to be created either by the external provisioner 'rancher\.io\/local-path' or manually by the system administrator\. If volume creation is delayed, please verify that the provisioner is running and correctly registered\.$/,
    );
    expect(lastEvent(local.stdout)).toMatch(/Normal +WaitForFirstConsumer .* waiting for first consumer to be created before binding$/);
    expect(provisioner.stdout).toBe('rancher.io/local-path');
    for (const r of results.slice(1, 6)) expect(r.stdout).toContain('Status:        Pending\n');
  });

  it('keeps a claim in use Terminating, then releases the volume (Retain) or fails to delete it (Delete)', () => {
    const [, , terminating, described, , afterPod, retained, failed, events] = runCommands(boot(), [
      apply(volume('keep', '5Gi', 'manual') + volume('drop', '5Gi', 'scratch', '  persistentVolumeReclaimPolicy: Delete\n') + claim('data', 'manual') + claim('tmp', 'scratch') + podUsing('user', 'data')),
      { run: 'kubectl delete pvc data tmp --wait=false', advanceMs: 40_000 },
      { run: 'kubectl get pvc', advanceMs: 5_000 },
      'kubectl describe pvc data',
      'kubectl delete pod user',
      { run: 'kubectl get pvc', advanceMs: 40_000 },
      'kubectl get pv keep -o jsonpath={.status.phase}',
      'kubectl get pv drop -o jsonpath={.status.phase}:{.status.message}',
      'kubectl get events --field-selector involvedObject.name=drop',
    ]);
    expect(terminating.stdout).toMatch(/^data +Terminating +keep /m);
    expect(terminating.stdout).not.toContain('tmp');
    expect(described.stdout).toMatch(/^Status: +Terminating \(lasts 5s\)\nVolume: +keep\n/m);
    expect(described.stdout).toMatch(/^Finalizers: +\[kubernetes\.io\/pvc-protection\]\nCapacity: +5Gi\nAccess Modes: +RWO\nVolumeMode: +Filesystem\nUsed By: +user\n/m);
    expect(afterPod.stderr).toBe('No resources found in default namespace.\n');
    expect(retained.stdout).toBe('Released');
    const message = 'error getting deleter volume plugin for volume "drop": no deletable volume plugin matched';
    expect(failed.stdout).toBe(`Failed:${message}`);
    expect(events.stdout).toMatch(new RegExp(`Warning +VolumeFailedDelete +persistentvolume/drop +${message.replace(/[".]/g, '.')}\\n$`));
  });
});

// pkg/scheduler/framework/plugins/volumebinding (v1.32): what a pod with claims waits for.
describe('VolumeBinding', () => {
  it('rejects pods whose claim is missing or unbound, then schedules once the binder bound it', () => {
    const [, missing, early, , bound] = runCommands(boot(), [
      apply(podUsing('early', 'data') + podUsing('missing', 'nope') + claim('data', 'manual')),
      { run: 'kubectl describe pod missing', advanceMs: 5_000 },
      'kubectl describe pod early',
      apply(volume('pv', '5Gi', 'manual')),
      { run: 'kubectl get pod early -o jsonpath={.status.phase}', advanceMs: 60_000 },
    ]);
    const suffix = 'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..';
    expect(missing.stdout).toContain(`0/2 nodes are available: persistentvolumeclaim "nope" not found. ${suffix}`);
    expect(lastEvent(early.stdout)).toContain(`0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${suffix}`);
    expect(bound.stdout).toBe('Running');
  });

  it('places a WaitForFirstConsumer claim where its local volume is, and only once', () => {
    const affinity = '  nodeAffinity:\n    required:\n      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-2]}]}]\n';
    const [, placed, claims, , second] = runCommands(boot(), [
      apply(
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n---\n' +
          volume('local-pv', '5Gi', 'local', affinity) + claim('a', 'local', '1Gi') + claim('b', 'local', '1Gi') + podUsing('pa', 'a'),
      ),
      { run: 'kubectl get pod pa -o jsonpath={.spec.nodeName},{.status.phase}', advanceMs: 30_000 },
      "kubectl get pvc -o jsonpath='{range .items[*]}{.metadata.name}={.status.phase}/{.spec.volumeName} {end}'",
      { ...apply(podUsing('pb', 'b')), advanceMs: 0 },
      { run: 'kubectl get pod pb -o jsonpath={.status.phase}', advanceMs: 30_000 },
    ]);
    expect(placed.stdout).toBe('node-2,Running');
    expect(claims.stdout).toBe('a=Bound/local-pv b=Pending/ ');
    expect(second.stdout).toBe('Pending');
  });

  it('reports volumes no node can take', () => {
    const [, , described] = runCommands(boot(), [
      apply('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n---\n' + claim('b', 'local', '1Gi')),
      { ...apply(podUsing('pb', 'b')), advanceMs: 1_000 },
      { run: 'kubectl describe pod pb', advanceMs: 10_000 },
    ]);
    expect(described.stdout).toContain("0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..");
  });
});
