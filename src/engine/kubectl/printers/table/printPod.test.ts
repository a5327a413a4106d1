// printPod against the 25 upstream cases of TestPrintPod / TestPrintPodWithRestartableInitContainer
// (pkg/printers/internalversion/printers_test.go, v1.32), kept in testdata/printPodCases.json.
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { toRFC3339 } from '../../../sim/time';
import { printPod } from './printPod';
import cases from './testdata/printPodCases.json';

type CaseStatus = Partial<ContainerStatus> & { lastTerminationFinishedAgo?: string };
interface PodCase {
  name: string;
  deletionTimestampSet: boolean;
  spec: { containers: number; initContainers?: number | Array<{ name: string; restartPolicy?: string }> };
  status: { phase: string; reason?: string; conditions?: Array<{ type: string; status: string; reason?: string }>; initContainerStatuses?: CaseStatus[]; containerStatuses?: CaseStatus[] };
  expected: { READY: string; STATUS: string; RESTARTS: string };
}

const NOW_MS = 30 * 24 * 3600_000;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** agoMs reads the cases' `10s` / `2m` / `5d` offsets. */
const agoMs = (text: string) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1)];

function toStatus(s: CaseStatus, i: number): ContainerStatus {
  const { lastTerminationFinishedAgo, ...rest } = s;
  const status = { name: `c${i}`, image: '', imageID: '', ready: false, restartCount: 0, ...rest } as ContainerStatus;
  if (lastTerminationFinishedAgo) {
    status.lastState = { terminated: { exitCode: 0, finishedAt: toRFC3339(NOW_MS - agoMs(lastTerminationFinishedAgo)) } };
  }
  return status;
}

function toPod(c: PodCase): Pod {
  const init = c.spec.initContainers;
  const initContainers: Container[] = typeof init === 'number'
    ? Array.from({ length: init }, (_, i) => ({ name: `init${i}` }))
    : (init ?? []).map((x) => ({ name: x.name, restartPolicy: x.restartPolicy }));
  return {
    metadata: { name: c.name, ...(c.deletionTimestampSet ? { deletionTimestamp: toRFC3339(NOW_MS) } : {}) },
    spec: { containers: Array.from({ length: c.spec.containers }, (_, i) => ({ name: `c${i}` })), initContainers },
    status: {
      phase: c.status.phase,
      reason: c.status.reason,
      conditions: c.status.conditions,
      initContainerStatuses: (c.status.initContainerStatuses ?? []).map(toStatus),
      containerStatuses: (c.status.containerStatuses ?? []).map(toStatus),
    },
  } as Pod;
}

describe('printPod (upstream TestPrintPod cases)', () => {
  it.each((cases.cases as PodCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const [name, ready, status, restarts, age] = printPod(toPod(c), { nowMs: NOW_MS, wide: false });
    expect({ name, READY: ready, STATUS: status, RESTARTS: restarts, age }).toEqual({ name: c.name, ...c.expected, age: '<unknown>' });
  });
});
