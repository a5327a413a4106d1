// A tiny simulated container filesystem: which files a container's shell script creates and
// removes, and when, so exec probes such as `cat /tmp/healthy` (the liveness-exec tutorial:
// `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`) see what the real shell did.

/** FileChange: at `atMs` after start, `path` starts or stops existing. */
export interface FileChange {
  atMs: number;
  exists: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const EMPTY = new Map<string, FileChange[]>();

/** scriptOf returns the shell script of `sh -c "<script>"` argv (anything after -c), or the argv joined. */
export function scriptOf(argv: readonly string[]): string {
  const at = argv.findIndex((word, i) => SHELLS.has(basename(word)) && argv[i + 1] === '-c');
  if (at >= 0 && argv[at + 2] !== undefined) return argv[at + 2];
  return argv.join(' ');
}

/**
 * fileTimeline walks the statements of the container's script on the sim clock (sleeps add up)
 * and records touch / `echo … > file` (creates) and rm (removes) per path.
 */
export function fileTimeline(argv: readonly string[]): ReadonlyMap<string, FileChange[]> {
  const script = scriptOf(argv);
  if (!/\b(touch|rm|>)/.test(script)) return EMPTY;
  const files = new Map<string, FileChange[]>();
  // A command after a sleep runs a moment after the sleep ends (a probe on that tick still sees the old state).
  const record = (path: string, atMs: number, exists: boolean) => {
    const list = files.get(path) ?? [];
    list.push({ atMs: atMs > 0 ? atMs + 1 : atMs, exists });
    files.set(path, list);
  };
  let atMs = 0;
  for (const statement of script.split(/\s*(?:;|&&|\n)\s*/)) {
    const words = statement.trim().split(/\s+/).filter((w) => w !== '');
    const name = basename(words[0] ?? '');
    const redirect = /(?:^|\s)>>?\s*(\S+)\s*$/.exec(statement);
    if (name === 'sleep') atMs += Math.round(sleepSeconds(words[1] ?? '0') * 1000);
    else if (name === 'touch') for (const path of words.slice(1)) record(path, atMs, true);
    else if (name === 'rm') for (const path of words.slice(1).filter((w) => !w.startsWith('-'))) record(path, atMs, false);
    else if (redirect) record(redirect[1], atMs, true);
    if (name === 'exit') break;
  }
  return files;
}

/** fileExistsAt: whether `path` exists `atMs` after the container started. */
export function fileExistsAt(timeline: ReadonlyMap<string, FileChange[]>, path: string, atMs: number): boolean {
  let exists = false;
  for (const change of timeline.get(path) ?? []) if (change.atMs <= atMs) exists = change.exists;
  return exists;
}

function sleepSeconds(arg: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!match) return /^inf/.test(arg) ? Infinity : 0;
  return Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]] ?? 1);
}

/** scriptSleepMs: how long a script's sleeps add up to (a preStop `sh -c "sleep 5"` takes 5 s). */
export function scriptSleepMs(argv: readonly string[]): number {
  let total = 0;
  for (const statement of scriptOf(argv).split(/\s*(?:;|&&|\|\||\n)\s*/)) {
    const words = statement.trim().split(/\s+/);
    if (basename(words[0] ?? '') === 'sleep') total += sleepSeconds(words[1] ?? '0') * 1000;
  }
  return Math.round(total);
}
