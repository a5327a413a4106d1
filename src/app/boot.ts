import { format, MESSAGES, type Locale } from '../i18n/messages';
import { defaultSession } from '../player/session';
import { playerHooks, usePlayer } from '../state/playerStore';
import { loadSaved, saveSession, setAside } from '../state/savedSession';
import { decodeShareFragment } from '../state/shareLink';

/**
 * bootPlayer opens what the page asks for: a shared link in the fragment first, else the saved
 * session, else a fresh cluster. Whatever cannot be read is reported (a saved session is set aside
 * under a backup key first) and a fresh cluster opens instead: never a blank page.
 */
export async function bootPlayer(locale: () => Locale): Promise<void> {
  const t = () => MESSAGES[locale()];
  const player = usePlayer.getState();
  let savedRaw: string | undefined;
  playerHooks.onOpenError = (source, message) => {
    const s = usePlayer.getState();
    if (source === 'shared') {
      s.notify('error', format(t().badShared, { reason: message }));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    } else if (source === 'saved' && savedRaw !== undefined) {
      const aside = setAside(window.localStorage, savedRaw, message, new Date().toISOString());
      s.notify('error', format(t().corruptSaved, { reason: aside.reason, key: aside.backupKey }));
    } else {
      s.notify('error', `${t().badImport}\n${message}`);
      return; // A bad import leaves the running session as it was.
    }
    s.open();
    s.play();
  };
  const shared = await decodeShareFragment(window.location.hash);
  if (shared.ok === true) return player.open({ text: shared.text, fileName: 'shared link', atMs: shared.atMs, source: 'shared' });
  if (shared.ok === false) {
    player.notify('error', format(t().badShared, { reason: shared.error }));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const saved = loadSaved(window.localStorage, new Date().toISOString());
  if (saved.ok === false) player.notify('error', format(t().corruptSaved, { reason: saved.reason, key: saved.backupKey }));
  if (saved.ok === true) {
    savedRaw = saved.raw;
    player.open({ session: saved.session, atMs: saved.atMs, source: 'saved' });
  } else player.open({ session: defaultSession(), source: 'default' });
  player.play();
}

/** keepSaved stores the session whenever a step is added (and where the learner is, every few seconds). */
export function keepSaved(): () => void {
  let lastSteps = -1;
  let lastSavedAt = 0;
  return usePlayer.subscribe((s) => {
    if (s.status !== 'ready') return;
    const steps = s.session.spec.steps.length;
    if (steps === lastSteps && Math.abs(s.displayMs - lastSavedAt) < 5000) return;
    lastSteps = steps;
    lastSavedAt = s.displayMs;
    saveSession(window.localStorage, s.session, s.displayMs);
  });
}
