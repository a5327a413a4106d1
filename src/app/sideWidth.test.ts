import { describe, expect, it } from 'vitest';
import { clampSideWidth, DEFAULT_SIDE_WIDTH, keyedSideWidth, MIN_MAIN_WIDTH, MIN_SIDE_WIDTH, parseSideWidth, SPLITTER_WIDTH } from './sideWidth';

describe('clampSideWidth', () => {
  it('keeps the panel at least its minimum and leaves the diagram its own', () => {
    expect(clampSideWidth(100, 1400)).toBe(MIN_SIDE_WIDTH);
    expect(clampSideWidth(2000, 1400)).toBe(1400 - MIN_MAIN_WIDTH - SPLITTER_WIDTH);
    expect(clampSideWidth(640.4, 1400)).toBe(640);
  });
  it('gives the minimum when the window is too narrow for both', () => {
    expect(clampSideWidth(500, 500)).toBe(MIN_SIDE_WIDTH);
  });
  it('falls back to the default for a width that is not a number', () => {
    expect(clampSideWidth(Number.NaN, 1400)).toBe(DEFAULT_SIDE_WIDTH);
  });
});

describe('keyedSideWidth', () => {
  it('moves the splitter with the arrows: left widens, right narrows, Shift moves further', () => {
    expect(keyedSideWidth('ArrowLeft', false, 416, 1400)).toBe(432);
    expect(keyedSideWidth('ArrowRight', false, 416, 1400)).toBe(400);
    expect(keyedSideWidth('ArrowLeft', true, 416, 1400)).toBe(512);
  });
  it('gives the panel its smallest width with Home and its largest with End', () => {
    expect(keyedSideWidth('Home', false, 416, 1400)).toBe(MIN_SIDE_WIDTH);
    expect(keyedSideWidth('End', false, 416, 1400)).toBe(1400 - MIN_MAIN_WIDTH - SPLITTER_WIDTH);
  });
  it('ignores other keys', () => {
    expect(keyedSideWidth('Enter', false, 416, 1400)).toBeUndefined();
  });
});

describe('parseSideWidth', () => {
  it('reads a stored number and rejects anything else', () => {
    expect(parseSideWidth('520')).toBe(520);
    expect(parseSideWidth(null)).toBeUndefined();
    expect(parseSideWidth('wide')).toBeUndefined();
    expect(parseSideWidth('-3')).toBeUndefined();
  });
});
