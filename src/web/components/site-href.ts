/**
 * Turns a site-relative path as routes hand it over (Arabic letters as written, not percent-encoded)
 * into an href. Paths always stay on this site: leading slashes and backslashes collapse to one "/",
 * so a path can never become a protocol-relative URL ("//evil.example").
 */
export function hrefFor(path: string): string {
  const sitePath = '/' + path.replace(/^[/\\\s]+/, '');
  return encodeURI(wellFormed(sitePath));
}

/** The absolute URL of a site path, e.g. for canonical links and share links. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/+$/, '') + hrefFor(path);
}

// encodeURI throws on lone surrogates, which can survive in text pasted from broken sources.
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
