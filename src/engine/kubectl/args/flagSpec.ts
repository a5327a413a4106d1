// Flag declarations as spf13/pflag v1.0.5 holds them (flag.go Flag: Name, Shorthand,
// DefValue, NoOptDefVal, Deprecated, Hidden) plus the value kinds kubectl uses
// (string.go, bool.go, int.go, int32.go, int64.go, string_slice.go, string_array.go,
// duration.go; klog's -v Level). Shared groups mirror the kubectl helpers that add them:
// staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (AddDryRunFlag, AddValidateFlags,
// AddFilenameOptionFlags, AddLabelSelectorFlagVar, AddFieldManagerFlagVar, ...) and
// staging/src/k8s.io/cli-runtime/pkg/genericclioptions (PrintFlags, RecordFlags).

/** FlagType is the pflag value kind; it decides parsing and the error text for bad values. */
export type FlagType =
  | 'string'
  | 'bool'
  | 'int'
  | 'int32'
  | 'int64'
  | 'level'
  | 'stringSlice'
  | 'stringArray'
  | 'duration';

/** FlagValue is a parsed flag value: durations are milliseconds, ints are numbers. */
export type FlagValue = string | boolean | number | string[];

/** FlagSpec declares one flag of one command. */
export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default: FlagValue;
  /** NoOptDefVal: the value used when the flag is given without `=value` (bools: "true"). */
  noOptDefVal?: string;
  /** Deprecated: printed as "Flag --x has been deprecated, <msg>" when used. */
  deprecated?: string;
  /** Required: cobra MarkFlagRequired. */
  required?: boolean;
}

/** flag builds a FlagSpec; bools get pflag's implicit NoOptDefVal "true". */
export function flag(
  name: string,
  type: FlagType,
  defaultValue: FlagValue,
  extra: Partial<Omit<FlagSpec, 'name' | 'type' | 'default'>> = {},
): FlagSpec {
  const noOpt = type === 'bool' ? { noOptDefVal: 'true' } : {};
  return { name, type, default: defaultValue, ...noOpt, ...extra };
}

/** printFlags mirrors genericclioptions.PrintFlags.AddFlags (+ JSONYamlPrintFlags). */
export function printFlags(): FlagSpec[] {
  return [
    flag('output', 'string', '', { shorthand: 'o' }),
    flag('template', 'string', ''),
    flag('allow-missing-template-keys', 'bool', true),
    flag('show-managed-fields', 'bool', false),
  ];
}

/** dryRunFlag mirrors cmdutil.AddDryRunFlag: bare `--dry-run` means "unchanged" (→ client). */
export function dryRunFlag(): FlagSpec {
  return flag('dry-run', 'string', 'none', { noOptDefVal: 'unchanged' });
}

/** validateFlag mirrors cmdutil.AddValidateFlags. */
export function validateFlag(): FlagSpec {
  return flag('validate', 'string', 'strict', { noOptDefVal: 'strict' });
}

export function saveConfigFlag(): FlagSpec {
  return flag('save-config', 'bool', false);
}

export function fieldManagerFlag(defaultManager: string): FlagSpec {
  return flag('field-manager', 'string', defaultManager);
}

/** selectorFlag mirrors cmdutil.AddLabelSelectorFlagVar (-l/--selector). */
export function selectorFlag(): FlagSpec {
  return flag('selector', 'string', '', { shorthand: 'l' });
}

/** filenameFlags mirrors cmdutil.AddFilenameOptionFlags (-f, -k, -R). */
export function filenameFlags(): FlagSpec[] {
  return [
    flag('filename', 'stringSlice', [], { shorthand: 'f' }),
    flag('kustomize', 'string', '', { shorthand: 'k' }),
    flag('recursive', 'bool', false, { shorthand: 'R' }),
  ];
}

/** recordFlag mirrors genericclioptions.RecordFlags: hidden and deprecated since v1.22. */
export function recordFlag(): FlagSpec {
  return flag('record', 'bool', false, { deprecated: '--record will be removed in the future' });
}

/** createSubcommandFlags are the flags every `kubectl create <kind>` generator shares. */
export function createSubcommandFlags(): FlagSpec[] {
  return [
    ...printFlags(),
    saveConfigFlag(),
    validateFlag(),
    dryRunFlag(),
    fieldManagerFlag('kubectl-create'),
  ];
}

/** deleteFlags mirrors cmd/delete/delete_flags.go for commands that embed them (apply, run). */
export function embeddedDeleteFlags(): FlagSpec[] {
  return [
    flag('cascade', 'string', 'background', { noOptDefVal: 'background' }),
    flag('force', 'bool', false),
    flag('grace-period', 'int', -1),
    flag('timeout', 'duration', 0),
    flag('wait', 'bool', false),
  ];
}

/** overrideFlags mirrors cmdutil.OverrideOptions.AddOverrideFlags (expose, run). */
export function overrideFlags(): FlagSpec[] {
  return [flag('overrides', 'string', ''), flag('override-type', 'string', 'merge')];
}

/** applyFlags are what `apply` and `diff` share: server-side apply, the field manager, pruning. */
export function applyFlags(): FlagSpec[] {
  return [
    flag('server-side', 'bool', false),
    flag('force-conflicts', 'bool', false),
    fieldManagerFlag('kubectl-client-side-apply'),
    selectorFlag(),
    flag('prune', 'bool', false),
    flag('prune-allowlist', 'stringArray', []),
  ];
}
