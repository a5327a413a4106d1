import { useEffect } from 'react';
import { usePlayer } from '../state/playerStore';
import type { ViewName } from '../views/DiagramView';
import { nextMarkerTime, previousMarkerTime } from '../views/timeline/markerNav';
import { shortcutFor } from './shortcutKeys';

/**
 * useShortcuts listens for the player's keys outside text fields (see shortcutKeys.ts); view
 * switches and the help dialog are the app's to handle.
 */
export function useShortcuts(handlers: { setView?: (view: ViewName) => void; toggleHelp?: () => void } = {}): void {
  const { setView, toggleHelp } = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A focused control that took the key (the panel splitter's ← →) has called preventDefault.
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      const s = usePlayer.getState();
      const action = shortcutFor(event, s.speed);
      if (!action) return;
      if (action.type === 'togglePlay') {
        event.preventDefault();
        s.togglePlay();
      } else if (action.type === 'seekBy') {
        event.preventDefault();
        s.seek(Math.max(0, Math.min(s.headMs, s.displayMs + action.ms)));
      } else if (action.type === 'marker') {
        s.seek(action.direction < 0 ? previousMarkerTime(s.markers, s.displayMs) : (nextMarkerTime(s.markers, s.displayMs) ?? s.headMs));
      } else if (action.type === 'speed') s.setSpeed(action.speed);
      else if (action.type === 'view') setView?.(action.view);
      else toggleHelp?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView, toggleHelp]);
}
