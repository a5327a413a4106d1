// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go RunEnv (including --from,
// --prefix, --list, --overwrite) with env/env_parse.go ParseEnv and set/helper.go updateEnv,
// for one object. GenerateContext.envFrom is the ConfigMap/Secret named by --from.
import { boolFlag, listFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { checkErrAggregate, cmdError, usageFailure } from '../args/errors';
import { goQuote } from '../args/goStrconv';
import { splitEnvironmentFromResources } from '../args/pairs';
import { isEnvVarName } from '../args/validation';
import type { JsonObject } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult, generated } from './context';
import { containersOf, selectString, withPodSpec } from './podSpec';
import { finishSet, infoObjectName, notAPodFailure } from './setCommon';

/** parseEnv mirrors env_parse.go parseIntoEnvVar for "environment variable". */
export function parseEnv(specs: string[]): { env: JsonObject[]; remove: string[] } | Error {
  const env: JsonObject[] = [];
  const remove: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') return new Error("when '-' is used, STDIN must be open");
    if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const errs = isEnvVarName(name);
      if (errs.length > 0) return new Error(`${goQuote(name)} is not a valid key name: ${errs.join(';')}`);
      seen.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return new Error(`unknown environment variable: ${spec}`);
  }
  if (remove.some((r) => seen.has(r))) return new Error('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** updateEnv mirrors set/helper.go updateEnv: replace in place, drop removed, append new. */
export function updateEnv(existing: JsonObject[], env: JsonObject[], remove: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(String(e.name))) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(String(e.name));
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(String(e.name))) continue;
    covered.add(String(e.name));
    out.push(e);
  }
  return out;
}

/** envFromSource mirrors the --from loop: one valueFrom entry per (selected) key; renamed
 * keys (keyToEnvName) add a "Warning: key x transferred to X" line to `notes`. */
function envFromSource(cmd: ParsedCommand, from: JsonObject, notes: string[]): JsonObject[] | Error {
  const keys = listFlag(cmd, 'keys');
  const name = String((from.metadata as JsonObject | undefined)?.name ?? '');
  const refKey = from.kind === 'Secret' ? 'secretKeyRef' : from.kind === 'ConfigMap' ? 'configMapKeyRef' : undefined;
  if (!refKey) return new Error('unsupported resource specified in --from');
  // Go ranges over the data map; sorted keys keep the simulator deterministic.
  return Object.keys((from.data ?? {}) as JsonObject)
    .sort()
    .filter((key) => keys.length === 0 || keys.includes(key))
    .map((key) => {
      const envName = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
      if (envName !== key) notes.push(`Warning: key ${key} transferred to ${envName}\n`);
      return { name: envName, valueFrom: { [refKey]: { name, key } } };
    });
}

function listText(kind: string, objName: string, containers: JsonObject[]): string {
  return containers
    .map((c) => {
      const lines = ((c.env ?? []) as JsonObject[]).map((e) =>
        e.valueFrom ? `# ${String(e.name)} from ${JSON.stringify(e.valueFrom)}\n` : `${String(e.name)}=${String(e.value ?? '')}\n`,
      );
      return `# ${kind} ${objName}, container ${String(c.name)}\n${lines.join('')}`;
    })
    .join('');
}

/** generateSetEnv applies `kubectl set env TYPE/NAME K=V K2- ...` to ctx.source. */
export function generateSetEnv(cmd: ParsedCommand, ctx: GenerateContext & { envFrom?: JsonObject }): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const split = splitEnvironmentFromResources(cmd.args);
  if (!split) return cmdError(`all resources must be specified before environment changes: ${cmd.args.join(' ')}`);
  const parsed = parseEnv([...listFlag(cmd, 'env'), ...split.envArgs]);
  if (parsed instanceof Error) return cmdError(parsed.message);
  let env = parsed.env;
  if (stringFlag(cmd, 'from') !== '') {
    if (!ctx.envFrom) return cmdError('set env --from needs the referenced object (GenerateContext.envFrom)');
    const notes: string[] = [];
    const extra = envFromSource(cmd, ctx.envFrom, notes);
    prep.warnings += notes.join('');
    if (extra instanceof Error) return cmdError(extra.message);
    env = [...env, ...extra];
  }
  const prefix = stringFlag(cmd, 'prefix');
  if (prefix) env = env.map((e) => ({ ...e, name: `${prefix}${String(e.name)}` }));
  const source = ctx.source;
  if (!source) return cmdError('set env needs the object to change (GenerateContext.source)');
  const kind = String(source.kind);
  const objName = String((source.metadata as JsonObject | undefined)?.name ?? '');
  const selector = stringFlag(cmd, 'containers');
  let failure: string | undefined;
  let warnings = prep.warnings;
  let text = '';
  const after = withPodSpec(source, (spec) => {
    const pick = (key: 'containers' | 'initContainers') => containersOf(spec, key).filter((c) => selectString(String(c.name ?? ''), selector));
    const selected = [...pick('containers'), ...pick('initContainers')];
    if (selected.length === 0) warnings += `Warning: ${kind}/${objName} does not have any containers matching ${goQuote(selector)}\n`;
    for (const c of selected) {
      const existing = (c.env ?? []) as JsonObject[];
      const clash = boolFlag(cmd, 'overwrite') ? undefined : existing.find((e) => env.some((n) => n.name === e.name && n.value !== e.value));
      if (clash) failure ??= `'${String(clash.name)}' already has a value (${String(clash.value ?? '')}), and --overwrite is false`;
      else c.env = updateEnv(existing, env, parsed.remove);
    }
    if (boolFlag(cmd, 'list')) text = listText(kind, objName, selected);
  });
  if (!after) return notAPodFailure(source, boolFlag(cmd, 'local'));
  if (boolFlag(cmd, 'list')) return { ...generated(cmd, [], { ...prep, warnings }, 'env updated'), text };
  if (failure) return usageFailure(checkErrAggregate([`error: ${infoObjectName(source, boolFlag(cmd, 'local'))} ${failure}\n`]));
  return finishSet(cmd, { ...prep, warnings }, source, after, [], 'env updated');
}
