import { useEffect, useRef, useState } from 'react';
import { detectLocale, MESSAGES, type Locale } from '../i18n/messages';
import { playerHooks, SPEEDS, usePlayer } from '../state/playerStore';
import { decodeShareFragment } from '../state/shareLink';
import { DiagramView } from '../views/DiagramView';
import { NarrationPanel } from '../views/library/NarrationPanel';
import { PauseIcon, PlayIcon } from '../views/timeline/icons';
import { formatSimTime } from '../views/timeline/markerNav';
import { loadScenarioText } from './loadScenarioText';
import { allowedOrigins, parseCommand, type EmbedEvent } from './messaging';
import type { EmbedParams } from './params';

/**
 * EmbedApp is the compact player a training page embeds: one diagram of one scenario, its
 * narration and minimal or full controls, driven by the URL and by postMessage commands.
 */
export function EmbedApp({ params }: { params: EmbedParams }) {
  const [locale] = useState<Locale>(() => params.lang ?? detectLocale(navigator.languages ?? [navigator.language]));
  const t = MESSAGES[locale];
  const [error, setError] = useState<string | undefined>(undefined);
  const { playing, togglePlay, displayMs, headMs, seek, speed, setSpeed, status, entries, session } = usePlayer();
  const notified = useRef({ steps: 0, ended: false, scenario: '' });
  const post = (event: EmbedEvent) => window.parent !== window && window.parent.postMessage(event, '*');

  useEffect(() => {
    const allowed = allowedOrigins(window.location.origin, document.referrer, [...(window.location.ancestorOrigins ?? [])], params.origins);
    const open = async (scenario: string | undefined) => {
      const fromFragment = await decodeShareFragment(window.location.hash);
      const loaded = scenario ? await loadScenarioText(scenario) : fromFragment.ok === true ? { ok: true as const, text: fromFragment.text, fileName: 'embedded scenario' } : fromFragment.ok === false ? { ok: false as const, error: fromFragment.error } : { ok: false as const, error: t.embedNoScenario };
      if (!loaded.ok) {
        setError(loaded.error);
        post({ type: 'k8sim', event: 'error', message: loaded.error });
        return;
      }
      setError(undefined);
      notified.current = { steps: 0, ended: false, scenario: scenario ?? 'fragment' };
      const player = usePlayer.getState();
      player.open({ text: loaded.text, fileName: loaded.fileName, atMs: 0, source: 'import' });
      player.setSpeed(params.speed);
      if (params.autoplay) player.play();
    };
    playerHooks.onOpenError = (_source, message) => {
      setError(message);
      post({ type: 'k8sim', event: 'error', message });
    };
    const onMessage = (event: MessageEvent) => {
      const command = parseCommand(event.data, event.origin, allowed);
      if (!command) return;
      const player = usePlayer.getState();
      if (command.command === 'play') player.play();
      else if (command.command === 'pause') player.pause();
      else if (command.command === 'seek') player.seek(command.ms);
      else if (command.command === 'setSpeed') player.setSpeed(command.speed);
      else void open(command.scenario);
    };
    window.addEventListener('message', onMessage);
    void open(params.scenario);
    return () => window.removeEventListener('message', onMessage);
    // The embed boots once per load; later scenarios arrive by loadScenario.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (status !== 'ready') return;
    const n = notified.current;
    if (n.steps === 0 && entries.length === 0 && n.scenario) post({ type: 'k8sim', event: 'ready', scenario: n.scenario });
    for (const entry of entries.slice(n.steps)) post({ type: 'k8sim', event: 'step', t: entry.startedMs ?? entry.at, run: entry.run });
    n.steps = Math.max(n.steps, entries.length);
    const runs = session.spec.steps.filter((s) => s.run).length;
    if (!n.ended && runs > 0 && entries.length === runs && entries.every((e) => e.exit !== undefined)) {
      n.ended = true;
      post({ type: 'k8sim', event: 'ended', t: headMs });
    }
  });

  return (
    <main lang={locale} className="flex h-screen flex-col gap-1 bg-white p-1 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      {error ? (
        <div role="alert" className="m-2 rounded border border-rose-400 bg-rose-50 p-2 text-sm text-rose-900">
          <div className="font-semibold">{t.embedError}</div>
          <pre className="font-sans whitespace-pre-wrap">{error}</pre>
        </div>
      ) : (
        <>
          <NarrationPanel locale={locale} />
          <div className="relative min-h-0 flex-1 rounded border border-slate-200 dark:border-slate-700">
            <DiagramView name={params.view} locale={locale} dark={false} />
          </div>
        </>
      )}
      <div className="flex items-center gap-2 text-xs" data-testid="embed-controls">
        <button type="button" onClick={togglePlay} aria-label={playing ? t.pause : t.play} className="rounded bg-sky-600 px-2 py-0.5 text-white" data-testid="play-pause">
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <span className="font-mono" data-testid="sim-time">
          {formatSimTime(displayMs)}
        </span>
        {params.controls === 'full' && (
          <>
            <input type="range" min={0} max={Math.max(headMs, displayMs, 1000)} step={100} value={displayMs} onChange={(e) => seek(Number(e.target.value))} aria-label={t.timeline} className="flex-1" />
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t.speed} className="rounded border bg-transparent">
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </>
        )}
        <a href="../" target="_blank" rel="noopener" className="ml-auto text-slate-500 underline">
          k8sim
        </a>
      </div>
    </main>
  );
}
