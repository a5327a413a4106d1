/** UI strings in English and Simplified Chinese (the console's output is kubectl's own English). */
import { en, type Messages } from './en';
import { zhCN } from './zhCN';

export const MESSAGES: Record<'en' | 'zh-CN', Messages> = { en, 'zh-CN': zhCN };

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof typeof en;

/** detectLocale picks zh-CN for any Chinese browser language, English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** format fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
