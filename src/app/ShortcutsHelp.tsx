import { useEffect, useRef } from 'react';
import { MESSAGES, type Locale } from '../i18n/messages';
import { CONSOLE_KEYS, SHORTCUTS } from './shortcutKeys';

/** ShortcutsHelp lists the keyboard shortcuts in a modal dialog (Esc or the button closes it). */
export function ShortcutsHelp({ locale, onClose }: { locale: Locale; onClose: () => void }) {
  const t = MESSAGES[locale];
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      // Focus stays on the dialog's only control.
      if (e.key === 'Tab') {
        e.preventDefault();
        close.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-label={t.shortcutsTitle} className="w-96 rounded-lg bg-white p-4 text-sm shadow-xl dark:bg-slate-900" onClick={(e) => e.stopPropagation()} data-testid="shortcuts-help">
        <h2 className="mb-2 font-semibold">{t.shortcutsTitle}</h2>
        <KeyList items={SHORTCUTS.map((s) => ({ keys: s.keys, text: t[s.label] }))} />
        <h3 className="mt-3 mb-1 font-semibold">{t.consoleKeysTitle}</h3>
        <KeyList items={CONSOLE_KEYS.map((s) => ({ keys: s.keys, text: t[s.label] }))} testId="console-keys" />
        <button ref={close} type="button" onClick={onClose} className="mt-3 rounded border px-2 py-0.5">
          {t.close}
        </button>
      </div>
    </div>
  );
}

/** KeyList is one table of keys and what they do. */
function KeyList({ items, testId }: { items: Array<{ keys: string; text: string }>; testId?: string }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid={testId}>
      {items.map((s) => (
        <div key={s.keys} className="contents">
          <dt>
            <kbd className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">{s.keys}</kbd>
          </dt>
          <dd>{s.text}</dd>
        </div>
      ))}
    </dl>
  );
}
