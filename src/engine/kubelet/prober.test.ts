import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ContainerRecord } from '../runtime/types';
import { readyAtMs } from './prober';

const record = { state: 'CONTAINER_RUNNING', startedAtMs: 1_000, behavior: { readyAfterMs: 2_500 } } as ContainerRecord;

describe('readiness without probe workers', () => {
  it('is ready when running without a readinessProbe', () => {
    expect(readyAtMs({ name: 'a' }, record)).toBe(1_000);
  });

  it('turns ready at the first probe (initialDelaySeconds, then every periodSeconds) after the port listens', () => {
    const probe = (initialDelaySeconds: number, periodSeconds: number): Container => ({ name: 'a', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds, periodSeconds } });
    expect(readyAtMs(probe(5, 10), record)).toBe(6_000);
    expect(readyAtMs(probe(0, 1), record)).toBe(4_000);
    expect(readyAtMs({ name: 'a', readinessProbe: { exec: { command: ['true'] }, periodSeconds: 10 } }, record)).toBe(1_000);
  });
});
