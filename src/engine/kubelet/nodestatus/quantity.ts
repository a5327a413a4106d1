// Canonical Quantity text for amounts the kubelet reports in node.status (apimachinery
// resource.Quantity String with BinarySI / DecimalSI formats).

const BINARY_SUFFIXES: Array<[string, number]> = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];

/**
 * formatBinarySI prints bytes with the largest binary suffix that divides them exactly, or as a
 * plain integer: 8589934592 → "8Gi", 8482197504 → "8089Mi", 1500 → "1500".
 */
export function formatBinarySI(bytes: number): string {
  const whole = Math.round(bytes);
  for (const [suffix, factor] of BINARY_SUFFIXES) if (whole >= factor && whole % factor === 0) return `${whole / factor}${suffix}`;
  return String(whole);
}

/** formatMilliCPU prints millicores as cores when whole ("4") or with the m suffix ("3500m"). */
export function formatMilliCPU(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
