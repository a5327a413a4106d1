// Mirrors kubernetes pkg/apis/core/validation/validation.go (v1.32): validateContainerCommon,
// validateContainerPorts, ValidateEnv, ValidateVolumeMounts, probes/handlers, validatePullPolicy,
// validateResourceRequirements. Only the fields k8sim models are checked.
import type { Container, ContainerPort, Probe } from 'kubernetes-types/core/v1';
import {
  fieldDuplicate,
  fieldForbidden,
  fieldInvalid,
  fieldNotFound,
  fieldNotSupported,
  fieldRequired,
  type FieldError,
} from '../../api/status';
import { isDNS1123Label, isHTTPHeaderName, isQualifiedName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names';
import { sortedKeys, validateNonnegativeField } from './objectMeta';
import { child, index, key } from './path';
import { compareQuantity, formatQuantity, milliValue, parseQuantity } from './quantity';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
/** STANDARD_QUOTA_RESOURCES is helper.standardQuotaResources (names without a '/'). */
export const STANDARD_QUOTA_RESOURCES = [
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers', 'requests.cpu',
  'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage', 'cpu', 'memory', 'ephemeral-storage',
];
const STANDARD_RESOURCES = [...STANDARD_QUOTA_RESOURCES, 'storage'];
const isHugePages = (name: string): boolean => /^(requests\.|limits\.)?hugepages-/.test(name);

/** validateDNS1123Label reports each IsDNS1123Label message at `path`. */
export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => fieldInvalid(path, value, msg));
}

