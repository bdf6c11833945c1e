/** Schemes a link may use; the server's allowlist and the reader's renderer agree. */
export const LINK_SCHEME = /^(?:https?:\/\/|mailto:)/i;

/**
 * A link address typed by hand, made absolute: "example.com" becomes https://example.com/, an
 * e-mail address a mailto: link. Any other scheme (javascript:, data:, vbscript:…) is refused: null.
 */
export function normalizeLink(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (LINK_SCHEME.test(value)) return validUrl(value);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return validUrl(`mailto:${value}`);
  return validUrl(`https://${value.replace(/^\/+/, '')}`);
}

function validUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}
