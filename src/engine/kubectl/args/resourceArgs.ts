// Mirrors staging/src/k8s.io/cli-runtime/pkg/resource/builder.go: how `TYPE NAME...`,
// `TYPE1,TYPE2 NAME`, `TYPE/NAME...` args plus -l/--field-selector/--all turn into a
// selection (ResourceTypeOrNameArgs, normalizeMultipleResourcesArgs, hasCombinedTypeArgs,
// splitResourceTypeName, visitorResult) and the builder's error texts.
import { lookupResourceType, type ResourceType } from './resources';

/** ResourceSelection is what the builder would visit. */
export type ResourceSelection =
  | { kind: 'names'; items: { type: ResourceType; name: string }[] }
  | { kind: 'selector'; types: ResourceType[] };

/** ResourceArgsOptions carries the flags that change the builder's behaviour. */
export interface ResourceArgsOptions {
  /** selector is true when -l, --field-selector or --all was given. */
  selector: boolean;
  /** allowEmptySelector: a bare TYPE means "all of that type" (get, describe, top). */
  allowEmptySelector?: boolean;
}

function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

function resolveType(typed: string): ResourceType | Error {
  return lookupResourceType(typed) ?? new Error(`the server doesn't have a resource type "${typed}"`);
}

function tuplesFrom(args: string[]): { resource: string; name: string }[] | Error {
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes !== args.length) {
    return new Error(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  const tuples: { resource: string; name: string }[] = [];
  for (const s of args) {
    const seg = s.split('/');
    if (seg.length !== 2) return new Error('arguments in resource/name form may not have more than one slash');
    const [resource, name] = seg;
    if (!resource || !name || splitResourceArgument(resource).length !== 1) {
      return new Error('arguments in resource/name form must have a single resource and name');
    }
    tuples.push({ resource, name });
  }
  return tuples;
}

/**
 * resolveResourceArgs turns positional args into what to act on, or the builder's error.
 * @example resolveResourceArgs(['deploy', 'web'], { selector: false }) →
 *   { kind: 'names', items: [{ type: <deployments>, name: 'web' }] }
 */
export function resolveResourceArgs(input: string[], opts: ResourceArgsOptions): ResourceSelection | Error {
  let args = input;
  if (args.length >= 2 && splitResourceArgument(args[0]).length > 1) {
    args = splitResourceArgument(args[0]).flatMap((res) => args.slice(1).map((name) => `${res}/${name}`));
  }
  const hasSlash = args.some((a) => a.includes('/'));
  const tuples = hasSlash ? tuplesFrom(args) : [];
  if (tuples instanceof Error) return tuples;
  const types = hasSlash || args.length === 0 ? [] : splitResourceArgument(args[0]);
  const names = hasSlash ? [] : args.slice(1);
  const selector = opts.selector || (args.length === 1 && !hasSlash && opts.allowEmptySelector === true);
  if (selector) {
    if (names.length > 0) return new Error('name cannot be provided when a selector is specified');
    if (tuples.length > 0) return new Error('selectors and the all flag cannot be used when passing resource/name arguments');
    if (types.length === 0) return new Error('at least one resource must be specified to use a selector');
    const resolved = types.map(resolveType);
    const bad = resolved.find((t): t is Error => t instanceof Error);
    return bad ?? { kind: 'selector', types: resolved as ResourceType[] };
  }
  if (tuples.length > 0 || names.length > 0) {
    const pairs = tuples.length > 0 ? tuples : types.flatMap((resource) => names.map((name) => ({ resource, name })));
    const items: { type: ResourceType; name: string }[] = [];
    for (const p of pairs) {
      const type = resolveType(p.resource);
      if (type instanceof Error) return type;
      items.push({ type, name: p.name });
    }
    return { kind: 'names', items };
  }
  if (types.length > 0) {
    const bad = types.map(resolveType).find((t): t is Error => t instanceof Error);
    return bad ?? new Error('resource(s) were provided, but no name was specified');
  }
  return new Error(
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
}
