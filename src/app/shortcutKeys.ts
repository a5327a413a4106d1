import { SPEEDS } from '../state/playerStore';
import { VIEWS, type ViewName } from '../views/DiagramView';

/** ShortcutAction is what a key press asks the app to do. */
export type ShortcutAction =
  | { type: 'togglePlay' }
  | { type: 'seekBy'; ms: number }
  | { type: 'marker'; direction: -1 | 1 }
  | { type: 'speed'; speed: number }
  | { type: 'view'; view: ViewName }
  | { type: 'help' };

/** SHORTCUTS lists the keys for the help dialog (labels are message keys). */
export const SHORTCUTS: ReadonlyArray<{ keys: string; label: 'shortcutPlay' | 'shortcutSeek' | 'shortcutSeekLong' | 'shortcutMarker' | 'shortcutSpeed' | 'shortcutView' | 'shortcutHelp' }> = [
  { keys: 'Space', label: 'shortcutPlay' },
  { keys: '← →', label: 'shortcutSeek' },
  { keys: 'Shift + ← →', label: 'shortcutSeekLong' },
  { keys: '[ ]', label: 'shortcutMarker' },
  { keys: '- +', label: 'shortcutSpeed' },
  { keys: '1 – 6', label: 'shortcutView' },
  { keys: '?', label: 'shortcutHelp' },
];

/** CONSOLE_KEYS lists the console's readline keys for the help dialog (they work in its input line). */
export const CONSOLE_KEYS: ReadonlyArray<{ keys: string; label: 'consoleKeyHistory' | 'consoleKeySearch' | 'consoleKeyLine' | 'consoleKeyCut' | 'consoleKeyClear' | 'consoleKeyInterrupt' | 'consoleKeyComplete' }> = [
  { keys: '↑ ↓', label: 'consoleKeyHistory' },
  { keys: 'Ctrl-R', label: 'consoleKeySearch' },
  { keys: 'Ctrl-A Ctrl-E', label: 'consoleKeyLine' },
  { keys: 'Ctrl-U Ctrl-K', label: 'consoleKeyCut' },
  { keys: 'Ctrl-L', label: 'consoleKeyClear' },
  { keys: 'Ctrl-C', label: 'consoleKeyInterrupt' },
  { keys: 'Tab', label: 'consoleKeyComplete' },
];

/**
 * shortcutFor maps a key press (outside text fields) to an action: Space play/pause, ←/→ seek
 * 1 s (Shift: 10 s), [ ] previous/next marker, - and + (or =) slower/faster through the player's
 * speeds, 1–6 the diagrams in tab order, ? the shortcut list.
 */
export function shortcutFor(event: { key: string; shiftKey: boolean; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, speed: number): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const step = event.shiftKey ? 10_000 : 1_000;
  switch (event.key) {
    case ' ':
      return { type: 'togglePlay' };
    case 'ArrowLeft':
      return { type: 'seekBy', ms: -step };
    case 'ArrowRight':
      return { type: 'seekBy', ms: step };
    case '[':
      return { type: 'marker', direction: -1 };
    case ']':
      return { type: 'marker', direction: 1 };
    case '-':
    case '_':
      return { type: 'speed', speed: nextSpeed(speed, -1) };
    case '+':
    case '=':
      return { type: 'speed', speed: nextSpeed(speed, 1) };
    case '?':
      return { type: 'help' };
  }
  const digit = Number(event.key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= VIEWS.length) return { type: 'view', view: VIEWS[digit - 1] };
  return undefined;
}

/** nextSpeed moves one step through SPEEDS, staying at the ends. */
export function nextSpeed(speed: number, direction: -1 | 1): number {
  const index = SPEEDS.findIndex((s) => s >= speed);
  const at = index < 0 ? SPEEDS.length - 1 : index;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + direction))];
}
