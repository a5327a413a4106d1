// Mirrors spf13/pflag v1.0.5 flag.go FlagSet.parseArgs / parseLongArg / parseShortArg /
// parseSingleShortArg and FlagSet.Set, with cobra's interspersed parsing (flags may follow
// positional args) and kubectl's word-separator normalisation (component-base
// cli/flag WordSepNormalizeFunc: `--dry_run` is `--dry-run`).
import { type FlagSpec, type FlagValue } from './flagSpec';
import { goQuote, parseGoBool, parseGoDurationMs, parseGoInt, readCsvRecord } from './goStrconv';

/** FlagParseResult is what pflag leaves behind after a successful parse. */
export interface FlagParseResult {
  values: Record<string, FlagValue>;
  /** changed lists flags the user set, in the order first set (pflag orderedActual). */
  changed: string[];
  args: string[];
  /** argsLenAtDash is cobra ArgsLenAtDash: positional args before `--`, or -1. */
  argsLenAtDash: number;
  /** notices are the lines pflag writes to stderr while parsing (deprecations). */
  notices: string[];
  help: boolean;
}

/** FlagParseError carries pflag's error text (before cobra/kubectl decorate it). */
export interface FlagParseError {
  error: string;
}

const HELP_FLAG: FlagSpec = { name: 'help', shorthand: 'h', type: 'bool', default: false, noOptDefVal: 'true' };

/** normalizeFlagName mirrors cliflag.WordSepNormalizeFunc. */
export function normalizeFlagName(name: string): string {
  return name.includes('_') ? name.replace(/_/g, '-') : name;
}

/** convertValue parses one value into the flag's kind, or returns pflag's cause text. */
function convertValue(spec: FlagSpec, raw: string, previous: FlagValue, changed: boolean): FlagValue | Error {
  switch (spec.type) {
    case 'string':
      return raw;
    case 'bool':
      return parseGoBool(raw);
    case 'int':
    case 'int64':
      return parseGoInt(raw, 0, 64);
    case 'int32':
      return parseGoInt(raw, 0, 32);
    case 'level':
      return parseGoInt(raw, 10, 32);
    case 'duration':
      return parseGoDurationMs(raw);
    case 'stringArray':
      return changed ? [...(previous as string[]), raw] : [raw];
    case 'stringSlice': {
      const items = readCsvRecord(raw);
      if (items instanceof Error) return items;
      return changed ? [...(previous as string[]), ...items] : items;
    }
  }
}

/** setFlag mirrors FlagSet.Set: convert, record as changed, note deprecation. */
function setFlag(state: FlagParseResult, spec: FlagSpec, raw: string): string | undefined {
  const wasChanged = state.changed.includes(spec.name);
  const value = convertValue(spec, raw, state.values[spec.name], wasChanged);
  if (value instanceof Error) {
    const label = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
    return `invalid argument ${goQuote(raw)} for "${label}" flag: ${value.message}`;
  }
  state.values[spec.name] = value;
  if (!wasChanged) state.changed.push(spec.name);
  if (spec.name === 'help') state.help = value === true;
  if (spec.deprecated) state.notices.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
  return undefined;
}

interface Lookup {
  byName: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
}

function buildLookup(specs: FlagSpec[]): Lookup {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const spec of [...specs, HELP_FLAG]) {
    if (byName.has(spec.name)) continue;
    byName.set(spec.name, spec);
    if (spec.shorthand && !byShort.has(spec.shorthand)) byShort.set(spec.shorthand, spec);
  }
  return { byName, byShort };
}

/** parseLongArg mirrors pflag parseLongArg; returns remaining args or an error. */
function parseLongArg(state: FlagParseResult, lookup: Lookup, s: string, rest: string[]): string[] | FlagParseError {
  const body = s.slice(2);
  if (body.length === 0 || body[0] === '-' || body[0] === '=') return { error: `bad flag syntax: ${s}` };
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = lookup.byName.get(normalizeFlagName(name));
  if (!spec) return { error: `unknown flag: --${name}` };
  let value: string;
  if (eq >= 0) value = body.slice(eq + 1);
  else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal;
  else if (rest.length > 0) {
    value = rest[0];
    rest = rest.slice(1);
  } else return { error: `flag needs an argument: ${s}` };
  const err = setFlag(state, spec, value);
  return err ? { error: err } : rest;
}

/** parseShortArg mirrors pflag parseShortArg + parseSingleShortArg for `-abc`, `-r3`, `-r=3`. */
function parseShortArg(state: FlagParseResult, lookup: Lookup, s: string, args: string[]): string[] | FlagParseError {
  let shorthands = s.slice(1);
  let out = args;
  while (shorthands.length > 0) {
    const c = shorthands[0];
    const spec = lookup.byShort.get(c);
    if (!spec) return { error: `unknown shorthand flag: '${c}' in -${shorthands}` };
    let value: string;
    let next = shorthands.slice(1);
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      next = '';
    } else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal;
    else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      next = '';
    } else if (args.length > 0) {
      // pflag passes the original args to every shorthand in the group, not the shrunk list.
      value = args[0];
      out = args.slice(1);
    } else return { error: `flag needs an argument: '${c}' in -${shorthands}` };
    const err = setFlag(state, spec, value);
    if (err) return { error: err };
    shorthands = next;
  }
  return out;
}

/**
 * parseFlags parses argv (without the command names) against a command's full flag set.
 * @example parseFlags(['web', '--image=nginx', '-r', '3'], specs).values.replicas === 3
 */
export function parseFlags(argv: string[], specs: FlagSpec[]): FlagParseResult | FlagParseError {
  const lookup = buildLookup(specs);
  const state: FlagParseResult = { values: {}, changed: [], args: [], argsLenAtDash: -1, notices: [], help: false };
  for (const spec of lookup.byName.values()) state.values[spec.name] = spec.default;
  let rest = argv;
  while (rest.length > 0) {
    const s = rest[0];
    rest = rest.slice(1);
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      state.args.push(s);
      continue;
    }
    if (s === '--') {
      state.argsLenAtDash = state.args.length;
      state.args.push(...rest);
      break;
    }
    const next = s[1] === '-' ? parseLongArg(state, lookup, s, rest) : parseShortArg(state, lookup, s, rest);
    if (!Array.isArray(next)) return next;
    rest = next;
  }
  return state;
}
