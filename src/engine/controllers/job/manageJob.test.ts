import type { Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { wantActive } from './manageJob';

// The active-pod arithmetic of manageJob, with cases from job_controller_test.go
// TestControllerSyncJob ("job start", "correct # of pods", "too few active pods", "too many
// active pods", "WQ job", ...).
const job = (parallelism: number, completions: number | undefined): Job => ({ spec: { parallelism, completions, template: {} } });

describe('wantActive', () => {
  it.each([
    { name: 'job start: parallelism 2, completions 5', job: job(2, 5), active: 0, succeeded: 0, want: 2 },
    { name: 'correct # of pods', job: job(2, 5), active: 2, succeeded: 0, want: 2 },
    { name: 'too few completions left: 4 of 5 succeeded', job: job(2, 5), active: 1, succeeded: 4, want: 1 },
    { name: 'all succeeded', job: job(2, 5), active: 0, succeeded: 5, want: 0 },
    { name: 'more succeeded than completions', job: job(2, 5), active: 0, succeeded: 6, want: 0 },
    { name: 'WQ job start: no completions', job: job(2, undefined), active: 0, succeeded: 0, want: 2 },
    { name: 'WQ job: after a success, whatever runs keeps running', job: job(2, undefined), active: 1, succeeded: 1, want: 1 },
    { name: 'parallelism 0 (suspended by hand)', job: job(0, 5), active: 2, succeeded: 0, want: 0 },
  ])('$name → $want', ({ job, active, succeeded, want }) => {
    expect(wantActive(job, active, succeeded)).toBe(want);
  });
});
