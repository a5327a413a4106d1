// Tools the Kubernetes resource-management tasks use (polinux/stress, vish/stress) and the
// simulator's own fake repositories under docker.io/k8sim/ that misbehave on purpose, for
// CrashLoopBackOff, OOMKilled and slow-readiness demos. The k8sim images do not exist on Docker
// Hub; their sizes are made up but plausible for a small static binary.
import type { RepositoryEntry } from '../types';
import { MiB, config, exit, image, lines, serve, tcp } from './build';
import { flagValue } from './agnhost';

/** parseStressBytes reads stress's `150M`, `1G`, `512K` sizes (powers of 1024, as stress does). */
function parseStressBytes(text: string | undefined): number {
  const match = /^(\d+)([KMGB]?)$/i.exec(text ?? '256M');
  if (!match) return 256 * MiB;
  const unit = { '': 1, B: 1, K: 1024, M: MiB, G: 1024 * MiB }[match[2].toUpperCase()] ?? 1;
  return Number(match[1]) * unit;
}

export const POLINUX_STRESS: RepositoryEntry = {
  name: 'docker.io/polinux/stress',
  description: 'stress(1): `stress --vm 1 --vm-bytes 150M` holds that much memory (memory limit task)',
  images: [image(['latest', '1.0.4'], 4_209_000, 3, config(['/usr/local/bin/dumb-init', '--'], ['stress', '--help']),
    exit(1, 20, lines(0, 'stdout', "`stress' imposes certain types of compute stress on your system")), {
    commands: [{
      match: ['stress'],
      behavior: (argv) => {
        const workers = Number(flagValue(argv, 'vm') ?? 0);
        const memoryBytes = workers * parseStressBytes(flagValue(argv, 'vm-bytes')) + 1 * MiB;
        const cpu = Number(flagValue(argv, 'cpu') ?? 0);
        const hogs = `stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${workers} vm, 0 hdd`;
        return serve([], memoryBytes, lines(0, 'stdout', hogs), 0, { cpuMillicores: 1000 * Math.max(cpu, workers) });
      },
    }],
  })],
};

export const VISH_STRESS: RepositoryEntry = {
  name: 'docker.io/vish/stress',
  description: 'Burns `-cpus N` CPUs (CPU limit task)',
  images: [image(['latest'], 2_262_000, 4, config(['/stress', '-logtostderr'], []), serve([], 2 * MiB, [], 0, { cpuMillicores: 1000 }), {
    commands: [{ match: ['stress'], behavior: (argv) => serve([], 2 * MiB, [], 0, { cpuMillicores: 1000 * Number(flagValue(argv, 'cpus') ?? 1) }) }],
  })],
};

const crash = lines(0, 'stdout', 'k8sim crasher: starting');
export const CRASHER: RepositoryEntry = {
  name: 'docker.io/k8sim/crasher',
  description: 'Simulator test image: exits non-zero (latest: 1 after 2s; segfault: 139 after 1s; slow: 1 after 30s)',
  images: [
    image(['latest', 'v1'], 1_843_000, 2, config(['/crasher'], []), exit(1, 2000, crash, 3 * MiB, { exitLogs: lines(2000, 'stderr', 'panic: simulated crash') })),
    image(['segfault'], 1_843_000, 2, config(['/crasher'], ['--segfault']), exit(139, 1000, crash, 3 * MiB)),
    image(['slow'], 1_843_000, 2, config(['/crasher'], ['--after=30s']), exit(1, 30_000, crash, 3 * MiB, { exitLogs: lines(30_000, 'stderr', 'panic: simulated crash') })),
  ],
};

export const MEMHOG: RepositoryEntry = {
  name: 'docker.io/k8sim/memhog',
  description: 'Simulator test image: allocates memory until its limit OOM-kills it (latest 64Mi/s, slow 8Mi/s)',
  images: [
    image(['latest'], 1_902_000, 2, config(['/memhog'], []), { ...exit(0, 0, lines(0, 'stdout', 'k8sim memhog: allocating 64Mi/s'), 16 * MiB), mode: 'oom', memoryGrowthBytesPerSec: 64 * MiB }),
    image(['slow'], 1_902_000, 2, config(['/memhog'], ['--rate=8Mi']), { ...exit(0, 0, lines(0, 'stdout', 'k8sim memhog: allocating 8Mi/s'), 16 * MiB), mode: 'oom', memoryGrowthBytesPerSec: 8 * MiB }),
  ],
};

export const SLOW_START: RepositoryEntry = {
  name: 'docker.io/k8sim/slow-start',
  description: 'Simulator test image: HTTP on 8080, ready only after 45s (readiness/startup probe demos)',
  images: [image(['latest'], 1_780_000, 2, config(['/slow-start'], [], tcp(8080)),
    serve(tcp(8080), 6 * MiB, [...lines(0, 'stdout', 'k8sim slow-start: warming up'), ...lines(45_000, 'stdout', 'k8sim slow-start: listening on :8080')], 45_000))],
};
