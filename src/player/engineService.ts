import { EngineHost } from './engineHost';
import type { InspectTarget } from './inspect';
import type { FrameData, FromEngine, ToEngine } from './protocol';
import { loadScenario } from '../engine/scenario/load';
import { truncatedAt } from './session';
import { sessionToYaml } from './sessionYaml';

/** FRAME_MS: how often a playing engine advances and reports (wall ms). */
export const FRAME_MS = 50;
/**
 * MAX_FRAME_WALL_MS: the most wall time one frame plays. When the worker was held up longer (a
 * busy machine, a background tab), the simulation falls behind the wall clock instead of jumping
 * ahead: in slow motion a pod's few simulated milliseconds of Pending would otherwise pass
 * between two frames and never be drawn.
 */
const MAX_FRAME_WALL_MS = 4 * FRAME_MS;
/** LARGE_VIEW_WALL_MS: how often a large cluster's live view is rebuilt while playing. */
const LARGE_VIEW_WALL_MS = 500;
/** REPLAY_CHUNK_MS: sim time replayed between progress reports when opening or forking. */
const REPLAY_CHUNK_MS = 30_000;

export interface Clock {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

/**
 * EngineService runs an EngineHost for the UI, in a Web Worker (engine.worker.ts) or, where
 * workers are unavailable, in the page. It turns the player's commands into engine time and
 * streams frames: the live view, new timeline snapshots, console output, markers and messages.
 */
export class EngineService {
  private host: EngineHost | undefined;
  private sentSnapshots = 0;
  private sentMarkers = 0;
  private playing = false;
  private speed = 1;
  private lastWallMs = 0;
  private carryMs = 0;
  private stopTicker: (() => void) | undefined;
  private selected: InspectTarget | undefined;
  private sentEntries = '';
  private sentSession: unknown;
  private sentSequence = '';
  private lastLive: { view: ReturnType<EngineHost['liveView']>; atWallMs: number; headMs: number } | undefined;

  constructor(
    private readonly post: (message: FromEngine) => void,
    private readonly clock: Clock,
  ) {}

  handle(message: ToEngine): void {
    try {
      this.dispatch(message);
    } catch (error) {
      // An engine bug must not leave the page waiting forever: report it; the session is kept.
      this.post({ type: 'error', message: `engine error: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}` });
    }
  }

  private dispatch(message: ToEngine): void {
    switch (message.type) {
      case 'open':
        return this.open(message);
      case 'export':
        if (this.host) this.post({ type: 'exported', yaml: sessionToYaml(this.host.file), purpose: message.purpose, atMs: this.host.nowMs });
        return;
      case 'play':
        this.speed = message.speed;
        if (!this.playing) {
          this.playing = true;
          this.lastWallMs = this.clock.now();
          this.stopTicker = this.clock.every(FRAME_MS, () => this.tick());
        }
        return;
      case 'pause':
        this.playing = false;
        this.stopTicker?.();
        this.stopTicker = undefined;
        return;
      case 'run':
        return this.run(message.line, message.atMs, message.stdin);
      case 'interrupt':
        this.host?.interrupt();
        return this.frame();
      case 'editorSave':
        this.host?.answerEdit(message.text);
        return this.frame();
      case 'select':
        this.selected = message.target;
        return this.frame();
      case 'advance':
        if (this.host && message.atMs > this.host.nowMs) this.replayTo(this.host, message.atMs);
        return this.frame();
    }
  }

