/**
 * The side panel (deployments, inspector, console) has a width the learner can drag: wide kubectl
 * tables (`get pods -o wide`, `get nodes -o wide`) need about 100 columns, the diagrams need room
 * too. These are the rules for that width; useSideWidth.ts keeps it.
 */

/** DEFAULT_SIDE_WIDTH is the panel's width before any drag: 26rem at the default font size. */
export const DEFAULT_SIDE_WIDTH = 416;
/** MIN_SIDE_WIDTH keeps the deployment buttons and the console prompt usable. */
export const MIN_SIDE_WIDTH = 300;
/** MIN_MAIN_WIDTH keeps the diagram readable beside a wide panel. */
export const MIN_MAIN_WIDTH = 360;
/** SPLITTER_WIDTH is the handle's own column (0.75rem). */
export const SPLITTER_WIDTH = 12;
/** KEY_STEP and KEY_STEP_LARGE are the arrow keys' moves (Shift for the large one), in pixels. */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 96;

/** clampSideWidth keeps a width between the panel's minimum and what leaves the diagram its own. */
export function clampSideWidth(width: number, containerWidth: number): number {
  const max = Math.max(MIN_SIDE_WIDTH, containerWidth - MIN_MAIN_WIDTH - SPLITTER_WIDTH);
  if (!Number.isFinite(width)) return Math.min(DEFAULT_SIDE_WIDTH, max);
  return Math.round(Math.min(max, Math.max(MIN_SIDE_WIDTH, width)));
}

/**
 * keyedSideWidth answers a key on the splitter as the WAI-ARIA window splitter pattern has it,
 * the value being the side panel's width: ← widens the panel (the splitter moves left), → narrows
 * it, Home gives the panel its smallest width and End its largest. Other keys give undefined.
 */
export function keyedSideWidth(key: string, shiftKey: boolean, width: number, containerWidth: number): number | undefined {
  const step = shiftKey ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampSideWidth(width + step, containerWidth);
    case 'ArrowRight':
      return clampSideWidth(width - step, containerWidth);
    case 'Home':
      return clampSideWidth(MIN_SIDE_WIDTH, containerWidth);
    case 'End':
      return clampSideWidth(containerWidth, containerWidth);
  }
  return undefined;
}

/** parseSideWidth reads a stored width; anything but a positive number is no width. */
export function parseSideWidth(text: string | null): number | undefined {
  if (text === null) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
