// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (RunExpose, createService,
// parseLabels): a Service built from the exposed object's selector, ports and protocols.
import { boolFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import { goQuote } from '../args/goStrconv';
import type { JsonObject, JsonValue } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult, generated, resolveNamespace } from './context';
import { canBeExposed, makeLabels, mapBasedSelectorForObject, multiProtocolsForObject, portsForObject } from './exposeIntrospect';
import { applyOverrides } from './overrides';
import { applySaveConfig } from './saveConfig';
import { parseGeneratorLabels } from './serviceV2';

interface ExposeInputs {
  name: string;
  selector: string;
  labels: string;
  port: string;
  protocols: Map<string, string[]>;
}

function intstrParse(text: string): JsonValue {
  return /^[+-]?\d+$/.test(text) ? Number(text) : text;
}

/** buildPorts mirrors the port loop of createService, including multi-protocol ports. */
function buildPorts(cmd: ParsedCommand, inputs: ExposeInputs): JsonObject[] | Error {
  const portStrings = inputs.port === '' ? [] : inputs.port.split(',');
  const ports: JsonObject[] = [];
  for (const [i, text] of portStrings.entries()) {
    if (!/^[+-]?\d+$/.test(text)) return new Error(`strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
    const port = Number(text);
    const name = portStrings.length > 1 ? `port-${i + 1}` : '';
    let protocol = stringFlag(cmd, 'protocol');
    if (protocol === '') {
      const found = inputs.protocols.get(text);
      protocol = 'TCP';
      if (found && found.length === 1) protocol = found[0];
      else if (found && found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        continue;
      }
    }
    ports.push({ name, port, protocol });
  }
  return ports;
}

/** createExposeService mirrors ExposeServiceOptions.createService. */
function createExposeService(cmd: ParsedCommand, inputs: ExposeInputs): JsonObject | Error {
  const selector = parseGeneratorLabels(inputs.selector);
  if (selector instanceof Error) return selector;
  const labels = inputs.labels.length > 0 ? parseGeneratorLabels(inputs.labels) : null;
  if (labels instanceof Error) return labels;
  const ports = buildPorts(cmd, inputs);
  if (ports instanceof Error) return ports;
  const targetPort = stringFlag(cmd, 'target-port');
  for (const p of ports) p.targetPort = targetPort.length > 0 ? intstrParse(targetPort) : p.port;
  const spec: JsonObject = { ports, selector };
  if (stringFlag(cmd, 'external-ip')) spec.externalIPs = [stringFlag(cmd, 'external-ip')];
  if (stringFlag(cmd, 'type')) spec.type = stringFlag(cmd, 'type');
  if (spec.type === 'LoadBalancer') spec.loadBalancerIP = stringFlag(cmd, 'load-balancer-ip');
  const affinity = stringFlag(cmd, 'session-affinity');
  if (affinity !== '') {
    if (affinity !== 'None' && affinity !== 'ClientIP') return new Error(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (stringFlag(cmd, 'cluster-ip')) spec.clusterIP = stringFlag(cmd, 'cluster-ip');
  return { kind: 'Service', apiVersion: 'v1', metadata: { name: inputs.name, labels }, spec };
}

/** introspect fills selector, port, protocols and labels from the exposed object. */
function introspect(cmd: ParsedCommand, source: JsonObject): ExposeInputs | Error {
  const sourceName = String((source.metadata as JsonObject | undefined)?.name ?? '').slice(0, 63);
  let selector = stringFlag(cmd, 'selector');
  if (selector === '') {
    const s = mapBasedSelectorForObject(source);
    if (s instanceof Error) return new Error(`couldn't retrieve selectors via --selector flag or introspection: ${s.message}`);
    selector = s;
  }
  let port = stringFlag(cmd, 'port');
  if (port === '') {
    const ports = portsForObject(source);
    if (ports.length === 0 && stringFlag(cmd, 'cluster-ip') !== 'None') {
      return new Error("couldn't find port via --port flag or introspection");
    }
    port = ports.join(',');
  }
  let labels = stringFlag(cmd, 'labels');
  if (labels === '') labels = makeLabels(((source.metadata as JsonObject | undefined)?.labels ?? {}) as JsonObject);
  if (selector === '') return new Error('selector must be specified');
  const name = stringFlag(cmd, 'name') || sourceName;
  if (name === '') return new Error('name must be specified');
  return { name, selector, labels, port, protocols: multiProtocolsForObject(source) };
}

/** generateExpose builds the Service `kubectl expose` creates for ctx.source. */
export function generateExpose(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const source = ctx.source;
  if (!source) return cmdError('expose needs the object to expose (GenerateContext.source)');
  const notExposable = canBeExposed(source);
  if (notExposable) return cmdError(notExposable);
  const inputs = introspect(cmd, source);
  if (inputs instanceof Error) return cmdError(inputs.message);
  const generatedService = createExposeService(cmd, inputs);
  if (generatedService instanceof Error) return cmdError(generatedService.message);
  const service = applyOverrides(cmd, generatedService, 'Service');
  if (service instanceof Error) return cmdError(service.message);
  const ns = resolveNamespace(cmd, ctx);
  if (prep.dryRun === 'client' && ns.enforce) service.metadata = { ...(service.metadata as JsonObject), namespace: ns.namespace };
  return generated(cmd, [applySaveConfig(service, prep.dryRun !== 'client' && boolFlag(cmd, 'save-config'))], prep, 'exposed');
}
