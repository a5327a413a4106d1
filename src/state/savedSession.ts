import type { SessionFile } from '../player/session';

/** The saved session's storage key carries its schema version; old versions migrate on read. */
export const SAVED_KEY = 'k8sim.session.v1';

interface Saved {
  version: 1;
  atMs: number;
  session: SessionFile;
}

export type LoadedSaved = { ok: true; session: SessionFile; atMs: number; raw: string } | { ok: false; reason: string; backupKey: string } | { ok: 'none' };

/** saveSession stores the session and where the learner was. */
export function saveSession(storage: Storage, session: SessionFile, atMs: number): void {
  const saved: Saved = { version: 1, atMs: Math.floor(atMs), session };
  try {
    storage.setItem(SAVED_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled (private mode): the session still runs, it just isn't kept.
  }
}

/**
 * loadSaved reads the saved session's envelope (the engine validates the session itself when it
 * opens it). Anything unreadable is set aside under a backup key, so nothing the learner made is
 * silently dropped, and reported.
 */
export function loadSaved(storage: Storage, nowIso: string): LoadedSaved {
  let raw: string | null;
  try {
    raw = storage.getItem(SAVED_KEY);
  } catch {
    return { ok: 'none' };
  }
  if (raw === null) return { ok: 'none' };
  let saved: Partial<Saved> | null;
  try {
    saved = JSON.parse(raw) as Partial<Saved> | null;
  } catch (error) {
    return setAside(storage, raw, `not JSON: ${error instanceof Error ? error.message : String(error)}`, nowIso);
  }
  if (typeof saved !== 'object' || saved === null || saved.version !== 1) return setAside(storage, raw, `unknown version ${JSON.stringify(saved?.version)}`, nowIso);
  if (typeof saved.session !== 'object' || saved.session === null) return setAside(storage, raw, 'no session in it', nowIso);
  return { ok: true, session: saved.session, atMs: typeof saved.atMs === 'number' && saved.atMs >= 0 ? saved.atMs : 0, raw };
}

/** setAside moves unreadable saved data to a backup key and says why. */
export function setAside(storage: Storage, raw: string, reason: string, nowIso: string): { ok: false; reason: string; backupKey: string } {
  const backupKey = `k8sim.session.unreadable.${nowIso}`;
  try {
    storage.setItem(backupKey, raw);
    storage.removeItem(SAVED_KEY);
  } catch {
    // Keep the original in place if the backup cannot be written.
  }
  return { ok: false, reason, backupKey };
}
