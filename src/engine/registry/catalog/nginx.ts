// docker.io/library/nginx, official image. Tags and versions as published up to January 2025
// (sim time 0); sizes are compressed linux/amd64 and approximate (Docker Hub tag pages, and the
// "Image size" of real kubelet events: 1.14.2 = 44710204, 1.25 = 67665983, 1.27 = 68524740,
// 1.27-alpine = 20984244 bytes). Startup lines follow docker-nginx's docker-entrypoint.sh.
import type { ImageEntry, LogLine, RepositoryEntry } from '../types';
import { MiB, config, image, lines, serve, tcp } from './build';

interface NginxMinor {
  minor: string;
  patches: number[];
  debianBytes: number;
  alpineBytes: number;
  /** debianGcc is the "built by" line of the Debian build; alpine builds print their own. */
  debianGcc: string;
  alpineGcc: string;
}

const BUSTER = 'gcc 8.3.0 (Debian 8.3.0-6)';
const BULLSEYE = 'gcc 10.2.1 20210110 (Debian 10.2.1-6)';
const BOOKWORM = 'gcc 12.2.0 (Debian 12.2.0-14)';

const MINORS: NginxMinor[] = [
  { minor: '1.14', patches: [2], debianBytes: 44_710_204, alpineBytes: 6_490_000, debianGcc: '', alpineGcc: '' },
  { minor: '1.16', patches: [0, 1], debianBytes: 51_030_000, alpineBytes: 8_740_000, debianGcc: '', alpineGcc: '' },
  { minor: '1.17', patches: [10], debianBytes: 51_500_000, alpineBytes: 8_860_000, debianGcc: '', alpineGcc: '' },
  { minor: '1.18', patches: [0], debianBytes: 52_900_000, alpineBytes: 9_090_000, debianGcc: '', alpineGcc: '' },
  { minor: '1.19', patches: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], debianBytes: 53_150_000, alpineBytes: 9_400_000, debianGcc: BUSTER, alpineGcc: 'gcc 9.3.0 (Alpine 9.3.0)' },
  { minor: '1.20', patches: [0, 1, 2], debianBytes: 54_700_000, alpineBytes: 9_700_000, debianGcc: BUSTER, alpineGcc: 'gcc 10.2.1 20201203 (Alpine 10.2.1_pre1)' },
  { minor: '1.21', patches: [0, 1, 3, 4, 5, 6], debianBytes: 54_200_000, alpineBytes: 9_720_000, debianGcc: BULLSEYE, alpineGcc: 'gcc 10.3.1 20211027 (Alpine 10.3.1_git20211027)' },
  { minor: '1.22', patches: [0, 1], debianBytes: 54_640_000, alpineBytes: 10_150_000, debianGcc: BULLSEYE, alpineGcc: 'gcc 11.2.1 20220219 (Alpine 11.2.1_git20220219)' },
  { minor: '1.23', patches: [0, 1, 2, 3, 4], debianBytes: 56_800_000, alpineBytes: 16_300_000, debianGcc: BULLSEYE, alpineGcc: 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r4)' },
  { minor: '1.24', patches: [0], debianBytes: 56_900_000, alpineBytes: 16_450_000, debianGcc: BULLSEYE, alpineGcc: 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r4)' },
  { minor: '1.25', patches: [0, 1, 2, 3, 4, 5], debianBytes: 67_665_983, alpineBytes: 17_250_000, debianGcc: BOOKWORM, alpineGcc: 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10)' },
  { minor: '1.26', patches: [0, 1, 2], debianBytes: 68_050_000, alpineBytes: 20_500_000, debianGcc: BOOKWORM, alpineGcc: 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)' },
  { minor: '1.27', patches: [0, 1, 2, 3], debianBytes: 68_524_740, alpineBytes: 20_984_244, debianGcc: BOOKWORM, alpineGcc: 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)' },
];

/** Channel tags as of January 2025: mainline 1.27.3, stable 1.26.2. */
const MAINLINE = '1.27.3';
const STABLE = '1.26.2';

