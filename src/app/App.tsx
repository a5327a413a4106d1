import { useState } from 'react';
import { detectLocale, MESSAGES, type Locale } from '../i18n/messages';
import { Console } from './Console';
import { useCluster } from './useCluster';

export function App() {
  const [locale, setLocale] = useState<Locale>(() => detectLocale(navigator.languages ?? [navigator.language]));
  const t = MESSAGES[locale];
  const { cluster, nowMs } = useCluster();
  return (
    <main lang={locale} className="min-h-screen bg-slate-50 p-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="mb-4 flex items-baseline gap-4">
        <h1 className="text-2xl font-semibold">k8sim</h1>
        <p>{t.tagline}</p>
        <label className="ml-auto text-sm">
          {t.language}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} className="rounded border px-1">
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
      </header>
      <p className="mb-2 text-sm" data-testid="sim-time">
        {t.simTime}: {(nowMs / 1000).toFixed(1)} s
      </p>
      {cluster ? <Console cluster={cluster} label={t.consoleLabel} placeholder={t.placeholder} /> : <p>{t.booting}</p>}
    </main>
  );
}
