// What go-yaml (gopkg.in/yaml.v2, behind sigs.k8s.io/yaml) says about the syntax errors people
// make most when writing a manifest by hand, so kubectl's "error converting YAML to JSON" reads
// as on a real machine. Other errors keep the parser's own words.
import type { YAMLError } from 'yaml';

/** goYamlError is `line N: message` for a parse error of `text` (the message alone when the line is unknown). */
export function goYamlError(text: string, error: YAMLError): string {
  const [start, end] = error.pos;
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) {
    // An unclosed [ or {: go-yaml names the line the collection opened on.
    const open = message.startsWith('Flow sequence') ? '[' : '{';
    const at = text.lastIndexOf(open, start);
    return `line ${lineOf(text, at < 0 ? start : at)}: did not find expected ',' or '${open === '[' ? ']' : '}'}'`;
  }
  if (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    return `line ${lineOf(text, end)}: mapping values are not allowed in this context`;
  }
  return message;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
