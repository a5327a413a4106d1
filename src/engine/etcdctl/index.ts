// Public API of the etcdctl 3.4 simulation: parse a command line, let the engine's etcd
// answer it, print the answer exactly as etcdctl would.
export { parseEtcdctlArgs } from './parseArgs';
export type { EtcdctlCommand, EtcdctlGlobals, EtcdctlInvocation } from './parseArgs';
export type { GetCommand, PutCommand, SortOrder, SortTarget } from './commandOps';
export { printGet, printPut } from './printKv';
export type { KvPrintOptions } from './printKv';
export { printMemberList } from './printMember';
export { printEndpointHealth, printEndpointStatus } from './printEndpoint';
export { ExitCode, exitWithError, okOutput, retryWarnLine } from './errors';
export type { DialFailure, RetryWarnInput } from './errors';
export type * from './types';
