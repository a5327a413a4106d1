// Mirrors github.com/spf13/pflag v1.0.1 flag.go parseArgs / parseLongArg / parseShortArg:
// interspersed flags and positionals, `--` ends flags, `--flag=v`, `--flag v`, `-w json`,
// `-wjson`, `-w=json`, and pflag's error texts.
import { defaultValue, parseFlagValue, type FlagDef, type FlagValue } from './flags';

/** ParsedFlags holds every flag's value (defaults included) and the positional arguments. */
export interface ParsedFlags {
  values: Record<string, FlagValue>;
  changed: Set<string>;
  positionals: string[];
  /** help is set by -h/--help: the caller prints usage and exits 0. */
  help: boolean;
}

export type ParseFlagsResult = { ok: true; parsed: ParsedFlags } | { ok: false; error: string };

/** parseFlags parses `args` against `flags`. */
export function parseFlags(args: string[], flags: FlagDef[]): ParseFlagsResult {
  const parsed: ParsedFlags = { values: {}, changed: new Set(), positionals: [], help: false };
  for (const def of flags) parsed.values[def.name] = defaultValue(def);
  const set = (def: FlagDef, text: string): string | undefined => {
    const result = parseFlagValue(def, text, parsed.values[def.name], parsed.changed.has(def.name));
    if (!result.ok) return result.error;
    parsed.values[def.name] = result.value;
    parsed.changed.add(def.name);
    return undefined;
  };
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift() as string;
    if (s.length < 2 || s[0] !== '-') {
      parsed.positionals.push(s);
    } else if (s === '--') {
      parsed.positionals.push(...rest.splice(0));
    } else {
      const error = s[1] === '-' ? parseLong(s, rest, flags, set) : parseShort(s, rest, flags, set);
      if (error !== undefined) return { ok: false, error };
    }
  }
  parsed.help = parsed.values.help === true;
  return { ok: true, parsed };
}

type Setter = (def: FlagDef, text: string) => string | undefined;

/** parseLong handles `--name`, `--name=value` and `--name value`; returns an error text. */
function parseLong(s: string, rest: string[], flags: FlagDef[], set: Setter): string | undefined {
  const body = s.slice(2);
  if (body === '' || body[0] === '-' || body[0] === '=') return `bad flag syntax: ${s}`;
  const eq = body.indexOf('=');
  const name = eq >= 0 ? body.slice(0, eq) : body;
  const def = flags.find((f) => f.name === name);
  if (!def) return `unknown flag: --${name}`;
  if (eq >= 0) return set(def, body.slice(eq + 1));
  if (def.type === 'bool') return set(def, 'true');
  if (rest.length === 0) return `flag needs an argument: ${s}`;
  return set(def, rest.shift() as string);
}

/** parseShort handles a run of shorthands (`-h`, `-wjson`, `-w=json`, `-w json`). */
function parseShort(s: string, rest: string[], flags: FlagDef[], set: Setter): string | undefined {
  let shorthands = s.slice(1);
  while (shorthands.length > 0) {
    const c = shorthands[0];
    const def = flags.find((f) => f.shorthand === c);
    if (!def) return `unknown shorthand flag: '${c}' in -${shorthands}`;
    let value: string;
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      shorthands = '';
    } else if (def.type === 'bool') {
      value = 'true';
      shorthands = shorthands.slice(1);
    } else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      shorthands = '';
    } else if (rest.length > 0) {
      value = rest.shift() as string;
      shorthands = '';
    } else {
      return `flag needs an argument: '${c}' in -${shorthands}`;
    }
    const error = set(def, value);
    if (error !== undefined) return error;
  }
  return undefined;
}
