import type { Status } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/object';
import type { UserInfo } from './request';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

/** AdmissionAttributes is what each stage sees (k8s.io/apiserver pkg/admission Attributes). */
export interface AdmissionAttributes {
  resource: string;
  subresource?: string;
  operation: Operation;
  namespace?: string;
  name: string;
  object: KubeObject;
  oldObject?: KubeObject;
  user: UserInfo;
}

/**
 * AdmissionHooks are the stages between decoding and storage, in the apiserver's order:
 * defaulting at decode, mutating admission, validation, validating admission. Each returns a
 * Status to refuse the request. The server emits one trace event per stage.
 */
export interface AdmissionHooks {
  setDefaults(resource: string, obj: KubeObject): void;
  mutate(attributes: AdmissionAttributes): Status | undefined;
  validate(attributes: AdmissionAttributes): Status | undefined;
  validateAdmission(attributes: AdmissionAttributes): Status | undefined;
}

export const NO_ADMISSION: AdmissionHooks = {
  setDefaults: () => {},
  mutate: () => undefined,
  validate: () => undefined,
  validateAdmission: () => undefined,
};
