// Official Docker Hub server images (redis, httpd, mysql, postgres) as of January 2025. Sizes are
// compressed linux/amd64 and approximate (Docker Hub tag pages; kubelet events reported
// redis 45013665, httpd:alpine 21120476, postgres:15-alpine 109148447, postgres:14-alpine
// 108556583 bytes). mysql and postgres exit 1 without a root password, as the real entrypoints do.
import type { ImageEntry, ProcessBehavior, RepositoryEntry } from '../types';
import { MiB, config, exit, image, lines, serve, tcp } from './build';

function redisLogs(version: string): ProcessBehavior {
  const ready = version.startsWith('6') ? 'Ready to accept connections' : 'Ready to accept connections tcp';
  return serve(tcp(6379), 3 * MiB, [
    ...lines(0, 'stdout',
      '1:C {{ts:redis}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      `1:C {{ts:redis}} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
      '1:C {{ts:redis}} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
    ...lines(2, 'stdout', '1:M {{ts:redis}} * monotonic clock: POSIX clock_gettime', '1:M {{ts:redis}} * Running mode=standalone, port=6379.',
      '1:M {{ts:redis}} * Server initialized', `1:M {{ts:redis}} * ${ready}`),
  ], 20);
}

const REDIS_RELEASES: Array<[version: string, tags: string[], debianBytes: number, alpineBytes: number]> = [
  ['7.4.1', ['7.4', '7', 'latest'], 45_013_665, 17_620_000],
  ['7.2.6', ['7.2'], 42_930_000, 15_940_000],
  ['7.0.15', ['7.0'], 40_610_000, 14_310_000],
  ['6.2.16', ['6.2', '6'], 40_150_000, 12_420_000],
  ['6.0.20', ['6.0'], 38_520_000, 11_870_000],
];

export const REDIS: RepositoryEntry = {
  name: 'docker.io/library/redis',
  description: 'Redis key-value store on port 6379',
  images: REDIS_RELEASES.flatMap(([version, tags, debianBytes, alpineBytes]) => {
    const cfg = config(['docker-entrypoint.sh'], ['redis-server'], tcp(6379));
    const alpineTags = [version, ...tags].map((t) => (t === 'latest' ? 'alpine' : `${t}-alpine`));
    return [image([version, ...tags], debianBytes, 8, cfg, redisLogs(version)), image(alpineTags, alpineBytes, 8, cfg, redisLogs(version))];
  }),
};

function httpdBehavior(version: string): ProcessBehavior {
  const fqdn = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message";
  return serve(tcp(80), 7 * MiB, lines(0, 'stderr', fqdn, fqdn,
    `[{{ts:apache}}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
    "[{{ts:apache}}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"), 100);
}

export const HTTPD: RepositoryEntry = {
  name: 'docker.io/library/httpd',
  description: 'Apache HTTP Server on port 80',
  images: [
    image(['2.4.62', '2.4', '2', 'latest', 'bookworm'], 58_390_000, 5, config([], ['httpd-foreground'], tcp(80), { stopSignal: 'SIGWINCH' }), httpdBehavior('2.4.62')),
    image(['2.4.62-alpine', '2.4-alpine', '2-alpine', 'alpine'], 21_120_476, 6, config([], ['httpd-foreground'], tcp(80), { stopSignal: 'SIGWINCH' }), httpdBehavior('2.4.62')),
  ],
};

function mysqlImage(version: string, tags: string[], sizeBytes: number): ImageEntry {
  const note = (text: string) => `{{ts:mysql}} [Note] [Entrypoint]: ${text}`;
  const started = note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`);
  const missing = exit(1, 400, lines(0, 'stdout', started, note("Switching to dedicated user 'mysql'"), started,
    '{{ts:mysql}} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
    '    You need to specify one of the following as an environment variable:',
    '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'), 20 * MiB);
  const running = serve(tcp(3306, 33060), 380 * MiB, lines(0, 'stdout', started, note("Switching to dedicated user 'mysql'"), started,
    note('Initializing database files'), note('Database files initialized'), note('Starting temporary server'),
    note('Temporary server started.'), note('Stopping temporary server'), note('Temporary server stopped'), '',
    note('MySQL init process done. Ready for start up.'), ''), 15_000, { requiresEnv: { anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'], withoutEnv: missing } });
  return image([version, ...tags], sizeBytes, 11, config(['docker-entrypoint.sh'], ['mysqld'], tcp(3306, 33060)), running);
}

export const MYSQL: RepositoryEntry = {
  name: 'docker.io/library/mysql',
  description: 'MySQL server on port 3306; needs MYSQL_ROOT_PASSWORD (or an alternative) to start',
  images: [
    mysqlImage('9.1.0', ['9.1', '9', 'innovation', 'latest'], 172_410_000),
    mysqlImage('8.4.3', ['8.4', '8', 'lts'], 168_270_000),
    mysqlImage('8.0.40', ['8.0'], 165_080_000),
    mysqlImage('5.7.44', ['5.7', '5'], 137_300_000),
  ],
};

function postgresImage(tags: string[], sizeBytes: number, layers: number): ImageEntry {
  const missing = exit(1, 150, lines(0, 'stderr',
    'Error: Database is uninitialized and superuser password is not specified.',
    '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
    '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".', '',
    '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
    '       connections without a password. This is *not* recommended.', '',
    '       See PostgreSQL documentation about "trust":',
    '       https://www.postgresql.org/docs/current/auth-trust.html'), 8 * MiB);
  const running = serve(tcp(5432), 45 * MiB, [
    ...lines(0, 'stdout', 'The files belonging to this database system will be owned by user "postgres".',
      'This user must also own the server process.', '', 'PostgreSQL init process complete; ready for start up.', ''),
    ...lines(2500, 'stderr', '{{ts:postgres}} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
      '{{ts:postgres}} [1] LOG:  database system is ready to accept connections'),
  ], 2600, { requiresEnv: { anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'], withoutEnv: missing } });
  return image(tags, sizeBytes, layers, config(['docker-entrypoint.sh'], ['postgres'], tcp(5432), { stopSignal: 'SIGINT' }), running);
}

export const POSTGRES: RepositoryEntry = {
  name: 'docker.io/library/postgres',
  description: 'PostgreSQL on port 5432; needs POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD) to start',
  images: [
    postgresImage(['17.2', '17', 'latest', 'bookworm'], 158_120_000, 14),
    postgresImage(['16.6', '16'], 155_470_000, 14),
    postgresImage(['15.10', '15'], 150_320_000, 14),
    postgresImage(['14.15', '14'], 149_010_000, 14),
    postgresImage(['13.18', '13'], 146_880_000, 14),
    postgresImage(['17.2-alpine', '17-alpine', 'alpine'], 108_230_000, 11),
    postgresImage(['16.6-alpine', '16-alpine'], 105_120_000, 11),
    postgresImage(['15.10-alpine', '15-alpine'], 109_148_447, 11),
    postgresImage(['14.15-alpine', '14-alpine'], 108_556_583, 11),
  ],
};
