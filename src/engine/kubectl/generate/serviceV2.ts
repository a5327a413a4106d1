// Mirrors staging/src/k8s.io/kubectl/pkg/generate/versioned/service.go generateService (the
// "service/v2" generator `kubectl run --expose` uses) and generate.ParseLabels.
import { goQuote } from '../args/goStrconv';
import type { JsonObject } from '../printers/json';

/** parseGeneratorLabels mirrors generate.ParseLabels: `k=v,k2=v2` (exactly one `=` each). */
export function parseGeneratorLabels(spec: string): JsonObject | Error {
  if (spec.length === 0) return new Error('no label spec passed');
  const labels: JsonObject = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) return new Error(`unexpected label spec: ${item}`);
    if (kv[0].length === 0) return new Error('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** ServiceV2Params are the string params `kubectl run --expose` hands the generator. */
export interface ServiceV2Params {
  name: string;
  selector: string;
  labels: string;
  port: string;
}

/** generateServiceV2 builds the ClusterIP service for `kubectl run --expose --port=N`. */
export function generateServiceV2(params: ServiceV2Params): JsonObject | Error {
  if (params.selector.length === 0) return new Error("'selector' is a required parameter");
  const selector = parseGeneratorLabels(params.selector);
  if (selector instanceof Error) return selector;
  const labels = params.labels.length > 0 ? parseGeneratorLabels(params.labels) : null;
  if (labels instanceof Error) return labels;
  const portStrings = params.port === '' ? [] : params.port.split(',');
  const ports: JsonObject[] = [];
  for (const [i, text] of portStrings.entries()) {
    if (!/^[+-]?\d+$/.test(text)) return new Error(`strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
    const port = Number(text);
    ports.push({ name: portStrings.length > 1 ? `port-${i + 1}` : '', protocol: 'TCP', port, targetPort: port });
  }
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: params.name, labels },
    spec: { ports, selector },
  };
}
