import { describe, expect, it } from 'vitest';
import { parseEmbedParams } from './params';

describe('parseEmbedParams', () => {
  it('reads the documented options', () => {
    expect(parseEmbedParams('?scenario=rolling-update&view=rollout&autoplay=1&lang=zh-CN&controls=minimal&speed=2&origins=https://training.example.com')).toEqual({
      scenario: 'rolling-update', view: 'rollout', autoplay: true, lang: 'zh-CN', controls: 'minimal', speed: 2, origins: ['https://training.example.com'],
    });
  });
  it('falls back to defaults on unknown or hostile values', () => {
    expect(parseEmbedParams('?view=<script>&lang=fr&controls=x&speed=1e9&origins=javascript:alert(1),https://ok.example')).toEqual({
      scenario: undefined, view: 'map', autoplay: false, lang: undefined, controls: 'full', speed: 1, origins: ['https://ok.example'],
    });
  });
});
