import { stringify } from 'yaml';
import { formatDurationGo } from '../engine/sim/duration';
import type { SessionFile } from './session';

/**
 * sessionToYaml writes the session as a scenario file that `npm run sim` and the app's import
 * read back: every duration of the format (steps' at and timeout, until, etcd's heartbeat and
 * election timeout) with its unit (`at: 12.5s`), as trainers write them.
 */
export function sessionToYaml(session: SessionFile): string {
  const etcd = session.spec.cluster?.etcd;
  const cluster = session.spec.cluster && {
    ...session.spec.cluster,
    ...(etcd && {
      etcd: {
        ...etcd,
        ...(etcd.heartbeatInterval !== undefined ? { heartbeatInterval: formatDurationGo(etcd.heartbeatInterval) } : {}),
        ...(etcd.electionTimeout !== undefined ? { electionTimeout: formatDurationGo(etcd.electionTimeout) } : {}),
      },
    }),
  };
  const file = {
    ...session,
    spec: {
      ...session.spec,
      ...(cluster ? { cluster } : {}),
      ...(session.spec.until !== undefined ? { until: formatDurationGo(session.spec.until) } : {}),
      steps: session.spec.steps.map((s) => ({
        ...s,
        at: formatDurationGo(s.at),
        ...(s.timeout !== undefined ? { timeout: formatDurationGo(s.timeout) } : {}),
      })),
    },
  };
  return stringify(file, { lineWidth: 0 });
}
