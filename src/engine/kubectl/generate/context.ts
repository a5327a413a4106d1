// What every client-side generator needs besides the parsed command, and the common steps of
// their Complete() functions: namespace resolution (ToRawKubeConfigLoader().Namespace()),
// --dry-run (GetDryRunStrategy), -o validation (PrintFlags.ToPrinter) and --validate
// (GetValidationDirective) from staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go and
// staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go.
import type { ParsedCommand } from '../args/commandSpec';
import { stringFlag } from '../args/commandSpec';
import { getDryRunStrategy, type DryRunStrategy } from '../args/dryRun';
import { cmdError, type KlogHeader, type KubectlUsageError } from '../args/errors';
import type { JsonObject } from '../printers/json';

/** GenerateContext is the environment a generator runs in (kubeconfig, inputs, randomness). */
export interface GenerateContext {
  /** namespace of the current kubeconfig context; `-n` overrides it. Default "default". */
  namespace?: string;
  /** source is the existing object the command acts on (expose, autoscale, set, label, ...). */
  source?: JsonObject;
  /** randomString mirrors utilrand.String(n) (create deployment's container-name suffix). */
  randomString?: (n: number) => string;
  /** readFile serves --from-file / --from-env-file paths; undefined means "no such file". */
  readFile?: (path: string) => string | undefined;
  klogHeader?: KlogHeader;
}

/** Generated is a successful generator run. */
export interface Generated {
  kind: 'generated';
  /** objects to create/print, already in the key order kubectl prints them. */
  objects: JsonObject[];
  /** printer: typed objects keep struct order; unstructured ones (label/annotate) are sorted. */
  printer: 'typed' | 'unstructured';
  dryRun: DryRunStrategy;
  /** output is the -o value ('' = kubectl's default "<kind>/<name> created" line). */
  output: string;
  /** warnings are stderr lines kubectl printed while succeeding (klog warnings). */
  warnings: string;
  /** operation is the verb the default (name) printer appends: "created", "labeled", ... */
  operation: string;
  /** text replaces the objects on stdout (set env --list, label --list). */
  text?: string;
  /** yamlExtraSeparator: `run --expose -o yaml` writes one more `---` line after the first object. */
  yamlExtraSeparator?: boolean;
  /** error: kubectl printed what it could, then failed with this (set image on a missing container). */
  error?: KubectlUsageError;
}

export type GenerateResult = Generated | KubectlUsageError;

/** Namespace mirrors ToRawKubeConfigLoader().Namespace(): (namespace, enforceNamespace). */
export interface Namespace {
  namespace: string;
  enforce: boolean;
}

export function resolveNamespace(cmd: ParsedCommand, ctx: GenerateContext): Namespace {
  const explicit = cmd.changed.includes('namespace');
  return { namespace: explicit ? stringFlag(cmd, 'namespace') : (ctx.namespace ?? 'default'), enforce: explicit };
}

const OUTPUT_FORMATS = [
  'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file',
  'name', 'template', 'templatefile', 'yaml',
];

/** checkOutputFormat mirrors PrintFlags.ToPrinter's NoCompatiblePrinterError. */
export function checkOutputFormat(cmd: ParsedCommand): KubectlUsageError | undefined {
  const format = stringFlag(cmd, 'output');
  if (format === '' || format === 'json' || format === 'yaml' || format === 'name') return undefined;
  // jsonpath_flags.go / template_flags.go ToPrinter: template formats need --template.
  if (OUTPUT_FORMATS.includes(format)) {
    return stringFlag(cmd, 'template') === '' ? cmdError('template format specified but no template given') : undefined;
  }
  return cmdError(
    `unable to match a printer suitable for the output format "${format}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`,
  );
}

/** checkValidateFlag mirrors GetValidationDirective. */
export function checkValidateFlag(cmd: ParsedCommand): KubectlUsageError | undefined {
  const value = stringFlag(cmd, 'validate');
  if (['strict', 'warn', 'ignore', '1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) {
    return undefined;
  }
  return cmdError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** DryRunAndPrinter is the dry-run strategy plus its warning. */
export interface DryRunAndPrinter {
  dryRun: DryRunStrategy;
  warnings: string;
}

/** dryRunAndPrinter runs GetDryRunStrategy then PrintFlags.ToPrinter, as most Complete()s do. */
export function dryRunAndPrinter(cmd: ParsedCommand, ctx: GenerateContext): DryRunAndPrinter | KubectlUsageError {
  const dry = getDryRunStrategy(cmd, ctx.klogHeader);
  if (dry instanceof Error) return cmdError(dry.message);
  return checkOutputFormat(cmd) ?? { dryRun: dry.strategy, warnings: dry.warning };
}

/** generated assembles a successful result. */
export function generated(
  cmd: ParsedCommand,
  objects: JsonObject[],
  prep: DryRunAndPrinter,
  operation = 'created',
  printer: 'typed' | 'unstructured' = 'typed',
): Generated {
  const output = stringFlag(cmd, 'output');
  return { kind: 'generated', objects, printer, dryRun: prep.dryRun, output, warnings: prep.warnings, operation };
}

const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** deterministicRandomString stands in for utilrand.String when no RNG is supplied. */
export function deterministicRandomString(seed: string): (n: number) => string {
  return (n) => {
    let h = 2166136261;
    for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    let out = '';
    for (let i = 0; i < n; i++) {
      h = Math.imul(h ^ i, 16777619) >>> 0;
      out += RAND_ALPHABET[h % RAND_ALPHABET.length];
    }
    return out;
  };
}
