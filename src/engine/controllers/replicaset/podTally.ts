import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { isPodActive } from '../controllerUtils';
import { POD_CONTROLLER_UID_INDEX } from '../podIndex';
import { isPodReady } from '../podutil';

// What one pod contributes to its controller's tally (bits).
const ACTIVE_SELECTED = 1;
const ACTIVE_UNSELECTED = 2;
const FULLY_LABELED = 4;
const READY = 8;

/** PodCounts: what syncReplicaSet's claim + calculateStatus would count over the owned pods. */
export interface PodCounts {
  /** activeSelected: active pods owned by the RS whose labels match its selector (the claimed ones). */
  activeSelected: number;
  /** activeUnselected: active owned pods the selector no longer matches (a claim would release them). */
  activeUnselected: number;
  fullyLabeled: number;
  ready: number;
}

interface Tally extends PodCounts {
  selectorSig: string;
  templateSig: string;
  selector: Selector;
  template: Selector;
}

/**
 * ReplicaSetPodTally keeps, per ReplicaSet uid, the counts a sync would get by listing the RS's
 * pods, claiming them and computing its status, updated as the pod informer delivers each change.
 * Upstream lists every pod of the RS on every sync; with 150,000 pods whose updates each wake the
 * RS that is O(n²) work, which Go hides and a simulation cannot. The counts are exactly what the
 * listing gives (a test drives both side by side); syncReplicaSet still takes the listing path
 * whenever it needs the pods themselves (deleting, adopting, releasing, minReadySeconds).
 */
export class ReplicaSetPodTally {
  private readonly tallies = new Map<string, Tally>();
  /** contributions: pod key → the uid it was counted under and its bits. */
  private readonly contributions = new Map<string, { uid: string; bits: number }>();

  constructor(private readonly pods: SharedIndexInformer<Pod>) {
    pods.addEventHandler({
      add: (pod) => this.observe(pod),
      update: (_old, cur) => this.observe(cur),
      delete: (pod) => this.forget(keyOf(pod)),
    });
  }

  /** countsFor returns the RS's counts, rebuilding them from the informer when the RS is new or changed its selector or template labels. */
  countsFor(rs: Stored<ReplicaSet>): PodCounts {
    const uid = rs.metadata.uid ?? '';
    const selectorSig = JSON.stringify(rs.spec?.selector ?? null);
    const templateSig = JSON.stringify(rs.spec?.template?.metadata?.labels ?? {});
    const tally = this.tallies.get(uid);
    if (tally && tally.selectorSig === selectorSig && tally.templateSig === templateSig) return tally;
    return this.rebuild(uid, rs, selectorSig, templateSig);
  }

  /** drop forgets a deleted ReplicaSet's tally. */
  drop(uid: string | undefined): void {
    if (uid) this.tallies.delete(uid);
  }

  private rebuild(uid: string, rs: Stored<ReplicaSet>, selectorSig: string, templateSig: string): Tally {
    const tally: Tally = {
      activeSelected: 0, activeUnselected: 0, fullyLabeled: 0, ready: 0,
      selectorSig, templateSig, selector: fromLabelSelector(rs.spec?.selector), template: fromLabelSelector({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} }),
    };
    this.tallies.set(uid, tally);
    for (const pod of this.pods.indexer.byIndex(POD_CONTROLLER_UID_INDEX, uid) as Stored<Pod>[]) {
      const bits = contribution(pod, tally);
      add(tally, bits, 1);
      this.contributions.set(keyOf(pod), { uid, bits });
    }
    return tally;
  }

  private observe(pod: Stored<Pod>): void {
    const key = keyOf(pod);
    this.forget(key);
    const uid = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
    const tally = uid === undefined ? undefined : this.tallies.get(uid);
    if (!tally) return;
    const bits = contribution(pod, tally);
    add(tally, bits, 1);
    this.contributions.set(key, { uid: uid!, bits });
  }

  private forget(key: string): void {
    const previous = this.contributions.get(key);
    if (!previous) return;
    this.contributions.delete(key);
    const tally = this.tallies.get(previous.uid);
    if (tally) add(tally, previous.bits, -1);
  }
}

function contribution(pod: Pod, tally: Tally): number {
  if (!isPodActive(pod)) return 0;
  if (!matches(tally.selector, pod.metadata?.labels)) return ACTIVE_UNSELECTED;
  let bits = ACTIVE_SELECTED;
  if (matches(tally.template, pod.metadata?.labels)) bits |= FULLY_LABELED;
  if (isPodReady(pod)) bits |= READY;
  return bits;
}

function add(tally: Tally, bits: number, sign: 1 | -1): void {
  if (bits & ACTIVE_SELECTED) tally.activeSelected += sign;
  if (bits & ACTIVE_UNSELECTED) tally.activeUnselected += sign;
  if (bits & FULLY_LABELED) tally.fullyLabeled += sign;
  if (bits & READY) tally.ready += sign;
}

function keyOf(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}
