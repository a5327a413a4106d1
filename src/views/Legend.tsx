import { MESSAGES, type Locale } from '../i18n/messages';

/** LegendItem: a colour swatch (a Tailwind bg-/border- class) and what it means. */
export interface LegendItem {
  swatch: string;
  shape?: 'dot' | 'bar' | 'ring';
  label: string;
}

/**
 * Legend is the same small key on every diagram: swatches taken from the classes the diagram
 * itself draws with, so the two cannot drift apart. Collapsible (a <details>).
 */
export function Legend({ items, locale, collapsed = false }: { items: readonly LegendItem[]; locale: Locale; collapsed?: boolean }) {
  const t = MESSAGES[locale];
  return (
    <details open={!collapsed} className="text-xs text-slate-600 dark:text-slate-300" data-testid="legend">
      <summary className="cursor-pointer select-none">{t.legend}</summary>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label={t.legend}>
        {items.map((item) => (
          <li key={item.label} className="flex items-center gap-1">
            <span aria-hidden="true" data-swatch={item.swatch} className={`inline-block ${item.shape === 'bar' ? 'h-2 w-4 rounded-sm' : 'h-3 w-3 rounded-full'} ${item.shape === 'ring' ? `border-2 border-dashed ${item.swatch}` : item.swatch}`} />
            {item.label}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** fillToBg turns an SVG fill class into the matching background class for a swatch. */
export function fillToBg(fill: string): string {
  return fill.replace(/^fill-/, 'bg-');
}
