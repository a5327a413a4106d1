/**
 * Resource quantities (k8s.io/apimachinery pkg/api/resource): `100m`, `0.5`, `128Mi`, `1G`, `2e3`.
 * parseQuantity returns the value in base units as a float (cpu cores, bytes); milliValue gives
 * integer milli-units the way Quantity.MilliValue rounds (up).
 */
const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** parseQuantity returns NaN for text that is not a quantity. */
export function parseQuantity(text: string | number | undefined): number {
  if (text === undefined) return 0;
  if (typeof text === 'number') return text;
  const match = QUANTITY.exec(text.trim());
  if (!match) return NaN;
  const base = Number(match[1]);
  if (match[3] !== undefined) return base * 10 ** Number(match[3]);
  return base * SUFFIX[match[2] ?? ''];
}

export function isQuantity(text: string): boolean {
  return !Number.isNaN(parseQuantity(text));
}

/** milliValue is ceil(value × 1000), as Quantity.MilliValue (e.g. cpu `100m` → 100). */
export function milliValue(text: string | number | undefined): number {
  return Math.ceil(Math.round(parseQuantity(text) * 1e9) / 1e6);
}

/** value is ceil(value) in base units, as Quantity.Value (e.g. memory `128Mi` → 134217728). */
export function value(text: string | number | undefined): number {
  return Math.ceil(Math.round(parseQuantity(text) * 1e3) / 1e3);
}
