import { describe, expect, it } from 'vitest';
import { allowedOrigins, parseCommand } from './messaging';

const ALLOWED = ['https://training.example.com'];

describe('postMessage API', () => {
  it('accepts the documented commands from an allowed origin', () => {
    expect(parseCommand({ type: 'k8sim', command: 'play' }, 'https://training.example.com', ALLOWED)).toEqual({ type: 'k8sim', command: 'play' });
    expect(parseCommand({ type: 'k8sim', command: 'seek', ms: 30000 }, 'https://training.example.com', ALLOWED)).toEqual({ type: 'k8sim', command: 'seek', ms: 30000 });
    expect(parseCommand({ type: 'k8sim', command: 'setSpeed', speed: 2 }, 'https://training.example.com', ALLOWED)).toEqual({ type: 'k8sim', command: 'setSpeed', speed: 2 });
  });

  it('ignores other origins, other message shapes and out-of-range values', () => {
    expect(parseCommand({ type: 'k8sim', command: 'play' }, 'https://evil.example', ALLOWED)).toBeUndefined();
    expect(parseCommand('play', 'https://training.example.com', ALLOWED)).toBeUndefined();
    expect(parseCommand({ type: 'k8sim', command: 'eval', code: 'alert(1)' }, 'https://training.example.com', ALLOWED)).toBeUndefined();
    expect(parseCommand({ type: 'k8sim', command: 'seek', ms: -5 }, 'https://training.example.com', ALLOWED)).toBeUndefined();
    expect(parseCommand({ type: 'k8sim', command: 'setSpeed', speed: 1000 }, 'https://training.example.com', ALLOWED)).toBeUndefined();
    expect(parseCommand({ type: 'k8sim', command: 'loadScenario', scenario: 'x'.repeat(600 * 1024) }, 'https://training.example.com', ALLOWED)).toBeUndefined();
  });

  it('allows the embedding page, the player itself and the listed origins', () => {
    expect(allowedOrigins('https://k8sim.example', 'https://docs.example/page.html', [], ['https://slides.example'])).toEqual(['https://k8sim.example', 'https://slides.example', 'https://docs.example']);
    expect(allowedOrigins('https://k8sim.example', '', ['https://ancestor.example'], [])).toEqual(['https://k8sim.example', 'https://ancestor.example']);
  });
});
