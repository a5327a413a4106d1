// Mirrors github.com/spf13/pflag v1.0.1 as etcdctl 3.4 uses it: typed flag values, their
// parse errors (`strconv.ParseInt: parsing "abc": invalid syntax`) and the usage line format
// of etcdctl/ctlv3/help.go etcdFlagUsages.
import { parseGoDuration } from '../registry/goDuration';

/** FlagType is the pflag value type; it decides parsing and how the default prints. */
export type FlagType = 'bool' | 'string' | 'stringSlice' | 'duration' | 'int64';

/** FlagDef declares one flag: its default is the text pflag prints (`5s`, `[127.0.0.1:2379]`). */
export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  defValue: string;
  usage: string;
}

/** FlagValue is a parsed value: strings, string lists, booleans, or numbers (durations in ns). */
export type FlagValue = string | string[] | boolean | number;

/** ParsedFlag is the result of setting one flag from its command-line text. */
export type ParsedFlag = { ok: true; value: FlagValue } | { ok: false; error: string };

const BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const BOOL_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * parseFlagValue converts text as pflag's Value.Set does. `previous` is the current value of
 * a string slice: the first --endpoints replaces the default, later ones append.
 */
export function parseFlagValue(def: FlagDef, text: string, previous?: FlagValue, changed = false): ParsedFlag {
  let parsed: ParsedFlag;
  switch (def.type) {
    case 'bool':
      parsed = BOOL_TRUE.has(text) || BOOL_FALSE.has(text)
        ? { ok: true, value: BOOL_TRUE.has(text) }
        : { ok: false, error: `strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax` };
      break;
    case 'int64':
      parsed = parseInt64(text, 0);
      break;
    case 'duration': {
      const d = parseGoDuration(text);
      parsed = d.ok ? { ok: true, value: d.ns } : { ok: false, error: d.error };
      break;
    }
    case 'stringSlice': {
      const items = text === '' ? [] : text.split(',');
      parsed = { ok: true, value: changed && Array.isArray(previous) ? [...previous, ...items] : items };
      break;
    }
    default:
      parsed = { ok: true, value: text };
  }
  if (parsed.ok) return parsed;
  const flagName = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
  return { ok: false, error: `invalid argument ${JSON.stringify(text)} for ${JSON.stringify(flagName)} flag: ${parsed.error}` };
}

/**
 * parseInt64 is strconv.ParseInt(text, base, 64) with its error texts; base 0 accepts 0x, 0o
 * and 0b prefixes as pflag's int64 flags do.
 */
export function parseInt64(text: string, base: 0 | 16): ParsedFlag {
  const syntax = { ok: false as const, error: `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax` };
  const match = /^([+-]?)(.*)$/.exec(text);
  const sign = match?.[1] === '-' ? -1n : 1n;
  let digits = match?.[2] ?? '';
  let radix = base === 0 ? 10 : base;
  if (base === 0 && /^0[xX]/.test(digits)) [radix, digits] = [16, digits.slice(2)];
  else if (base === 0 && /^0[bB]/.test(digits)) [radix, digits] = [2, digits.slice(2)];
  else if (base === 0 && /^0[oO]/.test(digits)) [radix, digits] = [8, digits.slice(2)];
  else if (base === 0 && /^0\d/.test(digits)) [radix, digits] = [8, digits.slice(1)];
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  if (digits === '' || [...digits.toLowerCase()].some((ch) => !alphabet.includes(ch))) return syntax;
  const value = sign * BigInt(radix === 10 ? digits : `0${radix === 16 ? 'x' : radix === 8 ? 'o' : 'b'}${digits}`);
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) {
    return { ok: false, error: `strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range` };
  }
  return { ok: true, value: Number(value) };
}

/** defaultValue is a flag's value before the command line sets it. */
export function defaultValue(def: FlagDef): FlagValue {
  if (def.type === 'bool') return def.defValue === 'true';
  if (def.type === 'stringSlice') return def.defValue.replace(/^\[|\]$/g, '').split(',').filter((s) => s !== '');
  if (def.type === 'string') return def.defValue;
  const parsed = parseFlagValue(def, def.defValue);
  return parsed.ok ? parsed.value : 0;
}

/**
 * flagUsageLine formats one flag for the OPTIONS sections (help.go etcdFlagUsages):
 * `  -w, --write-out="simple"\t<usage>` or `      --prefix[=false]\t<usage>`.
 */
export function flagUsageLine(def: FlagDef): string {
  let line = def.shorthand ? `  -${def.shorthand}, --${def.name}` : `      --${def.name}`;
  const value = def.type === 'string' ? JSON.stringify(def.defValue) : def.defValue;
  line += def.type === 'bool' ? `[=${value}]` : `=${value}`;
  return `${line}\t${def.usage}\n`;
}
