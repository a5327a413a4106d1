// `systemctl status UNIT`'s block (systemd 255, src/systemctl/systemctl-show.c print_status_info):
// the unit line with its state dot, the labels right-aligned to 11 columns, then the unit's last
// journal lines.
import { formatShortTimestamp, formatTimespan, formatTimestamp, formatTimestampRelative } from './systemdTime';
import type { JournalEntry } from './journal';
import type { MachineServices, ServiceUnit } from './units';

const label = (name: string) => `${name.padStart(11)}: `;
const CONTINUATION = ' '.repeat(13);
const EXITED_OK = '(code=exited, status=0/SUCCESS)';

/** formatBytes is systemd's format_bytes: 1024-based, one decimal, `B K M G T` suffixes. */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [['T', 2 ** 40], ['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10]];
  const b = Math.floor(bytes);
  for (const [suffix, factor] of units) if (b >= factor) return `${Math.floor(b / factor)}.${Math.floor((b * 10) / factor) % 10}${suffix}`;
  return `${b}B`;
}

/** journalLine is journalctl's short format: `Nov 24 06:40:43 node-1 kubelet[1234]: text`. */
export function journalLine(entry: JournalEntry, hostname: string, epochMs: number): string {
  return `${formatShortTimestamp(epochMs + entry.ms)} ${hostname} ${entry.ident}[${entry.pid}]: ${entry.message}`;
}

export function unitStatus(services: MachineServices, unit: ServiceUnit, nowMs: number, epochMs: number, lines: number): string {
  const { file, process } = unit;
  const out: string[] = [];
  out.push(`${process.active ? '●' : '○'} ${file.name} - ${file.description}`);
  out.push(`${label('Loaded')}loaded (${file.fragmentPath}; enabled; preset: enabled)`);
  if (file.dropIns) {
    out.push(`${label('Drop-In')}${file.dropIns.dir}`);
    for (const f of file.dropIns.files) out.push(`${CONTINUATION}└─${f}`);
  }
  const since = `since ${formatTimestamp(epochMs + process.sinceMs)}; ${formatTimestampRelative(nowMs - process.sinceMs)}`;
  const run = process.lastRun;
  if (process.active) out.push(`${label('Active')}active (running) ${since}`);
  else if (run) {
    out.push(`${label('Active')}inactive (dead) ${since}`);
    out.push(`${label('Duration')}${formatTimespan(run.stoppedMs - run.startedMs)}`);
  } else out.push(`${label('Active')}inactive (dead)`);
  out.push(`${label('Docs')}${file.docs}`);
  if (file.execStartPre && unit.execStartPrePid !== undefined) out.push(`${label('Process')}${unit.execStartPrePid} ExecStartPre=${file.execStartPre} ${EXITED_OK}`);
  if (process.active) {
    const usage = unit.usage();
    out.push(`${label('Main PID')}${process.pid} (${file.comm})`);
    out.push(`${label('Tasks')}${usage.tasks} (limit: ${services.tasksMax})`);
    out.push(`${label('Memory')}${formatBytes(usage.memoryBytes)} (peak: ${formatBytes(usage.memoryBytes * 1.06)})`);
    out.push(`${label('CPU')}${formatTimespan(usage.cpuMs)}`);
    out.push(`${label('CGroup')}/system.slice/${file.name}`);
    out.push(`${CONTINUATION}└─${process.pid} ${file.cmdline}`);
  } else if (run) {
    out.push(`${label('Process')}${run.pid} ExecStart=${file.execStart} ${EXITED_OK}`);
    out.push(`${label('Main PID')}${run.pid} ${EXITED_OK}`);
  }
  const entries = lines > 0 ? services.journal.read({ units: new Set([file.name]) }).slice(-lines) : [];
  let text = out.join('\n') + '\n';
  if (entries.length > 0) text += '\n' + entries.map((e) => journalLine(e, services.hostname, epochMs)).join('\n') + '\n';
  return text;
}
