/**
 * Turns a site-relative path as routes hand it over (Arabic letters as written, not percent-encoded)
 * into an href. Paths always stay on this site: leading slashes and backslashes collapse to one "/",
 * so a path can never become a protocol-relative URL ("//evil.example").
 */
export function hrefFor(path: string): string {
  const sitePath = '/' + path.replace(/^[/\\\s]+/, '');
  return encodeUrlText(wellFormed(sitePath));
}

/** The absolute URL of a site path, e.g. for canonical links and share links. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/+$/, '') + hrefFor(path);
}

/**
 * Percent-encodes what a URL cannot hold as is (Arabic letters, spaces), like encodeURI, but keeps
 * escapes already present ("%26" in a query value stays "%26"), so a query string built with
 * encodeURIComponent passes through unchanged.
 */
function encodeUrlText(text: string): string {
  return text.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gu, (run) => encodeURI(run));
}

// encodeURI throws on lone surrogates, which can survive in text pasted from broken sources.
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
