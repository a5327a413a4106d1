import { lazy, Suspense, useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { detectLocale, MESSAGES, type Locale } from '../i18n/messages';
import { currentView, usePlayer } from '../state/playerStore';
import { Console } from '../views/console/Console';
import { DiagramView, VIEWS, type ViewName } from '../views/DiagramView';
import { useImageChoices } from '../views/createDeployment/useImageChoices';
import { NarrationPanel } from '../views/library/NarrationPanel';
import type { LibraryEntry } from '../views/library/scenarioLibrary';
import { DeploymentsPanel } from '../views/deployments/DeploymentsPanel';
import { EventsPanel } from '../views/events/EventsPanel';
import { Inspector } from '../views/inspector/Inspector';
import { Notifications } from '../views/notifications/Notifications';
import { Timeline } from '../views/timeline/Timeline';
import { bootPlayer, keepSaved } from './boot';
import { SessionMenu } from './SessionMenu';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Splitter } from './Splitter';
import { useShortcuts } from './useShortcuts';
import { useSideWidth } from './useSideWidth';
import { useTheme, type Theme } from './useTheme';

const LibraryDialog = lazy(() => import('../views/library/LibraryDialog').then((m) => ({ default: m.LibraryDialog })));
const CreateDeploymentDialog = lazy(() => import('../views/createDeployment/CreateDeploymentDialog').then((m) => ({ default: m.CreateDeploymentDialog })));

export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('k8sim.locale') as Locale | null) ?? detectLocale(navigator.languages ?? [navigator.language]));
  const [theme, setTheme, dark] = useTheme();
  const [creating, setCreating] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const [bottomTab, setBottomTab] = useState<'console' | 'events'>('console');
  const [mainView, setMainView] = useState<ViewName>('map');
  const t = MESSAGES[locale];
  const status = usePlayer((s) => s.status);
  const progress = usePlayer((s) => s.progress);
  const view = usePlayer(currentView);
  const images = useImageChoices();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const [helpOpen, setHelpOpen] = useState(false);
  const [sideWidth, setSideWidth] = useSideWidth();
  const panes = useRef<HTMLDivElement>(null);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  useShortcuts({ setView: setMainView, toggleHelp });
  useEffect(() => {
    void bootPlayer(() => localeRef.current);
    return keepSaved();
    // Boot once per page load; the locale only words the notices.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    localStorage.setItem('k8sim.locale', locale);
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <main lang={locale} className="flex h-screen flex-col gap-2 bg-slate-50 p-3 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">k8sim</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t.tagline}</p>
        <button type="button" onClick={() => setCreating(true)} className="rounded bg-sky-600 px-3 py-1 text-sm font-semibold text-white hover:bg-sky-700">
          {t.createDeployment}
        </button>
        <button type="button" onClick={toggleHelp} title={t.shortcutsTitle} aria-label={t.shortcutsTitle} className="rounded border px-2 py-1 text-sm" data-testid="shortcuts-button">
          ?
        </button>
        <button type="button" onClick={() => setBrowsing(true)} className="rounded border border-sky-600 px-3 py-1 text-sm text-sky-700 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-slate-800">
          {t.library}
        </button>
        <SessionMenu locale={locale} />
        <label className="ml-auto text-sm">
          {t.language}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} className="rounded border bg-transparent px-1" data-testid="language">
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <label className="text-sm">
          {t.theme}{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} className="rounded border bg-transparent px-1">
            <option value="system">{t.themeSystem}</option>
            <option value="light">{t.themeLight}</option>
            <option value="dark">{t.themeDark}</option>
          </select>
        </label>
      </header>
      <Timeline locale={locale} />
      {/* The side column is the learner's width, kept between 300 px and what leaves the diagram 360 px. */}
      <div ref={panes} style={{ '--side': `${sideWidth}px` } as CSSProperties} className="grid min-h-0 flex-1 grid-cols-1 gap-2 lg:grid-cols-[minmax(0,1fr)_0.75rem_max(300px,min(var(--side),calc(100%_-_372px)))] lg:gap-0">
        <div className="relative flex min-h-[24rem] flex-col rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <div role="tablist" className="flex gap-1 p-1 text-xs">
            {VIEWS.map((v) => (
              <button key={v} type="button" role="tab" aria-selected={mainView === v} onClick={() => setMainView(v)} className={`rounded px-2 py-0.5 ${mainView === v ? 'bg-sky-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}>
                {{ map: t.mapView, sequence: t.sequenceView, rollout: t.rolloutView, hpa: t.hpaView, raft: t.raftView, scheduler: t.schedulerView }[v]}
              </button>
            ))}
          </div>
          <div className="relative min-h-0 flex-1">
            <DiagramView name={mainView} locale={locale} dark={dark} />
          </div>
          {status !== 'ready' && (
            <div role="status" className="absolute inset-0 flex items-center justify-center bg-white/70 text-sm dark:bg-slate-900/70">
              {status === 'replaying' && progress ? `${t.replaying} ${Math.round((progress.doneMs / Math.max(1, progress.totalMs)) * 100)}%` : status === 'error' ? t.engineFailed : t.booting}
            </div>
          )}
        </div>
        <Splitter locale={locale} width={sideWidth} setWidth={setSideWidth} container={panes} />
        <div className="flex min-h-0 min-w-0 flex-col gap-2">
          <NarrationPanel locale={locale} />
          <div className="max-h-[40%] overflow-auto rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
            <DeploymentsPanel deployments={view?.deployments ?? []} locale={locale} />
            <h2 className="mt-2 mb-1 text-sm font-semibold">{t.inspector}</h2>
            <Inspector view={view} locale={locale} />
          </div>
          <div role="tablist" className="flex gap-1 text-xs">
            {(['console', 'events'] as const).map((tab) => (
              <button key={tab} type="button" role="tab" aria-selected={bottomTab === tab} onClick={() => setBottomTab(tab)} className={`rounded px-2 py-0.5 ${bottomTab === tab ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900' : 'hover:bg-slate-200 dark:hover:bg-slate-800'}`}>
                {tab === 'console' ? t.consoleTab : t.eventsTab}
              </button>
            ))}
          </div>
          <div className="min-h-[14rem] flex-1">{bottomTab === 'console' ? <Console locale={locale} /> : <EventsPanel locale={locale} />}</div>
        </div>
      </div>
      <datalist id="k8sim-images">
        {images.map((image) => (
          <option key={image} value={image} />
        ))}
      </datalist>
      {browsing && (
        <Suspense fallback={null}>
          <LibraryDialog
            locale={locale}
            onClose={() => setBrowsing(false)}
            onOpen={(entry: LibraryEntry) => {
              setBrowsing(false);
              setMainView((VIEWS as readonly string[]).includes(entry.view) ? (entry.view as ViewName) : 'map');
              const player = usePlayer.getState();
              player.open({ text: entry.text, fileName: entry.file, atMs: 0, source: 'import' });
              player.play();
            }}
          />
        </Suspense>
      )}
      {creating && (
        <Suspense fallback={null}>
          <CreateDeploymentDialog locale={locale} onClose={() => setCreating(false)} />
        </Suspense>
      )}
      {helpOpen && <ShortcutsHelp locale={locale} onClose={() => setHelpOpen(false)} />}
      <Notifications locale={locale} />
    </main>
  );
}
