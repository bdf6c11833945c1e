interface ShareLinksProps {
  /** Absolute URL of the article. */
  url: string;
  title: string;
}

/**
 * Share links as plain links with encoded URLs, so they work without JavaScript. The copy-link and
 * system-share buttons start hidden and are shown by the script only where the browser can do it.
 */
export function ShareLinks({ url, title }: ShareLinksProps) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { name: 'x', label: 'إكس', href: `https://x.com/intent/tweet?text=${t}&url=${u}` },
    { name: 'facebook', label: 'فيسبوك', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'whatsapp', label: 'واتساب', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: 'telegram', label: 'تيليغرام', href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
  return (
    <nav class="share" aria-label="مشاركة">
      <p class="share-title">شارك المقال</p>
      <ul class="share-list">
        {links.map((link) => (
          <li key={link.name}>
            <a class={`share-link share-${link.name}`} href={link.href} rel="noopener noreferrer">
              {link.label}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="share-link share-copy" data-url={url} hidden>
            نسخ الرابط
          </button>
        </li>
        <li>
          <button type="button" class="share-link share-native" data-url={url} data-title={title} hidden>
            مشاركة…
          </button>
        </li>
      </ul>
      <p class="share-status" role="status"></p>
    </nav>
  );
}
