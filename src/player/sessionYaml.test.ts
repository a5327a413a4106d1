import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../engine/scenario/load';
import { sessionToYaml } from './sessionYaml';

const DIR = new URL('../scenarios/', import.meta.url);

describe('sessionToYaml', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.yaml')))('round-trips %s: written back, it loads to the same scenario', (file) => {
    const first = loadScenario(readFileSync(new URL(file, DIR), 'utf8'), file);
    if (!first.ok) throw new Error(first.error);
    const again = loadScenario(sessionToYaml(first.scenario.file), file);
    if (!again.ok) throw new Error(again.error);
    expect(again.scenario.file).toEqual(first.scenario.file);
    expect(again.scenario.cluster).toEqual(first.scenario.cluster);
  });
});
