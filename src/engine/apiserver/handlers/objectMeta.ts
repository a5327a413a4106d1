import { writableMeta, type KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import { toRFC3339 } from '../../sim/time';
import type { ServerContext } from '../context';
import type { ApiRequest } from '../request';
import { uuidV4 } from '../../sim/uuid';

/** Alphabet and length of apiserver generated names (apiserver pkg/storage/names/generate.go). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_BASE = 58;

/**
 * fillObjectMeta does what rest.BeforeCreate does to metadata: namespace from the request, a
 * generated name, uid, creationTimestamp from the sim clock, and clears server-owned fields.
 */
export function fillObjectMeta(ctx: ServerContext, info: ResourceInfo, _req: ApiRequest, obj: KubeObject): void {
  const meta = writableMeta(obj);
  if (!info.namespaced) delete meta.namespace;
  if (!meta.name && meta.generateName) meta.name = generateName(ctx, meta.generateName);
  meta.uid = newUID(ctx);
  meta.creationTimestamp = toRFC3339(ctx.sim.nowMs, ctx.epochMs);
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.generation;
}

/** generateName appends 5 random characters to the base, truncated to 58 (SimpleNameGenerator). */
export function generateName(ctx: ServerContext, base: string): string {
  return base.slice(0, MAX_GENERATED_BASE) + ctx.rng.string(RANDOM_LENGTH, NAME_ALPHABET);
}

/** newUID is a version-4 UUID from the apiserver's random stream (upstream: google/uuid). */
export function newUID(ctx: ServerContext): string {
  return uuidV4(ctx.rng);
}
