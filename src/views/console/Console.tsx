import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import { currentView, usePlayer } from '../../state/playerStore';
import { completeLine } from './complete';
import { readlineKey, reverseSearch, visibleFrom } from './readline';
import { EditorDialog } from './EditorDialog';
import { cdTarget, commandFor, inDirectory, incompleteScript, isExit, openShell, openSsh, type ShellSession } from './interactiveShell';

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
  /** clearedAfter: the last entry when Ctrl-L was pressed; the log shows what came after it. */
  const [clearedAfter, setClearedAfter] = useState<string | number | undefined>(undefined);
  /** search: bash's Ctrl-R reverse-i-search, with the history index of its match and the line it replaced. */
  const [search, setSearch] = useState<{ query: string; match: number; saved: string } | undefined>(undefined);
  /** shellLines: commands the shell typed for a line (shown as `prompt line`), with their prompt and line. */
  const shellLines = useRef(new Map<string, { prompt: string; line: string }>());
  const logRef = useRef<HTMLDivElement>(null);
  /** pendingCd: a `cd` sent to the container; the session moves there once it succeeded. */
  const pendingCd = useRef<{ run: string; dir: string; after: number } | undefined>(undefined);
  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
    const cd = pendingCd.current;
    const done = cd && entries.slice(cd.after).find((e) => e.run === cd.run);
    if (cd && done && done.exit !== undefined) {
      pendingCd.current = undefined;
      if (done.exit === 0) setSession((s) => (s ? inDirectory(s, cd.dir) : s));
    }
  }, [entries]);

  const history = entries.map((e) => e.run);
  /** submit is Enter on `text`: a continuation line, a shell session's line, or a command. */
  const submit = (text: string) => {
    if (!session && (pending.length > 0 || text.trim())) {
      const script = [...pending, text].join('\n');
      if (incompleteScript(script)) {
        setPending([...pending, text]);
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
    const command = text.trim();
    if (!command) return;
    const opened = session ? undefined : (openShell(command) ?? openSsh(command, currentView(usePlayer.getState())?.nodes.map((n) => n.name) ?? []));
    if (session && isExit(command)) setSession(undefined);
    else if (session) {
      const wrapped = commandFor(session, command);
      shellLines.current.set(wrapped, { prompt: session.prompt, line: command });
      const dir = cdTarget(session, command);
      pendingCd.current = dir === undefined ? undefined : { run: wrapped, dir, after: entries.length };
      run(wrapped);
    } else if (opened) setSession(opened);
    else run(command);
    setLine('');
    setHint('');
    setHistoryIndex(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (search) {
      onSearchKey(event);
      return;
    }
    const input = event.currentTarget;
    const edited = readlineKey(event.key, event.ctrlKey && !event.metaKey && !event.altKey, { line, caret: input.selectionStart ?? line.length });
    if (edited) {
      event.preventDefault();
      // A caret move (Ctrl-A/E) takes effect now, so the next key lands where it should; an
      // edit (Ctrl-U/K) places the caret once React has rendered the new line.
      if (edited.line === line) input.setSelectionRange(edited.caret, edited.caret);
      else {
        setLine(edited.line);
        requestAnimationFrame(() => input.setSelectionRange(edited.caret, edited.caret));
      }
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      submit(line);
    } else if (event.key === 'l' && event.ctrlKey) {
      // Ctrl-L clears the screen, as readline's clear-screen: the log starts after the last entry.
      event.preventDefault();
      setClearedAfter(entries.at(-1)?.id);
    } else if (event.key === 'r' && event.ctrlKey && !session) {
      event.preventDefault();
      setSearch({ query: '', match: -1, saved: line });
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

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!search) return;
    const found = search.match >= 0 ? history[search.match] : '';
    if (event.key === 'Enter') {
      event.preventDefault();
      setSearch(undefined);
      submit(found);
    } else if (event.key === 'Escape' || (event.ctrlKey && (event.key === 'g' || event.key === 'c'))) {
      event.preventDefault();
      setSearch(undefined);
      setLine(search.saved);
    } else if (event.ctrlKey && event.key === 'r') {
      event.preventDefault();
      const older = reverseSearch(history, search.query, search.match >= 0 ? search.match : history.length);
      if (older >= 0) setSearch({ ...search, match: older });
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Tab' || event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      // Any motion key leaves the search with the match on the line, ready to edit.
      event.preventDefault();
      setSearch(undefined);
      setLine(found || search.saved);
    }
  };
  const onSearchInput = (query: string) => {
    if (!search) return;
    // A longer query keeps the current match if it still fits; otherwise search from the newest.
    const keep = search.match >= 0 && query.startsWith(search.query) && history[search.match].includes(query);
    setSearch({ ...search, query, match: keep ? search.match : reverseSearch(history, query, history.length) });
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
        {entries.slice(visibleFrom(history, entries.findIndex((e) => e.id === clearedAfter) + 1)).map((entry) => {
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
          {search ? '(reverse-i-search)`' : session ? session.prompt.trim() : pending.length > 0 ? '>' : '$'}
        </span>
        <input
          aria-label={t.consoleLabel}
          className={search ? 'min-w-[2ch] bg-transparent outline-none' : 'flex-1 bg-transparent outline-none'}
          size={search ? Math.max(2, search.query.length + 1) : undefined}
          value={search ? search.query : line}
          placeholder={search ? '' : session ? t.shellPlaceholder : t.placeholder}
          onChange={(e) => (search ? onSearchInput(e.target.value) : setLine(e.target.value))}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          spellCheck={false}
          autoComplete="off"
        />
        {search && (
          <span className="flex-1 truncate" data-testid="console-search">
            ': {search.match >= 0 ? history[search.match] : ''}
          </span>
        )}
        {busy && (
          <button type="button" onClick={interrupt} title={t.interrupted} className="rounded bg-slate-700 px-2 text-[11px]">
            Ctrl-C
          </button>
        )}
      </div>
    </section>
  );
}
