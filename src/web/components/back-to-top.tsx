/**
 * The back-to-top button. It starts hidden: the script shows it once the reader has scrolled more
 * than a screen, so readers without JavaScript never meet a button that does nothing.
 */
export function BackToTop() {
  return (
    <button type="button" class="back-to-top" aria-label="الذهاب إلى الأعلى" hidden>
      <svg
        aria-hidden="true"
        focusable="false"
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="2.25"
        stroke-linecap="round"
        stroke-linejoin="round"
      >
        <path d="M12 19V5M5 12l7-7 7 7" />
      </svg>
    </button>
  );
}
