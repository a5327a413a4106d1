// The etcdctl 3.4 command tree the simulator knows: etcdctl/ctlv3/ctl.go (root and global
// flags), command/get_command.go, put_command.go, ep_command.go and member_command.go. Other
// top-level commands are listed by name only, so prefix matching and "Did you mean this?"
// suggestions behave as in the real binary.
import type { FlagDef } from './flags';

/** CommandDef is one cobra command: its use line, help texts, flags and children. */
export interface CommandDef {
  name: string;
  use: string;
  short: string;
  long?: string;
  /** flags are local to this command; persistentFlags are inherited by its children too. */
  flags: FlagDef[];
  persistentFlags?: FlagDef[];
  children?: CommandDef[];
  /** runnable is false for groups like `endpoint` and `member`, which only print help. */
  runnable: boolean;
  /** simulated is false for commands the simulator recognises but does not run. */
  simulated: boolean;
}

const bool = (name: string, usage: string, defValue = 'false'): FlagDef => ({ name, type: 'bool', defValue, usage });
const str = (name: string, defValue: string, usage: string, shorthand?: string): FlagDef => ({ name, shorthand, type: 'string', defValue, usage });
const dur = (name: string, defValue: string, usage: string): FlagDef => ({ name, type: 'duration', defValue, usage });
const int64 = (name: string, usage: string): FlagDef => ({ name, type: 'int64', defValue: '0', usage });

/** GLOBAL_FLAGS are the root persistent flags (ctl.go init), defaults as etcdctl prints them. */
export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'endpoints', type: 'stringSlice', defValue: '[127.0.0.1:2379]', usage: 'gRPC endpoints' },
  bool('debug', 'enable client-side debug logging'),
  str('write-out', 'simple', 'set the output format (fields, json, protobuf, simple, table)', 'w'),
  bool('hex', 'print byte strings as hex encoded strings'),
  dur('dial-timeout', '2s', 'dial timeout for client connections'),
  dur('command-timeout', '5s', 'timeout for short running command (excluding dial timeout)'),
  dur('keepalive-time', '2s', 'keepalive time for client connections'),
  dur('keepalive-timeout', '6s', 'keepalive timeout for client connections'),
  bool('insecure-transport', 'disable transport security for client connections', 'true'),
  bool('insecure-discovery', 'accept insecure SRV records describing cluster endpoints', 'true'),
  bool('insecure-skip-tls-verify', 'skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)'),
  str('cert', '', 'identify secure client using this TLS certificate file'),
  str('key', '', 'identify secure client using this TLS key file'),
  str('cacert', '', 'verify certificates of TLS-enabled secure servers using this CA bundle'),
  str('user', '', 'username[:password] for authentication (prompt if password is not supplied)'),
  str('password', '', "password for authentication (if this option is used, --user option shouldn't include password)"),
  str('discovery-srv', '', 'domain name to query for SRV records describing cluster endpoints', 'd'),
  str('discovery-srv-name', '', 'service name to query when using DNS discovery'),
];

const GET: CommandDef = {
  name: 'get',
  use: 'get [options] <key> [range_end]',
  short: 'Gets the key or a range of keys',
  runnable: true,
  simulated: true,
  flags: [
    str('consistency', 'l', 'Linearizable(l) or Serializable(s)'),
    str('order', '', 'Order of results; ASCEND or DESCEND (ASCEND by default)'),
    str('sort-by', '', 'Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION'),
    int64('limit', 'Maximum number of results'),
    bool('prefix', 'Get keys with matching prefix'),
    bool('from-key', 'Get keys that are greater than or equal to the given key using byte compare'),
    int64('rev', 'Specify the kv revision'),
    bool('keys-only', 'Get only the keys'),
    bool('print-value-only', 'Only write values when using the "simple" output format'),
  ],
};

const PUT_LONG = `
Puts the given key into the store.

When <value> begins with '-', <value> is interpreted as a flag.
Insert '--' for workaround:

$ put <key> -- <value>
$ put -- <key> <value>

If <value> isn't given as a command line argument and '--ignore-value' is not specified,
this command tries to read the value from standard input.

If <lease> isn't given as a command line argument and '--ignore-lease' is not specified,
this command tries to read the value from standard input.

For example,
$ cat file | put <key>
will store the content of the file to <key>.
`;

const PUT: CommandDef = {
  name: 'put',
  use: 'put [options] <key> <value> (<value> can also be given from stdin)',
  short: 'Puts the given key into the store',
  long: PUT_LONG,
  runnable: true,
  simulated: true,
  flags: [
    str('lease', '0', 'lease ID (in hexadecimal) to attach to the key'),
    bool('prev-kv', 'return the previous key-value pair before modification'),
    bool('ignore-value', 'updates the key using its current value'),
    bool('ignore-lease', 'updates the key using its current lease'),
  ],
};

const leaf = (name: string, short: string, simulated: boolean, long?: string): CommandDef => ({
  name,
  use: name,
  short,
  long,
  flags: [],
  runnable: true,
  simulated,
});

