// Golden texts: constructors mirror staging/src/k8s.io/apimachinery/pkg/api/errors/errors_test.go;
// the kubectl lines were produced by the real kubectl v1.32.4 (`kubectl create -f d.yaml`) against
// a 127.0.0.1 stub that answered with exactly these Status bodies.
import { describe, expect, it } from 'vitest';
import {
  ETCD_REQUEST_TIMED_OUT,
  errorBody,
  fieldDuplicate,
  fieldErrorString,
  fieldForbidden,
  fieldInvalid,
  fieldNotFound,
  fieldNotSupported,
  fieldRequired,
  fieldTooLong,
  fieldTooMany,
  goQuote,
  goSyntax,
  groupResourceForKind,
  kubectlErrorText,
  newAlreadyExists,
  newConflict,
  newForbidden,
  newInternalError,
  newInvalid,
  newMethodNotSupported,
  newNotFound,
  newServerTimeout,
  qualifiedResource,
  tooOldResourceVersion,
  unknownError,
} from './status';

const deployments = { group: 'apps', resource: 'deployments' };

describe('Status constructors', () => {
  it('print the group-qualified resource', () => {
    expect(qualifiedResource({ group: '', resource: 'pods' })).toBe('pods');
    expect(qualifiedResource(groupResourceForKind('Deployment'))).toBe('deployments.apps');
    expect(qualifiedResource(groupResourceForKind('HorizontalPodAutoscaler'))).toBe('horizontalpodautoscalers.autoscaling');
    expect(qualifiedResource(groupResourceForKind('PriorityClass'))).toBe('priorityclasses.scheduling.k8s.io');
  });

  it('NotFound / AlreadyExists / Conflict carry reason, code and details', () => {
    expect(newNotFound(deployments, 'web')).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404,
      message: 'deployments.apps "web" not found', details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect(newAlreadyExists(deployments, 'web').message).toBe('deployments.apps "web" already exists');
    expect(newAlreadyExists(deployments, 'web').code).toBe(409);
    const conflict = newConflict(deployments, 'web');
    expect([conflict.code, conflict.reason]).toEqual([409, 'Conflict']);
    expect(conflict.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('Gone, Forbidden, MethodNotAllowed, ServerTimeout, InternalError, unknown errors', () => {
    const gone = tooOldResourceVersion(5, 121);
    expect([gone.code, gone.reason, gone.message]).toEqual([410, 'Expired', 'too old resource version: 5 (120)']);
    expect(newForbidden({ group: '', resource: 'pods' }, 'web', 'x').message).toBe('pods "web" is forbidden: x');
    expect(newForbidden({ group: '', resource: 'pods' }, '', 'x').message).toBe('pods is forbidden: x');
    expect(newForbidden({ group: '', resource: '' }, '', 'x').message).toBe('forbidden: x');
    expect(newMethodNotSupported({ group: '', resource: 'pods' }, 'patch').message).toBe('patch is not supported on resources of kind "pods"');
    expect(newServerTimeout({ group: '', resource: 'pods' }, 'create', 2).message).toBe(
      'The create operation against pods could not be completed at this time, please try again.',
    );
    expect(newInternalError('boom')).toMatchObject({ code: 500, reason: 'InternalError', message: 'Internal error occurred: boom', details: { causes: [{ message: 'boom' }] } });
    const etcd = unknownError(ETCD_REQUEST_TIMED_OUT);
    expect(etcd.reason).toBeUndefined();
    expect([etcd.code, etcd.message]).toEqual([500, 'etcdserver: request timed out']);
  });
});

describe('field.Error rendering (errors_test.go TestMakeFuncs / TestErrorUsefulMessage)', () => {
  it.each([
    [fieldInvalid('metadata.name', 'Bad_Name', 'detail'), 'metadata.name: Invalid value: "Bad_Name": detail'],
    [fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [fieldRequired('spec.containers', ''), 'spec.containers: Required value'],
    [fieldRequired('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    [fieldNotSupported('spec.type', 'x', ['a', 'b']), 'spec.type: Unsupported value: "x": supported values: "a", "b"'],
    [fieldDuplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    [fieldForbidden('spec', 'nope'), 'spec: Forbidden: nope'],
    [fieldTooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    [fieldTooMany('spec.rules', 21, 20), 'spec.rules: Too many: 21: must have at most 20 items'],
    [fieldNotFound('spec.containers[0].volumeMounts[0].name', 'data'), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    [fieldInvalid('spec.x', null, 'd'), 'spec.x: Invalid value: null: d'],
    [fieldInvalid('spec.template.metadata.labels', goSyntax('map[string]string{"app":"y"}'), 'x'), 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: x'],
  ])('%#', (err, text) => {
    expect(fieldErrorString(err)).toBe(text);
    expect(errorBody(err)).toBe(text.slice(err.field.length + 2));
  });

  it('goQuote matches strconv.Quote', () => {
    expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(goQuote('é')).toBe('"é"');
  });
});

describe('Invalid (NewInvalid) and kubectl output', () => {
  const nameErr = fieldInvalid('metadata.name', 'Bad_Name', "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  const replicasErr = fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0');

  it('joins one error inline and several as [a, b], dropping duplicates', () => {
    expect(newInvalid('Deployment', 'apps', 'Bad_Name', [replicasErr]).message).toBe(
      'Deployment.apps "Bad_Name" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    const two = newInvalid('Deployment', 'apps', 'Bad_Name', [nameErr, replicasErr, replicasErr]);
    expect(two.message).toBe(`Deployment.apps "Bad_Name" is invalid: [${fieldErrorString(nameErr)}, ${fieldErrorString(replicasErr)}]`);
    expect(two.details).toEqual({
      name: 'Bad_Name', group: 'apps', kind: 'Deployment',
      causes: [
        { reason: 'FieldValueInvalid', message: errorBody(nameErr), field: 'metadata.name' },
        { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
        { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
      ],
    });
    expect(two.code).toBe(422);
  });

  it('renders what kubectl 1.32.4 printed for the same Status bodies', () => {
    expect(kubectlErrorText(newInvalid('Deployment', 'apps', 'Bad_Name', [replicasErr]))).toBe(
      'The Deployment "Bad_Name" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(kubectlErrorText(newInvalid('Deployment', 'apps', 'Bad_Name', [nameErr, replicasErr]))).toBe(
      `The Deployment "Bad_Name" is invalid: \n* ${fieldErrorString(nameErr)}\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0`,
    );
    const ctx = 'error when creating "/tmp/kx/d.yaml"';
    expect(kubectlErrorText(newAlreadyExists(deployments, 'web'), ctx)).toBe(
      'Error from server (AlreadyExists): error when creating "/tmp/kx/d.yaml": deployments.apps "web" already exists',
    );
    expect(kubectlErrorText(unknownError(ETCD_REQUEST_TIMED_OUT), ctx)).toBe(
      'Error from server: error when creating "/tmp/kx/d.yaml": etcdserver: request timed out',
    );
    expect(kubectlErrorText(newInternalError('failed to allocate a serviceIP: range is full'), ctx)).toBe(
      'Error from server (InternalError): error when creating "/tmp/kx/d.yaml": Internal error occurred: failed to allocate a serviceIP: range is full',
    );
    const svc = newInvalid('Service', '', 'web', [fieldInvalid('spec.ports[0].nodePort', 99999, 'provided port is not in the valid range. The range of valid ports is 30000-32767')]);
    expect(kubectlErrorText(svc)).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 99999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});
