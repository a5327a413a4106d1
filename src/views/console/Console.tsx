import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import { currentView, usePlayer } from '../../state/playerStore';
import { completeLine } from './complete';
import { EditorDialog } from './EditorDialog';
import { commandFor, incompleteScript, isExit, openShell, openSsh, type ShellSession } from './interactiveShell';

/**
 * Console is the terminal on the simulated cluster: kubectl, etcdctl and sim with real output,
 * history (↑/↓), Tab completion and Ctrl-C. Buttons elsewhere in the app type their command
 * here too, so learners see the CLI behind every click. `kubectl exec -it POD -- sh` opens a
 * shell: lines run in the container until `exit` (see interactiveShell.ts).
 */
export function Console({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const entries = usePlayer((s) => s.entries);
  const busy = usePlayer((s) => s.busy);
  const run = usePlayer((s) => s.run);
  const interrupt = usePlayer((s) => s.interrupt);
  const [line, setLine] = useState('');
  const [historyIndex, setHistoryIndex] = useState<number | undefined>(undefined);
  const [hint, setHint] = useState('');
  const [session, setSession] = useState<ShellSession | undefined>(undefined);
  /** pending: the lines of an unfinished `for`/`while`/`if` or quote, waiting at the `>` prompt. */
  const [pending, setPending] = useState<string[]>([]);
  /** shellLines: commands the shell typed for a line (shown as `prompt line`), with their prompt and line. */
  const shellLines = useRef(new Map<string, { prompt: string; line: string }>());
  const logRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [entries]);

  const history = entries.map((e) => e.run);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!session && (pending.length > 0 || line.trim())) {
        const script = [...pending, line].join('\n');
        if (incompleteScript(script)) {
          setPending([...pending, line]);
          setLine('');
          return;
        }
        if (pending.length > 0) {
          setPending([]);
          run(script.trim());
          setLine('');
          setHistoryIndex(undefined);
          return;
        }
      }
      const command = line.trim();
      if (!command) return;
      const opened = session ? undefined : (openShell(command) ?? openSsh(command, currentView(usePlayer.getState())?.nodes.map((n) => n.name) ?? []));
      if (session && isExit(command)) setSession(undefined);
      else if (session) {
        const wrapped = commandFor(session, command);
        shellLines.current.set(wrapped, { prompt: session.prompt, line: command });
        run(wrapped);
      } else if (opened) setSession(opened);
      else run(command);
      setLine('');
      setHint('');
      setHistoryIndex(undefined);
    } else if (event.key === 'd' && event.ctrlKey && session && line === '') {
      // End of input leaves the shell, as in a real one.
      event.preventDefault();
      setSession(undefined);
    } else if (event.key === 'c' && event.ctrlKey) {
      event.preventDefault();
      // Ctrl-C at a continuation prompt drops the unfinished lines, as bash does.
      if (pending.length > 0) setPending([]);
      else interrupt();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      if (history.length === 0) return;
      const from = historyIndex ?? history.length;
      const next = Math.max(0, Math.min(history.length, from + (event.key === 'ArrowUp' ? -1 : 1)));
      setHistoryIndex(next === history.length ? undefined : next);
      setLine(next === history.length ? '' : history[next]);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      const candidates = completeLine(line, currentView(usePlayer.getState()));
      if (candidates.length === 1) {
        setLine(line.replace(/\S*$/, candidates[0]) + ' ');
        setHint('');
      } else setHint(candidates.slice(0, 20).join('  '));
    }
  };

  // Pasting several lines runs them as one script, as bash reads a paste: each command in turn,
  // and a here-document (`cat <<EOF | kubectl apply -f -` ... `EOF`) gets its lines as stdin.
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (session || !/\n./.test(text.replace(/\r\n/g, '\n').trimEnd())) return;
    event.preventDefault();
    run(`${line}${text}`.replace(/\r\n/g, '\n').trimEnd());
    setLine('');
    setHint('');
    setHistoryIndex(undefined);
  };

  return (
    <section aria-label={t.consoleLabel} className="flex h-full flex-col rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">
      <EditorDialog locale={locale} />
      <div ref={logRef} role="log" aria-live="polite" className="min-h-0 flex-1 overflow-auto">
        {entries.map((entry) => {
          const typed = shellLines.current.get(entry.run);
          return (
            <div key={entry.id} className="mb-2">
              {typed ? (
                <div className="text-sky-300" title={entry.run}>
                  {typed.prompt}
                  {typed.line}
                </div>
              ) : (
                <div className="whitespace-pre-wrap text-emerald-400">$ {entry.run}</div>
              )}
              <pre className={`whitespace-pre ${entry.exit ? 'text-rose-300' : ''}`}>{entry.output}</pre>
            </div>
          );
        })}
      </div>
      {pending.map((typed, i) => (
        <div key={i} className="whitespace-pre-wrap text-emerald-400" data-testid="console-pending">
          {i === 0 ? '$' : '>'} {typed}
        </div>
      ))}
      {hint && <div className="text-slate-400">{hint}</div>}
      {session && (
        <div className="text-slate-400" data-testid="shell-hint">
          {session.node ? format(t.sshHint, { node: session.node }) : format(t.shellHint, { target: session.prefix.replace(/^kubectl\s+/, ''), shell: session.shell })}
        </div>
      )}
      <div className="flex items-center gap-2 border-t border-slate-700 pt-2">
        <span className={session ? 'text-sky-300' : 'text-emerald-400'} data-testid="console-prompt">
          {session ? session.prompt.trim() : pending.length > 0 ? '>' : '$'}
        </span>
        <input
          aria-label={t.consoleLabel}
          className="flex-1 bg-transparent outline-none"
          value={line}
          placeholder={session ? t.shellPlaceholder : t.placeholder}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          spellCheck={false}
          autoComplete="off"
        />
        {busy && (
          <button type="button" onClick={interrupt} title={t.interrupted} className="rounded bg-slate-700 px-2 text-[11px]">
            Ctrl-C
          </button>
        )}
      </div>
    </section>
  );
}
