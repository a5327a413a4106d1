import type { Locale } from '../../i18n/messages';
import type { SequenceStep, StepId } from './steps';

type Caption = (d: SequenceStep['detail']) => string;

const EN: Record<StepId, Caption> = {
  post: (d) => `POST ${d.kind}: kubectl sends the ${d.kind} to the API server`,
  admission: () => 'authentication → authorization → admission → validation',
  persist: (d) => `persist ${d.kind} in etcd (resourceVersion ${d.rv})`,
  created: () => '201 Created',
  watchDeployment: () => 'watch: the Deployment controller sees the new Deployment',
  createReplicaSet: (d) => `create ReplicaSet ${d.name}`,
  createPod: (d) => `the ReplicaSet controller creates Pod ${d.name}`,
  watchPod: () => 'watch: the scheduler sees a Pod without a node',
  filter: (d) => `filter: ${d.feasible}/${d.nodes} nodes fit`,
  score: (d) => `score: ${d.node} wins (${d.total})`,
  bind: (d) => `bind the Pod to ${d.node}`,
  kubeletWatch: (d) => `watch: the kubelet on ${d.node} sees its new Pod`,
  sandbox: (d) => `RunPodSandbox (pause), IP ${d.ip}`,
  pull: (d) => `PullImage ${d.image}`,
  createContainer: (d) => `CreateContainer ${d.container}`,
  startContainer: (d) => `StartContainer ${d.container}`,
  statusRunning: () => 'update Pod status: Running',
  endpoints: (d) => `the EndpointSlice controller adds the Pod to ${d.name}`,
  proxyRules: (d) => `kube-proxy rewrites the ${d.mode} rules`,
};

const ZH: Record<StepId, Caption> = {
  post: (d) => `POST ${d.kind}：kubectl 把 ${d.kind} 发送给 API Server`,
  admission: () => '认证 → 鉴权 → 准入控制 → 校验',
  persist: (d) => `把 ${d.kind} 写入 etcd（resourceVersion ${d.rv}）`,
  created: () => '201 Created（已创建）',
  watchDeployment: () => 'watch：Deployment 控制器发现新的 Deployment',
  createReplicaSet: (d) => `创建 ReplicaSet ${d.name}`,
  createPod: (d) => `ReplicaSet 控制器创建 Pod ${d.name}`,
  watchPod: () => 'watch：调度器发现一个未分配节点的 Pod',
  filter: (d) => `过滤：${d.nodes} 个节点中 ${d.feasible} 个满足条件`,
  score: (d) => `打分：${d.node} 胜出（${d.total} 分）`,
  bind: (d) => `把 Pod 绑定到 ${d.node}`,
  kubeletWatch: (d) => `watch：${d.node} 上的 kubelet 发现分配给它的 Pod`,
  sandbox: (d) => `RunPodSandbox（pause 容器），IP ${d.ip}`,
  pull: (d) => `拉取镜像 ${d.image}`,
  createContainer: (d) => `创建容器 ${d.container}`,
  startContainer: (d) => `启动容器 ${d.container}`,
  statusRunning: () => '更新 Pod 状态：Running',
  endpoints: (d) => `EndpointSlice 控制器把 Pod 加入 ${d.name}`,
  proxyRules: (d) => `kube-proxy 重写 ${d.mode} 规则`,
};

/** caption is a step's one-line explanation with its live numbers, in the learner's language. */
export function caption(step: SequenceStep, locale: Locale): string {
  return (locale === 'zh-CN' ? ZH : EN)[step.id](step.detail);
}
