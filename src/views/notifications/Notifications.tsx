import { MESSAGES, type Locale } from '../../i18n/messages';
import { usePlayer } from '../../state/playerStore';

/** Notifications lists errors and notices until dismissed (nothing the app refuses is silent). */
export function Notifications({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const notices = usePlayer((s) => s.notices);
  const dismiss = usePlayer((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <section aria-label={t.notifications} className="fixed right-4 bottom-4 z-50 flex max-w-md flex-col gap-2">
      {notices.map((n) => (
        <div key={n.id} role={n.kind === 'error' ? 'alert' : 'status'} className={`rounded-lg border p-3 text-sm shadow ${n.kind === 'error' ? 'border-rose-400 bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100' : 'border-sky-300 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100'}`}>
          <pre className="font-sans whitespace-pre-wrap">{n.text}</pre>
          <button type="button" onClick={() => dismiss(n.id)} className="mt-1 text-xs underline">
            {t.dismiss}
          </button>
        </div>
      ))}
    </section>
  );
}
