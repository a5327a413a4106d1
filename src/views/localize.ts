import type { Locale } from '../i18n/messages';

/** localize picks a scenario text in the learner's language (a plain string is the same in both). */
export function localize(text: string | { en?: string; 'zh-CN'?: string } | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text['zh-CN'] ?? '';
}
