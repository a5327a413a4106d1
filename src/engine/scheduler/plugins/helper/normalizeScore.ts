// Mirrors kubernetes pkg/scheduler/framework/plugins/helper/normalize_score.go (v1.32).
import { MAX_NODE_SCORE, type ScoreList } from '../../framework/types';

/**
 * defaultNormalizeScore scales raw scores so the largest becomes `maxPriority` (integer division);
 * `reverse` turns "more is worse" counts (untolerated PreferNoSchedule taints) into scores. When
 * every raw score is 0, reversed scores are all max and plain ones stay 0.
 *
 * @example
 * defaultNormalizeScore([2, 1, 0], true); // [0, 50, 100]
 */
export function defaultNormalizeScore(scores: ScoreList, reverse: boolean, maxPriority = MAX_NODE_SCORE): void {
  let maxCount = 0;
  for (const score of scores) if (score > maxCount) maxCount = score;
  if (maxCount === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const scaled = Math.trunc((maxPriority * scores[i]) / maxCount);
    scores[i] = reverse ? maxPriority - scaled : scaled;
  }
}
