import { VIEWS, type ViewName } from '../views/DiagramView';
import type { Locale } from '../i18n/messages';

/** EmbedParams are the embed URL's options (`/embed/?scenario=rolling-update&view=rollout&...`). */
export interface EmbedParams {
  /** scenario is a bundled scenario's name, or an http(s) URL of a scenario file. */
  scenario?: string;
  view: ViewName;
  autoplay: boolean;
  lang?: Locale;
  controls: 'full' | 'minimal';
  speed: number;
  /** origins may send commands by postMessage (besides the embedding page's own origin). */
  origins: string[];
}

/** parseEmbedParams reads and bounds the query string (untrusted: unknown values fall back to defaults). */
export function parseEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const view = q.get('view') ?? '';
  const lang = q.get('lang');
  const speed = Number(q.get('speed') ?? '1');
  return {
    scenario: q.get('scenario')?.slice(0, 2048) || undefined,
    view: (VIEWS as readonly string[]).includes(view) ? (view as ViewName) : 'map',
    autoplay: q.get('autoplay') === '1' || q.get('autoplay') === 'true',
    lang: lang === 'zh-CN' || lang === 'en' ? lang : undefined,
    controls: q.get('controls') === 'minimal' ? 'minimal' : 'full',
    speed: Number.isFinite(speed) && speed >= 0.1 && speed <= 20 ? speed : 1,
    origins: (q.get('origins') ?? '').split(',').map((o) => o.trim()).filter((o) => /^https?:\/\/[^/]+$/.test(o)),
  };
}
