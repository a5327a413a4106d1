// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/label/label.go (labelFunc, validateNoOverwrites,
// updateDataChangeMsg) and annotate/annotate.go (updateAnnotations,
// validateNoAnnotationOverwrites) on the client-side path (--local or --dry-run=client): the
// object is handled as unstructured, so it prints with every key sorted.
import { boolFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { checkErrAggregate, cmdError, usageFailure } from '../args/errors';
import { getResourcesAndPairs, parseLabelPairs, parsePairs, type ParsedPairs } from '../args/pairs';
import { type JsonObject, marshalJsonCompact } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult, generated } from './context';
import { marshalUnstructured } from './goMarshal';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

type Field = 'labels' | 'annotations';

function overwriteErrors(current: JsonObject, pairs: ParsedPairs, field: Field): string[] {
  const clashes = [...pairs.set.entries()]
    .filter(([k, v]) => !(field === 'annotations' && k === CHANGE_CAUSE) && k in current && current[k] !== v)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (clashes.length === 0) return [];
  if (field === 'labels') return clashes.map(([k]) => `'${k}' already has a value (${String(current[k])}), and --overwrite is false`);
  const list = clashes.map(([k]) => `'${k}' already has a value (${String(current[k])})`).join('; ');
  return [`--overwrite is false but found the following declared annotation(s): ${list}`];
}

function parseFor(field: Field, cmd: ParsedCommand): ParsedPairs | Error {
  const split = getResourcesAndPairs(cmd.args, field === 'labels' ? 'label' : 'annotation');
  if (split instanceof Error) return split;
  return field === 'labels' ? parseLabelPairs(split.pairs) : parsePairs(split.pairs, 'annotation', true);
}

function generateMetadataUpdate(cmd: ParsedCommand, ctx: GenerateContext, field: Field): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const pairs = parseFor(field, cmd);
  if (pairs instanceof Error) return cmdError(pairs.message);
  const source = ctx.source;
  if (!source) return cmdError(`${field === 'labels' ? 'label' : 'annotate'} needs the object to change (GenerateContext.source)`);
  const obj = structuredClone(source);
  const metadata = ((obj.metadata ?? {}) as JsonObject);
  obj.metadata = metadata;
  const resourceVersion = stringFlag(cmd, 'resource-version');
  if (resourceVersion) delete metadata.resourceVersion;
  const before = marshalJsonCompact(marshalUnstructured(obj));
  const current = { ...((metadata[field] ?? {}) as JsonObject) };
  if (!boolFlag(cmd, 'overwrite')) {
    const errs = overwriteErrors(current, pairs, field);
    if (errs.length > 0) return usageFailure(checkErrAggregate(errs));
  }
  for (const [k, v] of pairs.set) current[k] = v;
  for (const k of pairs.remove) delete current[k];
  metadata[field] = current;
  if (resourceVersion) metadata.resourceVersion = resourceVersion;
  const out = marshalUnstructured(obj) as JsonObject;
  const after = marshalJsonCompact(out);
  const operation = field === 'annotations' ? 'annotated' : labelChangeMsg(before, after, boolFlag(cmd, 'overwrite'));
  if (boolFlag(cmd, 'list')) {
    const text = Object.keys(current).sort().map((k) => `${k}=${String(current[k])}\n`).join('');
    return { ...generated(cmd, [], prep, operation, 'unstructured'), text };
  }
  return generated(cmd, [out], prep, operation, 'unstructured');
}

/** labelChangeMsg mirrors updateDataChangeMsg. */
function labelChangeMsg(before: string, after: string, overwrite: boolean): string {
  if (before === after) return 'not labeled';
  return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
}

/** generateLabel applies `kubectl label ... k=v k2-` to ctx.source. */
export function generateLabel(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  return generateMetadataUpdate(cmd, ctx, 'labels');
}

/** generateAnnotate applies `kubectl annotate ... k=v k2-` to ctx.source. */
export function generateAnnotate(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  return generateMetadataUpdate(cmd, ctx, 'annotations');
}
