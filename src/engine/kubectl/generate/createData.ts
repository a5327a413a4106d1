// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go and create_secret.go
// (generic): --from-literal / --from-file / --from-env-file into data, key validation and
// duplicate detection, secret values base64-encoded as Go marshals []byte.
import { setOwn } from '../../api/object';
import { boolFlag, listFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import { goQuote } from '../args/goStrconv';
import { isConfigMapKey } from '../args/validation';
import type { JsonObject } from '../printers/json';
import type { GenerateContext, GenerateResult } from './context';
import { type CreatePreamble, createPreamble, finishCreate, namespaceIfEnforced } from './createCommon';
import { parseEnvFile } from './envFile';

/** parseLiteralSource mirrors util.ParseLiteralSource. */
function parseLiteralSource(source: string): [string, string] | Error {
  const eq = source.indexOf('=');
  if (eq <= 0) return new Error(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** parseFileSource mirrors util.ParseFileSource: `[key=]path`. */
function parseFileSource(source: string): [string, string] | Error {
  const separators = source.split('=').length - 1;
  if (separators === 0) return [source.split('/').pop() as string, source];
  if (separators === 1 && source.startsWith('=')) return new Error(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('=')) return new Error(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) return new Error("key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return [key, path];
}

type AddKey = (key: string, value: string) => Error | undefined;

/** collectSources walks literal, file and env-file sources in the order `kind` uses. */
function collectSources(cmd: ParsedCommand, ctx: GenerateContext, add: AddKey, literalFirst: boolean): Error | undefined {
  const literals = (): Error | undefined => {
    for (const src of listFlag(cmd, 'from-literal')) {
      const kv = parseLiteralSource(src);
      const err = kv instanceof Error ? kv : add(kv[0], kv[1]);
      if (err) return err;
    }
    return undefined;
  };
  const files = (): Error | undefined => {
    for (const src of listFlag(cmd, 'from-file')) {
      const kv = parseFileSource(src);
      if (kv instanceof Error) return kv;
      const content = ctx.readFile?.(kv[1]);
      if (content === undefined) return new Error(`error reading ${kv[1]}: no such file or directory`);
      const err = add(kv[0], content);
      if (err) return err;
    }
    return undefined;
  };
  const envFiles = (): Error | undefined => {
    for (const path of listFlag(cmd, 'from-env-file')) {
      const content = ctx.readFile?.(path);
      if (content === undefined) return new Error(`error reading ${path}: no such file or directory`);
      const pairs = parseEnvFile(content);
      if (pairs instanceof Error) return pairs;
      for (const [k, v] of pairs) {
        const err = add(k, v);
        if (err) return err;
      }
    }
    return undefined;
  };
  const order = literalFirst ? [literals, files, envFiles] : [files, literals, envFiles];
  for (const step of order) {
    const err = step();
    if (err) return err;
  }
  return undefined;
}

function sourcesConflict(cmd: ParsedCommand): boolean {
  const envFiles = listFlag(cmd, 'from-env-file').length > 0;
  return envFiles && (listFlag(cmd, 'from-file').length > 0 || listFlag(cmd, 'from-literal').length > 0);
}

function appendHashUnsupported(cmd: ParsedCommand, pre: CreatePreamble): GenerateResult | undefined {
  return boolFlag(cmd, 'append-hash') ? cmdError(`--append-hash is not supported by this simulator (${pre.name})`) : undefined;
}

/** createConfigMap builds `kubectl create configmap NAME --from-literal=k=v ...`. */
export function createConfigMap(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  if (pre.name.length === 0) return cmdError('name must be specified');
  if (sourcesConflict(cmd)) return cmdError('from-env-file cannot be combined with from-file or from-literal');
  const data: JsonObject = {};
  const add: AddKey = (key, value) => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) return new Error(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (Object.hasOwn(data, key)) {
      return new Error(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(pre.name)}`);
    }
    setOwn(data, key, value);
    return undefined;
  };
  const err = collectSources(cmd, ctx, add, false);
  if (err) return cmdError(err.message);
  const unsupported = appendHashUnsupported(cmd, pre);
  if (unsupported) return unsupported;
  return finishCreate(cmd, pre, {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' },
    data,
  });
}

/** base64Utf8 encodes text as Go's encoding/json does for []byte (std base64 of UTF-8). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** createSecretGeneric builds `kubectl create secret generic NAME --from-literal=k=v ...`. */
export function createSecretGeneric(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  if (sourcesConflict(cmd)) return cmdError('from-env-file cannot be combined with from-file or from-literal');
  const data: JsonObject = {};
  const add: AddKey = (key, value) => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) return new Error(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (Object.hasOwn(data, key)) return new Error(`cannot add key ${key}, another key by that name already exists`);
    setOwn(data, key, base64Utf8(value));
    return undefined;
  };
  const err = collectSources(cmd, ctx, add, true);
  if (err) return cmdError(err.message);
  const unsupported = appendHashUnsupported(cmd, pre);
  if (unsupported) return unsupported;
  return finishCreate(cmd, pre, {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' },
    data,
    type: stringFlag(cmd, 'type'),
  });
}