/** entrypointLines are docker-entrypoint.sh's messages; the script set grew over releases. */
function entrypointLines(minorNumber: number): LogLine[] {
  const out = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  ];
  if (minorNumber >= 25) out.push('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
  out.push('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
  if (minorNumber >= 21) out.push('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
  out.push('/docker-entrypoint.sh: Configuration complete; ready for start up');
  return lines(0, 'stdout', ...out);
}

/** nginxLogs are the entrypoint lines (1.19+) and nginx's notice lines on stderr. */
function nginxLogs(version: string, minorNumber: number, gcc: string): LogLine[] {
  if (minorNumber < 19) return []; // before 1.19 the image ran nginx directly and logged nothing
  return [
    ...entrypointLines(minorNumber),
    ...lines(
      40,
      'stderr',
      '{{ts:nginx}} [notice] 1#1: using the "epoll" event method',
      `{{ts:nginx}} [notice] 1#1: nginx/${version}`,
      `{{ts:nginx}} [notice] 1#1: built by ${gcc} `,
      '{{ts:nginx}} [notice] 1#1: OS: Linux {{kernel}}',
      '{{ts:nginx}} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '{{ts:nginx}} [notice] 1#1: start worker processes',
      '{{ts:nginx}} [notice] 1#1: start worker process 29',
      '{{ts:nginx}} [notice] 1#1: start worker process 30',
    ),
  ];
}

/** channelTags are the moving tags that point at a given version. */
function channelTags(version: string, minor: NginxMinor, suffix: string): string[] {
  const last = `${minor.minor}.${minor.patches[minor.patches.length - 1]}`;
  const tags = [`${version}${suffix}`];
  if (version === last) tags.push(`${minor.minor}${suffix}`);
  if (version === MAINLINE) tags.push(`mainline${suffix}`, `1${suffix}`, suffix === '' ? 'latest' : suffix.slice(1));
  if (version === STABLE) tags.push(`stable${suffix}`);
  return tags;
}

function nginxImages(minor: NginxMinor): ImageEntry[] {
  const minorNumber = Number(minor.minor.split('.')[1]);
  const debianLayers = minorNumber >= 25 ? 7 : minorNumber >= 19 ? 6 : 3;
  const lastPatch = minor.patches[minor.patches.length - 1];
  // The listed sizes are the minor's last patch (what the `1.25` tag pulls); earlier patches
  // were a little smaller.
  return minor.patches.flatMap((patch) => {
    const version = `${minor.minor}.${patch}`;
    const entrypoint = minorNumber >= 19 ? ['/docker-entrypoint.sh'] : [];
    // ENV of the official Dockerfiles (the njs version lines are left out).
    const env = (pkg: string) => [`NGINX_VERSION=${version}`, ...(minorNumber >= 25 ? [`PKG_RELEASE=${pkg}`] : [])];
    const cfg = config(entrypoint, ['nginx', '-g', 'daemon off;'], tcp(80), { stopSignal: 'SIGQUIT', env: env('1~bookworm'), files: NGINX_FILES });
    const alpineCfg = { ...cfg, env: env('1') };
    const debianTags = channelTags(version, minor, '');
    if (minorNumber >= 25 && (version === MAINLINE || version === STABLE || version.endsWith('.0'))) {
      debianTags.push(`${version}-bookworm`);
    }
    return [
      image(debianTags, minor.debianBytes - (lastPatch - patch) * 40_000, debianLayers, cfg,
        serve(tcp(80), 8 * MiB, nginxLogs(version, minorNumber, minor.debianGcc), 60)),
      image(channelTags(version, minor, '-alpine'), minor.alpineBytes - (lastPatch - patch) * 20_000, debianLayers + 1, alpineCfg,
        serve(tcp(80), 6 * MiB, nginxLogs(version, minorNumber, minor.alpineGcc), 60)),
    ];
  });
}

/** NGINX_WELCOME: the official image's /usr/share/nginx/html/index.html. */
const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** NGINX_FILES: the docroot every nginx image ships (one shared object for all tags). */
const NGINX_FILES: Readonly<Record<string, string>> = { '/usr/share/nginx/html/index.html': NGINX_WELCOME };

export const NGINX: RepositoryEntry = {
  name: 'docker.io/library/nginx',
  description: 'NGINX web server; serves its welcome page on port 80',
  images: MINORS.flatMap(nginxImages),
};
