import { line, scaleLinear } from 'd3';
import { MESSAGES, type Locale } from '../../i18n/messages';
import type { HpaView } from '../../player/hpa';
import { formulaText, proposalText } from './formula';

const W = 720;
const H = 300;
const M = { top: 16, right: 48, bottom: 28, left: 48 };
/** WINDOW_MS: the chart shows the last ten minutes of sim time. */
const WINDOW_MS = 600_000;

/**
 * HpaChart plots an HPA over time (d3): utilization against its target, current and desired
 * replicas, the scale-down stabilization window shaded behind "now", syncs where a policy or the
 * min/max limited the result marked, and the formula with the latest numbers.
 */
export function HpaChart({ hpas, displayMs, locale }: { hpas: HpaView[]; displayMs: number; locale: Locale }) {
  const t = MESSAGES[locale];
  const h = hpas[0];
  if (!h) return <p className="p-3 text-sm text-slate-500">{t.hpaEmpty}</p>;
  const points = h.points.filter((p) => p.t <= displayMs);
  const x = scaleLinear().domain([Math.max(0, displayMs - WINDOW_MS), Math.max(displayMs, 1)]).range([M.left, W - M.right]);
  const maxUtil = Math.max(100, ...points.map((p) => p.currentValue ?? 0), ...points.map((p) => p.targetValue ?? 0)) * 1.1;
  const yUtil = scaleLinear().domain([0, maxUtil]).range([H - M.bottom, M.top]);
  const yRep = scaleLinear().domain([0, h.maxReplicas + 1]).range([H - M.bottom, M.top]);
  const visible = points.filter((p) => p.t >= x.domain()[0]);
  const util = line<(typeof visible)[number]>().x((p) => x(p.t)).y((p) => yUtil(p.currentValue ?? 0)).defined((p) => p.currentValue !== undefined);
  const current = line<(typeof visible)[number]>().x((p) => x(p.t)).y((p) => yRep(p.currentReplicas));
  const desired = line<(typeof visible)[number]>().x((p) => x(p.t)).y((p) => yRep(p.desiredReplicas));
  const last = points[points.length - 1];
  const target = last?.targetValue;
  const windowStart = x(Math.max(x.domain()[0], displayMs - h.downWindowSeconds * 1000));
  return (
    <section aria-label={t.hpaTitle} className="flex h-full flex-col gap-2 overflow-auto p-3 text-sm" data-testid="hpa-chart">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 className="font-semibold">
          {t.hpaTitle}: {h.name}
        </h2>
        <span className="font-mono text-xs">
          min {h.minReplicas} · max {h.maxReplicas} · {t.downscaleWindow} {h.downWindowSeconds}s
        </span>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t.hpaTitle} className="max-w-3xl text-slate-700 dark:text-slate-200">
        <rect x={windowStart} y={M.top} width={x(displayMs) - windowStart} height={H - M.top - M.bottom} className="fill-amber-100 dark:fill-amber-950" data-testid="stabilization-window">
          <title>{t.downscaleWindow}</title>
        </rect>
        {target !== undefined && <line x1={M.left} x2={W - M.right} y1={yUtil(target)} y2={yUtil(target)} className="stroke-rose-500" strokeDasharray="6 4" />}
        <path d={util(visible) ?? ''} fill="none" className="stroke-sky-600" strokeWidth={2} />
        <path d={current(visible) ?? ''} fill="none" className="stroke-emerald-600" strokeWidth={2} />
        <path d={desired(visible) ?? ''} fill="none" className="stroke-violet-600" strokeWidth={1.5} strokeDasharray="4 3" />
        {visible
          .filter((p) => p.limitReason && p.limitReason !== 'DesiredWithinRange')
          .map((p, i) => (
            <circle key={i} cx={x(p.t)} cy={yRep(p.desiredReplicas)} r={4} className="fill-rose-500">
              <title>{p.limitReason}</title>
            </circle>
          ))}
        {yUtil.ticks(5).map((v) => (
          <text key={`u${v}`} x={M.left - 6} y={yUtil(v) + 4} textAnchor="end" fontSize={10} fill="currentColor">
            {v}%
          </text>
        ))}
        {yRep.ticks(Math.min(h.maxReplicas + 1, 6)).map((v) => (
          <text key={`r${v}`} x={W - M.right + 6} y={yRep(v) + 4} fontSize={10} fill="currentColor">
            {v}
          </text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="currentColor" />
      </svg>
      <div className="flex flex-wrap gap-3 text-xs">
        <span className="text-sky-600">━ {t.utilization}</span>
        <span className="text-rose-500">╌ {t.target}</span>
        <span className="text-emerald-600">━ {t.currentReplicas}</span>
        <span className="text-violet-600">╌ {t.desiredReplicas}</span>
        <span className="text-rose-500">● {t.limited}</span>
      </div>
      {last && (
        <div className="rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800" data-testid="hpa-formula">
          <div>{formulaText(last, t.hpaDesired)}</div>
          {(last.explanation || last.formula) && (
            <div className="text-slate-500">
              {t.controllerComputed}: {last.explanation ? proposalText(last.explanation, t) : last.formula}
            </div>
          )}
          <div>
            {t.currentReplicas} {last.currentReplicas} → {t.desiredReplicas} {last.desiredReplicas}
            {last.limitReason && last.limitReason !== 'DesiredWithinRange' ? ` (${last.limitReason})` : ''}
          </div>
        </div>
      )}
    </section>
  );
}
