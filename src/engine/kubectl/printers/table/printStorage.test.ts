import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { runCommands } from '../../../testing/runCommands';
import { accessModesText } from './printStorage';

const boot = () => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }));

// The kubernetes.io task "Configure a Pod to Use a PersistentVolume for Storage", plus a default class.
const MANIFESTS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: task-pv-volume, labels: {type: local}}
spec:
  storageClassName: manual
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /mnt/data}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: task-pv-claim}
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 3Gi}}
`;

describe('kubectl get for StorageClasses, PersistentVolumes and claims (printers.go printStorageClass/printPersistentVolume/printPersistentVolumeClaim)', () => {
  it('says "No resources found" without a namespace for cluster-scoped kinds (kubernetes#89861)', () => {
    const [pv, sc, pvc, mixed, nodesAndPv] = runCommands(boot(), ['kubectl get pv', 'kubectl get sc', 'kubectl get pvc', 'kubectl get pvc,pv', 'kubectl get nodes,pv']);
    expect(pv).toMatchObject({ exit: 0, stdout: '', stderr: 'No resources found\n' });
    expect(sc.stderr).toBe('No resources found\n');
    expect(pvc.stderr).toBe('No resources found in default namespace.\n');
    expect(mixed.stderr).toBe('No resources found\n');
    expect(nodesAndPv.stderr).toBe('No resources found\n');
  });

  it('prints the server-side columns, with the apiserver defaults filled in', () => {
    const [applied, tables, wide, pvYaml] = runCommands(boot(), [
      { run: 'kubectl apply -f -', stdin: MANIFESTS },
      { run: 'kubectl get sc,pv,pvc', advanceMs: 5_000 },
      'kubectl get pv,pvc -o wide',
      'kubectl get pv task-pv-volume -o jsonpath={.spec.persistentVolumeReclaimPolicy},{.spec.volumeMode},{.spec.hostPath.type},{.status.phase}',
    ]);
    expect(applied.stdout).toBe('storageclass.storage.k8s.io/standard created\npersistentvolume/task-pv-volume created\npersistentvolumeclaim/task-pv-claim created\n');
    expect(tables.stdout).toBe(
      [
        'NAME                                             PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE',
        'storageclass.storage.k8s.io/standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  5s',
        '',
        'NAME                              CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS    CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
        'persistentvolume/task-pv-volume   10Gi       RWO            Retain           Pending           manual         <unset>                          5s',
        '',
        'NAME                                  STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        'persistentvolumeclaim/task-pv-claim   Pending                                      manual         <unset>                 5s',
        '',
      ].join('\n'),
    );
    expect(wide.stdout.split('\n')[0]).toMatch(/REASON {3}AGE {3}VOLUMEMODE$/);
    expect(wide.stdout.split('\n')[1]).toMatch(/ Filesystem$/);
    expect(pvYaml.stdout).toBe('Retain,Filesystem,,Pending');
  });

  it('lists access modes in GetAccessModesAsString order, each once', () => {
    expect(accessModesText(['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany'])).toBe('RWO,ROX,RWX,RWOP');
    expect(accessModesText(undefined)).toBe('');
  });
});
