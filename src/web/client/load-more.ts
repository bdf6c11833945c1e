/**
 * "اظهر المزيد": fetch the next cards as an HTML fragment of `<li>` items and append them to the list
 * in place, instead of opening the next page. Focus moves to the first new headline so keyboard and
 * screen-reader users continue where the new stories start.
 */
export function enhanceLoadMore(doc: Document): void {
  doc.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLAnchorElement>('a.load-more[data-fragment]');
    if (!link) return;
    const feed = link.closest('.card-feed');
    const list = feed?.querySelector<HTMLOListElement>('ol.card-list');
    if (!feed || !list) return;
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') return;
    void loadMore(link, list, feed.querySelector<HTMLElement>('.sr-status'));
  });
}

async function loadMore(link: HTMLAnchorElement, list: HTMLOListElement, status: HTMLElement | null): Promise<void> {
  const fragmentUrl = link.dataset.fragment ?? '';
  const label = link.textContent;
  link.setAttribute('aria-busy', 'true');
  link.textContent = 'جارٍ التحميل…';
  let items: HTMLLIElement[];
  let nextPage: string;
  let nextFragment: string;
  try {
    const response = await fetch(fragmentUrl, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const template = document.createElement('template');
    template.innerHTML = await response.text();
    items = Array.from(template.content.children).filter((el): el is HTMLLIElement => el instanceof HTMLLIElement);
    nextPage = response.headers.get('X-Next-Page') ?? '';
    nextFragment = response.headers.get('X-Next-Fragment') ?? '';
  } catch {
    // Whatever went wrong (offline, server error), the link still leads to the next page.
    window.location.assign(link.href);
    return;
  }

  link.textContent = label;
  link.removeAttribute('aria-busy');
  list.append(...items);
  announce(status, items.length);
  items[0]?.querySelector<HTMLAnchorElement>('.card-title a')?.focus();

  if (nextPage && nextFragment && items.length) {
    link.href = nextPage;
    link.dataset.fragment = nextFragment;
  } else {
    link.remove();
  }
}

const plural = typeof Intl === 'object' && 'PluralRules' in Intl ? new Intl.PluralRules('ar') : null;

/** "تم تحميل 12 مقالاً إضافياً", in the Arabic count forms (1, 2, 3–10, 11–99, 100+). */
function countMessage(count: number): string {
  switch (plural?.select(count) ?? 'other') {
    case 'zero':
      return 'لا توجد مقالات إضافية';
    case 'one':
      return 'تم تحميل مقال واحد إضافي';
    case 'two':
      return 'تم تحميل مقالين إضافيين';
    case 'few':
      return `تم تحميل ${count} مقالات إضافية`;
    case 'many':
      return `تم تحميل ${count} مقالاً إضافياً`;
    default:
      return `تم تحميل ${count} مقال إضافي`;
  }
}

function announce(status: HTMLElement | null, count: number): void {
  if (!status) return;
  // Screen readers skip a live region whose text did not change, and two pages of 12 say the same
  // thing: clear it first, then write the message on the next frame.
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = countMessage(count);
  });
}
