const BASE = 'http://midad.invalid';
const MAX_RETURN_PATH_CHARS = 2_000;

/**
 * The page to return to after signing in, if `raw` is a path inside the newsroom of this site, else
 * null. Resolved the way a browser would (backslashes, `//host`, `/../`, percent-encoded dots,
 * control characters), then required to stay on this origin and under /newsroom: a link such as
 * /newsroom/login?next=//evil.example can never send a person elsewhere.
 */
export function newsroomReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RETURN_PATH_CHARS) return null;
  // Browsers drop tabs and newlines inside URLs ("/\t/evil.example" is "//evil.example"): refuse any control character.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname;
  if (path !== '/newsroom' && !path.startsWith('/newsroom/')) return null;
  // Back to the login or logout page would be a loop.
  if (path === '/newsroom/login' || path === '/newsroom/logout') return null;
  return path + url.search;
}
