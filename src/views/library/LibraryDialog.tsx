import { useEffect, useState } from 'react';
import { MESSAGES, type Locale } from '../../i18n/messages';
import { localize } from '../localize';
import { loadLibrary, type LibraryEntry } from './scenarioLibrary';

/** LibraryDialog lists the bundled scenarios (title, chapters, diagram); choosing one opens it. */
export function LibraryDialog({ locale, onOpen, onClose }: { locale: Locale; onOpen(entry: LibraryEntry): void; onClose(): void }) {
  const t = MESSAGES[locale];
  const [entries, setEntries] = useState<LibraryEntry[] | undefined>(undefined);
  useEffect(() => {
    void loadLibrary().then(setEntries);
  }, []);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/40" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div role="dialog" aria-modal="true" aria-label={t.library} className="max-h-[85vh] w-[36rem] max-w-[95vw] overflow-auto rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900">
        <div className="mb-2 flex items-center">
          <h2 className="text-lg font-semibold">{t.library}</h2>
          <button type="button" onClick={onClose} className="ml-auto rounded px-2 hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={t.cancel} autoFocus>
            ✕
          </button>
        </div>
        {!entries ? (
          <p className="text-sm">{t.booting}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {entries.map((entry) => (
              <li key={entry.file}>
                <button type="button" onClick={() => onOpen(entry)} className="w-full rounded border border-slate-200 p-2 text-left hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800" data-testid={`library-${entry.name}`}>
                  <div className="font-semibold">{localize(entry.title, locale)}</div>
                  <div className="text-xs text-slate-500">
                    {entry.name} · {entry.chapters} {t.chapters} · {t.opensIn} {entry.view}
                  </div>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
