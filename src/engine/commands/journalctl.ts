// `journalctl` on a cluster machine (systemd 255): the machine's journal in the short format,
// filtered by unit (-u kubelet), time (--since "10 minutes ago", --until) and count (-n), newest
// last (or first with -r), following new lines with -f until Ctrl-C. The seeds' NotReady runbook
// reads `journalctl -u kubelet --since "10 minutes ago" --no-pager`.
import type { Task } from '../sim/task';
import { wait } from '../sim/task';
import { hostServices } from '../systemd/hostServices';
import type { JournalEntry } from '../systemd/journal';
import { parseSystemdTime } from '../systemd/parseTime';
import { journalLine } from '../systemd/unitStatus';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const IGNORED = new Set(['--no-pager', '-l', '--full', '-x', '--catalog', '-q', '--quiet', '-b', '--boot', '--no-tail', '-a', '--all', '--utc']);

interface JournalOptions {
  units: Set<string>;
  lines?: number;
  since?: string;
  until?: string;
  reverse: boolean;
  follow: boolean;
  output: string;
}

export function* journalctl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 1;
  }
  const services = hostServices(env);
  if (!services) {
    io.err('No journal files were found.\n-- No entries --\n');
    return 1;
  }
  const nowWall = env.epochMs + env.sim.nowMs;
  const bound = (text: string | undefined, name: string): number | undefined | string => {
    if (text === undefined) return undefined;
    const wall = parseSystemdTime(text, nowWall);
    return wall === undefined ? `Failed to parse ${name} timestamp: ${text}\n` : wall - env.epochMs;
  };
  const sinceMs = bound(parsed.since, 'since');
  const untilMs = bound(parsed.until, 'until');
  if (typeof sinceMs === 'string' || typeof untilMs === 'string') {
    io.err((typeof sinceMs === 'string' ? sinceMs : untilMs) as string);
    return 1;
  }
  const query = { units: parsed.units.size > 0 ? parsed.units : undefined, sinceMs, untilMs };
  let entries = services.journal.read(query);
  const lines = parsed.lines ?? (parsed.follow ? 10 : undefined);
  if (lines !== undefined) entries = entries.slice(Math.max(0, entries.length - lines));
  if (parsed.reverse) entries = entries.slice().reverse();
  const format = (e: JournalEntry) => (parsed.output === 'cat' ? e.message : journalLine(e, services.hostname, env.epochMs)) + '\n';
  if (entries.length === 0 && !parsed.follow) {
    io.out('-- No entries --\n');
    return 0;
  }
  io.out(entries.map(format).join(''));
  if (!parsed.follow) return 0;
  // -f: keep printing what is written, checking once a second, until Ctrl-C.
  let lastMs = entries.length > 0 ? entries[entries.length - 1].ms : env.sim.nowMs;
  let seenAtLast = entries.filter((e) => e.ms === lastMs).length;
  while (!io.interrupted && !io.closed) {
    yield* wait(env.sim.sleep(1000));
    const fresh = services.journal.read({ ...query, sinceMs: lastMs });
    const unseen = fresh.slice(seenAtLast);
    if (unseen.length === 0) continue;
    io.out(unseen.map(format).join(''));
    lastMs = unseen[unseen.length - 1].ms;
    seenAtLast = fresh.filter((e) => e.ms === lastMs).length;
  }
  return 130;
}

function parseArgs(argv: string[]): JournalOptions | string {
  const options: JournalOptions = { units: new Set(), reverse: false, follow: false, output: 'short' };
  const unit = (name: string) => options.units.add(name.includes('.') ? name : `${name}.service`);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (IGNORED.has(arg)) continue;
    if (flag === '-u' || flag === '--unit') unit(value() ?? '');
    else if (/^-u./.test(arg)) unit(arg.slice(2));
    else if (flag === '-n' || flag === '--lines') {
      const next = inline ?? argv[i + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        options.lines = Number(next);
        if (inline === undefined) i++;
      } else options.lines = 10;
    } else if (/^-n\d+$/.test(arg)) options.lines = Number(arg.slice(2));
    else if (flag === '-S' || flag === '--since') options.since = value();
    else if (flag === '-U' || flag === '--until') options.until = value();
    else if (arg === '-r' || arg === '--reverse') options.reverse = true;
    else if (arg === '-f' || arg === '--follow') options.follow = true;
    else if (arg === '-e' || arg === '--pager-end') options.lines ??= 1000;
    else if (flag === '-o' || flag === '--output') {
      const mode = value();
      if (mode !== 'short' && mode !== 'cat') return `journalctl: k8sim prints the short and cat output modes, not '${mode}'\n`;
      options.output = mode;
    } else if (/^-[a-zA-Z]{2,}$/.test(arg)) {
      // Bundled short flags: -xe, -fu kubelet is not bundled that way, but -xeu kubelet is.
      const letters = arg.slice(1);
      for (const [j, letter] of [...letters].entries()) {
        if (letter === 'x' || letter === 'l' || letter === 'q' || letter === 'b' || letter === 'a') continue;
        if (letter === 'e') options.lines ??= 1000;
        else if (letter === 'f') options.follow = true;
        else if (letter === 'r') options.reverse = true;
        else if (letter === 'u' && j === letters.length - 1) unit(argv[++i] ?? '');
        else return `journalctl: invalid option -- '${letter}'\n`;
      }
    } else if (arg.startsWith('-')) return arg.startsWith('--') ? `journalctl: unrecognized option '${arg}'\n` : `journalctl: invalid option -- '${arg.slice(1, 2)}'\n`;
    else return `Failed to add match '${arg}': Invalid argument\n`;
  }
  return options;
}
