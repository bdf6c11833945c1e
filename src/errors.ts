/**
 * The one error type of the platform and the catalog of its codes. Codes are permanent keys: tests
 * and API clients match on them, so never rename one. Every code carries Arabic and English text
 * that says what happened and what to do.
 */
export const ERROR_CATALOG = {
  NOT_FOUND: {
    status: 404,
    message: { ar: 'الصفحة المطلوبة غير موجودة. ربما نُقلت أو حُذفت؛ جرّب الصفحة الرئيسية أو البحث.', en: 'The requested page does not exist.' },
  },
  ARTICLE_NOT_FOUND: {
    status: 404,
    message: { ar: 'المقال غير موجود أو لم يُنشر بعد.', en: 'The article does not exist or is not published.' },
  },
  SECTION_NOT_FOUND: {
    status: 404,
    message: { ar: 'القسم غير موجود.', en: 'The section does not exist.' },
  },
  TAG_NOT_FOUND: {
    status: 404,
    message: { ar: 'الوسم غير موجود.', en: 'The tag does not exist.' },
  },
  VALIDATION_FAILED: {
    status: 400,
    message: { ar: 'بعض المدخلات غير صالحة؛ صحّح الحقول المذكورة وأعد المحاولة.', en: 'Some input is invalid; fix the listed fields and try again.' },
  },
  INVALID_CURSOR: {
    status: 400,
    message: { ar: 'مؤشر الصفحة غير صالح؛ ابدأ من الصفحة الأولى.', en: 'The page cursor is invalid; start again from the first page.' },
  },
  SEARCH_QUERY_EMPTY: {
    status: 400,
    message: {
      ar: 'لا توجد في طلب البحث كلمات يمكن البحث عنها؛ اكتب اسماً أو كلمة أوضح.',
      en: 'The query has no searchable words (empty, only common words, or only marks); add a clearer word.',
    },
  },
  DUPLICATE_ARTICLE: {
    status: 409,
    message: { ar: 'هذا النص مستورد من قبل؛ لم يُنشأ مقال جديد.', en: 'This text was imported before; no new article was created.' },
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    message: { ar: 'تعذّر استيراد الملف.', en: 'The file could not be imported.' },
  },
  AUTH_REQUIRED: {
    status: 401,
    message: { ar: 'يجب تسجيل الدخول أولاً، أو انتهت الجلسة؛ سجّل الدخول ثم أعد المحاولة.', en: 'Sign in first (or the session expired), then try again.' },
  },
  LOGIN_FAILED: {
    status: 401,
    message: { ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.', en: 'The e-mail address or the password is wrong.' },
  },
  LOGIN_THROTTLED: {
    status: 429,
    message: { ar: 'محاولات دخول فاشلة كثيرة؛ انتظر ربع ساعة ثم أعد المحاولة.', en: 'Too many failed sign-ins; wait 15 minutes and try again.' },
  },
  FORBIDDEN: {
    status: 403,
    message: { ar: 'ليست لديك صلاحية القيام بهذا العمل.', en: 'Your role does not allow this action.' },
  },
  CSRF_INVALID: {
    status: 403,
    message: { ar: 'انتهت صلاحية النموذج أو لم يُرسل من موقعنا؛ أعد تحميل الصفحة وحاول مرة أخرى.', en: 'The form token is missing or invalid; reload the page and try again.' },
  },
  USER_EXISTS: {
    status: 409,
    message: { ar: 'يوجد حساب بهذا البريد الإلكتروني.', en: 'An account with this e-mail address exists.' },
  },
  USER_NOT_FOUND: {
    status: 404,
    message: { ar: 'الحساب غير موجود.', en: 'The account does not exist.' },
  },
  LAST_ADMIN: {
    status: 409,
    message: {
      ar: 'هذا آخر مدير نشط؛ لا يمكن تعطيله أو تغيير دوره. امنح شخصاً آخر دور المدير أولاً.',
      en: 'This is the last active administrator; make someone else an administrator first.',
    },
  },
  ARTICLE_VERSION_CONFLICT: {
    status: 409,
    message: {
      ar: 'عدّل شخص آخر هذا المقال بعد أن فتحته؛ لم تُحفظ تغييراتك فوق تغييراته. انسخ ما كتبت ثم أعد تحميل المقال.',
      en: 'Someone else changed this article after you opened it; your save was not applied over theirs.',
    },
  },
  ARTICLE_TRANSITION_INVALID: {
    status: 409,
    message: { ar: 'لا يمكن نقل المقال إلى هذه الحالة من حالته الحالية.', en: 'The article cannot move to that state from its current state.' },
  },
  REVISION_NOT_FOUND: {
    status: 404,
    message: { ar: 'النسخة المطلوبة من المقال غير موجودة.', en: 'The requested revision does not exist.' },
  },
  MEDIA_NOT_FOUND: {
    status: 404,
    message: { ar: 'الصورة غير موجودة.', en: 'The image does not exist.' },
  },
  MEDIA_TOO_LARGE: {
    status: 413,
    message: { ar: 'الملف أكبر من 20 ميغابايت؛ صغّره ثم أعد رفعه.', en: 'The file is larger than 20 MB.' },
  },
  MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    message: { ar: 'نوع الملف غير مدعوم؛ ارفع صورة JPEG أو PNG أو WebP أو AVIF.', en: 'Unsupported file type; upload a JPEG, PNG, WebP or AVIF image.' },
  },
  MEDIA_INVALID: {
    status: 400,
    message: { ar: 'تعذّرت قراءة الصورة: الملف تالف أو مقطوع أو أبعاده كبيرة جداً.', en: 'The image could not be read: damaged, truncated or too many pixels.' },
  },
  MEDIA_IN_USE: {
    status: 409,
    message: { ar: 'الصورة مستخدمة في مقالات؛ أزلها منها أولاً.', en: 'The image is used by articles; remove it from them first.' },
  },
  RATE_LIMITED: {
    status: 429,
    message: { ar: 'طلبات كثيرة في وقت قصير؛ انتظر قليلاً ثم أعد المحاولة.', en: 'Too many requests; wait a moment and try again.' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: { ar: 'الخدمة مشغولة الآن؛ أعد المحاولة بعد قليل.', en: 'The service is busy; try again shortly.' },
  },
  CONFIG_INVALID: {
    status: 500,
    message: { ar: 'إعدادات التشغيل غير صالحة.', en: 'The configuration is invalid.' },
  },
  INTERNAL: {
    status: 500,
    message: { ar: 'حدث خطأ غير متوقع. أبلغنا به، وأعد المحاولة لاحقاً.', en: 'An unexpected error occurred.' },
  },
} as const satisfies Record<string, { status: number; message: { ar: string; en: string } }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Field-level problems of a refused input: field path → Arabic explanation. */
export type FieldErrors = Record<string, string>;

/** The platform's error: a catalog code, optional details for the log and optional field errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: string | undefined;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, options: { details?: string; fields?: FieldErrors; cause?: unknown } = {}) {
    super(`${code}${options.details ? `: ${options.details}` : ''}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.details = options.details;
    this.fields = options.fields;
  }

  /** The Arabic message a reader or editor sees. */
  get arabicMessage(): string {
    return ERROR_CATALOG[this.code].message.ar;
  }
}

/** True for errors this platform threw on purpose (as opposed to bugs). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
