// Mirrors kubectl pkg/cmd/wait (v1.32): `kubectl wait TYPE/NAME | TYPE (-l SEL | --all)
// --for=delete | --for=condition=NAME[=VALUE] | --for=jsonpath='{...}'[=VALUE] [--timeout=30s]`.
// Each object is watched until the condition holds; the timeout is shared by all of them.
import type { KubeObject, Stored } from '../../api/object';
import { wait as waitTask, type Task } from '../../sim/task';
import { numberFlag, stringFlag } from '../args/commandSpec';
import { lookupResourceType } from '../args/resources';
import { executeJsonPath } from '../printers/jsonpath';
import { fail, type KubectlContext } from './context';
import { fetchTargets, namespaceFor } from './targets';
import { waitFor } from './waitFor';

type Check = (obj: Stored<KubeObject> | undefined) => boolean;

/** conditionFuncFor turns --for into a check, or kubectl's error text. */
export function conditionFuncFor(spec: string): { check: Check; deleted: boolean } | { error: string } {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { check: (o) => o === undefined, deleted: true };
  if (lower === 'create') return { check: (o) => o !== undefined, deleted: false };
  if (lower.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    const name = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? 'true' : rest.slice(eq + 1);
    return {
      deleted: false,
      check: (o) => {
        const generation = o?.metadata.generation;
        const conditions = ((o as { status?: { conditions?: Array<{ type: string; status: string; observedGeneration?: number }> } } | undefined)?.status?.conditions) ?? [];
        // A condition observed for an older generation does not count (IsConditionMet).
        return conditions.some((c) => c.type.toLowerCase() === name.toLowerCase() && c.status.toLowerCase() === value.toLowerCase() && (c.observedGeneration === undefined || generation === undefined || c.observedGeneration === generation));
      },
    };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    if (!rest.startsWith('{') || close < 0) return { error: `unrecognized condition: "${spec}"` };
    const path = rest.slice(0, close + 1);
    const value = rest.slice(close + 1).startsWith('=') ? rest.slice(close + 2) : undefined;
    return {
      deleted: false,
      check: (o) => {
        if (!o) return false;
        let got: string;
        try {
          got = executeJsonPath(path, o as never);
        } catch {
          return false;
        }
        return value === undefined ? got !== '' : got === value;
      },
    };
  }
  return { error: `unrecognized condition: "${spec}"` };
}

export function* wait(ctx: KubectlContext): Task<number> {
  const forSpec = stringFlag(ctx.cmd, 'for');
  const condition = conditionFuncFor(forSpec);
  if ('error' in condition) return fail(ctx, condition.error);
  const timeoutMs = numberFlag(ctx.cmd, 'timeout');
  const deadline = ctx.env.sim.nowMs + timeoutMs;
  const targets = yield* fetchTargets(ctx, ctx.cmd.positionals, { allowSelector: true });
  if (!targets.ok) return targets.exit;
  if (targets.objects.length === 0) return fail(ctx, 'no matching resources found');
  for (const obj of targets.objects) {
    const type = lookupResourceType(obj.kind ?? '');
    const resource = type?.plural ?? `${(obj.kind ?? '').toLowerCase()}s`;
    const remaining = Math.max(1, deadline - ctx.env.sim.nowMs);
    const ok = yield* waitFor(ctx, resource, type ? namespaceFor(ctx, type) : obj.metadata.namespace, obj.metadata.name, condition.check, timeoutMs > 0 ? remaining : 1);
    if (!ok) return fail(ctx, `timed out waiting for the condition on ${resource}/${obj.metadata.name}`);
    ctx.io.out(`${(type?.singular ?? resource)}${type?.group ? `.${type.group}` : ''}/${obj.metadata.name} condition met\n`);
  }
  yield* waitTask(ctx.env.sim.sleep(0));
  return 0;
}
