import { MESSAGES, type Locale } from '../../i18n/messages';
import { usePlayer } from '../../state/playerStore';
import { formatSimTime } from '../timeline/markerNav';
import { localize } from '../localize';

/**
 * NarrationPanel tells the story of a narrated scenario: its chapters (click to jump there) and the
 * narration of the latest step the player has reached.
 */
export function NarrationPanel({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const session = usePlayer((s) => s.session);
  const displayMs = usePlayer((s) => s.displayMs);
  const seek = usePlayer((s) => s.seek);
  const steps = session.spec.steps;
  if (!steps.some((s) => s.narration || s.chapter)) return null;
  const reached = steps.filter((s) => s.at <= displayMs);
  const narration = [...reached].reverse().find((s) => s.narration)?.narration;
  const chapters = steps.filter((s) => s.chapter);
  const current = [...reached].reverse().find((s) => s.chapter);
  return (
    <section aria-label={t.narration} className="rounded-lg border border-sky-200 bg-sky-50 p-2 text-sm dark:border-sky-900 dark:bg-sky-950" data-testid="narration">
      <div className="mb-1 font-semibold">{localize(session.metadata.title, locale) || session.metadata.name}</div>
      <ol className="mb-1 flex flex-wrap gap-1 text-xs">
        {chapters.map((s, i) => (
          <li key={i}>
            <button type="button" onClick={() => seek(s.at)} className={`rounded px-1.5 ${s === current ? 'bg-sky-600 text-white' : 'bg-white dark:bg-slate-800'}`} title={formatSimTime(s.at)}>
              {i + 1}. {localize(s.chapter, locale)}
            </button>
          </li>
        ))}
      </ol>
      {narration && <p data-testid="narration-text">{localize(narration, locale)}</p>}
    </section>
  );
}
