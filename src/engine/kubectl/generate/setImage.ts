// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go (Validate, Run, setImage,
// getResourcesAndImages) for one object.
import { boolFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { checkErrAggregate, cmdError, usageFailure } from '../args/errors';
import { goQuote } from '../args/goStrconv';
import { getResourcesAndPairs, parsePairs } from '../args/pairs';
import type { JsonObject } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult } from './context';
import { containersOf, withPodSpec } from './podSpec';
import { finishSet, notAPodFailure } from './setCommon';

function setImageIn(containers: JsonObject[], name: string, image: string): boolean {
  let found = false;
  for (const c of containers) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

/** generateSetImage applies `kubectl set image TYPE NAME c=img ...` to ctx.source. */
export function generateSetImage(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const split = getResourcesAndPairs(cmd.args, 'image');
  if (split instanceof Error) return cmdError(split.message);
  const pairs = parsePairs(split.pairs, 'image', false);
  if (pairs instanceof Error) return cmdError(pairs.message);
  const errors: string[] = [];
  if (boolFlag(cmd, 'all') && stringFlag(cmd, 'selector') !== '') errors.push('cannot set --all and --selector at the same time');
  if (pairs.set.size < 1) errors.push('at least one image update is required');
  else if (pairs.set.size > 1 && pairs.set.has('*')) {
    errors.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  }
  if (boolFlag(cmd, 'local') && prep.dryRun === 'server') {
    errors.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  }
  if (errors.length > 0) return usageFailure(checkErrAggregate(errors));
  const source = ctx.source;
  if (!source) return cmdError('set image needs the object to change (GenerateContext.source)');
  const runErrors: string[] = [];
  const after = withPodSpec(source, (spec) => {
    // Go ranges over a map here; sorted keys keep the simulator deterministic.
    for (const name of [...pairs.set.keys()].sort()) {
      const image = pairs.set.get(name) as string;
      const inInit = setImageIn(containersOf(spec, 'initContainers'), name, image);
      const inMain = setImageIn(containersOf(spec, 'containers'), name, image);
      if (!inInit && !inMain) runErrors.push(`error: unable to find container named ${goQuote(name)}`);
    }
  });
  if (!after) return notAPodFailure(source, boolFlag(cmd, 'local'));
  return finishSet(cmd, prep, source, after, runErrors, 'image updated');
}
