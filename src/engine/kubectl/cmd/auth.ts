// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (v1.32): `kubectl auth can-i VERB
// TYPE[/NAME] [NAME]` creates a SelfSubjectAccessReview and prints yes or no (exit 0 or 1).
import { RESOURCES, type ResourceInfo } from '../../api/resources';
import { boolFlag, stringFlag } from '../args/commandSpec';
import type { Task } from '../../sim/task';
import { wait } from '../../sim/task';
import { failStatus, type KubectlContext } from './context';

/** resolveType finds a resource as kubectl's RESTMapper would: plural, singular, short name or plural.group. */
export function resolveType(text: string): ResourceInfo | undefined {
  const [name, ...groupParts] = text.toLowerCase().split('.');
  const group = groupParts.join('.');
  return RESOURCES.find((r) => (r.resource === name || r.singular === name || r.shortNames.includes(name)) && (group === '' || r.group === group));
}

export function* authCanI(ctx: KubectlContext): Task<number> {
  const { cmd, io } = ctx;
  if (boolFlag(cmd, 'list')) {
    io.err('error: kubectl auth can-i --list is not simulated by k8sim\n');
    return 1;
  }
  const [verb, target, extraName] = cmd.args;
  const [typeText, slashName] = target.split('/', 2);
  const info = resolveType(typeText);
  if (!info) io.err(`Warning: the server doesn't have a resource type '${typeText}'\n`);
  const namespace = boolFlag(cmd, 'all-namespaces') ? '' : info && !info.namespaced ? '' : ctx.namespace;
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        namespace,
        verb,
        group: info?.group ?? '',
        resource: info?.resource ?? typeText,
        subresource: stringFlag(cmd, 'subresource'),
        name: slashName ?? extraName ?? '',
      },
    },
  };
  const result = yield* wait(ctx.client.create<typeof review & { status?: { allowed?: boolean; reason?: string } }>('selfsubjectaccessreviews', review as never));
  if (!result.ok) return failStatus(ctx, result.status);
  const allowed = result.object.status?.allowed === true;
  if (!boolFlag(cmd, 'quiet')) io.out(allowed ? 'yes\n' : 'no\n');
  return allowed ? 0 : 1;
}
