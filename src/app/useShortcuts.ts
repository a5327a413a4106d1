import { useEffect } from 'react';
import { usePlayer } from '../state/playerStore';
import { nextMarkerTime, previousMarkerTime } from '../views/timeline/markerNav';

/** useShortcuts: Space play/pause, [ / ] previous/next marker, outside text fields. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      const s = usePlayer.getState();
      if (event.key === ' ') {
        event.preventDefault();
        s.togglePlay();
      } else if (event.key === '[') s.seek(previousMarkerTime(s.markers, s.displayMs));
      else if (event.key === ']') s.seek(nextMarkerTime(s.markers, s.displayMs) ?? s.headMs);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
