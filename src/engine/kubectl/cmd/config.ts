// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/config (v1.32) over the terminal's kubeconfig
// (kubeadm's admin.conf to begin with): view, current-context, use-context, set-context,
// get-contexts, get-clusters, get-users, delete-context and rename-context. `view` redacts
// credentials as kubectl does without --raw.
import type { Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { defaultKubeConfig, findContext, KUBECONFIG_PATH, setContext, type KubeConfig } from '../kubeconfig/kubeconfig';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';
import { printYaml } from '../printers/yaml';
import type { KubeObject } from '../../api/object';
import { fail, type KubectlContext } from './context';
import { CONFIG_FORMATS, printTemplate, templateOutput } from './templateOutput';
import { APISERVER_URL } from './discovery';

export function* config(ctx: KubectlContext): Task<number> {
  const sub = ctx.cmd.path[1];
  const cmd = ctx.cmd;
  const state = ctx.env.kubeconfig ?? { get: () => defaultKubeConfig(APISERVER_URL), set: () => undefined };
  const current = state.get();
  switch (sub) {
    case 'current-context':
      if (!current.currentContext) return fail(ctx, 'error: current-context is not set');
      ctx.io.out(`${current.currentContext}\n`);
      return 0;
    case 'use-context': {
      const name = cmd.args[0] ?? '';
      if (!findContext(current, name)) return fail(ctx, `error: no context exists with the name: "${name}"`);
      state.set({ ...current, currentContext: name });
      ctx.io.out(`Switched to context "${name}".\n`);
      return 0;
    }
    case 'set-context':
      return setContextCommand(ctx, current, state.set);
    case 'get-clusters':
      ctx.io.out(`NAME\n${current.clusters.map((c) => `${c.name}\n`).join('')}`);
      return 0;
    case 'get-users':
      ctx.io.out(`NAME\n${current.users.map((u) => `${u}\n`).join('')}`);
      return 0;
    case 'get-contexts':
      return getContexts(ctx, current);
    case 'delete-context': {
      const name = cmd.args[0] ?? '';
      if (!findContext(current, name)) return fail(ctx, `error: cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
      if (current.currentContext === name) ctx.io.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      state.set({ ...current, contexts: current.contexts.filter((c) => c.name !== name) });
      ctx.io.out(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
      return 0;
    }
    case 'rename-context': {
      const [from, to] = cmd.args;
      if (!findContext(current, from)) return fail(ctx, `error: cannot rename the context "${from}", it's not in ${KUBECONFIG_PATH}`);
      if (findContext(current, to)) return fail(ctx, `error: cannot rename the context "${from}", the context "${to}" already exists in ${KUBECONFIG_PATH}`);
      state.set({
        ...current,
        contexts: current.contexts.map((c) => (c.name === from ? { ...c, name: to } : c)),
        currentContext: current.currentContext === from ? to : current.currentContext,
      });
      ctx.io.out(`Context "${from}" renamed to "${to}".\n`);
      return 0;
    }
    case 'view':
      return view(ctx, current);
    default:
      return fail(ctx, `error: "kubectl config ${sub}" is not simulated by k8sim yet`);
  }
}

/** setContextCommand is `config set-context NAME|--current [--cluster] [--user] [--namespace]`. */
function setContextCommand(ctx: KubectlContext, current: KubeConfig, save: (config: KubeConfig) => void): number {
  const cmd = ctx.cmd;
  const useCurrent = boolFlag(cmd, 'current');
  if (useCurrent && cmd.args.length > 0) return fail(ctx, 'error: you cannot specify both a context name and --current');
  if (!useCurrent && cmd.args.length !== 1) return fail(ctx, "error: Unexpected args: []\nSee 'kubectl config set-context -h' for help and examples");
  if (useCurrent && !current.currentContext) return fail(ctx, 'error: no current context is set');
  const name = useCurrent ? current.currentContext : cmd.args[0];
  const fields: Parameters<typeof setContext>[2] = {};
  for (const field of ['cluster', 'user', 'namespace'] as const) if (cmd.changed.includes(field)) fields[field] = stringFlag(cmd, field);
  const result = setContext(current, name, fields);
  save(result.config);
  ctx.io.out(`Context "${name}" ${result.created ? 'created' : 'modified'}.\n`);
  return 0;
}

function getContexts(ctx: KubectlContext, current: KubeConfig): number {
  const wanted = ctx.cmd.args;
  const missing = wanted.find((name) => !findContext(current, name));
  if (missing) return fail(ctx, `error: context ${missing} not found`);
  const contexts = current.contexts.filter((c) => wanted.length === 0 || wanted.includes(c.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const output = stringFlag(ctx.cmd, 'output');
  if (output === 'name') {
    ctx.io.out(contexts.map((c) => `${c.name}\n`).join(''));
    return 0;
  }
  if (output !== '') return fail(ctx, `error: output must be one of '' or 'name': ${output}`);
  const rows = boolFlag(ctx.cmd, 'no-headers') ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE'];
  for (const c of contexts) rows.push(`${c.name === current.currentContext ? '*' : ''}\t${c.name}\t${c.context.cluster}\t${c.context.user}\t${c.context.namespace ?? ''}`);
  ctx.io.out(formatTabbed(`${rows.join('\n')}\n`, TABLE_TABWRITER, []));
  return 0;
}

/** view prints the kubeconfig (YAML with sorted keys, or JSON in field order); --minify keeps the current context's parts. */
function view(ctx: KubectlContext, current: KubeConfig): number {
  // --raw would print the admin's certificate and key: k8sim has none to show.
  if (boolFlag(ctx.cmd, 'raw')) return fail(ctx, 'error: "kubectl config view --raw" is not simulated by k8sim yet (there are no certificates to print)');
  let shown = current;
  if (boolFlag(ctx.cmd, 'minify')) {
    const context = findContext(current, current.currentContext);
    if (!current.currentContext || !context) return fail(ctx, 'error: current-context must exist in order to minify');
    shown = {
      clusters: current.clusters.filter((c) => c.name === context.cluster),
      users: current.users.filter((u) => u === context.user),
      contexts: current.contexts.filter((c) => c.name === current.currentContext),
      currentContext: current.currentContext,
    };
  }
  const json = {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: shown.clusters.map((c) => ({ name: c.name, cluster: { server: c.server, 'certificate-authority-data': 'DATA+OMITTED' } })),
    users: shown.users.map((name) => ({ name, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } })),
    contexts: shown.contexts.map((c) => ({ name: c.name, context: { cluster: c.context.cluster, user: c.context.user, ...(c.context.namespace ? { namespace: c.context.namespace } : {}) } })),
    'current-context': shown.currentContext,
  };
  const output = stringFlag(ctx.cmd, 'output');
  const template = templateOutput(ctx.cmd, CONFIG_FORMATS);
  if (typeof template === 'string') return fail(ctx, template.replace(/\n$/, ''));
  if (template) {
    const printed = printTemplate(template, [json as unknown as KubeObject], true);
    ctx.io.out(printed.stdout);
    if (printed.stderr) ctx.io.err(printed.stderr);
    return printed.stderr ? 1 : 0;
  }
  if (output === 'json') ctx.io.out(`${JSON.stringify(json, null, 4)}\n`);
  else if (output === 'name') ctx.io.out('config/<unknown>\n');
  else ctx.io.out(printYaml(json));
  return 0;
}
