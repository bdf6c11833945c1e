/**
 * Requests from newsroom pages to /newsroom/api: the CSRF token from <meta name="csrf-token"> in a
 * header, JSON both ways, and errors read into { code, message, fields } with Arabic text the editor
 * can show (the API's own messages are English, for programs).
 */
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

const ARABIC_MESSAGES: Record<string, string> = {
  AUTH_REQUIRED: 'انتهت الجلسة أو لم تسجّل الدخول.',
  FORBIDDEN: 'ليست لديك صلاحية القيام بهذا العمل.',
  CSRF_INVALID: 'انتهت صلاحية رمز الأمان؛ أعد تحميل الصفحة.',
  VALIDATION_FAILED: 'بعض الحقول غير صالحة؛ صحّحها ثم أعد المحاولة.',
  ARTICLE_VERSION_CONFLICT: 'عدّل شخص آخر هذا المقال بعد أن فتحته، فلم تُحفظ تغييراتك فوق تغييراته. نصّك باقٍ هنا: انسخه، ثم أعد تحميل الصفحة لترى نسخته.',
  ARTICLE_TRANSITION_INVALID: 'لا يمكن نقل المقال إلى هذه الحالة من حالته الحالية؛ أعد تحميل الصفحة.',
  ARTICLE_NOT_FOUND: 'المقال غير موجود.',
  REVISION_NOT_FOUND: 'النسخة المطلوبة غير موجودة.',
  MEDIA_NOT_FOUND: 'الصورة غير موجودة.',
  MEDIA_TOO_LARGE: 'الملف أكبر من 20 ميغابايت؛ صغّره ثم أعد رفعه.',
  MEDIA_TYPE_UNSUPPORTED: 'نوع الملف غير مدعوم؛ ارفع صورة JPEG أو PNG أو WebP أو AVIF.',
  MEDIA_INVALID: 'تعذّرت قراءة الصورة: الملف تالف أو مقطوع أو أبعاده كبيرة جداً.',
  RATE_LIMITED: 'طلبات كثيرة في وقت قصير؛ انتظر قليلاً.',
  NETWORK: 'تعذّر الاتصال بالخادم؛ تحقّق من الشبكة. سنعيد المحاولة.',
};

/** Arabic text for an error code, or a general one. */
export function arabicMessage(error: ApiError): string {
  return ARABIC_MESSAGES[error.code] ?? 'حدث خطأ غير متوقع؛ أعد المحاولة.';
}

let csrfToken: string | null = null;

/** The token sent with every state-changing request: the page's, until a fresh one is fetched. */
export function currentCsrfToken(): string {
  csrfToken ??= document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  return csrfToken;
}

/**
 * Asks the server for this session's token again: after signing in anew in another tab the old one
 * belongs to a session that no longer exists. False while still signed out.
 */
export async function refreshCsrfToken(): Promise<boolean> {
  const result = await apiRequest<{ csrfToken: string }>('GET', '/newsroom/api/session');
  if (!result.ok) return false;
  csrfToken = result.data.csrfToken;
  document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.setAttribute('content', csrfToken);
  return true;
}

/** One request; never throws (a network failure is { code: 'NETWORK' }, status 0). */
export async function apiRequest<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: payload ?? null, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, error: { code: 'NETWORK', message: 'network error' } };
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  const error = (data as { error?: ApiError } | null)?.error;
  return {
    ok: false,
    status: response.status,
    error: error && typeof error.code === 'string' ? error : { code: response.status === 401 ? 'AUTH_REQUIRED' : 'INTERNAL', message: '' },
  };
}
