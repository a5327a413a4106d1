import { Cluster } from '../engine/cluster';
import type { CommandProcess } from '../engine/commands/process';
import { stepEditor, type Editor } from '../engine/commands/editor';
import { Future } from '../engine/sim/future';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import type { ScenarioStep } from '../engine/scenario/schema';
import type { TraceEvent } from '../engine/sim/trace';
import { clusterView, type ClusterView } from './clusterView';
import { recordStats, type ComponentStats } from './componentStats';
import { eventFeedKey, readEventFeed, type FeedEvent } from './eventFeed';
import { flowOf, type Flow } from './flows';
import { inspect, type InspectData, type InspectTarget, type ScheduleDecision } from './inspect';
import { HpaTracker } from './hpa';
import { RolloutTracker } from './rollout';
import { SequenceRecorder } from './sequence/recorder';
import { markerOf, type Marker } from './markers';
import { withStep, type SessionFile } from './session';
import { sessionToYaml } from './sessionYaml';

/** ConsoleEntry is one command in the terminal and what it printed so far. */
export interface ConsoleEntry {
  id: number;
  /** at is when the learner typed it; startedMs when it ran (later if a command was still running). */
  at: number;
  startedMs?: number;
  run: string;
  output: string;
  exit?: number;
}

/** SNAPSHOT_INTERVAL_MS: the timeline keeps one ClusterView per sim second. */
export const SNAPSHOT_INTERVAL_MS = 1000;
/** AGGREGATED_SNAPSHOT_MS: a large cluster's timeline keeps one snapshot per 10 s (bounded memory). */
export const AGGREGATED_SNAPSHOT_MS = 10_000;
/** ROLLOUT_POD_LIMIT: above this many pods the rollout diagram's per-pod data is not built. */
export const ROLLOUT_POD_LIMIT = 300;

/**
 * EngineHost owns one simulated cluster and the session that produced it. Inputs (commands,
 * Ctrl-C) are applied only between engine events, after every event up to their sim time has run,
 * both live and when a session is replayed; that is why a replay of the same session is the same
 * run, event for event. Commands typed while another still runs wait for it, as in a shell (and
 * as `npm run sim` runs scenario steps).
 */
export class EngineHost {
  readonly cluster: Cluster;
  readonly entries: ConsoleEntry[] = [];
  readonly markers: Marker[] = [];
  /** snapshots are the timeline: one ClusterView per SNAPSHOT_INTERVAL_MS, oldest first. */
  readonly snapshots: ClusterView[] = [];
  private session: SessionFile;
  private nextStep = 0;
  private readonly waiting: number[] = [];
  private running: { entry: ConsoleEntry; proc: CommandProcess; deadlineMs?: number } | undefined;
  /** editing: an editor the running command opened, waiting for the learner (the clock stands still). */
  private editing: { index: number; path: string; text: string; answer: Future<string | null> } | undefined;
  private flows: Flow[] = [];
  private lastLeader = '';
  private readonly stats = new Map<string, ComponentStats>();
  /** schedules keeps the last scheduling cycle of recent pods (bounded, oldest dropped first). */
  private readonly schedules = new Map<string, ScheduleDecision>();
  private eventKeys = new Set<string>();
  /** sequence follows the latest object kubectl created through the pod-creation steps. */
  readonly sequence = new SequenceRecorder();
  private readonly rollout: RolloutTracker;
  private readonly hpa: HpaTracker;

  private constructor(session: SessionFile, cluster: Cluster) {
    this.session = session;
    this.cluster = cluster;
    this.rollout = new RolloutTracker(cluster);
    this.hpa = new HpaTracker(cluster);
    cluster.sim.trace.subscribe((event) => this.observe(event));
    this.snapshots.push(this.view());
  }

  /** view is the cluster picture with the rollout diagrams' data (skipped above ROLLOUT_POD_LIMIT pods). */
  private view(live = false): ClusterView {
    const view = clusterView(this.cluster);
    if (view.podCount > ROLLOUT_POD_LIMIT) return view;
    const pods = [...view.nodes.flatMap((n) => n.pods), ...view.pending];
    view.rollouts = this.rollout.views((rs) => pods.filter((p) => p.controller === rs));
    // The HPA series is cumulative: only the live view carries it (the chart filters by time).
    if (live) view.hpas = this.hpa.views();
    return view;
  }

