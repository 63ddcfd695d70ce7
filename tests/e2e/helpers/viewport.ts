/** Checks run inside the page (`page.waitForFunction`, `locator.evaluate`): what the editor sees and where the keyboard is. */

/** The element lies entirely within the window, top to bottom (and not under it). */
export function isInViewport(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
}

export function isFocused(element: Element): boolean {
  return document.activeElement === element;
}
