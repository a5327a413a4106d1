// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/env_file.go AddFromEnvFile: KEY=VALUE lines,
// `#` comments and blank lines skipped, leading whitespace trimmed from keys, a bare KEY
// (no '=') is skipped here (kubectl would read it from its own environment).
import { isEnvVarName } from '../args/validation';

/** parseEnvFile returns the KEY/VALUE pairs of an env file, or kubectl's error. */
export function parseEnvFile(content: string): [string, string][] | Error {
  const pairs: [string, string][] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/\r$/, '');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trimStart();
    const errs = isEnvVarName(key);
    if (errs.length > 0) return new Error(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    pairs.push([key, line.slice(eq + 1)]);
  }
  return pairs;
}
