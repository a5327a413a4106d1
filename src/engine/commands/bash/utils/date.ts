// date(1) from GNU coreutils 9.4 on the machines' clock (the sim clock; the machines run in UTC):
// the default format, +FORMAT with the common strftime conversions, -u, -I[TIMESPEC], -R and
// -d/--date with "now", "@SECONDS" or an ISO date. Scripts name backups with it:
// `etcdctl snapshot save /backup/etcd-$(date +%Y%m%d).db`.
import { parseSystemdTime } from '../../../systemd/parseTime';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** strftime formats `wallMs` in UTC with coreutils' conversions (unknown ones are kept as written). */
export function strftime(format: string, wallMs: number): string {
  const d = new Date(wallMs);
  const dayOfYear = Math.floor((wallMs - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()].slice(0, 3),
    A: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    h: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()],
    c: () => strftime('%a %b %e %H:%M:%S %Y', wallMs),
    C: () => pad(Math.floor(d.getUTCFullYear() / 100)),
    d: () => pad(d.getUTCDate()),
    D: () => strftime('%m/%d/%y', wallMs),
    e: () => pad(d.getUTCDate(), 2, ' '),
    F: () => strftime('%Y-%m-%d', wallMs),
    H: () => pad(d.getUTCHours()),
    I: () => pad(((d.getUTCHours() + 11) % 12) + 1),
    j: () => pad(dayOfYear, 3),
    k: () => pad(d.getUTCHours(), 2, ' '),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    n: () => '\n',
    N: () => pad(d.getUTCMilliseconds(), 3) + '000000',
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    R: () => strftime('%H:%M', wallMs),
    s: () => String(Math.floor(wallMs / 1000)),
    S: () => pad(d.getUTCSeconds()),
    t: () => '\t',
    T: () => strftime('%H:%M:%S', wallMs),
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (all, c: string) => conv[c]?.() ?? all);
}

export interface DateResult {
  stdout?: string;
  stderr?: string;
  exit: number;
}

const TRY = "Try 'date --help' for more information.\n";

/** date runs `date ARGS` at `nowWallMs`. */
export function date(args: string[], nowWallMs: number): DateResult {
  let format = '%a %b %e %H:%M:%S %Z %Y';
  let when = nowWallMs;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('+')) format = arg.slice(1);
    else if (arg === '-u' || arg === '--utc' || arg === '--universal') continue;
    else if (arg === '-R' || arg === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (arg === '-I' || arg === '--iso-8601' || arg === '-Idate' || arg === '--iso-8601=date') format = '%Y-%m-%d';
    else if (arg === '-Iseconds' || arg === '--iso-8601=seconds') format = '%Y-%m-%dT%H:%M:%S+00:00';
    else if (arg === '-d' || arg === '--date' || arg.startsWith('--date=')) {
      const text = arg.startsWith('--date=') ? arg.slice(7) : args[++i] ?? '';
      const parsed = /^@\d+$/.test(text) ? Number(text.slice(1)) * 1000 : parseSystemdTime(text, nowWallMs);
      if (parsed === undefined) return { stderr: `date: invalid date ‘${text}’\n`, exit: 1 };
      when = parsed;
    } else if (arg.startsWith('--')) return { stderr: `date: unrecognized option '${arg}'\n${TRY}`, exit: 1 };
    else if (arg.startsWith('-') && arg.length > 1) return { stderr: `date: invalid option -- '${arg[1]}'\n${TRY}`, exit: 1 };
    else return { stderr: `date: invalid date ‘${arg}’\n`, exit: 1 };
  }
  return { stdout: `${strftime(format, when)}\n`, exit: 0 };
}
