import { describe, expect, it } from 'vitest';
import type { SequenceStep } from '../../player/sequence/steps';
import { toMermaid } from './mermaid';

const steps: SequenceStep[] = [
  { id: 'post', t: 1, from: 'kubectl', to: 'kube-apiserver', detail: { kind: 'Pod', name: 'web' } },
  { id: 'admission', t: 1, from: 'kube-apiserver', to: 'kube-apiserver', detail: {} },
  { id: 'persist', t: 9, from: 'kube-apiserver', to: 'etcd', detail: { kind: 'Pod', rv: '41' } },
  { id: 'filter', t: 30, from: 'kube-scheduler', to: 'kube-scheduler', detail: { feasible: 2, nodes: 3 } },
];

describe('toMermaid', () => {
  it('writes a sequenceDiagram with aliased participants and numbered captions', () => {
    expect(toMermaid(steps, 'en')).toBe(
      [
        'sequenceDiagram',
        '  participant kubectl',
        '  participant apiserver as kube-apiserver',
        '  participant etcd',
        '  participant scheduler as kube-scheduler',
        '  kubectl->>apiserver: 1. POST Pod: kubectl sends the Pod to the API server',
        '  apiserver->>apiserver: 2. authentication → authorization → admission → validation',
        '  apiserver->>etcd: 3. persist Pod in etcd (resourceVersion 41)',
        '  scheduler->>scheduler: 4. filter: 2/3 nodes fit',
        '',
      ].join('\n'),
    );
  });

  it('captions in zh-CN', () => {
    expect(toMermaid(steps.slice(0, 1), 'zh-CN')).toContain('kubectl->>apiserver: 1. POST Pod：kubectl 把 Pod 发送给 API Server');
  });
});
