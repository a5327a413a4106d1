// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/config (v1.32) view, current-context,
// get-contexts, get-clusters and get-users over the kubeconfig kubeadm writes for its admin
// (/etc/kubernetes/admin.conf): cluster `kubernetes`, user `kubernetes-admin`, context
// `kubernetes-admin@kubernetes`. `view` redacts credentials as kubectl does without --raw.
import type { Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';
import { printYaml } from '../printers/yaml';
import { fail, type KubectlContext } from './context';
import { APISERVER_URL } from './discovery';

const CLUSTER = 'kubernetes';
const USER = 'kubernetes-admin';
const CONTEXT = `${USER}@${CLUSTER}`;

/** The kubeconfig `kubectl config view` prints (YAML with sorted keys, or JSON in field order). */
const VIEW_JSON = {
  kind: 'Config',
  apiVersion: 'v1',
  preferences: {},
  clusters: [{ name: CLUSTER, cluster: { server: APISERVER_URL, 'certificate-authority-data': 'DATA+OMITTED' } }],
  users: [{ name: USER, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  contexts: [{ name: CONTEXT, context: { cluster: CLUSTER, user: USER } }],
  'current-context': CONTEXT,
};

export function* config(ctx: KubectlContext): Task<number> {
  const sub = ctx.cmd.path[1];
  const cmd = ctx.cmd;
  switch (sub) {
    case 'current-context':
      ctx.io.out(`${CONTEXT}\n`);
      return 0;
    case 'get-clusters':
      ctx.io.out(`NAME\n${CLUSTER}\n`);
      return 0;
    case 'get-users':
      ctx.io.out(`NAME\n${USER}\n`);
      return 0;
    case 'get-contexts': {
      const wanted = cmd.args;
      const missing = wanted.find((name) => name !== CONTEXT);
      if (missing) return fail(ctx, `error: context ${missing} not found`);
      const output = stringFlag(cmd, 'output');
      if (output === 'name') {
        ctx.io.out(`${CONTEXT}\n`);
        return 0;
      }
      if (output !== '') return fail(ctx, `error: output must be one of '' or 'name': ${output}`);
      const rows = [...(boolFlag(cmd, 'no-headers') ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE']), `*\t${CONTEXT}\t${CLUSTER}\t${USER}\t`];
      ctx.io.out(formatTabbed(`${rows.join('\n')}\n`, TABLE_TABWRITER, []));
      return 0;
    }
    case 'view': {
      // --raw would print the admin's certificate and key: k8sim has none to show.
      if (boolFlag(cmd, 'raw')) return fail(ctx, 'error: "kubectl config view --raw" is not simulated by k8sim yet (there are no certificates to print)');
      const output = stringFlag(cmd, 'output');
      if (output === 'json') ctx.io.out(`${JSON.stringify(VIEW_JSON, null, 4)}\n`);
      else if (output === 'yaml' || output === '') ctx.io.out(printYaml(VIEW_JSON));
      else return fail(ctx, `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
      return 0;
    }
    default:
      return fail(ctx, `error: "kubectl config ${sub}" is not simulated by k8sim yet`);
  }
}
