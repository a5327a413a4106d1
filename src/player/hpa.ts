import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Cluster } from '../engine/cluster';
import type { ProposalExplanation } from '../engine/controllers/podautoscaler/hpaTrace';
import type { TraceEvent } from '../engine/sim/trace';

/** HpaPoint is one HPA sync: the metric, the formula and what normalization made of it. */
export interface HpaPoint {
  t: number;
  /** currentValue / targetValue in percent of request (or milli-units for non-percent metrics). */
  currentValue?: number;
  targetValue?: number;
  unit?: string;
  currentReplicas: number;
  /** proposed by the metric (ceil(ratio × pods)), before stabilization and limits. */
  proposedReplicas?: number;
  stabilizedReplicas?: number;
  desiredReplicas: number;
  limitReason?: string;
  rescale: boolean;
  formula?: string;
  /** the numbers behind `formula`, for the chart to word in the learner's language. */
  explanation?: ProposalExplanation;
  error?: string;
}

/** HpaView is what the HPA chart draws for one HorizontalPodAutoscaler. */
export interface HpaView {
  namespace: string;
  name: string;
  minReplicas: number;
  maxReplicas: number;
  /** the scale-down stabilization window (300 s unless spec.behavior says otherwise). */
  downWindowSeconds: number;
  upWindowSeconds: number;
  points: HpaPoint[];
}

const MAX_POINTS = 240;

/**
 * HpaTracker assembles each HPA sync from its trace (`hpa.metric` → `hpa.normalize` →
 * `hpa.decision`, see controllers/podautoscaler/hpaTrace.ts) into a point of the chart.
 */
export class HpaTracker {
  private readonly series = new Map<string, HpaPoint[]>();
  private readonly pending = new Map<string, Partial<HpaPoint>>();

  constructor(private readonly cluster: Cluster) {}

  observe(event: TraceEvent): void {
    if (!event.kind.startsWith('hpa.') || !event.ref) return;
    const key = `${event.ref.namespace}/${event.ref.name}`;
    const e = event as TraceEvent & Record<string, unknown>;
    const p = this.pending.get(key) ?? {};
    if (event.kind === 'hpa.metric') {
      Object.assign(p, { currentValue: e.currentValue, targetValue: e.targetValue, unit: e.unit, proposedReplicas: e.proposedReplicas, formula: e.formula, explanation: e.explanation, error: e.error });
    } else if (event.kind === 'hpa.normalize') {
      Object.assign(p, { stabilizedReplicas: e.stabilizedReplicas, limitReason: e.limitReason });
    } else if (event.kind === 'hpa.decision') {
      const point: HpaPoint = { ...(p as HpaPoint), t: event.t, currentReplicas: Number(e.currentReplicas ?? 0), desiredReplicas: Number(e.desiredReplicas ?? 0), rescale: Boolean(e.rescale) };
      if (e.error) point.error = String(e.error);
      const list = this.series.get(key) ?? [];
      list.push(point);
      if (list.length > MAX_POINTS) list.shift();
      this.series.set(key, list);
      this.pending.delete(key);
      return;
    }
    this.pending.set(key, p);
  }

  views(): HpaView[] {
    const listed = this.cluster.apiserver.ctx.cachers.get('horizontalpodautoscalers')?.list({});
    const hpas = listed?.ok ? (listed.items as HorizontalPodAutoscaler[]) : [];
    return hpas.slice(0, 5).map((h) => ({
      namespace: h.metadata?.namespace ?? '',
      name: h.metadata?.name ?? '',
      minReplicas: h.spec?.minReplicas ?? 1,
      maxReplicas: h.spec?.maxReplicas ?? 1,
      downWindowSeconds: h.spec?.behavior?.scaleDown?.stabilizationWindowSeconds ?? 300,
      upWindowSeconds: h.spec?.behavior?.scaleUp?.stabilizationWindowSeconds ?? 0,
      points: [...(this.series.get(`${h.metadata?.namespace}/${h.metadata?.name}`) ?? [])],
    }));
  }
}
