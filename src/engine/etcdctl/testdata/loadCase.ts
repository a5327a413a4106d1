// loadCase reads one case recorded by src/tools/fixtures/etcd/make-fixtures.sh. Test-only: it
// uses node:fs, which the engine proper never imports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** TESTDATA_DIR is resolved from the repo root, where vitest runs. */
const TESTDATA_DIR = resolve(process.cwd(), 'src/engine/etcdctl/testdata');

/** RecordedCase is one etcdctl run: its arguments, both streams and its exit code. */
export interface RecordedCase {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** loadCase parses testdata/<name>.txt (sections `-- cmd --`, `-- stdout --`, …). */
export function loadCase(name: string): RecordedCase {
  const text = readFileSync(resolve(TESTDATA_DIR, `${name}.txt`), 'utf8');
  const section = (title: string, next: string) => {
    const start = text.indexOf(`-- ${title} --\n`) + title.length + 7;
    return text.slice(start, text.indexOf(`-- ${next} --\n`, start));
  };
  const cmd = section('cmd', 'stdout').trim();
  return {
    args: cmd.split(' ').slice(1),
    stdout: section('stdout', 'stderr'),
    stderr: section('stderr', 'exit'),
    exitCode: Number(text.slice(text.indexOf('-- exit --\n') + 11).trim()),
  };
}

/** parseGoJson parses etcdctl JSON keeping uint64 ids exact: 16+ digit numbers become strings. */
export function parseGoJson(text: string): unknown {
  return JSON.parse(text.replace(/:(\d{16,})([,}\]])/g, ':"$1"$2'));
}

/** decimalToHex turns a decimal uint64 string into etcd's `%x` form. */
export function decimalToHex(decimal: string | number): string {
  return BigInt(decimal).toString(16);
}

/** fromBase64 decodes standard base64 to text. */
export function fromBase64(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf8');
}
