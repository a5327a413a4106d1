// Brace expansion, bash's first expansion (bash(1) "Brace Expansion"): `{a,b,c}` and the sequence
// forms `{1..10}`, `{01..10}`, `{10..1}`, `{1..10..2}`, `{a..e}`, with a preamble and a postscript,
// several per word and nested lists. Only unquoted braces expand; `{}`, `{a}` and `${…}` stay.
import type { Word, WordPart } from './syntax';

/** MAX_FIELDS bounds one word's expansion (`{1..1000000}` would otherwise build a million words). */
const MAX_FIELDS = 100_000;

/** braceExpand turns one word into the words its braces make (the word itself when there are none). */
export function braceExpand(word: Word): Word[] {
  for (let i = 0; i < word.length; i++) {
    const part = word[i];
    if (part.kind !== 'text' || part.quoted) continue;
    const found = findBrace(part.text);
    if (!found) continue;
    const before = word.slice(0, i);
    const after = word.slice(i + 1);
    const text = (t: string): WordPart => ({ kind: 'text', text: t, quoted: false });
    const out: Word[] = [];
    for (const alt of found.alternatives) {
      for (const w of braceExpand([...before, text(part.text.slice(0, found.start) + alt + part.text.slice(found.end)), ...after])) {
        out.push(w);
        if (out.length >= MAX_FIELDS) return out;
      }
    }
    return out;
  }
  return [word];
}

/** findBrace finds the first expandable `{…}` in unquoted text: its span and its alternatives. */
function findBrace(text: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let j = start; j < text.length; j++) {
      const c = text[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const inner = text.slice(start + 1, j);
        if (commas.length > 0) {
          const pieces: string[] = [];
          let from = start + 1;
          for (const comma of commas) {
            pieces.push(text.slice(from, comma));
            from = comma + 1;
          }
          pieces.push(text.slice(from, j));
          return { start, end: j + 1, alternatives: pieces };
        }
        const sequence = sequenceOf(inner);
        if (sequence) return { start, end: j + 1, alternatives: sequence };
        break;
      } else if (c === ',' && depth === 1) commas.push(j);
    }
  }
  return undefined;
}

/** sequenceOf expands `x..y[..incr]` of integers (zero-padded when an end is) or of single letters. */
function sequenceOf(inner: string): string[] | undefined {
  const numbers = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner);
  const letters = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(inner);
  const match = numbers ?? letters;
  if (!match) return undefined;
  const from = numbers ? Number(match[1]) : match[1].charCodeAt(0);
  const to = numbers ? Number(match[2]) : match[2].charCodeAt(0);
  const step = Math.abs(Number(match[3] ?? 1)) || 1;
  // "If either x or y begins with a zero, each term has the same number of digits."
  const width = numbers && (/^-?0\d/.test(match[1]) || /^-?0\d/.test(match[2])) ? Math.max(match[1].length, match[2].length) : 0;
  const out: string[] = [];
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    out.push(numbers ? (v < 0 ? `-${String(-v).padStart(width - 1, '0')}` : String(v).padStart(width, '0')) : String.fromCharCode(v));
    if (out.length >= MAX_FIELDS) break;
  }
  return out;
}
