// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go (Validate, Run) and
// generate/versioned/run.go HandleResourceRequirementsV1 for one object.
import { boolFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import type { JsonObject } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult } from './context';
import { populateResourceList } from './createSimple';
import { containersOf, selectString, withPodSpec } from './podSpec';
import { finishSet, notAPodFailure } from './setCommon';

function validate(cmd: ParsedCommand, dryRun: string): string | undefined {
  if (boolFlag(cmd, 'local') && dryRun === 'server') return 'cannot specify --local and --dry-run=server - did you mean --dry-run=client?';
  if (boolFlag(cmd, 'all') && stringFlag(cmd, 'selector') !== '') return 'cannot set --all and --selector at the same time';
  if (stringFlag(cmd, 'limits') === '' && stringFlag(cmd, 'requests') === '') {
    return 'you must specify an update to requests or limits (in the form of --requests/--limits)';
  }
  return undefined;
}

function mergeInto(resources: JsonObject, key: 'limits' | 'requests', values: JsonObject | undefined, given: boolean): void {
  const current = resources[key] as JsonObject | undefined;
  if (given && (!current || Object.keys(current).length === 0)) resources[key] = {};
  if (values) resources[key] = { ...(resources[key] as JsonObject), ...values };
}

/** generateSetResources applies `kubectl set resources ... --limits=... --requests=...`. */
export function generateSetResources(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const invalid = validate(cmd, prep.dryRun);
  if (invalid) return cmdError(invalid);
  const limits = populateResourceList(stringFlag(cmd, 'limits'));
  if (limits instanceof Error) return cmdError(limits.message);
  const requests = populateResourceList(stringFlag(cmd, 'requests'));
  if (requests instanceof Error) return cmdError(requests.message);
  const source = ctx.source;
  if (!source) return cmdError('set resources needs the object to change (GenerateContext.source)');
  const selector = stringFlag(cmd, 'containers');
  const errors: string[] = [];
  const after = withPodSpec(source, (spec) => {
    const pick = (key: 'containers' | 'initContainers') => containersOf(spec, key).filter((c) => selectString(String(c.name ?? ''), selector));
    const selected = [...pick('containers'), ...pick('initContainers')];
    if (selected.length === 0) errors.push(`error: unable to find container named ${selector}`);
    for (const c of selected) {
      const resources = (c.resources ?? {}) as JsonObject;
      mergeInto(resources, 'limits', limits, stringFlag(cmd, 'limits') !== '');
      mergeInto(resources, 'requests', requests, stringFlag(cmd, 'requests') !== '');
      c.resources = resources;
    }
  });
  if (!after) return notAPodFailure(source, boolFlag(cmd, 'local'));
  return finishSet(cmd, prep, source, after, errors, 'resource requirements updated');
}
