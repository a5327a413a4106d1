import { stringify } from 'yaml';
import { formatDurationGo } from '../engine/sim/duration';
import type { SessionFile } from './session';

/**
 * sessionToYaml writes the session as a scenario file that `npm run sim` and the app's import
 * read back: durations with units (`at: 12.5s`), as trainers write them.
 */
export function sessionToYaml(session: SessionFile): string {
  const file = {
    ...session,
    spec: {
      ...session.spec,
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
