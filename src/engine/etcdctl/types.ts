// Input shapes for the etcdctl formatters. They mirror the etcd 3.4 gRPC responses
// (etcdserver/etcdserverpb/rpc.proto, mvcc/mvccpb/kv.proto) that etcdctl prints, with
// uint64 ids carried as hex strings so they survive JSON snapshots and stay exact.

/**
 * Uint64Hex is a uint64 id (member, cluster, lease) in lower-case hex without padding, as
 * etcdctl prints it with `%x`: `bf9071f4639c75cc`. JSON output turns it into decimal.
 */
export type Uint64Hex = string;

/** Bytes is a key or value: strings are stored as their UTF-8 bytes. */
export type Bytes = string | Uint8Array;

/** ResponseHeader is etcdserverpb.ResponseHeader; zero fields are left out of JSON. */
export interface ResponseHeader {
  clusterId: Uint64Hex;
  memberId: Uint64Hex;
  /** revision is the store revision when the request was served (0 for member list). */
  revision: number;
  raftTerm: number;
}

/** KeyValue is mvccpb.KeyValue. */
export interface KeyValue {
  key: Bytes;
  /** value is empty for --keys-only responses. */
  value: Bytes;
  createRevision: number;
  modRevision: number;
  /** version counts writes to the key since it was created (1 after the first put). */
  version: number;
  /** lease is the attached lease id, '0' or absent when none. */
  lease?: Uint64Hex;
}

/** RangeResponse answers `etcdctl get`. */
export interface RangeResponse {
  header: ResponseHeader;
  kvs: KeyValue[];
  /** more is true when --limit cut the result short. */
  more?: boolean;
  /** count is the number of keys in the range, before --limit. */
  count: number;
}

/** PutResponse answers `etcdctl put`; prevKv only with --prev-kv. */
export interface PutResponse {
  header: ResponseHeader;
  prevKv?: KeyValue;
}

/** Member is etcdserverpb.Member; an unstarted member has no name and no client URLs yet. */
export interface Member {
  id: Uint64Hex;
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  isLearner?: boolean;
}

/** MemberListResponse answers `etcdctl member list`. */
export interface MemberListResponse {
  header: ResponseHeader;
  members: Member[];
}

/** StatusResponse is etcdserverpb.StatusResponse, one per endpoint. */
export interface StatusResponse {
  header: ResponseHeader;
  /** version is the server version, `3.4.23` for the Debian build the fixtures came from. */
  version: string;
  dbSizeBytes: number;
  /** leaderId is the member id this endpoint believes is leader ('0' when it knows none). */
  leaderId: Uint64Hex;
  raftIndex: number;
  raftTerm: number;
  raftAppliedIndex: number;
  /** errors are alarm texts such as `memberID:... alarm:NOSPACE`. */
  errors?: string[];
  dbSizeInUseBytes: number;
  isLearner?: boolean;
}

/** EndpointFailure is an endpoint etcdctl could not reach. */
export interface EndpointFailure {
  endpoint: string;
  /** error is the Go error text, usually `context deadline exceeded`. */
  error: string;
  /** clientLog are stderr lines the client library wrote first (see retryWarnLine). */
  clientLog?: string[];
}

/** EndpointStatusResult is one endpoint's answer to `endpoint status`, in query order. */
export type EndpointStatusResult = { endpoint: string; status: StatusResponse } | EndpointFailure;

/** EndpointHealth is one endpoint's answer to `endpoint health`, in completion order. */
export interface EndpointHealth {
  endpoint: string;
  health: boolean;
  /** tookNs is how long the health probe (a linearizable get) took, in nanoseconds. */
  tookNs: number;
  /** error is the failure text, e.g. `context deadline exceeded`. */
  error?: string;
  clientLog?: string[];
}

/** OutputFormat is the value of -w/--write-out that the simulator prints. */
export type OutputFormat = 'simple' | 'json' | 'table' | 'fields' | 'protobuf';

/** EtcdctlOutput is what one etcdctl run writes and how it exits. */
export interface EtcdctlOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}
