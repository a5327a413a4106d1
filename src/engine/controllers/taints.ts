// Mirrors kubernetes pkg/util/taints/taints.go (TaintExists, TaintSetDiff) and the node-taint
// helpers of pkg/controller/controller_utils.go (AddOrUpdateTaintOnNode, RemoveTaintOffNode,
// PatchNodeTaints).
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { Simulator } from '../sim/simulator';
import { wait, type Task } from '../sim/task';
import { toRFC3339 } from '../sim/time';
import { errorOf, isConflict, type ControllerClient, type SyncError } from './types';

/** UPDATE_TAINT_RETRIES is UpdateTaintBackoff's Steps (5 tries on Conflict, 100 ms apart). */
const UPDATE_TAINT_RETRIES = 5;
const UPDATE_TAINT_BACKOFF_MS = 100;

/** matchTaint: same key and effect (v1.Taint.MatchTaint); value and timeAdded do not matter. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** taintExists reports whether `taints` holds a taint matching `taint` by key and effect. */
export function taintExists(taints: readonly Taint[] | undefined, taint: Taint): boolean {
  return (taints ?? []).some((t) => matchTaint(t, taint));
}

/** taintSetDiff: the taints of `target` missing from `current`, and those of `current` not in `target`. */
export function taintSetDiff(target: readonly Taint[], current: readonly Taint[]): { toAdd: Taint[]; toRemove: Taint[] } {
  return {
    toAdd: target.filter((t) => !taintExists(current, t)),
    toRemove: current.filter((t) => !taintExists(target, t)),
  };
}

/** NodeTaintContext is what the taint writers need: a client, and the clock for timeAdded and retries. */
export interface NodeTaintContext {
  client: ControllerClient;
  sim: Simulator;
  epochMs: number;
}

/**
 * swapNodeControllerTaint adds `toAdd` (stamped with timeAdded = now, as upstream stamps every
 * taint it adds, NoSchedule ones included) and removes `toRemove` from the node. Returns an error
 * text or undefined.
 */
export function* swapNodeControllerTaint(ctx: NodeTaintContext, node: Stored<Node>, toAdd: readonly Taint[], toRemove: readonly Taint[]): Task<SyncError> {
  const now = toRFC3339(ctx.sim.nowMs, ctx.epochMs);
  const stamped = toAdd.map((t) => ({ ...t, timeAdded: now }));
  const added = yield* updateNodeTaints(ctx, node.metadata.name, (taints) => addOrUpdateTaints(taints, stamped));
  if (added) return `unable to taint [${toAdd.map(taintString).join(' ')}] unresponsive Node "${node.metadata.name}": ${added}`;
  if (toRemove.length === 0) return undefined;
  const removed = yield* updateNodeTaints(ctx, node.metadata.name, (taints) => removeTaints(taints, toRemove));
  return removed ? `unable to remove [${toRemove.map(taintString).join(' ')}] unneeded taint from unresponsive Node "${node.metadata.name}": ${removed}` : undefined;
}

/**
 * removeTaintOffNode removes the taints if the node (as the caller last saw it) has any of them;
 * no request is made otherwise, which keeps the every-5-seconds health pass free of writes.
 */
export function* removeTaintOffNode(ctx: NodeTaintContext, node: Stored<Node>, taints: readonly Taint[]): Task<SyncError> {
  if (!taints.some((t) => taintExists(node.spec?.taints, t))) return undefined;
  return yield* updateNodeTaints(ctx, node.metadata.name, (current) => removeTaints(current, taints));
}

/**
 * updateNodeTaints is the RetryOnConflict loop of AddOrUpdateTaintOnNode / RemoveTaintOffNode: get
 * the node, compute the new list, and PATCH spec.taints guarded by the resourceVersion it read
 * (PatchNodeTaints: taints have no merge key, so the whole list is replaced and a concurrent
 * change must conflict rather than be lost).
 */
function* updateNodeTaints(ctx: NodeTaintContext, nodeName: string, change: (taints: Taint[]) => Taint[] | undefined): Task<SyncError> {
  let last: SyncError;
  for (let attempt = 0; attempt < UPDATE_TAINT_RETRIES; attempt++) {
    if (attempt > 0) yield* wait(ctx.sim.sleep(UPDATE_TAINT_BACKOFF_MS));
    const got = yield* wait(ctx.client.get<Node>('nodes', undefined, nodeName));
    if (!got.ok) return errorOf(got);
    const next = change(got.object.spec?.taints ?? []);
    if (!next) return undefined;
    const patch = { metadata: { resourceVersion: got.object.metadata.resourceVersion }, spec: { taints: next.length > 0 ? next : null } };
    const patched = yield* wait(ctx.client.patch('nodes', undefined, nodeName, 'merge', patch));
    if (patched.ok) return undefined;
    last = errorOf(patched);
    if (!isConflict(patched)) return last;
  }
  return last;
}

/** addOrUpdateTaints replaces taints matching a new one and appends the rest; undefined if nothing changes. */
function addOrUpdateTaints(current: Taint[], toAdd: readonly Taint[]): Taint[] | undefined {
  let next = current;
  let changed = false;
  for (const taint of toAdd) {
    const i = next.findIndex((t) => matchTaint(t, taint));
    if (i >= 0 && (next[i].value ?? '') === (taint.value ?? '')) continue;
    next = i >= 0 ? next.map((t, j) => (j === i ? taint : t)) : [...next, taint];
    changed = true;
  }
  return changed ? next : undefined;
}

function removeTaints(current: Taint[], toRemove: readonly Taint[]): Taint[] | undefined {
  const next = current.filter((t) => !taintExists(toRemove, t));
  return next.length === current.length ? undefined : next;
}

/** taintString is v1.Taint.ToString: `key=value:Effect` (or `key:Effect`). */
export function taintString(taint: Taint): string {
  return taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}
