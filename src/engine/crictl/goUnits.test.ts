import { describe, expect, it } from 'vitest';
import { humanDuration, humanSize } from './goUnits';

// github.com/docker/go-units duration.go and size.go, as crictl prints CREATED and SIZE.
describe('go-units', () => {
  it.each([
    [400, 'Less than a second'],
    [1_000, '1 second'],
    [28_000, '28 seconds'],
    [61_000, 'About a minute'],
    [12 * 60_000, '12 minutes'],
    [80 * 60_000, 'About an hour'],
    [5 * 3_600_000, '5 hours'],
    [3 * 86_400_000, '3 days'],
    [20 * 86_400_000, '2 weeks'],
  ])('HumanDuration %i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it.each([
    [320_000, '320kB'],
    [68_500_000, '68.5MB'],
    [30_912_345, '30.9MB'],
    [1_000_000_000, '1GB'],
    [512, '512B'],
  ])('HumanSizeWithPrecision(%i, 3) → %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
});