  /** create boots the session's cluster at t = 0 (its steps run as advanceTo passes their times). */
  static create(session: SessionFile): { ok: true; host: EngineHost } | { ok: false; error: string } {
    const loaded = loadScenario(sessionToYaml(session), `${session.metadata?.name ?? 'session'}.yaml`);
    if (!loaded.ok) return loaded;
    return { ok: true, host: new EngineHost(session, Cluster.boot(loaded.scenario.cluster, DEFAULT_COMPONENTS)) };
  }

  get nowMs(): number {
    return this.cluster.sim.nowMs;
  }

  get file(): SessionFile {
    return this.session;
  }

  /** busy is whether a command is still running (Ctrl-C would interrupt it). */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * advanceTo runs the simulation to `targetMs`, applying the session's steps and Ctrl-C deadlines
   * at their times and taking a snapshot at every whole sim second.
   */
  advanceTo(targetMs: number): void {
    while (this.nowMs < targetMs && !this.editing) {
      const boundary = Math.min(targetMs, this.nextBoundary(), this.nextSnapshotMs());
      const before = this.nextBoundary();
      this.cluster.sim.runWhile(() => this.nextBoundary() === before && !this.editing, boundary);
      // An editor waiting for the learner stops the clock at the event that opened it.
      if (this.editing) return;
      if (this.nextBoundary() !== before) continue;
      this.cluster.runUntil(boundary);
      this.applyDue();
      if (this.nowMs % this.snapshotIntervalMs() === 0) this.snapshot();
    }
  }

  /** submit records a command typed now and runs it (or queues it behind the running one). */
  submit(run: string, stdin?: string): void {
    const step: ScenarioStep = stdin === undefined ? { at: this.nowMs, run } : { at: this.nowMs, run, stdin };
    this.session = withStep(this.session, step);
    this.applyDue();
    this.refreshSnapshot();
  }

  /** editingFile is the file an editor opened by the running command waits on, if any. */
  get editingFile(): { path: string; text: string } | undefined {
    return this.editing && { path: this.editing.path, text: this.editing.text };
  }

