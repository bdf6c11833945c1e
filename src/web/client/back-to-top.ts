/**
 * Shows the back-to-top button once the reader is more than a screen down, hides it again near the
 * top, and on click scrolls up and moves keyboard focus to the top of the content too, so the next
 * Tab does not jump back to where the reader was.
 */
export function enhanceBackToTop(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('button.back-to-top');
  if (!button) return;
  let scheduled = false;
  const update = () => {
    scheduled = false;
    const y = window.scrollY;
    const screen = window.innerHeight;
    // Two thresholds, so the button does not flicker when the reader stops right at one.
    if (y > screen) button.hidden = false;
    else if (y < screen / 2) button.hidden = true;
  };
  window.addEventListener(
    'scroll',
    () => {
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(update);
      }
    },
    { passive: true },
  );
  update();

  button.addEventListener('click', () => {
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const main = doc.getElementById('main');
    main?.focus({ preventScroll: true });
    window.scrollTo({ top: 0, behavior: reduceMotion ? 'auto' : 'smooth' });
  });
}
