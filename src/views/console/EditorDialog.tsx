import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import { usePlayer } from '../../state/playerStore';

/**
 * EditorDialog is the terminal's full-screen editor (what `kubectl edit` and `vi FILE` open):
 * the file's text in a text area, saved with Ctrl+S or left with Esc. The engine keeps the clock
 * still until it is answered; the saved text is recorded in the command's step, so the session
 * replays the same edit.
 */
export function EditorDialog({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const editing = usePlayer((s) => s.editing);
  const saveEdit = usePlayer((s) => s.saveEdit);
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const path = editing?.path;
  useEffect(() => {
    if (editing) {
      setText(editing.text);
      area.current?.focus();
    }
    // A new file opens a fresh buffer; later frames of the same editing session keep what was typed.
  }, [path, editing?.text]);
  if (!editing) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      saveEdit(text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      saveEdit(null);
    }
  };
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4" role="dialog" aria-modal="true" aria-label={format(t.editorTitle, { path: editing.path })}>
      <div className="flex h-[85vh] w-full max-w-4xl flex-col gap-2 rounded-lg bg-slate-900 p-3 text-slate-100 shadow-xl">
        <div className="flex items-baseline justify-between gap-2 font-mono text-xs">
          <span className="text-emerald-400">{format(t.editorTitle, { path: editing.path })}</span>
          <span className="text-slate-400">{t.editorHint}</span>
        </div>
        <textarea
          ref={area}
          aria-label={editing.path}
          className="min-h-0 flex-1 resize-none rounded bg-slate-950 p-2 font-mono text-xs leading-5 outline-none"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
        />
        <div className="flex justify-end gap-2 text-xs">
          <button type="button" className="rounded bg-slate-700 px-3 py-1" onClick={() => saveEdit(null)}>
            {t.editorQuit}
          </button>
          <button type="button" className="rounded bg-emerald-600 px-3 py-1 text-white" onClick={() => saveEdit(text)}>
            {t.editorSave}
          </button>
        </div>
      </div>
    </div>
  );
}
