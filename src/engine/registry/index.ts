// Public API of the simulated container image registry.
export { parseNormalizedNamed, familiarName } from './reference';
export type { ImageReference, ParsedReference } from './reference';
export { resolveImage, imageDigest } from './resolve';
export type { PullFailure, ResolveOptions, ResolveResult, ResolvedImage } from './resolve';
export { pullErrorText, DEFAULT_NODE_DNS_SERVER } from './pullErrors';
export type { PullFailureKind } from './pullErrors';
export { pullDurationMs, DEFAULT_PULL_MODEL } from './pullTime';
export type { PullModel } from './pullTime';
export * from './events';
export { formatGoDurationMs, formatGoDurationNs, parseGoDuration } from './goDuration';
export { planContainerRun } from './runPlan';
export type { ContainerSpecLike, RunPlan } from './runPlan';
export { renderLogLines, formatTimestamp } from './logs';
export type { LogContext, RenderedLogLine } from './logs';
export { listCatalog, formatCatalogTable } from './listing';
export type { CatalogRow } from './listing';
export { humanSize } from './humanSize';
export { fakeDigest, FAKE_DIGEST_SUFFIX } from './digest';
export {
  EMPTY_REGISTRY_STATE,
  findRepository,
  findTag,
  withOverride,
  withoutOverride,
  withRepository,
} from './registryState';
export type { BehaviorOverride, RegistryState } from './registryState';
export { BUILTIN_REPOSITORIES } from './catalog';
export type * from './types';
