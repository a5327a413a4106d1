// Prometheus' text exposition format as client_golang's registry writes a /metrics page: families
// sorted by name, each with its HELP and TYPE lines, then its samples (series sorted by their
// label values, label names in order), values as strconv 'g' writes them.
import { formatFloatG } from '../../go/strconv';

export type MetricType = 'counter' | 'gauge' | 'histogram';

/** MetricFamily is one metric's HELP, TYPE and sample lines (already written). */
export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  samples: string[];
}

/** writeFamilies writes a page: families by name, as the registry gathers them. */
export function writeFamilies(families: MetricFamily[]): string {
  let out = '';
  for (const { name, type, help, samples } of [...families].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    out += `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`;
    for (const sample of samples) out += `${sample}\n`;
  }
  return out;
}

/** labelText writes `{a="1",b="2"}` from pairs already in label-name order ('' for none). */
function labelText(labels: ReadonlyArray<readonly [string, string]>): string {
  return labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

/** sample writes one `name{labels} value` line. */
export function sample(name: string, value: number, labels: ReadonlyArray<readonly [string, string]> = []): string {
  return `${name}${labelText(labels)} ${formatFloatG(value)}`;
}
