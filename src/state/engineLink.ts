import type { FromEngine, ToEngine } from '../player/protocol';

/** EngineLink is the UI's line to the engine: a Web Worker, or the same service in the page. */
export interface EngineLink {
  send(message: ToEngine): void;
  close(): void;
}

/**
 * connectEngine starts the engine in a Web Worker when the browser has them (the UI never blocks
 * on the simulation); tests in Node or happy-dom get the same service on the page's timers.
 */
export function connectEngine(receive: (message: FromEngine) => void): EngineLink {
  if (typeof Worker !== 'undefined' && typeof window !== 'undefined' && !('happyDOM' in window)) {
    const worker = new Worker(new URL('../player/engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromEngine>) => receive(event.data);
    worker.onerror = (event) => receive({ type: 'error', message: event.message || 'the engine worker failed to start' });
    return { send: (message) => worker.postMessage(message), close: () => worker.terminate() };
  }
  // The in-page fallback loads the engine lazily so it never weighs on the first view's bundle.
  const service = import('../player/engineService').then(
    ({ EngineService }) =>
      new EngineService((message) => setTimeout(() => receive(message), 0), {
        now: () => performance.now(),
        every: (ms, fn) => {
          const id = setInterval(fn, ms);
          return () => clearInterval(id);
        },
      }),
  );
  return { send: (message) => void service.then((s) => s.handle(message)), close: () => void service.then((s) => s.handle({ type: 'pause' })) };
}
