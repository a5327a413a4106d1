// A machine's systemd journal, as `journalctl` and `systemctl status` read it. Services write
// lines as they happen; a failure that repeats on a timer (the kubelet's runtime check every
// 5 s while containerd is down) is kept as one periodic record and expanded when read, so a long
// outage costs no simulation events and no memory per line.

/** JournalEntry is one line: when, which unit, the identifier and PID in `ident[pid]:`, the text. */
export interface JournalEntry {
  ms: number;
  unit: string;
  ident: string;
  pid: number;
  message: string;
}

/** PeriodicEntry: the same line every `periodMs` from `fromMs` until `untilMs` (open while running). */
export interface PeriodicEntry {
  unit: string;
  ident: string;
  pid: number;
  fromMs: number;
  periodMs: number;
  untilMs?: number;
  message: (ms: number) => string;
}

export interface JournalQuery {
  units?: ReadonlySet<string>;
  sinceMs?: number;
  untilMs?: number;
}

/** Entries kept per machine; older ones rotate out, as a size-capped journal vacuums. */
const JOURNAL_CAPACITY = 500;
/** Lines one periodic record expands to at most, newest kept. */
const PERIODIC_CAPACITY = 2000;

export class Journal {
  private entries: JournalEntry[] = [];
  private readonly periodic: PeriodicEntry[] = [];

  constructor(private readonly now: () => number) {}

  write(unit: string, ident: string, pid: number, message: string): void {
    this.entries.push({ ms: this.now(), unit, ident, pid, message });
    if (this.entries.length > JOURNAL_CAPACITY * 2) this.entries = this.entries.slice(-JOURNAL_CAPACITY);
  }

  /** repeat starts a periodic line; the returned function ends it. */
  repeat(entry: Omit<PeriodicEntry, 'untilMs'>): () => void {
    const record: PeriodicEntry = { ...entry };
    this.periodic.push(record);
    return () => {
      if (record.untilMs === undefined) record.untilMs = this.now();
    };
  }

  /** read returns the matching lines in time order (written lines first at equal times). */
  read(query: JournalQuery = {}): JournalEntry[] {
    const nowMs = this.now();
    const from = query.sinceMs ?? -Infinity;
    const until = Math.min(query.untilMs ?? Infinity, nowMs);
    const wanted = (e: { unit: string }) => !query.units || query.units.has(e.unit);
    const out = this.entries.slice(-JOURNAL_CAPACITY).filter((e) => wanted(e) && e.ms >= from && e.ms <= until);
    for (const p of this.periodic) {
      if (!wanted(p)) continue;
      const last = Math.min(until, p.untilMs === undefined ? Infinity : p.untilMs - 1);
      let first = Math.max(p.fromMs, p.fromMs + Math.ceil((from - p.fromMs) / p.periodMs) * p.periodMs);
      if (last < first) continue;
      const count = Math.floor((last - first) / p.periodMs) + 1;
      if (count > PERIODIC_CAPACITY) first += (count - PERIODIC_CAPACITY) * p.periodMs;
      for (let ms = first; ms <= last; ms += p.periodMs) out.push({ ms, unit: p.unit, ident: p.ident, pid: p.pid, message: p.message(ms) });
    }
    return out.sort((a, b) => a.ms - b.ms);
  }
}