const ENDPOINT: CommandDef = {
  name: 'endpoint',
  use: 'endpoint <subcommand>',
  short: 'Endpoint related commands',
  runnable: false,
  simulated: true,
  flags: [],
  persistentFlags: [bool('cluster', 'use all endpoints from the cluster member list')],
  children: [
    leaf('health', 'Checks the healthiness of endpoints specified in `--endpoints` flag', true),
    leaf('status', 'Prints out the status of endpoints specified in `--endpoints` flag', true,
      `When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.
The items in the lists are endpoint, ID, version, db size, is leader, is learner, raft term, raft index, raft applied index, errors.
`),
    leaf('hashkv', 'Prints the KV history hash for each endpoint in --endpoints', false),
  ],
};

const MEMBER: CommandDef = {
  name: 'member',
  use: 'member <subcommand>',
  short: 'Membership related commands',
  runnable: false,
  simulated: true,
  flags: [],
  children: [
    leaf('add', 'Adds a member into the cluster', false),
    leaf('remove', 'Removes a member from the cluster', false),
    leaf('update', 'Updates a member in the cluster', false),
    leaf('list', 'Lists all members in the cluster', true,
      `When --write-out is set to simple, this command prints out comma-separated member lists for each endpoint.
The items in the lists are ID, Status, Name, Peer Addrs, Client Addrs, Is Learner.
`),
    leaf('promote', 'Promotes a non-voting member in the cluster', false),
  ],
};

const SNAPSHOT: CommandDef = {
  name: 'snapshot',
  use: 'snapshot <subcommand>',
  short: 'Manages etcd node snapshots',
  runnable: false,
  simulated: true,
  flags: [],
  children: [
    {
      name: 'save', use: 'save <filename>', short: 'Stores an etcd node backend snapshot to a given file', runnable: true, simulated: true, flags: [],
    },
    {
      name: 'restore',
      use: 'restore <filename> [options]',
      short: 'Restores an etcd member snapshot to an etcd directory',
      runnable: true,
      simulated: true,
      flags: [
        str('data-dir', '', 'Path to the data directory'),
        str('wal-dir', '', 'Path to the WAL directory (use --data-dir if none given)'),
        str('name', 'default', 'Human-readable name for this member'),
        str('initial-cluster', 'default=http://localhost:2380', 'Initial cluster configuration for restore bootstrap'),
        str('initial-cluster-token', 'etcd-cluster', 'Initial cluster token for the etcd cluster during restore bootstrap'),
        str('initial-advertise-peer-urls', 'http://localhost:2380', "List of this member's peer URLs to advertise to the rest of the cluster"),
        bool('skip-hash-check', 'Ignore snapshot integrity hash value (required if copied from data directory)'),
      ],
    },
    {
      name: 'status',
      use: 'status <filename>',
      short: 'Gets backend snapshot status of a given file',
      long: `When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.
The items in the lists are hash, revision, total keys, total size.
`,
      runnable: true,
      simulated: true,
      flags: [],
    },
  ],
};

const CHECK: CommandDef = {
  name: 'check',
  use: 'check <subcommand>',
  short: 'commands for checking properties of the etcd cluster',
  runnable: false,
  simulated: true,
  flags: [],
  children: [
    leaf('datascale', 'Check the memory usage of holding data for different workloads on a given server endpoint.', false),
    {
      name: 'perf',
      use: 'perf [options]',
      short: 'Check the performance of the etcd cluster',
      runnable: true,
      simulated: true,
      flags: [
        bool('auto-compact', 'Compact storage with last revision after test is finished.'),
        bool('auto-defrag', 'Defragment storage after test is finished.'),
        str('load', 's', "The performance check's workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)"),
        str('prefix', '/etcdctl-check-perf/', "The prefix for writing the performance check's keys."),
      ],
    },
  ],
};

/** DEFRAG is `etcdctl defrag [--cluster]` (ctlv3/command/defrag_command.go). */
const DEFRAG: CommandDef = {
  name: 'defrag',
  use: 'defrag',
  short: 'Defragments the storage of the etcd members with given endpoints',
  runnable: true,
  simulated: true,
  flags: [bool('cluster', 'use all endpoints from the cluster member list'), str('data-dir', '', 'Optional. If present, defragments a data directory not in use by etcd.')],
};

/** OTHER_COMMANDS exist in etcdctl 3.4 but are not simulated (names matter for matching). */
const OTHER_COMMANDS = ['del', 'txn', 'compaction', 'alarm', 'move-leader', 'watch', 'version', 'lease',
  'make-mirror', 'migrate', 'lock', 'elect', 'auth', 'user', 'role'];

/** ROOT is `etcdctl` itself. */
export const ROOT: CommandDef = {
  name: 'etcdctl',
  use: 'etcdctl',
  short: 'A simple command line client for etcd3.',
  runnable: false,
  simulated: false,
  flags: [],
  persistentFlags: GLOBAL_FLAGS,
  children: [GET, PUT, ENDPOINT, MEMBER, SNAPSHOT, CHECK, DEFRAG, ...OTHER_COMMANDS.map((name) => leaf(name, '', false))],
};
