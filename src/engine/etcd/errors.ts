// Mirrors etcd v3.4 etcdserver/errors.go and api/v3rpc/rpctypes: the texts a client prints.
import type { EtcdError } from './types';

/** The etcdserver errors that reach clients (rpctypes maps them to gRPC code Unavailable). */
export const ErrTimeout: EtcdError = { code: 'Unavailable', message: 'etcdserver: request timed out' };
export const ErrTimeoutDueToLeaderFail: EtcdError = { code: 'Unavailable', message: 'etcdserver: request timed out, possibly due to previous leader failure' };
export const ErrTimeoutDueToConnectionLost: EtcdError = { code: 'Unavailable', message: 'etcdserver: request timed out, possibly due to connection lost' };
export const ErrLeaderChanged: EtcdError = { code: 'Unavailable', message: 'etcdserver: leader changed' };
export const ErrNoLeader: EtcdError = { code: 'Unavailable', message: 'etcdserver: no leader' };
export const ErrProposalDropped: EtcdError = { code: 'Unknown', message: 'raft proposal dropped' };
export const ErrCompacted: EtcdError = { code: 'Compacted', message: 'mvcc: required revision has been compacted' };
export const ErrFutureRev: EtcdError = { code: 'FutureRevision', message: 'mvcc: required revision is a future revision' };

/**
 * ErrContextDeadline: a proposal that never reached Raft (the member knew no leader for the
 * whole ReqTimeout, so raft's proposal channel stayed closed) fails with the bare context error;
 * etcd 3.4's gRPC server reports it as code Unknown, and the client prints the status text.
 */
export const ErrContextDeadline: EtcdError = { code: 'Unknown', message: 'rpc error: code = Unknown desc = context deadline exceeded' };

/** ErrTransportClosing: the member's process died with the request in flight. */
export const ErrTransportClosing: EtcdError = { code: 'Unavailable', message: 'rpc error: code = Unavailable desc = transport is closing' };

/** errConnectionRefused: every endpoint is down (the balancer has no ready connection). */
export function errConnectionRefused(clientURL: string): EtcdError {
  const hostPort = clientURL.replace(/^https?:\/\//, '');
  return {
    code: 'Unavailable',
    message: `rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial tcp ${hostPort}: connect: connection refused"`,
  };
}
