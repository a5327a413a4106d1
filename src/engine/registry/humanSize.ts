// Mirrors github.com/docker/go-units size.go HumanSizeWithPrecision(size, 3), which `docker
// images` and `crictl images` use: decimal units, three significant digits (`67.7MB`, `320kB`).

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** humanSize prints bytes the way crictl's SIZE column does. */
export function humanSize(sizeBytes: number): string {
  let size = sizeBytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${goG3(size)}${UNITS[unit]}`;
}

/** goG3 is Go's %.3g: three significant digits, trailing zeros dropped, exponent when ≥ 1000. */
function goG3(value: number): string {
  const text = value.toPrecision(3);
  if (text.includes('e')) {
    const [mantissa, exponent] = text.split('e');
    const exp = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, '')}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
