// Which members an etcdctl command talks to: the --endpoints as typed, or with --cluster every
// member's client URL (etcdctl's endpointsFromCluster). Without --endpoints the simulator asks
// every member, because the learner's point of view is "the etcd cluster", not one member.
import type { EtcdctlGlobals } from '../etcdctl';
import { terminalSession } from './bash/session';
import type { EtcdMemberView, ShellEnv } from './shellEnv';

const hostPortOf = (endpoint: string) => endpoint.replace(/^[a-z]+:\/\//, '');

/** memberFor: the member an endpoint names; 127.0.0.1/localhost is this machine's own member. */
export function memberFor(env: ShellEnv, endpoint: string): EtcdMemberView | undefined {
  const hostPort = hostPortOf(endpoint);
  const members = env.etcdMembers();
  if (/^(127\.0\.0\.1|localhost)(:2379)?$/.test(hostPort)) {
    const ip = env.nodeAgent(terminalSession(env).hostname)?.hostIP;
    return members.find((m) => ip !== undefined && m.clientURL.includes(`//${ip}:`)) ?? members[0];
  }
  return members.find((m) => hostPortOf(m.clientURL) === hostPort);
}

/**
 * askedMembers lists what each endpoint answers as: its member, under the URL the learner typed,
 * or, for an address no member listens on, a stopped stand-in so the command reports it
 * unreachable as etcdctl would.
 */
export function askedMembers(env: ShellEnv, globals: EtcdctlGlobals, cluster: boolean, explicitEndpoints: boolean): EtcdMemberView[] {
  const members = env.etcdMembers();
  if (cluster || !explicitEndpoints) return members;
  return globals.endpoints.map((endpoint) => {
    const member = memberFor(env, endpoint);
    if (member) return { ...member, clientURL: endpoint };
    return { ...members[0], name: '', clientURL: endpoint, running: false };
  });
}
