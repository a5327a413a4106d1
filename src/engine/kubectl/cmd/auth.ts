// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (v1.32): `kubectl auth can-i VERB
// TYPE[/NAME] [NAME]` creates a SelfSubjectAccessReview and prints yes or no (exit 0 or 1).
import { combineResourceGroup, compactedRules, type Rule } from '../describe/policyRules';
import { RESOURCES, type ResourceInfo } from '../../api/resources';
import { boolFlag, stringFlag } from '../args/commandSpec';
import type { Task } from '../../sim/task';
import { wait } from '../../sim/task';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';
import { failStatus, type KubectlContext } from './context';

/** resolveType finds a resource as kubectl's RESTMapper would: plural, singular, short name or plural.group. */
export function resolveType(text: string): ResourceInfo | undefined {
  const [name, ...groupParts] = text.toLowerCase().split('.');
  const group = groupParts.join('.');
  return RESOURCES.find((r) => (r.resource === name || r.singular === name || r.shortNames.includes(name)) && (group === '' || r.group === group));
}

export function* authCanI(ctx: KubectlContext): Task<number> {
  const { cmd, io } = ctx;
  if (boolFlag(cmd, 'list')) return yield* listAccess(ctx);
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

/**
 * listAccess is `can-i --list` (printStatus): a SelfSubjectRulesReview, its rules broken down to
 * one resource/verb each (BreakdownRule), simple ones merged again per resource (CompactRules),
 * sorted by the rule's Go String() and printed as Resources / Non-Resource URLs / Resource Names
 * / Verbs with Go's %v of each list.
 */
function* listAccess(ctx: KubectlContext): Task<number> {
  const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: ctx.namespace } };
  const result = yield* wait(ctx.client.create<typeof review & { status?: { resourceRules?: Partial<Rule>[]; nonResourceRules?: Partial<Rule>[] } }>('selfsubjectrulesreviews', review as never));
  if (!result.ok) return failStatus(ctx, result.status);
  const status = result.object.status ?? {};
  const rules = compactedRules([...(status.resourceRules ?? []), ...(status.nonResourceRules ?? [])]);
  const list = (items: string[]) => `[${items.join(' ')}]`;
  const lines = [...(boolFlag(ctx.cmd, 'no-headers') ? [] : ['Resources\tNon-Resource URLs\tResource Names\tVerbs\n'])];
  for (const r of rules) lines.push(`${combineResourceGroup(r)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  ctx.io.out(formatTabbed(lines.join(''), TABLE_TABWRITER));
  return 0;
}
