/// <reference lib="webworker" />
import { EngineService } from './engineService';
import type { ToEngine } from './protocol';

// The engine's Web Worker: the simulation runs here so the page never waits for it.
const service = new EngineService((message) => self.postMessage(message), {
  now: () => performance.now(),
  every: (ms, fn) => {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
});
self.onmessage = (event: MessageEvent<ToEngine>) => service.handle(event.data);