  private open(message: Extract<ToEngine, { type: 'open' }>): void {
    let session = message.session;
    if (session === undefined) {
      const loaded = loadScenario(message.text ?? '', message.fileName ?? 'scenario.yaml');
      if (!loaded.ok) return this.post({ type: 'error', message: loaded.error, source: message.source });
      session = loaded.scenario.file;
    }
    let created: ReturnType<typeof EngineHost.create>;
    try {
      created = EngineHost.create(session);
    } catch (error) {
      created = { ok: false, error: `not a session: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!created.ok) return this.post({ type: 'error', message: created.error, source: message.source });
    const steps = session.spec.steps;
    const target = message.atMs ?? (steps.length > 0 ? steps[steps.length - 1].at : 0);
    this.replayTo(created.host, target);
    this.host = created.host;
    this.reset();
  }

  private run(line: string, atMs: number, stdin?: string): void {
    if (!this.host) return;
    if (atMs < this.host.nowMs) {
      // Changing the past forks the timeline: the future is discarded, as in RaftScope.
      const created = EngineHost.create(truncatedAt(this.host.file, atMs));
      if (!created.ok) return this.post({ type: 'error', message: created.error });
      this.replayTo(created.host, atMs);
      this.host = created.host;
      this.host.submit(line, stdin);
      return this.reset();
    }
    if (atMs > this.host.nowMs) this.host.advanceTo(atMs);
    this.host.submit(line, stdin);
    this.frame();
  }

  private replayTo(host: EngineHost, targetMs: number): void {
    // A session saved while an editor was open stops there: the dialog opens again.
    while (host.nowMs < targetMs && !host.editingFile) {
      host.advanceTo(Math.min(targetMs, host.nowMs + REPLAY_CHUNK_MS));
      this.post({ type: 'progress', doneMs: host.nowMs, totalMs: targetMs });
    }
  }

  private tick(): void {
    if (!this.host || !this.playing) return;
    try {
      this.advanceWithClock();
    } catch (error) {
      this.handle({ type: 'pause' });
      this.post({ type: 'error', message: `engine error: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private advanceWithClock(): void {
    if (!this.host) return;
    const wall = this.clock.now();
    const advance = Math.min(wall - this.lastWallMs, MAX_FRAME_WALL_MS) * this.speed + this.carryMs;
    this.lastWallMs = wall;
    const whole = Math.floor(advance);
    this.carryMs = advance - whole;
    if (whole > 0) this.host.advanceTo(this.host.nowMs + whole);
    this.frame();
  }

  private data(): FrameData {
    const host = this.host!;
    const entries = host.entries;
    // Only the newest entries can still change (a running command appends output).
    const entriesSignature = `${entries.length}|${entries.slice(-2).map((e) => `${e.output.length}:${e.exit}`).join('|')}`;
    const data: FrameData = {
      headMs: host.nowMs,
      live: this.liveView(host),
      snapshots: host.snapshots.slice(this.sentSnapshots),
      entries: entriesSignature !== this.sentEntries ? entries.map((e) => ({ ...e })) : undefined,
      markers: host.markers.slice(this.sentMarkers),
      flows: host.drainFlows(),
      session: host.file !== this.sentSession ? host.file : undefined,
      busy: host.busy,
      events: host.drainEvents().slice(-200),
      inspect: this.selected ? host.inspect(this.selected) : undefined,
      editing: host.editingFile,
    };
    const steps = host.sequence.steps;
    const sequenceSignature = `${steps.length}:${steps[0]?.t ?? ''}`;
    if (sequenceSignature !== this.sentSequence) data.sequence = steps.map((s) => ({ ...s }));
    this.sentSequence = sequenceSignature;
    this.sentSnapshots = host.snapshots.length;
    this.sentMarkers = host.markers.length;
    this.sentEntries = entriesSignature;
    this.sentSession = host.file;
    return data;
  }

  /**
   * liveView: a large (aggregated) cluster's picture costs a pass over every pod, so while
   * playing it is rebuilt at most every LARGE_VIEW_WALL_MS of wall time.
   */
  private liveView(host: EngineHost) {
    const wall = this.clock.now();
    const last = this.lastLive;
    if (last && last.view.aggregated && this.playing && last.headMs !== host.nowMs && wall - last.atWallMs < LARGE_VIEW_WALL_MS) return last.view;
    const view = host.liveView();
    this.lastLive = { view, atWallMs: wall, headMs: host.nowMs };
    return view;
  }

  private frame(): void {
    if (this.host) this.post({ type: 'frame', ...this.data() });
  }

  private reset(): void {
    this.sentSnapshots = 0;
    this.sentMarkers = 0;
    this.sentEntries = '';
    this.sentSession = undefined;
    this.sentSequence = '';
    this.lastLive = undefined;
    this.post({ type: 'reset', ...this.data() });
  }
}
