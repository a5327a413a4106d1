// A handled request's Trace, with the span names and events of the v1.32 handlers
// (k8s.io/apiserver pkg/endpoints/handlers create.go, update.go, patch.go, delete.go, get.go) and
// of the etcd3 store's Create and GuaranteedUpdate (pkg/storage/etcd3/store.go), as the
// apiserver tracing integration test lists them (test/integration/apiserver/tracing).
import type { ResourceInfo } from '../../api/resources';
import type { ApiRequest, ApiResult } from '../request';
import type { RequestSpan, StorageSpan } from './requestSpan';
import { Trace, type TraceField } from './trace';
import { handlerFields, storageFields, type RequestParty } from './traceFields';

/** HANDLER_THRESHOLD_MS: every handler and etcd3 span ends with span.End(500 * time.Millisecond). */
export const HANDLER_THRESHOLD_MS = 500;

const SPAN_NAME: Partial<Record<ApiRequest['verb'], string>> = { get: 'Get', create: 'Create', update: 'Update', patch: 'Patch', delete: 'Delete' };

/** tracedVerb: the verbs whose handlers open a span the server logs when slow. */
export function tracedVerb(verb: ApiRequest['verb']): boolean {
  return SPAN_NAME[verb] !== undefined;
}

/** requestTrace rebuilds the handler's Trace from what the span recorded. */
export function requestTrace(req: ApiRequest, info: ResourceInfo, span: RequestSpan, result: ApiResult<unknown>, endMs: number, party: RequestParty): Trace {
  const trace = new Trace(SPAN_NAME[req.verb] ?? 'Get', handlerFields(req, info, party), span.startMs);
  const start = span.startMs;
  const failure = result.ok ? undefined : (result.status.message ?? '');
  const bodyLen = (): number => (req.body ? JSON.stringify(req.body).length : 0);
  const nestAll = (after?: (storage: StorageSpan) => void) => {
    for (const storage of span.storage) {
      nestStorage(trace, storage, info, party.auditID, endMs);
      after?.(storage);
    }
  };
  const respond = () => {
    trace.step('About to write a response', endMs);
    trace.step('Writing http response done', endMs);
  };
  switch (req.verb) {
    case 'create':
    case 'update':
      for (const msg of ['limitedReadBody succeeded', 'About to convert to expected version', 'Conversion done', 'About to store object in database']) trace.step(msg, start);
      nestAll();
      if (failure === undefined) {
        trace.step('Write to database call succeeded', endMs, [['len', bodyLen()]]);
        respond();
      } else trace.step('Write to database call failed', endMs, [['len', bodyLen()], ['err', failure]]);
      break;
    case 'patch':
      trace.step('limitedReadBody succeeded', start);
      trace.step('Recorded the audit event', start);
      nestAll((storage) => {
        // The patch is applied inside GuaranteedUpdate's tryUpdate, on the handler's span.
        const applyMs = storage.attempts[0]?.startMs ?? storage.startMs;
        trace.step('About to apply patch', applyMs);
        trace.step('About to check admission control', applyMs);
      });
      if (failure === undefined) {
        trace.step('Object stored in database', endMs);
        respond();
      }
      break;
    case 'delete':
      for (const msg of ['limitedReadBody succeeded', 'Decoded delete options', 'Recorded the audit event', 'About to delete object from database']) trace.step(msg, start);
      nestAll();
      if (failure === undefined) {
        trace.step('Object deleted from database', endMs);
        respond();
      }
      break;
    default:
      trace.step('About to Get from storage', start);
      if (failure === undefined) respond();
  }
  trace.end(endMs, HANDLER_THRESHOLD_MS);
  return trace;
}

/** nestStorage adds a store call as the nested `Create etcd3` / `GuaranteedUpdate etcd3` trace. */
function nestStorage(parent: Trace, storage: StorageSpan, info: ResourceInfo, auditID: string, endMs: number): void {
  const nested = parent.nest(`${storage.op} etcd3`, storageFields(info, storage.key, auditID), storage.startMs);
  const len: TraceField[] = [['len', storage.value ? JSON.stringify(storage.value).length : 0]];
  if (storage.op === 'GuaranteedUpdate') nested.step('initial value restored', storage.startMs);
  for (const attempt of storage.attempts) {
    nested.step('About to Encode', attempt.startMs);
    nested.step('Encode succeeded', attempt.startMs, len);
    if (attempt.outcome === 'unchanged') break;
    nested.step('TransformToStorage succeeded', attempt.startMs);
    if (storage.op === 'GuaranteedUpdate') nested.step('Transaction prepared', attempt.startMs);
    if (attempt.outcome === 'error') {
      nested.step('Txn call failed', attempt.endMs, [['err', attempt.error ?? '']]);
      break;
    }
    if (storage.op === 'Create') {
      nested.step('Txn call succeeded', attempt.endMs);
      if (attempt.outcome === 'committed') nested.step('decode succeeded', attempt.endMs, len);
      continue;
    }
    nested.step('Txn call completed', attempt.endMs);
    nested.step('Transaction committed', attempt.endMs);
    if (attempt.outcome === 'conflict') nested.step('Retry value restored', attempt.endMs);
    else nested.step('decode succeeded', attempt.endMs, len);
  }
  nested.end(storage.endMs ?? endMs, HANDLER_THRESHOLD_MS);
}
