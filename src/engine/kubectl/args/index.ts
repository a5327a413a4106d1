// Public API of the kubectl command-line layer (see each module for the upstream it mirrors).
export type { CommandSpec, ParsedCommand } from './commandSpec';
export { boolFlag, listFlag, numberFlag, stringFlag } from './commandSpec';
export { getDryRunStrategy, type DryRunResult, type DryRunStrategy } from './dryRun';
export { checkErrAggregate, cmdError, type KlogHeader, type KubectlUsageError, usageError } from './errors';
export type { FlagSpec, FlagType, FlagValue } from './flagSpec';
export { getResourcesAndPairs, splitEnvironmentFromResources } from './pairs';
export { kubectlCommandTree, parseKubectl, type ParseOptions } from './parseKubectl';
export { resolveResourceArgs, type ResourceArgsOptions, type ResourceSelection } from './resourceArgs';
export { lookupResourceType, RESOURCE_TYPES, type ResourceType, resourceTypeForKind } from './resources';
export { tokenize, type TokenizeResult } from './tokenize';
