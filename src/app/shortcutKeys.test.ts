import { describe, expect, it } from 'vitest';
import { nextSpeed, shortcutFor } from './shortcutKeys';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

describe('keyboard shortcuts', () => {
  it('maps the player keys', () => {
    expect(shortcutFor(key(' '), 1)).toEqual({ type: 'togglePlay' });
    expect(shortcutFor(key('ArrowLeft'), 1)).toEqual({ type: 'seekBy', ms: -1000 });
    expect(shortcutFor(key('ArrowRight', true), 1)).toEqual({ type: 'seekBy', ms: 10_000 });
    expect(shortcutFor(key(']'), 1)).toEqual({ type: 'marker', direction: 1 });
    expect(shortcutFor(key('?', true), 1)).toEqual({ type: 'help' });
  });

  it('steps the speed through the player speeds and stops at the ends', () => {
    expect(shortcutFor(key('+'), 1)).toEqual({ type: 'speed', speed: 2 });
    expect(shortcutFor(key('-'), 1)).toEqual({ type: 'speed', speed: 0.5 });
    expect(nextSpeed(20, 1)).toBe(20);
    expect(nextSpeed(0.1, -1)).toBe(0.1);
  });

  it('digits pick the diagrams in tab order; modifiers and other keys do nothing', () => {
    expect(shortcutFor(key('1'), 1)).toEqual({ type: 'view', view: 'map' });
    expect(shortcutFor(key('5'), 1)).toEqual({ type: 'view', view: 'raft' });
    expect(shortcutFor(key('7'), 1)).toBeUndefined();
    expect(shortcutFor({ key: 'ArrowLeft', shiftKey: false, ctrlKey: true }, 1)).toBeUndefined();
    expect(shortcutFor(key('x'), 1)).toBeUndefined();
  });
});