  /**
   * answerEdit is what the learner saved in the editor dialog (null: closed without saving). It is
   * recorded in the step's `editor` list, so a replay types the same, and the command goes on.
   */
  answerEdit(text: string | null): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = undefined;
    const recorded = (e: ScenarioStep['editor']) => (e === undefined ? [] : typeof e === 'string' ? [e] : e);
    const steps = this.session.spec.steps.map((s, i) => (i === editing.index ? { ...s, editor: [...recorded(s.editor), text] } : s));
    this.session = { ...this.session, spec: { ...this.session.spec, steps } };
    editing.answer.resolve(text);
    this.refreshSnapshot();
  }

  /** interrupt is Ctrl-C on the running command, recorded as its step's `timeout`. */
  interrupt(): void {
    // Ctrl-C in an editor leaves it without saving, then stops the command.
    this.answerEdit(null);
    const running = this.running;
    if (!running || running.entry.startedMs === undefined) return;
    const index = running.entry.id;
    const timeout = this.nowMs - running.entry.startedMs;
    const steps = this.session.spec.steps.map((s, i) => (i === index ? { ...s, timeout } : s));
    this.session = { ...this.session, spec: { ...this.session.spec, steps } };
    running.deadlineMs = undefined;
    running.proc.interrupt();
    this.refreshSnapshot();
  }

  /** refreshSnapshot retakes this second's snapshot after an input at that exact time, as a replay takes it. */
  private refreshSnapshot(): void {
    if (this.snapshots[this.snapshots.length - 1]?.t === this.nowMs) this.snapshot();
  }

  /** liveView is the cluster right now (between snapshots). */
  liveView(): ClusterView {
    return this.view(true);
  }

  /** inspect is the inspector's data for a selection, as of now. */
  inspect(target: InspectTarget): InspectData {
    return inspect(this.cluster, target, this.stats, this.schedules);
  }

  /** drainEvents hands over the Events created or updated since the last call (`kubectl get events -w`). */
  drainEvents(): FeedEvent[] {
    const keys = [...this.eventKeys];
    this.eventKeys = new Set();
    return readEventFeed(this.cluster, keys);
  }

  /** drainFlows hands over the messages traced since the last call. */
  drainFlows(): Flow[] {
    const flows = this.flows;
    this.flows = [];
    return flows;
  }

  private nextBoundary(): number {
    const step = this.session.spec.steps[this.nextStep];
    return Math.min(step ? step.at : Infinity, this.running?.deadlineMs ?? Infinity);
  }

  /** snapshotIntervalMs: one per second; one per AGGREGATED_SNAPSHOT_MS once the cluster is large. */
  private snapshotIntervalMs(): number {
    return this.snapshots[this.snapshots.length - 1]?.aggregated ? AGGREGATED_SNAPSHOT_MS : SNAPSHOT_INTERVAL_MS;
  }

  private nextSnapshotMs(): number {
    return (Math.floor(this.nowMs / SNAPSHOT_INTERVAL_MS) + 1) * SNAPSHOT_INTERVAL_MS;
  }

  private applyDue(): void {
    const running = this.running;
    if (running?.deadlineMs !== undefined && running.deadlineMs <= this.nowMs) {
      running.deadlineMs = undefined;
      running.proc.interrupt();
    }
    const steps = this.session.spec.steps;
    while (this.nextStep < steps.length && steps[this.nextStep].at <= this.nowMs) this.waiting.push(this.nextStep++);
    if (!this.running) this.startNext();
  }

  private startNext(): void {
    const index = this.waiting.shift();
    if (index === undefined) return;
    const step = this.session.spec.steps[index];
    if (!step.run) return this.startNext();
    const entry: ConsoleEntry = { id: index, at: step.at, startedMs: this.nowMs, run: step.run ?? '', output: '' };
    this.entries.push(entry);
    this.markers.push({ t: this.nowMs, kind: 'command', label: entry.run });
    const live: Editor = (path, text) => {
      const answer = new Future<string | null>();
      this.editing = { index, path, text, answer };
      return answer;
    };
    const proc = this.cluster.exec(step.run, step.stdin ?? '', stepEditor(this.cluster.sim, step.editor, live));
    this.running = { entry, proc, deadlineMs: step.timeout !== undefined ? this.nowMs + step.timeout : undefined };
    proc.onOutput((_stream, text) => (entry.output += text));
    proc.done.then((result) => {
      entry.output = result.stdout + result.stderr;
      entry.exit = result.exit;
      this.running = undefined;
      this.startNext();
    });
  }

  private rememberSchedule(event: TraceEvent): void {
    const key = `${event.ref!.namespace}/${event.ref!.name}`;
    const { t, result, node, message, numAllNodes, evaluatedNodes, filters, feasibleNodes, scorePlugins, scoreWeights, scores } = event as unknown as ScheduleDecision;
    this.schedules.delete(key);
    this.schedules.set(key, { t, result, node, message, numAllNodes, evaluatedNodes, filters, feasibleNodes, scorePlugins, scoreWeights, scores });
    if (this.schedules.size > 2000) this.schedules.delete(this.schedules.keys().next().value!);
  }

  private snapshot(): void {
    const last = this.snapshots[this.snapshots.length - 1];
    const view = this.view();
    const replacing = last !== undefined && last.t === this.nowMs;
    if (replacing) {
      // Retaking this second's snapshot after an input: judge rollouts against the previous second again.
      for (let i = this.markers.length - 1; i >= 0; i--) if (this.markers[i].kind === 'rollout' && this.markers[i].t === this.nowMs) this.markers.splice(i, 1);
    }
    this.markRollouts(replacing ? this.snapshots[this.snapshots.length - 2] : last, view);
    if (replacing) this.snapshots[this.snapshots.length - 1] = view;
    else this.snapshots.push(view);
  }

  /** markRollouts adds a marker when a Deployment becomes fully rolled out (all replicas updated and available). */
  private markRollouts(previous: ClusterView | undefined, view: ClusterView): void {
    const done = (d: ClusterView['deployments'][number]) => d.replicas > 0 && d.updated === d.replicas && d.available === d.replicas && d.ready === d.replicas;
    for (const d of view.deployments) {
      const before = previous?.deployments.find((p) => p.namespace === d.namespace && p.name === d.name);
      if (done(d) && (!before || !done(before) || before.image !== d.image || before.replicas !== d.replicas)) {
        this.markers.push({ t: this.nowMs, kind: 'rollout', label: `deployment/${d.name} ${d.replicas}/${d.replicas} ${d.image}` });
      }
    }
  }

  private observe(event: TraceEvent): void {
    const flow = flowOf(event);
    if (flow) this.flows.push(flow);
    recordStats(this.stats, event);
    this.sequence.observe(event);
    this.rollout.observe(event);
    this.hpa.observe(event);
    const eventKey = eventFeedKey(event);
    if (eventKey) this.eventKeys.add(eventKey);
    if (event.kind === 'scheduler.cycle' && event.ref) this.rememberSchedule(event);
    const marker = markerOf(event, this.lastLeader);
    if (marker) {
      if (marker.kind === 'leader') this.lastLeader = marker.label;
      this.markers.push(marker);
    }
  }
}
