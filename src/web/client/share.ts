/**
 * Reveals the share buttons the browser can support: "نسخ الرابط" where the clipboard API is
 * available (secure pages only) and the system share sheet where navigator.share exists (phones).
 */
export function enhanceShare(doc: Document): void {
  const status = doc.querySelector<HTMLElement>('.share-status');

  if (navigator.clipboard && window.isSecureContext) {
    for (const button of doc.querySelectorAll<HTMLButtonElement>('button.share-copy')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator.clipboard.writeText(button.dataset.url ?? location.href).then(
          () => say(status, 'تم نسخ الرابط'),
          () => say(status, 'تعذّر نسخ الرابط'),
        );
      });
    }
  }

  if (typeof navigator.share === 'function') {
    for (const button of doc.querySelectorAll<HTMLButtonElement>('button.share-native')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator.share({ title: button.dataset.title ?? document.title, url: button.dataset.url ?? location.href }).catch(() => {
          // The reader closed the share sheet: nothing to report.
        });
      });
    }
  }
}

function say(status: HTMLElement | null, message: string): void {
  if (!status) return;
  status.textContent = message;
  window.setTimeout(() => {
    if (status.textContent === message) status.textContent = '';
  }, 4000);
}
