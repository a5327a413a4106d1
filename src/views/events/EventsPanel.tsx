import { useEffect, useRef } from 'react';
import { MESSAGES, type Locale } from '../../i18n/messages';
import { usePlayer } from '../../state/playerStore';

/** EventsPanel streams the cluster's Events as `kubectl get events -A -w` would, newest at the bottom. */
export function EventsPanel({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const feed = usePlayer((s) => s.feed);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollTo({ top: ref.current.scrollHeight });
  }, [feed]);
  return (
    <div ref={ref} className="h-full overflow-auto rounded-lg bg-slate-900 p-2 font-mono text-[11px] text-slate-100" role="log" aria-label={t.events} data-testid="events-panel">
      <div className="grid grid-cols-[6rem_5rem_9rem_14rem_1fr] gap-x-2 text-slate-400">
        <span>NAMESPACE</span>
        <span>TYPE</span>
        <span>REASON</span>
        <span>OBJECT</span>
        <span>MESSAGE</span>
      </div>
      {feed.map((e, i) => (
        <div key={i} className={`grid grid-cols-[6rem_5rem_9rem_14rem_1fr] gap-x-2 ${e.type === 'Warning' ? 'text-amber-300' : ''}`}>
          <span className="truncate">{e.namespace}</span>
          <span>{e.type}</span>
          <span className="truncate">{e.reason}</span>
          <span className="truncate" title={e.object}>
            {e.object}
          </span>
          <span>{e.message}</span>
        </div>
      ))}
    </div>
  );
}
