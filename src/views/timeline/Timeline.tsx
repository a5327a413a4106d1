import { MESSAGES, type Locale } from '../../i18n/messages';
import { SPEEDS, usePlayer } from '../../state/playerStore';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon } from './icons';
import { formatSimTime, nextMarkerTime, previousMarkerTime } from './markerNav';

const MARKER_CLASS = { command: 'bg-sky-500', leader: 'bg-fuchsia-500', hpa: 'bg-amber-500', rollout: 'bg-emerald-500' } as const;

/**
 * Timeline is the player: play/pause, previous/next marker, speed, and a scrubber over the
 * recorded run with markers for commands and notable events.
 */
export function Timeline({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const { playing, togglePlay, speed, setSpeed, displayMs, headMs, mode, markers, seek } = usePlayer();
  const end = Math.max(headMs, displayMs, 1000);
  return (
    <section aria-label={t.timeline} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-900">
      <button type="button" onClick={() => seek(previousMarkerTime(markers, displayMs))} aria-label={t.previousMarker} title={`${t.previousMarker} ([)`} className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
        <PreviousIcon />
      </button>
      <button type="button" onClick={togglePlay} aria-label={playing ? t.pause : t.play} title={`${playing ? t.pause : t.play} (Space)`} data-testid="play-pause" className="rounded bg-sky-600 px-3 py-1 font-semibold text-white hover:bg-sky-700">
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button
        type="button"
        onClick={() => {
          const next = nextMarkerTime(markers, displayMs);
          seek(next ?? headMs);
        }}
        aria-label={t.nextMarker}
        title={`${t.nextMarker} (])`}
        className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <NextIcon />
      </button>
      <label className="flex items-center gap-1">
        {t.speed}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} className="rounded border border-slate-300 bg-transparent px-1 dark:border-slate-600" data-testid="speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="font-mono tabular-nums" data-testid="sim-time">
        {t.simTime}: {formatSimTime(displayMs)}
      </span>
      {mode === 'live' ? (
        <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100">{t.live}</span>
      ) : (
        <button type="button" onClick={() => seek(headMs)} title={t.history} className="rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {t.goLive}
        </button>
      )}
      <div className="relative min-w-[12rem] flex-1">
        <div className="pointer-events-none absolute inset-x-0 -top-1 h-2">
          {markers.slice(-200).map((m, i) => (
            <span key={`${m.t}-${i}`} className={`absolute h-2 w-0.5 ${MARKER_CLASS[m.kind]}`} style={{ left: `${(m.t / end) * 100}%` }} title={m.label} />
          ))}
        </div>
        <input
          type="range"
          min={0}
          max={end}
          step={100}
          value={Math.min(displayMs, end)}
          onChange={(e) => seek(Number(e.target.value))}
          aria-label={t.timeline}
          aria-valuetext={formatSimTime(displayMs)}
          className="w-full"
          data-testid="scrubber"
        />
      </div>
    </section>
  );
}
