import { useEffect, useState } from 'react';
import { DEFAULT_SIDE_WIDTH, parseSideWidth } from './sideWidth';

const KEY = 'k8sim.sideWidth';

/** useSideWidth keeps the side panel's width across visits, as the theme and language are kept. */
export function useSideWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState<number>(() => {
    try {
      return parseSideWidth(localStorage.getItem(KEY)) ?? DEFAULT_SIDE_WIDTH;
    } catch {
      return DEFAULT_SIDE_WIDTH;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(KEY, String(width));
    } catch {
      // A browser that refuses storage still resizes; the width just isn't remembered.
    }
  }, [width]);
  return [width, setWidth];
}
