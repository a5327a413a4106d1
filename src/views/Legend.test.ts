import { describe, expect, it } from 'vitest';
import { podToneLegend } from './clusterMap/podToneLegend';
import { TONE_CLASSES } from './clusterMap/podStatus';
import { raftLegend, STATE_CLASS } from './raft/RaftRing';
import { fillToBg } from './Legend';

describe('diagram legends', () => {
  it('the map legend has one swatch per pod chip colour, taken from the chips', () => {
    const items = podToneLegend('en');
    expect(items.map((i) => i.swatch)).toEqual(Object.values(TONE_CLASSES).map((c) => c.split(' ')[0]));
    expect(items.map((i) => i.label)).toContain('Running and ready');
    expect(podToneLegend('zh-CN').map((i) => i.label)).toContain('运行中且就绪');
  });

  it('the Raft legend colours each role as the ring draws it', () => {
    const items = raftLegend('en');
    for (const fill of Object.values(STATE_CLASS)) expect(items.map((i) => i.swatch)).toContain(fillToBg(fill));
    expect(items.find((i) => i.swatch === fillToBg(STATE_CLASS.StateLeader))?.label).toBe('leader');
    expect(raftLegend('zh-CN').find((i) => i.swatch === fillToBg(STATE_CLASS.StateFollower))?.label).toBe('跟随者');
  });
});
