import { describe, expect, it } from 'vitest';
import { describeProposal, explainProposal } from '../../engine/controllers/podautoscaler/hpaTrace';
import { MESSAGES } from '../../i18n/messages';
import { formulaText, proposalText } from './formula';

describe('formulaText', () => {
  it('plugs the live numbers into the HPA formula', () => {
    expect(formulaText({ t: 0, currentReplicas: 1, currentValue: 305, targetValue: 50, unit: 'percent', proposedReplicas: 7, desiredReplicas: 4, rescale: true })).toBe(
      'desired = ceil(1 × 305% / 50%) = 7',
    );
  });
  it('names the result in the interface language', () => {
    expect(formulaText({ t: 0, currentReplicas: 4, currentValue: 125, targetValue: 50, unit: 'percent', proposedReplicas: 10, desiredReplicas: 8, rescale: true }, MESSAGES['zh-CN'].hpaDesired)).toBe(
      '期望副本数 = ceil(4 × 125% / 50%) = 10',
    );
  });
  it('shows the error when the metric failed', () => {
    expect(formulaText({ t: 0, currentReplicas: 1, desiredReplicas: 1, rescale: false, error: 'missing request for cpu' })).toBe('missing request for cpu');
  });
});

describe('proposalText', () => {
  // replica_calculator.go's cases: a plain ceil, missing/unready pods filled in, within tolerance,
  // ready pods only, and a refill that would reverse the direction.
  const cases = [
    { detail: { usageRatio: 1.3333, podsConsidered: 3 }, current: 3, proposed: 4 },
    { detail: { usageRatio: 2.5, newUsageRatio: 1.24, podsConsidered: 4 }, current: 4, proposed: 5 },
    { detail: { usageRatio: 0.95 }, current: 3, proposed: 3 },
    { detail: { usageRatio: 2, readyPods: 2 }, current: 2, proposed: 4 },
    { detail: { usageRatio: 1.5, newUsageRatio: 0.8 }, current: 4, proposed: 4 },
  ];

  it('says in English exactly what the trace says', () => {
    for (const c of cases) {
      expect(proposalText(explainProposal(c.detail, c.current, c.proposed, 0.1), MESSAGES.en)).toBe(describeProposal(c.detail, c.current, c.proposed, 0.1));
    }
  });

  it('says it in Chinese with the same numbers', () => {
    const zh = cases.map((c) => proposalText(explainProposal(c.detail, c.current, c.proposed, 0.1), MESSAGES['zh-CN']));
    expect(zh).toEqual([
      'ceil(1.333 × 3 个 Pod) = 4',
      'ceil(1.24 × 4 个 Pod) = 5（补入缺失/未就绪的 Pod 后，比值 2.5 → 1.24）',
      '|1 − 0.95| ≤ 0.1：保持 3 个',
      'ceil(2 × 2 个就绪 Pod) = 4',
      '比值 1.5 → 0.8 会反转扩缩方向：保持 4 个',
    ]);
  });
});
