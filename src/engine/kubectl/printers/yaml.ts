// Mirrors kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go (YAMLPrinter) which
// calls sigs.k8s.io/yaml Marshal: encoding/json first, then JSONToYAML re-reads the JSON with
// the vendored yaml.v2 and writes it back out. So mapping keys are sorted (yaml.v2 sorter.go
// keyList.Less, a "natural" order where digit runs compare as numbers), block sequences under
// a key are not indented, empty maps and lists are flow `{}` / `[]`, and strings are quoted
// only when yaml.v2 must.
//
// Sections: scalar resolution and style selection (resolve.go, encode.go stringv, emitterc.go
// yaml_emitter_analyze_scalar / select_scalar_style), the writer (emitterc.go write_indent and
// the plain / single / double / literal scalar writers with folding at best_width 80), and the
// tree walk with yaml.v2's key order (sorter.go).
import type { JsonValue } from './json';

/** ScalarStyle is the yaml.v2 scalar style finally chosen for a string. */
type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const BOOL_OR_NULL = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT_BASE0 = /^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const GO_DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
// parseTimestamp's layouts: 2006-1-2T15:4:5.999999999Z07:00 (T or t), `2006-1-2 15:4:5.9…`, 2006-1-2.
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** isYamlTimestamp mirrors resolve.go parseTimestamp (Go time.Parse on the allowed layouts). */
function isYamlTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  if (!isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[6] === undefined) return true;
  if (m[4] !== undefined && m[9] === undefined) return false; // T form needs a zone
  if (m[5] !== undefined && m[9] !== undefined) return false; // space form has none
  return Number(m[6]) < 24 && Number(m[7]) < 60 && Number(m[8]) < 60;
}

/** resolvesToString mirrors resolve("", s) == !!str && !isBase60Float(s) in encode.go stringv. */
export function resolvesToString(text: string): boolean {
  if (BOOL_OR_NULL.has(text)) return false;
  const first = text[0];
  if (first === '.') return !GO_DOT_FLOAT.test(text);
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (isYamlTimestamp(text)) return false;
    const plain = text.replace(/_/g, '');
    if (GO_INT_BASE0.test(plain) || YAML_STYLE_FLOAT.test(plain)) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
    if (text.includes(':') && BASE60_FLOAT.test(text)) return false;
  }
  return true;
}

/** isPrintable mirrors yamlprivateh.go is_printable for one code point. */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** isBreak mirrors is_break: CR, LF, NEL, LS, PS. */
function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** analyzeScalar mirrors yaml_emitter_analyze_scalar for block (non-flow) context. */
function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const s = String.fromCodePoint(...cps.slice(0, 3));
  let blockIndicators = s === '---' || s === '...';
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let previousSpace = false;
  let previousBreak = false;
  const n = cps.length;
  for (let i = 0; i < n; i++) {
    const c = String.fromCodePoint(cps[i]);
    const followedByWs = i + 1 >= n || cps[i + 1] === 0x20 || cps[i + 1] === 0x09 || isBreak(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWs) blockIndicators = true;
    } else if ((c === ':' && followedByWs) || (c === '#' && precededByWs)) blockIndicators = true;
    if (!isPrintable(cps[i])) special = true;
    if (cps[i] === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cps[i])) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWs = cps[i] === 0x20 || cps[i] === 0x09 || isBreak(cps[i]) || cps[i] === 0;
  }
  const out = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) out.blockPlainAllowed = false;
  if (trailingSpace) out.blockAllowed = false;
  if (breakSpace) {
    out.blockPlainAllowed = false;
    out.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    out.blockPlainAllowed = false;
    out.singleQuotedAllowed = false;
    out.blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) out.blockPlainAllowed = false;
  return out;
}

/**
 * selectScalarStyle picks the style yaml.v2 writes a string in: encode.go stringv asks for
 * literal (has "\n"), plain (reads back as a string) or double-quoted, then the emitter
 * downgrades to what the text allows. `simpleKey` is true for mapping keys.
 */
