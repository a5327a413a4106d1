import { useEffect, useRef } from 'react';
import { MESSAGES, type Locale } from '../i18n/messages';
import { playerHooks, usePlayer } from '../state/playerStore';
import { encodeShareFragment } from '../state/shareLink';

/** MAX_IMPORT_BYTES bounds an imported scenario file (untrusted input). */
const MAX_IMPORT_BYTES = 512 * 1024;

/** SessionMenu: new session, export/import as scenario YAML, copy a share link. */
export function SessionMenu({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const fileRef = useRef<HTMLInputElement>(null);
  const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
  useEffect(() => {
    playerHooks.onExported = (yaml, purpose, atMs) => {
      if (purpose === 'download') return download(yaml);
      void share(yaml, usePlayer.getState().mode === 'live' ? atMs : usePlayer.getState().displayMs, t);
    };
  }, [t]);
  const importFile = async (file: File) => {
    const s = usePlayer.getState();
    if (file.size > MAX_IMPORT_BYTES) return s.notify('error', `${t.badImport}\n${file.name}: larger than ${MAX_IMPORT_BYTES / 1024} KiB`);
    s.open({ text: await file.text(), fileName: file.name, atMs: 0, source: 'import' });
  };
  return (
    <div className="flex flex-wrap gap-1">
      <button type="button" className={button} onClick={() => usePlayer.getState().open()}>
        {t.newSession}
      </button>
      <button type="button" className={button} onClick={() => usePlayer.getState().requestExport('download')}>
        {t.exportYaml}
      </button>
      <button type="button" className={button} onClick={() => fileRef.current?.click()}>
        {t.importYaml}
      </button>
      <input ref={fileRef} type="file" accept=".yaml,.yml,.json" className="hidden" data-testid="import-file" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
      <button type="button" className={button} onClick={() => usePlayer.getState().requestExport('share')} data-testid="share">
        {t.share}
      </button>
    </div>
  );
}

function download(yaml: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
  a.download = 'k8sim-session.yaml';
  a.click();
  URL.revokeObjectURL(a.href);
}

async function share(yaml: string, atMs: number, t: (typeof MESSAGES)['en']): Promise<void> {
  const fragment = await encodeShareFragment(yaml, atMs);
  history.replaceState(null, '', `#${fragment}`);
  try {
    await navigator.clipboard.writeText(window.location.href);
    usePlayer.getState().notify('info', t.shared);
  } catch {
    usePlayer.getState().notify('info', t.shareFailed);
  }
}
