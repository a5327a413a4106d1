// Mirrors kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
// SetDefaults_Container, SetDefaults_Probe, SetDefaults_*VolumeSource, SetDefaults_ResourceList)
// and the traversal of pkg/apis/core/v1/zz_generated.defaults.go (SetObjectDefaults_Pod,
// ContainerPort.protocol `+default="TCP"`, GRPCAction.service `+default=""`), v1.32.
import type { Container, Pod, PodSpec, Probe, Volume } from 'kubernetes-types/core/v1';
import { canonicalQuantity } from '../../validation/quantity';

/** DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS is v1.DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** DEFAULT_MODE_0644 is the 0644 default of secret/configMap/downwardAPI/projected volumes. */
export const DEFAULT_MODE_0644 = 420;

/**
 * imageTag returns the tag parsers.ParseImageName finds: `latest` when neither tag nor digest is
 * given, '' for digest-only references.
 */
export function imageTag(image: string): string {
  const [name, digest] = image.split('@');
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  if (colon >= 0) return lastPart.slice(colon + 1);
  return digest !== undefined ? '' : 'latest';
}

/** setDefaultsResourceList rounds every quantity up to milli and stores the canonical text. */
export function setDefaultsResourceList(list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const k of Object.keys(list)) {
    const text = canonicalQuantity(String(list[k]));
    if (text !== undefined) list[k] = text;
  }
}

/** setDefaultsProbe: timeout 1 s, period 10 s, success 1, failure 3; httpGet path `/`, scheme HTTP. */
export function setDefaultsProbe(probe: Probe | undefined): void {
  if (!probe) return;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  if (probe.httpGet) {
    if (!probe.httpGet.path) probe.httpGet.path = '/';
    if (!probe.httpGet.scheme) probe.httpGet.scheme = 'HTTP';
  }
  if (probe.grpc && probe.grpc.service === undefined) probe.grpc.service = '';
}

/** setDefaultsContainer: pull policy by tag, termination message path/policy, ports, probes, resources. */
export function setDefaultsContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = 'TCP';
  for (const env of c.env ?? []) {
    const ref = env.valueFrom?.fieldRef;
    if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
  }
  if (c.resources) {
    setDefaultsResourceList(c.resources.limits);
    setDefaultsResourceList(c.resources.requests);
  }
  setDefaultsProbe(c.livenessProbe);
  setDefaultsProbe(c.readinessProbe);
  setDefaultsProbe(c.startupProbe);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) {
    if (handler?.httpGet) {
      if (!handler.httpGet.path) handler.httpGet.path = '/';
      if (!handler.httpGet.scheme) handler.httpGet.scheme = 'HTTP';
    }
  }
}

const SOURCE_KEYS = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI',
  'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

/** setDefaultsVolume: emptyDir when no source, 0644 modes, hostPath type '', token expiry 3600 s. */
export function setDefaultsVolume(v: Volume): void {
  const record = v as unknown as Record<string, unknown>;
  if (!SOURCE_KEYS.some((k) => record[k] !== undefined && record[k] !== null)) v.emptyDir = {};
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = DEFAULT_MODE_0644;
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = DEFAULT_MODE_0644;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = DEFAULT_MODE_0644;
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = DEFAULT_MODE_0644;
    for (const src of v.projected.sources ?? []) {
      for (const item of src.downwardAPI?.items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
      if (src.serviceAccountToken && src.serviceAccountToken.expirationSeconds === undefined) src.serviceAccountToken.expirationSeconds = 3600;
    }
  }
  if (v.iscsi && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = 'default';
  if (v.emptyDir?.sizeLimit !== undefined) {
    const text = canonicalQuantity(String(v.emptyDir.sizeLimit));
    if (text) v.emptyDir.sizeLimit = text;
  }
}

/**
 * setDefaultsPodSpec is SetDefaults_PodSpec plus the generated traversal of volumes and containers.
 * It applies to every PodSpec, including templates inside Deployments and Jobs.
 */
export function setDefaultsPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  }
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const v of spec.volumes ?? []) setDefaultsVolume(v);
  for (const c of spec.initContainers ?? []) setDefaultsContainer(c);
  for (const c of spec.containers ?? []) setDefaultsContainer(c);
  for (const c of spec.ephemeralContainers ?? []) setDefaultsContainer(c as Container);
  setDefaultsResourceList(spec.overhead);
}

function copyLimitsToRequests(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    c.resources!.requests ??= {};
    for (const k of Object.keys(limits)) if (!(k in c.resources!.requests!)) c.resources!.requests![k] = limits[k];
  }
}

/**
 * setDefaultsPod is SetDefaults_Pod then the PodSpec defaults: requests default to limits,
 * enableServiceLinks true, host ports mirror container ports under hostNetwork.
 */
export function setDefaultsPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  copyLimitsToRequests(spec.containers);
  copyLimitsToRequests(spec.initContainers);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  setDefaultsPodSpec(spec);
}
