// KEY=VALUE / KEY- argument splitting shared by label, annotate, set image and set env.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetResourcesAndPairs and
// ParsePairs, cmd/label/label.go parseLabels, and cmd/set/env/env_parse.go
// SplitEnvironmentFromResources.
import { goQuote } from './goStrconv';
import { isValidLabelValue } from './validation';

/** getResourcesAndPairs splits `TYPE NAME k=v k2-` into resources and pairs. */
export function getResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | Error {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return new Error(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** ParsedPairs are new key/values (insertion order) and keys to remove. */
export interface ParsedPairs {
  set: Map<string, string>;
  remove: string[];
}

/** parsePairs mirrors cmdutil.ParsePairs. */
export function parsePairs(pairArgs: string[], pairType: string, supportRemove: boolean): ParsedPairs | Error {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairArgs) {
    if (pair.includes('=') && pair[0] !== '=') {
      const eq = pair.indexOf('=');
      set.set(pair.slice(0, eq), pair.slice(eq + 1));
    } else if (supportRemove && pair.endsWith('-') && pair !== '-') remove.push(pair.slice(0, -1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) return new Error(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}

/** parseLabelPairs mirrors label.go parseLabels (stricter than ParsePairs: one `=` only). */
export function parseLabelPairs(specs: string[]): ParsedPairs | Error {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return new Error(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length > 0) return new Error(`invalid label value: ${goQuote(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return new Error(`unknown label spec: ${spec}`);
  }
  if (remove.some((key) => set.has(key))) return new Error('can not both modify and remove a label in the same command');
  return { set, remove };
}

const ENV_ARGUMENT = /^(.+)=(.*)$/s;

/** splitEnvironmentFromResources mirrors env_parse.go SplitEnvironmentFromResources. */
export function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  let first = true;
  for (const s of args) {
    const isEnv = ENV_ARGUMENT.test(s) || s.endsWith('-');
    if (isEnv) {
      first = false;
      envArgs.push(s);
    } else if (first) resources.push(s);
    else return undefined;
  }
  return { resources, envArgs };
}
