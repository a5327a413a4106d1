/** EmbedCommand is what a training page may send the player (reveal.js-style postMessage API). */
export type EmbedCommand =
  | { type: 'k8sim'; command: 'play' }
  | { type: 'k8sim'; command: 'pause' }
  | { type: 'k8sim'; command: 'seek'; ms: number }
  | { type: 'k8sim'; command: 'setSpeed'; speed: number }
  | { type: 'k8sim'; command: 'loadScenario'; scenario: string };

/** EmbedEvent is what the player tells its page. */
export type EmbedEvent =
  | { type: 'k8sim'; event: 'ready'; scenario: string }
  | { type: 'k8sim'; event: 'step'; t: number; run: string }
  | { type: 'k8sim'; event: 'ended'; t: number }
  | { type: 'k8sim'; event: 'error'; message: string };

/** MAX_COMMAND_CHARS bounds a command (a loadScenario carries scenario text or a name/URL). */
export const MAX_COMMAND_CHARS = 512 * 1024;

/**
 * parseCommand accepts only well-formed commands from allowed origins; anything else is ignored,
 * so an unrelated page's messages (or a hostile frame's) cannot drive the player.
 */
export function parseCommand(data: unknown, origin: string, allowed: readonly string[]): EmbedCommand | undefined {
  if (!allowed.includes(origin)) return undefined;
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'k8sim') return undefined;
  const c = data as Record<string, unknown>;
  switch (c.command) {
    case 'play':
    case 'pause':
      return { type: 'k8sim', command: c.command };
    case 'seek':
      return typeof c.ms === 'number' && Number.isFinite(c.ms) && c.ms >= 0 ? { type: 'k8sim', command: 'seek', ms: c.ms } : undefined;
    case 'setSpeed':
      return typeof c.speed === 'number' && c.speed >= 0.1 && c.speed <= 20 ? { type: 'k8sim', command: 'setSpeed', speed: c.speed } : undefined;
    case 'loadScenario':
      return typeof c.scenario === 'string' && c.scenario.length <= MAX_COMMAND_CHARS ? { type: 'k8sim', command: 'loadScenario', scenario: c.scenario } : undefined;
    default:
      return undefined;
  }
}

/**
 * allowedOrigins: the embedding page's own origin (it sent us the URL), the player's origin, and
 * the `origins=` list.
 */
export function allowedOrigins(self: string, referrer: string, ancestors: readonly string[], extra: readonly string[]): string[] {
  const out = new Set<string>([self, ...extra]);
  if (ancestors[0]) out.add(ancestors[0]);
  else if (referrer) {
    try {
      out.add(new URL(referrer).origin);
    } catch {
      // An unparsable referrer adds nothing.
    }
  }
  return [...out];
}
