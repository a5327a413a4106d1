import { scalePoint } from 'd3';
import { useMemo, useRef, useState } from 'react';
import { MESSAGES, type Locale } from '../../i18n/messages';
import { caption } from '../../player/sequence/captions';
import { COMPACT_STEPS, LIFELINES, type SequenceStep } from '../../player/sequence/steps';
import { usePlayer } from '../../state/playerStore';
import { Legend } from '../Legend';
import { useReducedMotion } from '../useReducedMotion';
import { toMermaid } from './mermaid';

const WIDTH = 1100;
const HEADER = 48;
const ROW = 34;
/** REVEAL_MS: sim time an arrow takes to draw itself (the player's clock paces it). */
const REVEAL_MS = 400;

/**
 * SequenceDiagram draws the pod-creation sequence of the latest object kubectl created (d3 scales,
 * SVG): lifelines for every component, arrows numbered in order as the steps happen, each with a
 * caption carrying its live numbers. Seeking back hides the later steps; compact shows the 15
 * classic steps, detailed adds the controllers and the endpoints → kube-proxy tail.
 */
export function SequenceDiagram({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const all = usePlayer((s) => s.sequence);
  const displayMs = usePlayer((s) => s.displayMs);
  const reducedMotion = useReducedMotion();
  const [detailed, setDetailed] = useState(true);
  const svgRef = useRef<SVGSVGElement>(null);
  const steps = useMemo(() => (detailed ? all : all.filter((s) => COMPACT_STEPS.includes(s.id))), [all, detailed]);
  const shown = steps.filter((s) => s.t <= displayMs);
  const x = useMemo(() => scalePoint<string>().domain(LIFELINES).range([70, WIDTH - 70]), []);
  const height = HEADER + (steps.length + 1) * ROW;
  const exportSvg = () => download('pod-creation-sequence.svg', 'image/svg+xml', new XMLSerializer().serializeToString(svgRef.current!));
  const exportMermaid = () => download('pod-creation-sequence.mmd', 'text/plain', toMermaid(shown, locale));
  return (
    <section aria-label={t.sequenceTitle} className="flex h-full flex-col gap-2 p-2" data-testid="sequence-diagram">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h2 className="font-semibold">{t.sequenceTitle}</h2>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={detailed} onChange={(e) => setDetailed(e.target.checked)} />
          {t.sequenceDetailed}
        </label>
        <button type="button" onClick={exportMermaid} className="rounded border border-slate-300 px-2 text-xs dark:border-slate-600">
          {t.exportMermaid}
        </button>
        <button type="button" onClick={exportSvg} className="rounded border border-slate-300 px-2 text-xs dark:border-slate-600">
          {t.exportSvg}
        </button>
        <span className="text-xs text-slate-500">
          {shown.length}/{steps.length}
        </span>
      </div>
      {steps.length === 0 ? (
        <p className="text-sm text-slate-500">{t.sequenceEmpty}</p>
      ) : (
        <div className="min-h-0 flex-1 overflow-auto">
          <svg ref={svgRef} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={t.sequenceTitle} className="font-sans text-slate-800 dark:text-slate-100">
            <defs>
              <marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
              </marker>
            </defs>
            {LIFELINES.map((name) => (
              <g key={name}>
                <rect x={x(name)! - 66} y={4} width={132} height={26} rx={5} className="fill-indigo-50 stroke-indigo-400 dark:fill-indigo-950" />
                <text x={x(name)} y={21} textAnchor="middle" fontSize={name.length > 16 ? 10.5 : 12} fill="currentColor">
                  {name}
                </text>
                <line x1={x(name)} x2={x(name)} y1={30} y2={height} className="stroke-slate-300 dark:stroke-slate-600" strokeDasharray="4 4" />
              </g>
            ))}
            {shown.map((step, i) => (
              <Arrow key={`${step.id}-${i}`} step={step} index={i} x={(l) => x(l)!} progress={reducedMotion ? 1 : Math.min(1, (displayMs - step.t) / REVEAL_MS)} label={`${i + 1}. ${caption(step, locale)}`} />
            ))}
          </svg>
        </div>
      )}
      <Legend locale={locale} items={[{ swatch: 'bg-slate-600 dark:bg-slate-300', shape: 'bar', label: t.legendArrow }, { swatch: 'border-slate-600 dark:border-slate-300', shape: 'ring', label: t.legendLoop }]} />
    </section>
  );
}

function Arrow({ step, index, x, progress, label }: { step: SequenceStep; index: number; x: (l: SequenceStep['from']) => number; progress: number; label: string }) {
  const y = HEADER + (index + 1) * ROW;
  const x1 = x(step.from);
  const x2 = x(step.to);
  if (x1 === x2) {
    return (
      <g data-testid="sequence-step" data-step={step.id}>
        <path d={`M ${x1} ${y - 8} h 28 v 12 h -26`} fill="none" stroke="currentColor" markerEnd="url(#seq-arrow)" opacity={progress} />
        <text x={x1 + 34} y={y} fontSize={11} fill="currentColor">
          {label}
        </text>
      </g>
    );
  }
  const end = x1 + (x2 - x1) * progress;
  return (
    <g data-testid="sequence-step" data-step={step.id}>
      <line x1={x1} y1={y} x2={end} y2={y} stroke="currentColor" markerEnd="url(#seq-arrow)" />
      <text x={Math.min(x1, x2) + 6} y={y - 5} fontSize={11} fill="currentColor">
        {label}
      </text>
    </g>
  );
}

function download(name: string, type: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
