/**
 * Brings a part of the page that just appeared to the editor: scrolled into view (the
 * Import view's preview starts below the fold) and focused, so keyboard and screen-reader
 * users continue there. The element needs `tabIndex={-1}` to take focus.
 */
export function reveal(element: HTMLElement | null): void {
  if (!element) return;
  const reduceMotion = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
}
