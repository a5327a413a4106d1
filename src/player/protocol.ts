import type { ClusterView } from './clusterView';
import type { ConsoleEntry } from './engineHost';
import type { FeedEvent } from './eventFeed';
import type { Flow } from './flows';
import type { InspectData, InspectTarget } from './inspect';
import type { SequenceStep } from './sequence/steps';
import type { Marker } from './markers';
import type { SessionFile } from './session';

/** Messages from the UI to the engine (Web Worker). */
export type ToEngine =
  /**
   * open boots a session (or scenario text, YAML or JSON, validated in the worker) and replays it
   * to `atMs` (default: its last step). `source` comes back with an error so the UI can word it.
   */
  | { type: 'open'; session?: SessionFile; text?: string; fileName?: string; atMs?: number; source: OpenSource }
  /** export asks for the session as scenario YAML. */
  | { type: 'export'; purpose: 'download' | 'share' }
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  /** run types a command at `atMs`; earlier than the engine's time, it forks the timeline there. */
  | { type: 'run'; line: string; stdin?: string; atMs: number }
  | { type: 'interrupt' }
  /** editorSave answers the editor dialog: the saved text, or null to close it without saving. */
  | { type: 'editorSave'; text: string | null }
  /** advance fast-forwards the engine to `atMs` (seeking past the recorded end). */
  | { type: 'advance'; atMs: number }
  /** select sets what the inspector shows (its data then comes with every frame). */
  | { type: 'select'; target?: InspectTarget };

/** FrameData is what changed since the last message. */
export interface FrameData {
  headMs: number;
  live: ClusterView;
  snapshots: ClusterView[];
  /** entries is the whole console, sent only when it changed (always on reset). */
  entries?: ConsoleEntry[];
  markers: Marker[];
  flows: Flow[];
  /** session is sent only when it changed (always on reset). */
  session?: SessionFile;
  busy: boolean;
  /** events are the Events written since the last frame (the newest 200 after a reset). */
  events: FeedEvent[];
  inspect?: InspectData;
  /** sequence is the pod-creation sequence so far, sent when it changed (always on reset). */
  sequence?: SequenceStep[];
  /** editing: a file an editor (kubectl edit, vi) waits on; the clock stands still until it is answered. */
  editing?: { path: string; text: string };
}

export type OpenSource = 'default' | 'shared' | 'saved' | 'import';

/** Messages from the engine to the UI. */
export type FromEngine =
  /** reset replaces the whole timeline (after open or a fork). */
  | ({ type: 'reset' } & FrameData)
  | ({ type: 'frame' } & FrameData)
  | { type: 'progress'; doneMs: number; totalMs: number }
  | { type: 'error'; message: string; source?: OpenSource }
  | { type: 'exported'; yaml: string; purpose: 'download' | 'share'; atMs: number };