function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) msgs.forEach((msg) => errs.push(fieldInvalid(child(p, 'name'), port.name!, msg)));
      else if (names.has(port.name)) errs.push(fieldDuplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(fieldRequired(child(p, 'containerPort'), ''));
    else isValidPortNum(port.containerPort).forEach((msg) => errs.push(fieldInvalid(child(p, 'containerPort'), port.containerPort, msg)));
    if (port.hostPort) isValidPortNum(port.hostPort).forEach((msg) => errs.push(fieldInvalid(child(p, 'hostPort'), port.hostPort!, msg)));
    if (!port.protocol) errs.push(fieldRequired(child(p, 'protocol'), ''));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(fieldNotSupported(child(p, 'protocol'), port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Container['env'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(fieldRequired(child(p, 'name'), ''));
    else isRelaxedEnvVarName(ev.name).forEach((msg) => errs.push(fieldInvalid(child(p, 'name'), ev.name, msg)));
    if (ev.valueFrom) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(
        (s) => (ev.valueFrom as Record<string, unknown>)[s] !== undefined,
      ).length;
      const vp = child(p, 'valueFrom');
      if (sources === 0) errs.push(fieldInvalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      else if (ev.value) errs.push(fieldInvalid(vp, '', 'may not be specified when `value` is not empty'));
      else if (sources > 1) errs.push(fieldInvalid(vp, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

function validateVolumeMounts(c: Container, volumeNames: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(fieldRequired(child(p, 'name'), ''));
    if (!volumeNames.has(m.name)) errs.push(fieldNotFound(child(p, 'name'), m.name));
    if (!m.mountPath) errs.push(fieldRequired(child(p, 'mountPath'), ''));
    if (mountPoints.has(m.mountPath)) errs.push(fieldInvalid(child(p, 'mountPath'), m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
  });
  return errs;
}

function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => fieldInvalid(path, port, msg));
  return isValidPortName(port).map((msg) => fieldInvalid(path, port, msg));
}

function validateHandler(probe: Probe, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const one = (name: string, check: () => FieldError[]): void => {
    if (handlers > 0) errs.push(fieldForbidden(child(path, name), 'may not specify more than 1 handler type'));
    else {
      handlers += 1;
      errs.push(...check());
    }
  };
  if (probe.exec) one('exec', () => ((probe.exec!.command ?? []).length === 0 ? [fieldRequired(child(path, 'exec', 'command'), '')] : []));
  if (probe.httpGet) {
    one('httpGet', () => {
      const hp = child(path, 'httpGet');
      const out: FieldError[] = [];
      if (!probe.httpGet!.path) out.push(fieldRequired(child(hp, 'path'), ''));
      out.push(...validatePortNumOrName(probe.httpGet!.port, child(hp, 'port')));
      const scheme = probe.httpGet!.scheme ?? '';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') out.push(fieldNotSupported(child(hp, 'scheme'), scheme, ['HTTP', 'HTTPS']));
      for (const h of probe.httpGet!.httpHeaders ?? []) isHTTPHeaderName(h.name).forEach((msg) => out.push(fieldInvalid(child(hp, 'httpHeaders'), h.name, msg)));
      return out;
    });
  }
  if (probe.tcpSocket) one('tcpSocket', () => validatePortNumOrName(probe.tcpSocket!.port, child(path, 'tcpSocket', 'port')));
  if (probe.grpc) one('grpc', () => validatePortNumOrName(probe.grpc!.port, child(path, 'grpc', 'port')));
  if (handlers === 0) errs.push(fieldRequired(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: Probe | undefined, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...validateNonnegativeField(probe[f] ?? 0, child(path, f)));
  }
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(fieldInvalid(child(path, 'terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind !== 'readiness' && (probe.successThreshold ?? 0) !== 1) {
    errs.push(fieldInvalid(child(path, 'successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  }
  if (kind === 'readiness' && probe.terminationGracePeriodSeconds !== undefined) {
    errs.push(fieldInvalid(child(path, 'terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

/** validateResourceName is validateResourceName: qualified, and standard when unprefixed. */
export function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => fieldInvalid(path, name, msg));
  if (errs.length > 0) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.includes(name) && !isHugePages(name)) {
    errs.push(fieldInvalid(path, name, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.includes(name) && !/^hugepages-/.test(name)) {
    errs.push(fieldInvalid(path, name, 'must be a standard resource for containers'));
  }
  return errs;
}

/** validateQuantityValue is ValidateNonnegativeQuantity on the parsed value. */
export function validateQuantityValue(text: string, path: string): FieldError[] {
  const q = parseQuantity(text);
  if (!q) return [fieldInvalid(path, text, 'must be a valid resource quantity')];
  if (q.num < 0n) return [fieldInvalid(path, formatQuantity(q), 'must be greater than or equal to 0')];
  return [];
}

/** validateResourceRequirements: names, non-negative quantities, requests ≤ limits. */
export function validateResourceRequirements(res: Container['resources'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = (res?.limits ?? {}) as Record<string, string>;
  const requests = (res?.requests ?? {}) as Record<string, string>;
  for (const name of sortedKeys(limits)) {
    errs.push(...validateContainerResourceName(name, key(child(path, 'limits'), name)));
    errs.push(...validateQuantityValue(String(limits[name]), key(child(path, 'limits'), name)));
  }
  for (const name of sortedKeys(requests)) {
    const rp = key(child(path, 'requests'), name);
    errs.push(...validateContainerResourceName(name, rp));
    errs.push(...validateQuantityValue(String(requests[name]), rp));
    const req = parseQuantity(String(requests[name]));
    const lim = name in limits ? parseQuantity(String(limits[name])) : undefined;
    if (req && lim && compareQuantity(req, lim) > 0) {
      errs.push(fieldInvalid(child(path, 'requests'), formatQuantity(req), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`));
    }
  }
  return errs;
}

/** validateContainerCommon is what regular and init containers share. */
export function validateContainerCommon(c: Container, volumeNames: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(fieldRequired(child(path, 'name'), ''));
  else errs.push(...validateDNS1123Label(c.name, child(path, 'name')));
  if (!c.image) errs.push(fieldRequired(child(path, 'image'), ''));
  const tmp = c.terminationMessagePolicy ?? '';
  if (tmp === '') errs.push(fieldRequired(child(path, 'terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(fieldNotSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateVolumeMounts(c, volumeNames, child(path, 'volumeMounts')));
  const pull = c.imagePullPolicy ?? '';
  if (pull === '') errs.push(fieldRequired(child(path, 'imagePullPolicy'), ''));
  else if (!PULL_POLICIES.includes(pull)) errs.push(fieldNotSupported(child(path, 'imagePullPolicy'), pull, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, child(path, 'resources')));
  return errs;
}

/** validateContainers checks the regular containers list (required, unique names, probes, host ports). */
export function validateContainers(containers: Container[] | undefined, volumeNames: ReadonlySet<string>, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [fieldRequired(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumeNames, p));
    if (names.has(c.name)) errs.push(fieldDuplicate(child(p, 'name'), c.name));
    else names.add(c.name);
    errs.push(...validateProbe(c.livenessProbe, child(p, 'livenessProbe'), 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, child(p, 'readinessProbe'), 'readiness'));
    errs.push(...validateProbe(c.startupProbe, child(p, 'startupProbe'), 'startup'));
    if ((c as { restartPolicy?: string }).restartPolicy !== undefined) {
      errs.push(fieldForbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/** validateInitContainers: names unique across init and regular containers, no probes unless sidecar. */
export function validateInitContainers(inits: Container[] | undefined, regular: Container[] | undefined, volumeNames: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumeNames, p));
    const restartPolicy = (c as { restartPolicy?: string }).restartPolicy;
    if (restartPolicy !== undefined && restartPolicy !== 'Always') errs.push(fieldNotSupported(child(p, 'restartPolicy'), restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(fieldDuplicate(child(p, 'name'), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartPolicy === 'Always') {
      errs.push(...validateProbe(c.livenessProbe, child(p, 'livenessProbe'), 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, child(p, 'readinessProbe'), 'readiness'));
      errs.push(...validateProbe(c.startupProbe, child(p, 'startupProbe'), 'startup'));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f] !== undefined) errs.push(fieldForbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function checkHostPortConflicts(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const id = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(id)) errs.push(fieldDuplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), id));
      else seen.add(id);
    });
  });
  return errs;
}

/** integerResource tells whether a quota/limit value must be a whole number (milli check). */
export function isWholeQuantity(text: string): boolean {
  const q = parseQuantity(text);
  return q !== undefined && milliValue(q) % 1000n === 0n;
}
