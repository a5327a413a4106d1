/**
 * Sim time ↔ wall-clock text. The engine counts integer milliseconds from 0; objects carry
 * RFC 3339 timestamps, so sim time 0 maps to a fixed epoch (a scenario may pick another).
 * Kubernetes serializes metav1.Time with second precision (`2025-01-01T00:00:05Z`) and
 * metav1.MicroTime with microseconds (`2025-01-01T00:00:05.123000Z`).
 */

/** DEFAULT_EPOCH_MS is 2025-01-01T00:00:00Z, shortly after Kubernetes v1.32 was released. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1);

/** toRFC3339 formats a sim instant as metav1.Time does: seconds precision, UTC, `Z` suffix. */
export function toRFC3339(simMs: number, epochMs = DEFAULT_EPOCH_MS): string {
  // Objects written within one second share one string (a large cluster stamps thousands).
  const second = Math.floor((epochMs + simMs) / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastSecondText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastSecondText;
}
let lastSecond = NaN;
let lastSecondText = '';

/** toRFC3339Micro formats as metav1.MicroTime does (Lease renewTime, Event eventTime). */
export function toRFC3339Micro(simMs: number, epochMs = DEFAULT_EPOCH_MS): string {
  const ms = epochMs + simMs;
  if (ms !== lastMicroMs) {
    lastMicroMs = ms;
    lastMicroText = microText(ms);
  }
  return lastMicroText;
}
let lastMicroMs = NaN;
let lastMicroText = '';

/**
 * microText spells `YYYY-MM-DDTHH:MM:SS.mmm000Z` from the shared per-second text and the
 * milliseconds, as one flat string (every Event and Lease renewal has one; toISOString plus a
 * regular expression was ~1 % of a large run).
 */
function microText(ms: number): string {
  const secondText = toRFC3339(ms, 0);
  if (!Number.isInteger(ms) || secondText.length !== 20) return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  const fraction = ms - Math.floor(ms / 1000) * 1000;
  for (let i = 0; i < 19; i++) microCodes[i] = secondText.charCodeAt(i);
  microCodes[20] = 48 + Math.floor(fraction / 100);
  microCodes[21] = 48 + (Math.floor(fraction / 10) % 10);
  microCodes[22] = 48 + (fraction % 10);
  return String.fromCharCode.apply(null, microCodes);
}
/** microCodes: the character codes being spelled; '.', the microsecond zeros and 'Z' never change. */
const microCodes = Array.from('0000-00-00T00:00:00.000000Z', (c) => c.charCodeAt(0));

/** fromRFC3339 turns an object timestamp back into sim ms (NaN when unparsable). */
export function fromRFC3339(text: string, epochMs = DEFAULT_EPOCH_MS): number {
  return Date.parse(text) - epochMs;
}
