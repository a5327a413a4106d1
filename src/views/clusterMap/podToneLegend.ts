import { MESSAGES, type Locale } from '../../i18n/messages';
import type { LegendItem } from '../Legend';
import { TONE_CLASSES } from './podStatus';
import type { PodTone } from '../../player/clusterView';

const LABEL = { running: 'toneRunning', progress: 'toneProgress', failing: 'toneFailing', done: 'toneDone', terminating: 'toneTerminating', unknown: 'toneUnknown' } as const;

/** podToneLegend: one swatch per pod chip colour, from the chips' own classes. */
export function podToneLegend(locale: Locale): LegendItem[] {
  const t = MESSAGES[locale];
  return (Object.keys(TONE_CLASSES) as PodTone[]).map((tone) => ({ swatch: TONE_CLASSES[tone].split(' ')[0], shape: 'bar', label: t[LABEL[tone]] }));
}
