import { describe, expect, it } from 'vitest';
import { defaultSession } from '../player/session';
import { loadSaved, SAVED_KEY, saveSession } from './savedSession';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('saved session', () => {
  it('reads back what was saved', () => {
    const storage = new MemoryStorage();
    const session = { ...defaultSession(), spec: { ...defaultSession().spec, steps: [{ at: 1500, run: 'kubectl get pods' }] } };
    saveSession(storage, session, 4200.7);
    const loaded = loadSaved(storage, '2026-01-01T00:00:00.000Z');
    expect(loaded).toMatchObject({ ok: true, session, atMs: 4200 });
  });

  it('sets unreadable data aside under a backup key instead of dropping it', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVED_KEY, '{"version": 1, "session": ');
    const loaded = loadSaved(storage, '2026-01-01T00:00:00.000Z');
    expect(loaded.ok).toBe(false);
    if (loaded.ok !== false) return;
    expect(loaded.reason).toMatch(/^not JSON: /);
    expect(storage.getItem(loaded.backupKey)).toBe('{"version": 1, "session": ');
    expect(storage.getItem(SAVED_KEY)).toBeNull();
  });

  it('reports an unknown version', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVED_KEY, '{"version": 7}');
    const loaded = loadSaved(storage, 'now');
    expect(loaded).toEqual({ ok: false, reason: 'unknown version 7', backupKey: 'k8sim.session.unreadable.now' });
  });
});
