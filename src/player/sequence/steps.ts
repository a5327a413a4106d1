/** Lifelines of the pod-creation sequence, left to right as the seeds draw them. */
export const LIFELINES = ['kubectl', 'kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'container runtime', 'kube-proxy'] as const;
export type Lifeline = (typeof LIFELINES)[number];

/** StepId names each step of the classic pod-creation sequence. */
export type StepId =
  | 'post'
  | 'admission'
  | 'persist'
  | 'created'
  | 'watchDeployment'
  | 'createReplicaSet'
  | 'createPod'
  | 'watchPod'
  | 'filter'
  | 'score'
  | 'bind'
  | 'kubeletWatch'
  | 'sandbox'
  | 'pull'
  | 'createContainer'
  | 'startContainer'
  | 'statusRunning'
  | 'endpoints'
  | 'proxyRules';

/** SequenceStep is one arrow of the diagram as it happened: when, from, to, and its numbers. */
export interface SequenceStep {
  id: StepId;
  t: number;
  from: Lifeline;
  to: Lifeline;
  /** detail carries the live facts for the caption (`node-2`, `3/3 nodes`, the image …). */
  detail: Record<string, string | number>;
}

/**
 * COMPACT_STEPS is the 15-step view (the seeds' classic order for one Pod); the detailed view
 * adds the controllers' steps of a Deployment and the endpoints → kube-proxy tail.
 */
export const COMPACT_STEPS: readonly StepId[] = [
  'post', 'admission', 'persist', 'created', 'watchPod', 'filter', 'score', 'bind', 'kubeletWatch', 'sandbox', 'pull', 'createContainer', 'startContainer', 'statusRunning', 'endpoints',
];
