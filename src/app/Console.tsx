import { useState, type FormEvent } from 'react';
import type { Cluster } from '../engine/cluster';

interface Entry {
  id: number;
  command: string;
  output: string;
  exit?: number;
}

/** Console is a minimal terminal on the simulated cluster: type a command, see its output. */
export function Console({ cluster, label, placeholder }: { cluster: Cluster; label: string; placeholder: string }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [line, setLine] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const command = line.trim();
    if (!command) return;
    setLine('');
    const id = entries.length;
    setEntries((all) => [...all, { id, command, output: '' }]);
    const proc = cluster.exec(command);
    proc.onOutput((_stream, text) => setEntries((all) => all.map((e) => (e.id === id ? { ...e, output: e.output + text } : e))));
    proc.done.then((result) => setEntries((all) => all.map((e) => (e.id === id ? { ...e, output: result.stdout + result.stderr, exit: result.exit } : e))));
  };

  return (
    <section aria-label={label} className="rounded-lg bg-slate-900 p-4 font-mono text-sm text-slate-100">
      <div role="log" aria-live="polite" className="max-h-[60vh] overflow-auto">
        {entries.map((entry) => (
          <div key={entry.id} className="mb-2">
            <div className="text-emerald-400">$ {entry.command}</div>
            <pre className={`whitespace-pre-wrap ${entry.exit ? 'text-rose-300' : ''}`}>{entry.output}</pre>
          </div>
        ))}
      </div>
      <form onSubmit={submit} className="flex items-center gap-2">
        <span className="text-emerald-400">$</span>
        <input
          aria-label={label}
          className="flex-1 bg-transparent outline-none"
          value={line}
          placeholder={placeholder}
          onChange={(e) => setLine(e.target.value)}
          autoFocus
        />
      </form>
    </section>
  );
}
