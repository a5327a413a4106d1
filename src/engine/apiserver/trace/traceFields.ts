// The fields the apiserver's handler traces carry, after k8s.io/apiserver
// pkg/endpoints/handlers/trace_util.go traceFields (accept, audit-id, client, the request's
// group/version/name/subresource/namespace added in kubernetes#120388, protocol, resource, scope,
// url, user-agent, verb) and the etcd3 store's (audit-id, key, type, resource).
import { groupResource, type ResourceInfo } from '../../api/resources';
import { cleanScope, cleanVerb } from '../metrics/apiserverMetrics';
import type { ApiRequest } from '../request';
import type { TraceField } from './trace';

/** RELEASE: the version and short commit every v1.32.4 binary puts in its User-Agent. */
const RELEASE = 'v1.32.4 (linux/amd64) kubernetes/59526cd';


/** RequestParty is who sent a request: its source address, for the `client:` field. */
export interface RequestParty {
  clientIP: string;
  auditID: string;
}

/** handlerFields are traceFields(req) as a handler span's fields. */
export function handlerFields(req: ApiRequest, info: ResourceInfo, party: RequestParty): TraceField[] {
  const name = req.verb === 'create' && !req.subresource ? '' : (req.name ?? '');
  return [
    ['accept', req.component === 'kubectl' ? 'application/json, */*' : 'application/vnd.kubernetes.protobuf, */*'],
    ['audit-id', party.auditID],
    ['client', party.clientIP],
    ['api-group', info.group],
    ['api-version', info.version],
    ['name', name],
    ['subresource', req.subresource ?? ''],
    ['namespace', info.namespaced ? (req.namespace ?? '') : ''],
    ['protocol', 'HTTP/2.0'],
    ['resource', info.resource],
    ['scope', cleanScope(req, info)],
    ['url', requestURL(info, req, name)],
    ['user-agent', userAgent(req)],
    ['verb', cleanVerb(req.verb)],
  ];
}

/** storageFields are the etcd3 store span's fields. */
export function storageFields(info: ResourceInfo, key: string, auditID: string): TraceField[] {
  return [
    ['audit-id', auditID],
    ['key', key],
    ['type', `*${internalPackage(info.group)}.${info.kind}`],
    ['resource', groupResource(info)],
  ];
}

function requestURL(info: ResourceInfo, req: ApiRequest, name: string): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const ns = info.namespaced && req.namespace ? `/namespaces/${req.namespace}` : '';
  const object = name ? `/${name}${req.subresource ? `/${req.subresource}` : ''}` : '';
  return `${base}${ns}/${info.resource}${object}`;
}

/**
 * userAgent is rest.DefaultKubernetesUserAgent per component; kube-controller-manager's
 * per-controller clients append their service account (--use-service-account-credentials).
 */
function userAgent(req: ApiRequest): string {
  const component = req.component;
  if (component === 'kubectl') return `kubectl/${RELEASE}`;
  if (component.startsWith('kubelet')) return `kubelet/${RELEASE}`;
  if (component === 'kube-scheduler') return `kube-scheduler/${RELEASE}/scheduler`;
  if (component.startsWith('kube-proxy')) return `kube-proxy/${RELEASE}`;
  if (req.user.username.startsWith('system:serviceaccount:kube-system:')) return `kube-controller-manager/${RELEASE}/${req.user.username}`;
  if (req.user.username === 'system:kube-controller-manager') return `kube-controller-manager/${RELEASE}`;
  return `${component.split('/')[0]}/${RELEASE}`;
}

/** internalPackage names the internal API package a group's types live in (core, apps, coordination, ...). */
function internalPackage(group: string): string {
  return group === '' ? 'core' : group.split('.')[0];
}
