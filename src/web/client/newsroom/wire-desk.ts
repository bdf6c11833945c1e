/**
 * The wire desk's form posts as a plain form; the script only keeps a second press from creating a
 * second draft while the first is on its way, and says so.
 */
export function initWireDesk(form: HTMLFormElement): void {
  form.addEventListener('submit', (event) => {
    if (form.dataset.busy === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.busy = 'true';
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) {
      button.setAttribute('aria-disabled', 'true');
      button.textContent = 'جارٍ إنشاء المسودة…';
    }
  });
}
