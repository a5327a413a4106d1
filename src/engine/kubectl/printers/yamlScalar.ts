// yaml.v2's scalar handling as sigs.k8s.io/yaml (and so kubectl -o yaml) uses it: which strings
// resolve to something else and must be quoted (resolve.go), and the style chosen for each
// string (emitterc.go yaml_emitter_analyze_scalar / yaml_emitter_select_scalar_style).

/** ScalarStyle is the yaml.v2 scalar style finally chosen for a string. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

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
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** isBreak mirrors is_break: CR, LF, NEL, LS, PS. */
export function isBreak(cp: number | undefined): boolean {
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
