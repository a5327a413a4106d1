// Mirrors kubernetes pkg/controller/controller_utils.go (ControllerExpectations,
// UIDTrackingControllerExpectations).

/** EXPECTATIONS_TIMEOUT_MS: expectations older than 5 minutes are ignored (ExpectationsTimeout). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface ControlleeExpectations {
  add: number;
  del: number;
  timestampMs: number;
}

/**
 * ControllerExpectations remembers how many creations and deletions a controller has asked for
 * and not yet seen in its informer, so the next sync does not act on a stale cache and create the
 * same pods twice. A sync may only manage replicas once expectations are fulfilled (or expired).
 */
export class ControllerExpectations {
  private readonly store = new Map<string, ControlleeExpectations>();

  constructor(private readonly nowMs: () => number) {}

  get(key: string): { add: number; del: number } | undefined {
    const exp = this.store.get(key);
    return exp && { add: exp.add, del: exp.del };
  }

  /** satisfiedExpectations is true when nothing is pending, the record expired, or none exists. */
  satisfiedExpectations(key: string): boolean {
    const exp = this.store.get(key);
    if (!exp) return true;
    if (exp.add <= 0 && exp.del <= 0) return true;
    return this.nowMs() - exp.timestampMs > EXPECTATIONS_TIMEOUT_MS;
  }

  setExpectations(key: string, add: number, del: number): void {
    this.store.set(key, { add, del, timestampMs: this.nowMs() });
  }

  expectCreations(key: string, adds: number): void {
    this.setExpectations(key, adds, 0);
  }

  expectDeletions(key: string, dels: number): void {
    this.setExpectations(key, 0, dels);
  }

  lowerExpectations(key: string, add: number, del: number): void {
    const exp = this.store.get(key);
    if (!exp) return;
    exp.add -= add;
    exp.del -= del;
  }

  raiseExpectations(key: string, add: number, del: number): void {
    const exp = this.store.get(key);
    if (!exp) return;
    exp.add += add;
    exp.del += del;
  }

  creationObserved(key: string): void {
    this.lowerExpectations(key, 1, 0);
  }

  deletionObserved(key: string): void {
    this.lowerExpectations(key, 0, 1);
  }

  deleteExpectations(key: string): void {
    this.store.delete(key);
  }
}

/**
 * UIDTrackingControllerExpectations also remembers which pods it expects to disappear, so a
 * deletion observed twice (graceful delete: an update with deletionTimestamp, then the delete) is
 * only counted once.
 */
export class UIDTrackingControllerExpectations extends ControllerExpectations {
  private readonly uidStore = new Map<string, Set<string>>();

  getUIDs(key: string): ReadonlySet<string> | undefined {
    return this.uidStore.get(key);
  }

  expectPodDeletions(key: string, deletedKeys: string[]): void {
    this.uidStore.set(key, new Set(deletedKeys));
    this.expectDeletions(key, deletedKeys.length);
  }

  /** podDeletionObserved lowers the deletion count once per expected pod key. */
  podDeletionObserved(key: string, podKey: string): void {
    const uids = this.uidStore.get(key);
    if (uids?.has(podKey)) {
      this.lowerExpectations(key, 0, 1);
      uids.delete(podKey);
    }
  }

  override deleteExpectations(key: string): void {
    super.deleteExpectations(key);
    this.uidStore.delete(key);
  }
}
