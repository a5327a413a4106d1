import { create } from 'zustand';
import type { ClusterView } from '../player/clusterView';
import type { ConsoleEntry } from '../player/engineHost';
import type { FeedEvent } from '../player/eventFeed';
import type { Flow } from '../player/flows';
import type { InspectData, InspectTarget } from '../player/inspect';
import type { SequenceStep } from '../player/sequence/steps';
import type { Marker } from '../player/markers';
import type { FromEngine, OpenSource, ToEngine } from '../player/protocol';
import { defaultSession, type SessionFile } from '../player/session';
import { connectEngine, type EngineLink } from './engineLink';
import { snapshotAt } from './timeline';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20] as const;
/** FLOW_WINDOW_MS: messages stay on the map this long (sim ms) after they were sent. */
export const FLOW_WINDOW_MS = 1500;
/** FEED_LIMIT: rows the events panel keeps. */
export const FEED_LIMIT = 300;

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface PlayerState {
  status: 'booting' | 'replaying' | 'ready' | 'error';
  progress?: { doneMs: number; totalMs: number };
  notices: Notice[];
  /** headMs is the engine's time; displayMs what the learner looks at (earlier after a seek back). */
  headMs: number;
  displayMs: number;
  mode: 'live' | 'history';
  playing: boolean;
  speed: number;
  live?: ClusterView;
  snapshots: ClusterView[];
  entries: ConsoleEntry[];
  markers: Marker[];
  flows: Flow[];
  session: SessionFile;
  busy: boolean;
  /** editing: the file an editor in the terminal waits on (kubectl edit, vi FILE). */
  editing?: { path: string; text: string };
  /** feed is the events panel: the newest Events, oldest first. */
  feed: FeedEvent[];
  inspected?: InspectData;
  sequence: SequenceStep[];
  select(target?: InspectTarget): void;
  /** open boots a session or scenario text; failures come back through onOpenError. */
  open(request?: OpenRequest): void;
  /** requestExport asks the engine for the session as scenario YAML (answered on onExported). */
  requestExport(purpose: 'download' | 'share'): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  seek(ms: number): void;
  run(line: string, stdin?: string): void;
  interrupt(): void;
  /** saveEdit answers the editor: the saved text, or null to quit without saving. */
  saveEdit(text: string | null): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

export type OpenRequest = Omit<Extract<ToEngine, { type: 'open' }>, 'type'>;

/** Hooks the app sets: what to do when an open fails (by source) and with exported YAML. */
export const playerHooks: {
  onOpenError?: (source: OpenSource, message: string) => void;
  onExported?: (yaml: string, purpose: 'download' | 'share', atMs: number) => void;
} = {};

/** currentView is the cluster picture for what the learner looks at: live, or a timeline snapshot. */
export function currentView(state: Pick<PlayerState, 'mode' | 'live' | 'snapshots' | 'displayMs'>): ClusterView | undefined {
  return state.mode === 'live' ? state.live : snapshotAt(state.snapshots, state.displayMs);
}

let link: EngineLink | undefined;
let historyTicker: ReturnType<typeof setInterval> | undefined;
let noticeId = 0;

function stopHistoryTicker(): void {
  if (historyTicker !== undefined) clearInterval(historyTicker);
  historyTicker = undefined;
}

/**
 * usePlayer is the timeline player: it bridges the engine (in its Web Worker) and the views.
 * Live, the engine advances with the wall clock × speed; after a seek back the views replay the
 * timeline's snapshots; typing a command in the past forks the timeline there.
 */
export const usePlayer = create<PlayerState>()((set, get) => {
  const receive = (message: FromEngine) => {
    switch (message.type) {
      case 'progress':
        return set({ status: 'replaying', progress: { doneMs: message.doneMs, totalMs: message.totalMs } });
      case 'error':
        set((s) => ({ status: s.live ? 'ready' : 'error' }));
        if (message.source && message.source !== 'default' && playerHooks.onOpenError) return playerHooks.onOpenError(message.source, message.message);
        return get().notify('error', message.message);
      case 'exported':
        return playerHooks.onExported?.(message.yaml, message.purpose, message.atMs);
      case 'reset':
      case 'frame': {
        const reset = message.type === 'reset';
        const s = get();
        const flows = [...(reset ? [] : s.flows), ...message.flows].filter((f) => f.t >= message.headMs - FLOW_WINDOW_MS);
        set({
          status: 'ready',
          progress: undefined,
          headMs: message.headMs,
          live: message.live,
          snapshots: reset ? message.snapshots : s.snapshots.concat(message.snapshots),
          markers: reset ? message.markers : s.markers.concat(message.markers),
          entries: message.entries ?? s.entries,
          flows,
          session: message.session ?? s.session,
          busy: message.busy,
          editing: message.editing,
          feed: (reset ? message.events : s.feed.concat(message.events)).slice(-FEED_LIMIT),
          inspected: message.inspect,
          sequence: message.sequence ?? (reset ? [] : s.sequence),
          ...(s.mode === 'live' || reset ? { displayMs: message.headMs, mode: 'live' as const } : {}),
        });
      }
    }
  };
  const send: EngineLink['send'] = (message) => {
    link ??= connectEngine(receive);
    link.send(message);
  };
  return {
    status: 'booting',
    notices: [],
    headMs: 0,
    displayMs: 0,
    mode: 'live',
    playing: false,
    speed: 1,
    snapshots: [],
    entries: [],
    markers: [],
    flows: [],
    session: defaultSession(),
    busy: false,
    feed: [],
    sequence: [],
    select(target) {
      send({ type: 'select', target });
    },
    open(request = { session: defaultSession(), source: 'default' }) {
      stopHistoryTicker();
      set({ status: 'booting', mode: 'live' });
      send({ type: 'open', ...request });
      if (get().playing) send({ type: 'play', speed: get().speed });
    },
    requestExport(purpose) {
      send({ type: 'export', purpose });
    },
    play() {
      const s = get();
      set({ playing: true });
      if (s.mode === 'live') return send({ type: 'play', speed: s.speed });
      stopHistoryTicker();
      let last = performance.now();
      historyTicker = setInterval(() => {
        const now = performance.now();
        const next = get().displayMs + (now - last) * get().speed;
        last = now;
        if (next < get().headMs) return set({ displayMs: next });
        stopHistoryTicker();
        set({ mode: 'live', displayMs: get().headMs });
        send({ type: 'play', speed: get().speed });
      }, 50);
    },
    pause() {
      stopHistoryTicker();
      set({ playing: false });
      send({ type: 'pause' });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
      if (get().playing && get().mode === 'live') send({ type: 'play', speed });
    },
    seek(ms) {
      const target = Math.max(0, Math.round(ms));
      const wasPlaying = get().playing;
      if (wasPlaying) get().pause();
      if (target > get().headMs) {
        // Past the recorded end: the engine fast-forwards; the clock moves when it has caught up.
        set({ mode: 'live' });
        send({ type: 'advance', atMs: target });
      } else if (target === get().headMs) set({ mode: 'live', displayMs: target });
      else set({ mode: 'history', displayMs: target });
      if (wasPlaying) get().play();
    },
    run(line, stdin) {
      const s = get();
      const atMs = s.mode === 'live' ? s.headMs : Math.floor(s.displayMs);
      stopHistoryTicker();
      set({ mode: 'live' });
      send({ type: 'run', line, stdin, atMs });
      if (s.playing) send({ type: 'play', speed: s.speed });
    },
    interrupt() {
      send({ type: 'interrupt' });
    },
    saveEdit(text) {
      send({ type: 'editorSave', text });
    },
    notify(kind, text) {
      set((s) => ({ notices: [...s.notices, { id: ++noticeId, kind, text }] }));
    },
    dismiss(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
});