export function selectScalarStyle(text: string, simpleKey: boolean): ScalarStyle {
  const cps = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const a = analyzeScalar(cps);
  let style: ScalarStyle = text.includes('\n') ? 'literal' : resolvesToString(text) ? 'plain' : 'double';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (cps.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** YamlEmitter accumulates output and tracks the emitter flags the Go writers consult. */
class YamlEmitter {
  private readonly out: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;

  text(): string {
    return this.out.join('');
  }

  put(ch: string): void {
    this.out.push(ch);
    this.column += 1;
  }

  putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  /** writeIndent mirrors yaml_emitter_write_indent. */
  writeIndent(indent: number): void {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || (this.column === target && !this.whitespace)) this.putBreak();
    while (this.column < target) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** writeIndicator mirrors yaml_emitter_write_indicator. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** writeScalar writes a scalar in `style`; `indent` is where folded lines continue. */
  writeScalar(value: string, style: ScalarStyle, indent: number, allowBreaks: boolean): void {
    const cps = Array.from(value, (c) => c.codePointAt(0) ?? 0);
    if (style === 'plain') this.writePlain(cps, indent, allowBreaks);
    else if (style === 'single') this.writeSingle(cps, indent, allowBreaks);
    else if (style === 'double') this.writeDouble(cps, indent, allowBreaks);
    else this.writeLiteral(cps, indent);
  }

  private writePlain(cps: number[], indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent(indent);
        else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(cps[i]));
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(cps: number[], indent: number, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (cp === 0x20) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1;
        if (fold && cps[i + 1] !== 0x20) this.writeIndent(indent);
        else this.put(' ');
        spaces = true;
      } else if (isBreak(cp)) {
        if (!breaks && cp === 0x0a) this.putBreak();
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (cp === 0x27) this.put("'");
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(cps: number[], indent: number, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
        this.put('\\');
        const short = DOUBLE_ESCAPES[cp];
        if (short !== undefined) this.put(short);
        else {
          const [mark, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(mark as string);
          for (const ch of cp.toString(16).toUpperCase().padStart(width as number, '0')) this.put(ch);
        }
        spaces = false;
      } else if (cp === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          this.writeIndent(indent);
          if (cps[i + 1] === 0x20) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(cp));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** writeLiteral mirrors yaml_emitter_write_literal_scalar and write_block_scalar_hints. */
  private writeLiteral(cps: number[], indent: number): void {
    this.writeIndicator('|', true, false, false);
    if (cps[0] === 0x20 || isBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = cps.length;
    let chomp = '';
    if (n === 0 || !isBreak(cps[n - 1])) chomp = '-';
    else if (n === 1 || isBreak(cps[n - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const cp of cps) {
      if (isBreak(cp)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        breaks = false;
      }
    }
  }
}


const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** yamlKeyLess mirrors yaml.v2 sorter.go keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]);
    const bl = LETTER.test(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && DIGIT.test(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** sortedYamlKeys orders keys as yaml.v2 does (a stable sort like Go's sort.Sort is not needed:
 * keys of one map are distinct and Less is a strict order on them). */
export function sortedYamlKeys(obj: object): string[] {
  return Object.keys(obj).sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

/**
 * formatYamlFloat prints a non-integer number as yaml.v2 does: strconv.FormatFloat(f, 'g', -1,
 * 64), i.e. exponent form when the decimal exponent is < -4 or >= 6 (e.g. `1.5e-05`).
 */
export function formatYamlFloat(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  // Integral JSON numbers are read back by yaml.v2 as ints and printed in full.
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return String(value);
  const [mantissa, expText] = value.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(value);
}

function emitString(e: YamlEmitter, value: string, indent: number, simpleKey: boolean): void {
  e.writeScalar(value, selectScalarStyle(value, simpleKey), indent, !simpleKey);
}

function emitScalar(e: YamlEmitter, value: JsonValue, indent: number): void {
  if (typeof value === 'string') {
    emitString(e, value, indent, false);
    return;
  }
  const text = value === null ? 'null' : typeof value === 'boolean' ? String(value) : formatYamlFloat(value as number);
  e.writeScalar(text, 'plain', indent, true);
}

function isEmptyCollection(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * emitNode writes one value. `indent` is the emitter indent of the enclosing collection;
 * `inMapping` marks a mapping value (block sequences there are "indentless").
 */
function emitNode(e: YamlEmitter, value: JsonValue, indent: number, inMapping: boolean): void {
  if (value !== null && typeof value === 'object' && isEmptyCollection(value)) {
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    e.writeIndicator(open, true, true, false);
    e.writeIndicator(close, false, false, false);
    return;
  }
  if (Array.isArray(value)) {
    const seqIndent = inMapping && !e.indention ? indent : indent + 2;
    for (const item of value) {
      e.writeIndent(seqIndent);
      e.writeIndicator('-', true, false, true);
      emitNode(e, item, seqIndent, false);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    const mapIndent = indent + 2;
    for (const key of sortedYamlKeys(value)) {
      e.writeIndent(mapIndent);
      emitString(e, key, mapIndent, true);
      e.writeIndicator(':', false, false, false);
      emitNode(e, value[key], mapIndent, true);
    }
    return;
  }
  emitScalar(e, value, indent + 2);
}

/**
 * printYaml renders an object exactly as `kubectl ... -o yaml` prints one object.
 * @example printYaml({ kind: 'Namespace', metadata: { name: 'a' } }) === 'kind: Namespace\nmetadata:\n  name: a\n'
 */
export function printYaml(value: JsonValue): string {
  const e = new YamlEmitter();
  // The root collection starts at emitter indent -1 so its content sits at column 0.
  emitNode(e, value, -2, false);
  return `${e.text()}\n`;
}
