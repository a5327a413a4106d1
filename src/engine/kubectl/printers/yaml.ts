// Mirrors kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go (YAMLPrinter) which
// calls sigs.k8s.io/yaml Marshal: encoding/json first, then JSONToYAML re-reads the JSON with
// the vendored yaml.v2 and writes it back out. So mapping keys are sorted (yaml.v2 sorter.go
// keyList.Less, a "natural" order where digit runs compare as numbers), block sequences under
// a key are not indented, empty maps and lists are flow `{}` / `[]`, and strings are quoted
// only when yaml.v2 must.
//
// This file is the tree walk with yaml.v2's key order (sorter.go); scalar styles are in
// yamlScalar.ts and the writer in yamlEmitter.ts.
import type { JsonValue } from './json';
import { YamlEmitter } from './yamlEmitter';
import { selectScalarStyle } from './yamlScalar';

export { resolvesToString, selectScalarStyle } from './yamlScalar';

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
