// RegistryState is what `sim image` can change at run time: extra repositories and behaviour
// overrides for existing images. It is plain data (snapshot- and replay-friendly); every
// function here returns a new state instead of changing the old one.
import type { ImageEntry, ProcessBehavior, RepositoryEntry } from './types';
import { BUILTIN_REPOSITORIES } from './catalog';
import { parseNormalizedNamed } from './reference';

/** BehaviorOverride replaces parts of an image's behaviour (e.g. `{ mode: 'exit', exitCode: 1 }`). */
export type BehaviorOverride = Partial<Omit<ProcessBehavior, 'requiresEnv'>>;

export interface RegistryState {
  /** repositories added at run time, searched before the built-in catalog. */
  extraRepositories: RepositoryEntry[];
  /**
   * overrides keyed by normalized reference (`docker.io/library/nginx:1.25`, one tag) or by
   * repository (`docker.io/library/nginx`, every tag). The tag key wins.
   */
  overrides: Record<string, BehaviorOverride>;
}

/** EMPTY_REGISTRY_STATE is the built-in catalog with nothing changed. */
export const EMPTY_REGISTRY_STATE: RegistryState = { extraRepositories: [], overrides: {} };

/** FoundRepository is a repository and the name it was asked for (maybe an alias). */
export interface FoundRepository {
  entry: RepositoryEntry;
  /** tags limits what the alias serves (undefined: every tag). */
  tags?: string[];
}

/** findRepository looks a normalized repository name up, aliases included. */
export function findRepository(repository: string, state: RegistryState = EMPTY_REGISTRY_STATE): FoundRepository | undefined {
  for (const entry of [...state.extraRepositories, ...BUILTIN_REPOSITORIES]) {
    if (entry.name === repository) return { entry };
    const alias = entry.aliases?.find((a) => a.name === repository);
    if (alias) return { entry, tags: alias.tags };
  }
  return undefined;
}

/** findTag returns the image a tag points at. */
export function findTag(found: FoundRepository, tag: string): ImageEntry | undefined {
  if (found.tags && !found.tags.includes(tag)) return undefined;
  return found.entry.images.find((image) => image.tags.includes(tag));
}

/**
 * withOverride returns a state where `reference` (an image or, with no tag, every tag of a
 * repository) behaves differently. `sim image crash nginx:1.25` would call it with
 * `{ mode: 'exit', exitCode: 1, runMs: 2000 }`.
 */
export function withOverride(state: RegistryState, reference: string, override: BehaviorOverride): RegistryState {
  return { ...state, overrides: { ...state.overrides, [overrideKey(reference)]: override } };
}

/** withoutOverride removes an override set by withOverride. */
export function withoutOverride(state: RegistryState, reference: string): RegistryState {
  const overrides = { ...state.overrides };
  delete overrides[overrideKey(reference)];
  return { ...state, overrides };
}

/** withRepository adds (or replaces) a repository, e.g. a user's own `myorg/app`. */
export function withRepository(state: RegistryState, entry: RepositoryEntry): RegistryState {
  return { ...state, extraRepositories: [entry, ...state.extraRepositories.filter((r) => r.name !== entry.name)] };
}

/** overrideKey normalizes `nginx:1.25` → `docker.io/library/nginx:1.25`, `nginx` → the repository. */
function overrideKey(reference: string): string {
  const parsed = parseNormalizedNamed(reference);
  if (!parsed.ok) return reference;
  const { ref } = parsed;
  return ref.tag === undefined && ref.digest === undefined ? ref.repository : ref.normalized;
}

/** overrideFor finds the override for a normalized reference (tag first, then repository). */
export function overrideFor(state: RegistryState, normalized: string, repository: string): BehaviorOverride | undefined {
  return state.overrides[normalized] ?? state.overrides[repository];
}
