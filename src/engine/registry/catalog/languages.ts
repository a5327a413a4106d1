// Language runtimes and base OS images from Docker Hub, as of January 2025. Sizes are
// compressed linux/amd64 and approximate (Docker Hub tag pages). Their default commands are
// interactive (a shell, a REPL, the perl debugger): with no TTY and no stdin they exit 0 at once.
import type { ImageEntry, RepositoryEntry } from '../types';
import { MiB, config, exit, image, lines, shellImage } from './build';
import { piDigits } from '../piDigits';

/**
 * perlBpi models the Job tutorial's `perl -Mbignum=bpi -wle 'print bpi(2000)'`: a few seconds
 * of CPU, then π to the requested number of digits and exit 0.
 */
const perlCommands = [
  {
    match: ['perl'],
    behavior: (argv: string[]) => {
      const script = argv.find((a) => /bpi\(\d+\)/.test(a));
      if (!script) return exit(0, 30);
      const digits = Number(/bpi\((\d+)\)/.exec(script)?.[1]);
      return exit(0, Math.round(1000 + digits * digits * 0.0015), lines(0, 'stdout', piDigits(Math.min(digits, 10_000))), 30 * MiB,
        { cpuMillicores: 1000 });
    },
  },
];

const perl = (tags: string[], sizeBytes: number, layers: number, version: string): ImageEntry =>
  image(tags, sizeBytes, layers, config([], [`perl${version}`, '-de0']), exit(0, 30), { commands: perlCommands });

export const PERL: RepositoryEntry = {
  name: 'docker.io/library/perl',
  description: 'Perl 5 (the Job tutorial computes π with it)',
  images: [
    perl(['5.40.0', '5.40', '5', 'latest'], 337_120_000, 7, '5.40.0'),
    perl(['5.40.0-slim', '5.40-slim', '5-slim', 'slim'], 37_620_000, 4, '5.40.0'),
    perl(['5.38.2', '5.38'], 336_250_000, 7, '5.38.2'),
    perl(['5.38.2-slim', '5.38-slim'], 37_110_000, 4, '5.38.2'),
    perl(['5.34.0', '5.34'], 327_430_000, 7, '5.34.0'),
    perl(['5.34.0-slim', '5.34-slim'], 35_020_000, 4, '5.34.0'),
  ],
};

const python = (tags: string[], sizeBytes: number, layers: number) => image(tags, sizeBytes, layers, config([], ['python3']), exit(0, 40));

export const PYTHON: RepositoryEntry = {
  name: 'docker.io/library/python',
  description: 'Python 3 interpreter',
  images: [
    python(['3.13.1', '3.13', '3', 'latest'], 389_240_000, 9), python(['3.13.1-slim', '3.13-slim', '3-slim', 'slim'], 43_420_000, 4),
    python(['3.13.1-alpine', '3.13-alpine', '3-alpine', 'alpine'], 17_310_000, 5),
    python(['3.12.8', '3.12'], 372_150_000, 9), python(['3.12.8-slim', '3.12-slim'], 45_610_000, 4),
    python(['3.12.8-alpine', '3.12-alpine'], 18_560_000, 5),
    python(['3.11.11', '3.11'], 368_030_000, 9), python(['3.11.11-slim', '3.11-slim'], 46_180_000, 4),
  ],
};

const node = (tags: string[], sizeBytes: number, layers: number) =>
  image(tags, sizeBytes, layers, config(['docker-entrypoint.sh'], ['node']), exit(0, 60));

export const NODE: RepositoryEntry = {
  name: 'docker.io/library/node',
  description: 'Node.js runtime',
  images: [
    node(['23.5.0', '23.5', '23', 'current', 'latest'], 398_360_000, 9), node(['23.5.0-alpine', '23-alpine', 'alpine'], 52_070_000, 4),
    node(['22.12.0', '22.12', '22', 'lts', 'jod'], 396_410_000, 9), node(['22.12.0-slim', '22-slim', 'lts-slim'], 75_140_000, 5),
    node(['22.12.0-alpine', '22-alpine', 'lts-alpine'], 49_180_000, 4),
    node(['20.18.1', '20.18', '20', 'iron'], 391_320_000, 9), node(['20.18.1-slim', '20-slim'], 71_390_000, 5),
    node(['20.18.1-alpine', '20-alpine'], 47_450_000, 4),
    node(['18.20.5', '18.20', '18', 'hydrogen'], 385_170_000, 9),
  ],
};

export const ALPINE: RepositoryEntry = {
  name: 'docker.io/library/alpine',
  description: 'Alpine Linux base image (busybox sh)',
  images: [
    shellImage(['3.21.0', '3.21', '3', 'latest'], 3_642_000, 1, '/bin/sh'), shellImage(['3.20.3', '3.20'], 3_624_000, 1, '/bin/sh'),
    shellImage(['3.19.4', '3.19'], 3_418_000, 1, '/bin/sh'), shellImage(['3.18.9', '3.18'], 3_401_000, 1, '/bin/sh'),
  ],
};

export const UBUNTU: RepositoryEntry = {
  name: 'docker.io/library/ubuntu',
  description: 'Ubuntu base image',
  images: [
    shellImage(['24.04', 'noble', 'latest'], 29_754_000, 1, '/bin/bash'), shellImage(['24.10', 'oracular', 'rolling'], 30_700_000, 1, '/bin/bash'),
    shellImage(['22.04', 'jammy'], 29_537_000, 1, '/bin/bash'), shellImage(['20.04', 'focal'], 27_506_000, 1, '/bin/bash'),
  ],
};

export const DEBIAN: RepositoryEntry = {
  name: 'docker.io/library/debian',
  description: 'Debian base image',
  images: [
    shellImage(['12.8', '12', 'bookworm', 'stable', 'latest'], 48_494_000, 1, 'bash'),
    shellImage(['12.8-slim', '12-slim', 'bookworm-slim', 'stable-slim'], 28_231_000, 1, 'bash'),
    shellImage(['11.11', '11', 'bullseye', 'oldstable'], 53_741_000, 1, 'bash'),
    shellImage(['11.11-slim', '11-slim', 'bullseye-slim', 'oldstable-slim'], 30_254_000, 1, 'bash'),
  ],
};
