import { z } from 'zod';
import { parseDurationMs } from '../sim/duration';

/**
 * The scenario file format (apiVersion k8sim.dev/v1alpha1, kind Scenario): a public contract that
 * trainers' files depend on. Fields may be added; existing ones never change meaning. Unknown
 * fields are refused so that a typo (`rn:` for `run:`) is reported, not silently ignored.
 */
const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? (value === 0 ? 0 : undefined) : parseDurationMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `invalid duration ${JSON.stringify(value)} (write it with a unit: 500ms, 30s, 2m, 1h)` });
    return z.NEVER;
  }
  return ms;
});

const localized = z.union([z.string(), z.object({ en: z.string().optional(), 'zh-CN': z.string().optional() }).strict()]);

const quantity = z.union([z.string(), z.number()]).transform(String);

const taint = z
  .object({ key: z.string(), value: z.string().optional(), effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']) })
  .strict();

const node = z
  .object({
    name: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 name'),
    cpu: quantity.optional(),
    memory: quantity.optional(),
    pods: quantity.optional(),
    labels: z.record(z.string(), z.string()).optional(),
    taints: z.array(taint).optional(),
  })
  .strict();

const etcd = z
  .object({
    members: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]).optional(),
    heartbeatInterval: duration.optional(),
    electionTimeout: duration.optional(),
    preVote: z.boolean().optional(),
    /** etcd --snapshot-count (100000): applied entries between snapshots; small values show log compaction. */
    snapshotCount: z.number().int().min(1).optional(),
  })
  .strict()
  // etcd refuses to start otherwise (embed/config.go: 5 * TickMs > ElectionMs).
  .refine((e) => (e.electionTimeout ?? 1000) >= 5 * (e.heartbeatInterval ?? 100), {
    message: 'etcd: --election-timeout should be at least as 5 times as --heartbeat-interval',
    path: ['electionTimeout'],
  });

const rateLimit = z.object({ qps: z.number().positive().max(1_000_000), burst: z.number().int().min(1).max(1_000_000) }).strict();

const cluster = z
  .object({
    nodes: z.union([z.number().int().min(0).max(10_000), z.array(node)]).optional(),
    nodeCPU: quantity.optional(),
    nodeMemory: quantity.optional(),
    etcd: etcd.optional(),
    startTime: z.string().datetime({ offset: true }).optional(),
    kubeProxy: z.object({ mode: z.enum(['iptables', 'ipvs']).optional() }).strict().optional(),
    /** kubeSystem: control-plane nodes with static pods, CoreDNS and the kube-proxy DaemonSet, as kubeadm leaves them. */
    kubeSystem: z.boolean().optional(),
    /** Replicas of kube-controller-manager and kube-scheduler (Lease-based leader election). */
    controlPlane: z
      .object({ controllerManagers: z.union([z.literal(1), z.literal(3)]).optional(), schedulers: z.union([z.literal(1), z.literal(3)]).optional() })
      .strict()
      .optional(),
    /** Client-side --kube-api-qps/--kube-api-burst per component (defaults: kcm 20/30, scheduler and kubelet 50/100). */
    clientRateLimits: z
      .object({ kubeControllerManager: rateLimit.optional(), kubeScheduler: rateLimit.optional(), kubelet: rateLimit.optional() })
      .strict()
      .optional(),
  })
  .strict();

const step = z
  .object({
    at: duration,
    run: z.string().min(1).optional(),
    stdin: z.string().optional(),
    /**
     * editor: what is saved in the editor the command opens (kubectl edit, vi FILE), one text per
     * time it opens; null quits without saving. The app records these as the learner types.
     */
    editor: z.union([z.string(), z.array(z.string().nullable())]).optional(),
    timeout: duration.optional(),
    narration: localized.optional(),
    chapter: localized.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    apiVersion: z.literal('k8sim.dev/v1alpha1'),
    kind: z.literal('Scenario'),
    metadata: z
      .object({
        name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label (a-z, 0-9, -)'),
        title: localized.optional(),
        description: localized.optional(),
        /** view is the diagram the app opens the scenario in. */
        view: z.enum(['map', 'sequence', 'rollout', 'hpa', 'raft', 'scheduler']).optional(),
      })
      .strict(),
    spec: z
      .object({
        seed: z.number().int().min(0).max(4294967295).optional(),
        cluster: cluster.optional(),
        until: duration.optional(),
        steps: z.array(step),
      })
      .strict(),
  })
  .strict();

export type ScenarioFile = z.output<typeof scenarioSchema>;
export type ScenarioStep = ScenarioFile['spec']['steps'][number];
