// Mirrors the static pod parts of kubernetes pkg/kubelet/kubelet.go (v1.32): the file source's
// pods go to the pod workers (HandlePodAdditions, HandlePodRemoves), a mirror pod from the
// apiserver only pairs with its static pod and wakes its worker, and the housekeeping tick
// (HandlePodCleanups) deletes mirror pods left without a static pod.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { Simulator, Timer } from '../sim/simulator';
import { spawn } from '../sim/task';
import type { ManifestDirectory, SourceFile } from './config/file';
import { cleanupOrphanedMirrorPods, type MirrorPodContext } from './kubeletMirrorPods';
import type { PodManager } from './pod/podManager';
import type { PodWorkers } from './podWorkers';
import type { StatusManager } from './status/statusManager';

/** HOUSEKEEPING_PERIOD_MS: the sync loop's housekeeping tick (HandlePodCleanups). */
const HOUSEKEEPING_PERIOD_MS = 2_000;

export interface StaticPodsContext {
  sim: Simulator;
  sourceFile: SourceFile;
  podManager: PodManager;
  podWorkers: PodWorkers;
  statusManager: StatusManager;
  mirrorPods: MirrorPodContext;
  isRunning(): boolean;
  /** startedAtMs: when the kubelet (its sync loop and housekeeping ticker) started. */
  startedAtMs(): number;
}

/**
 * StaticPods runs the static pods of one kubelet. A mirror pod is never run: deleting it leaves the
 * static pod's containers alone, and its worker only creates the mirror again.
 */
export class StaticPods {
  private housekeepingTimer: Timer | undefined;

  constructor(private readonly ctx: StaticPodsContext) {}

  /** any: the node has a manifest directory with pods in it (a control-plane node). */
  get any(): boolean {
    return this.ctx.sourceFile.size > 0;
  }

  /**
   * apply takes in the manifest directory as it is now (the file source's watch): a pod whose
   * manifest left is stopped, a new one (or one back under the same UID) is started.
   */
  apply(): void {
    const { podManager, podWorkers } = this.ctx;
    if (!this.ctx.isRunning()) return;
    const desired = this.ctx.sourceFile.pods(this.ctx.sim.nowMs);
    const uids = new Set(desired.map((pod) => pod.metadata.uid ?? ''));
    for (const pod of podManager.staticPods()) {
      const uid = pod.metadata.uid ?? '';
      if (uids.has(uid)) continue;
      podManager.removeStaticPod(uid);
      podWorkers.removePod(uid);
    }
    for (const pod of desired) {
      if (podManager.staticPod(pod.metadata.uid ?? '') === pod) continue;
      podManager.addStaticPod(pod);
      podWorkers.updatePod(pod);
    }
  }

  /** changeManifests changes the manifest directory and, if it changed, takes it in at once (the file source's inotify watch). */
  changeManifests(change: (source: SourceFile) => boolean): boolean {
    const changed = change(this.ctx.sourceFile);
    if (changed) this.apply();
    return changed;
  }

  /** manifestDirectory: the files of --pod-manifest-path, for the terminal on this machine. */
  manifestDirectory(): ManifestDirectory {
    const source = this.ctx.sourceFile;
    return {
      list: () => source.list(),
      read: (file) => source.read(file),
      write: (file, text) => {
        this.changeManifests((s) => {
          s.write(file, text);
          return true;
        });
      },
      remove: (file) => this.changeManifests((s) => s.remove(file)),
    };
  }

  /**
   * mirrorPodSeen: a mirror pod was added or updated. A semantic change (a deletion request, say)
   * syncs its static pod, whose sync replaces the mirror; the status manager learns where to write.
   * An orphaned mirror is left to housekeeping.
   */
  mirrorPodSeen(mirror: Stored<Pod>, changed: boolean): void {
    this.ctx.podManager.setMirrorPod(mirror);
    const staticPod = this.ctx.podManager.staticPodOf(mirror);
    if (!staticPod) return this.scheduleHousekeeping();
    this.ctx.statusManager.mirrorPodChanged(staticPod.metadata.uid ?? '', mirror);
    if (changed) this.ctx.podWorkers.updatePod(staticPod);
  }

  /** mirrorPodRemoved: a deleted mirror pod syncs its static pod, which creates it again. */
  mirrorPodRemoved(mirror: Stored<Pod>): void {
    if (!this.ctx.podManager.removeMirrorPod(mirror)) return;
    const staticPod = this.ctx.podManager.staticPodOf(mirror);
    if (staticPod) this.ctx.podWorkers.updatePod(staticPod);
  }

  /** scheduleHousekeeping books the orphaned-mirror cleanup on the next 2 s housekeeping tick. */
  scheduleHousekeeping(): void {
    if (this.housekeepingTimer || !this.ctx.isRunning()) return;
    const startedAtMs = this.ctx.startedAtMs();
    const ticks = Math.floor((this.ctx.sim.nowMs - startedAtMs) / HOUSEKEEPING_PERIOD_MS) + 1;
    this.housekeepingTimer = this.ctx.sim.at(startedAtMs + ticks * HOUSEKEEPING_PERIOD_MS, () => {
      this.housekeepingTimer = undefined;
      if (this.ctx.isRunning()) spawn(cleanupOrphanedMirrorPods(this.ctx.mirrorPods));
    });
  }

  stop(): void {
    this.ctx.sim.cancel(this.housekeepingTimer);
    this.housekeepingTimer = undefined;
  }
}
