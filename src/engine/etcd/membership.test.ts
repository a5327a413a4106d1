import { describe, expect, it } from 'vitest';
import { clusterID, idString, memberID } from './membership';

// IDs real etcd 3.4.23 printed for `etcdctl snapshot restore` (etcdctl/testdata/snapshot_restore*.txt).
describe('etcd member and cluster IDs', () => {
  it('derives them from the peer URLs and the cluster token', () => {
    const byDefault = memberID(['http://localhost:2380'], 'etcd-cluster');
    expect(idString(byDefault)).toBe('8e9e05c52164694d');
    expect(idString(clusterID([byDefault]))).toBe('cdf818194e3a8c32');
    const restored = memberID(['https://10.0.0.2:2380'], 'etcd-cluster');
    expect(idString(restored)).toBe('fde9dd315b6d0b2');
    expect(idString(clusterID([restored]))).toBe('d159fca3fb051972');
  });
});
