import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { MESSAGES, type Locale } from '../i18n/messages';
import { clampSideWidth, DEFAULT_SIDE_WIDTH, keyedSideWidth, MIN_SIDE_WIDTH } from './sideWidth';

/**
 * Splitter is the handle between the diagram and the side panel: drag it, or focus it and use
 * ←/→ (Shift for bigger steps), Home/End for the narrowest and widest panel; a double click puts the default width back. It is a
 * WAI-ARIA window splitter, so screen readers announce the panel's width.
 */
export function Splitter({ locale, width, setWidth, container }: { locale: Locale; width: number; setWidth: (width: number) => void; container: RefObject<HTMLElement | null> }) {
  const t = MESSAGES[locale];
  const drag = useRef<{ startX: number; startWidth: number } | undefined>(undefined);
  const containerWidth = () => container.current?.getBoundingClientRect().width ?? window.innerWidth;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setWidth(clampSideWidth(drag.current.startWidth + drag.current.startX - event.clientX, containerWidth()));
  };
  const onPointerUp = () => {
    drag.current = undefined;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = keyedSideWidth(event.key, event.shiftKey, width, containerWidth());
    if (next === undefined) return;
    // preventDefault also tells the player's shortcuts (← → seek) that the key is taken.
    event.preventDefault();
    setWidth(next);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t.resizeSidePanel}
      aria-valuenow={width}
      aria-valuemin={MIN_SIDE_WIDTH}
      aria-valuemax={container.current ? clampSideWidth(Number.MAX_SAFE_INTEGER, containerWidth()) : undefined}
      title={t.resizeSidePanelHint}
      tabIndex={0}
      data-testid="side-splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => setWidth(clampSideWidth(DEFAULT_SIDE_WIDTH, containerWidth()))}
      className="group hidden cursor-col-resize touch-none items-center justify-center outline-none lg:flex"
    >
      <div className="h-12 w-1 rounded bg-slate-300 group-hover:bg-sky-500 group-focus-visible:bg-sky-500 dark:bg-slate-600" />
    </div>
  );
}
