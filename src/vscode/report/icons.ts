// Small inline SVG icons (state of a deliverable, severity of a finding). Drawn rather than emoji so
// they look the same on every platform and take the theme's chart colours; decorative only
// (aria-hidden), the text beside each icon carries the meaning.
const ICONS = {
  present: '<circle cx="8" cy="8" r="7"/><path class="glyph" d="M4.6 8.3l2.3 2.3 4.6-4.9"/>',
  stub: '<path d="M8 1.3l7 12.6H1z"/><path class="glyph" d="M8 6v3.8M8 11.6v.3"/>',
  missing: '<circle cx="8" cy="8" r="7"/><path class="glyph" d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4"/>',
  outside: '<circle cx="8" cy="8" r="7"/><path class="glyph" d="M5 11l6-6M6.5 5H11v4.5"/>',
  error: '<circle cx="8" cy="8" r="7"/><path class="glyph" d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4"/>',
  warning: '<path d="M8 1.3l7 12.6H1z"/><path class="glyph" d="M8 6v3.8M8 11.6v.3"/>',
  info: '<circle cx="8" cy="8" r="7"/><path class="glyph" d="M8 7.2v4.3M8 4.6v.3"/>',
} as const;

export type IconName = keyof typeof ICONS;

/** An icon as an inline SVG element; the name is one of ours, never data. */
export function icon(name: IconName): string {
  return `<svg class="icon icon-${name}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}
