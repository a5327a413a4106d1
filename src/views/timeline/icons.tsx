// Inline SVG icons: emoji and media-control glyphs are missing from many system fonts (Debian's Chromium shows boxes).
const common = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true, fill: 'currentColor' } as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5v11l9-5.5z" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...common}>
    <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />
  </svg>
);

export const PreviousIcon = () => (
  <svg {...common}>
    <path d="M3 2.5h2v11H3zM14 2.5v11L6 8z" />
  </svg>
);

export const NextIcon = () => (
  <svg {...common}>
    <path d="M11 2.5h2v11h-2zM2 2.5v11L10 8z" />
  </svg>
);
