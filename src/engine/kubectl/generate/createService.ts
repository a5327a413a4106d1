// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go
// (ServiceOptions.Validate, createService, parsePorts). Note: create service never reads
// --save-config, so the flag is accepted and ignored, as in kubectl.
import { listFlag, numberFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError, type KubectlUsageError } from '../args/errors';
import { goQuote } from '../args/goStrconv';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../args/validation';
import type { JsonObject, JsonValue } from '../printers/json';
import type { GenerateContext, GenerateResult } from './context';
import { createPreamble, finishCreate, namespaceIfEnforced } from './createCommon';

const SERVICE_TYPES: Record<string, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

/** parsePort mirrors k8s.io/utils/net ParsePort(port, allowZero=true). */
function parsePort(text: string): number | Error {
  if (!/^\d+$/.test(text)) return new Error(`strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`);
  const n = Number(text);
  return n > 65535 ? new Error(`strconv.ParseUint: parsing ${goQuote(text)}: value out of range`) : n;
}

/** parsePorts mirrors create_service.go parsePorts: `port[:targetPort]`. */
export function parsePorts(spec: string): { port: number; targetPort: JsonValue } | Error {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (port instanceof Error) return port;
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (!/^[+-]?\d+$/.test(target)) {
    const errs = isValidPortName(target);
    return errs.length > 0 ? new Error(errs.join(',')) : { port, targetPort: target };
  }
  const num = Number(target);
  const errs = isValidPortNum(num);
  return errs.length > 0 ? new Error(errs.join(',')) : { port, targetPort: num };
}

function validate(type: string, clusterIP: string, tcp: string[], externalName: string): KubectlUsageError | undefined {
  if (clusterIP === 'None' && type !== 'ClusterIP') return cmdError('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') {
    return cmdError('at least one tcp port specifier must be provided');
  }
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0) {
    return cmdError(`invalid service external name ${externalName}`);
  }
  return undefined;
}

/** createService builds `kubectl create service clusterip|nodeport|loadbalancer|externalname`. */
export function createService(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const type = SERVICE_TYPES[cmd.path[2]];
  const tcp = listFlag(cmd, 'tcp');
  const clusterIP = stringFlag(cmd, 'clusterip');
  const externalName = stringFlag(cmd, 'external-name');
  const invalid = validate(type, clusterIP, tcp, externalName);
  if (invalid) return invalid;
  const ports: JsonObject[] = [];
  for (const spec of tcp) {
    const parsed = parsePorts(spec);
    if (parsed instanceof Error) return cmdError(parsed.message);
    const nodePort = numberFlag(cmd, 'node-port');
    ports.push({ name: spec.replace(/:/g, '-'), protocol: 'TCP', port: parsed.port, targetPort: parsed.targetPort, nodePort });
  }
  const spec: JsonObject = { ports, selector: { app: pre.name }, type, externalName };
  if (clusterIP.length > 0) spec.clusterIP = clusterIP;
  const service: JsonObject = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '', labels: { app: pre.name } },
    spec,
  };
  return finishCreate(cmd, pre, service, false);
}
