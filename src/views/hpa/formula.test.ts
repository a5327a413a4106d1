import { describe, expect, it } from 'vitest';
import { formulaText } from './formula';

describe('formulaText', () => {
  it('plugs the live numbers into the HPA formula', () => {
    expect(formulaText({ t: 0, currentReplicas: 1, currentValue: 305, targetValue: 50, unit: 'percent', proposedReplicas: 7, desiredReplicas: 4, rescale: true })).toBe(
      'desired = ceil(1 × 305% / 50%) = 7',
    );
  });
  it('shows the error when the metric failed', () => {
    expect(formulaText({ t: 0, currentReplicas: 1, desiredReplicas: 1, rescale: false, error: 'missing request for cpu' })).toBe('missing request for cpu');
  });
});
