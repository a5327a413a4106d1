// Mirrors staging/src/k8s.io/kubectl/pkg/util/apply.go CreateOrUpdateAnnotation /
// CreateApplyAnnotation / GetModifiedConfiguration: with --save-config the object carries
// kubectl.kubernetes.io/last-applied-configuration = its own compact JSON (with any old
// annotation value removed first) plus a newline, as scheme.DefaultJSONEncoder writes it.
import { type JsonObject, marshalJsonCompact } from '../printers/json';
import { marshalTyped } from './goMarshal';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

function withAnnotations(obj: JsonObject, annotations: JsonObject): JsonObject {
  const metadata = { ...(obj.metadata as JsonObject), annotations };
  return { ...obj, metadata };
}

/** applySaveConfig adds the last-applied annotation when `enabled`; returns a typed object. */
export function applySaveConfig(obj: JsonObject, enabled: boolean): JsonObject {
  if (!enabled) return marshalTyped(obj);
  const metadata = (obj.metadata ?? {}) as JsonObject;
  const current = { ...((metadata.annotations ?? {}) as JsonObject) };
  delete current[LAST_APPLIED_ANNOTATION];
  const modified = marshalTyped(withAnnotations(obj, current));
  current[LAST_APPLIED_ANNOTATION] = `${marshalJsonCompact(modified)}\n`;
  return marshalTyped(withAnnotations(obj, current));
}
