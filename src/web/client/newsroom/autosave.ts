import { apiRequest, arabicMessage, refreshCsrfToken, type ApiError } from './newsroom-api.ts';

/** What the server answers a save with (the fields autosave needs). */
export interface SavedArticle {
  id: number;
  version: number;
}

export interface AutosaveOptions<Draft> {
  articleId: number | null;
  version: number;
  /** The draft as the form holds it now. */
  read(): Draft;
  /** Whether the draft may be created yet (a new article needs a headline). */
  canCreate(draft: Draft): boolean;
  /** The polite live region for "saved at …". */
  status: HTMLElement;
  /** The assertive region for problems that need the editor's attention. */
  alert: HTMLElement;
  onSaved(article: SavedArticle, created: boolean): void;
  /**
   * False for a published story: what readers see changes only when someone presses save, so a
   * half-typed sentence never goes live. Unsaved work is still kept in the browser.
   */
  automatic: boolean;
  onFieldErrors(fields: Record<string, string>): void;
}

/** A copy of unsaved work kept in this browser, keyed by article. */
interface LocalCopy<Draft> {
  draft: Draft;
  version: number;
  savedAt: number;
}

/** Seconds between the first unsaved change and its autosave. */
const AUTOSAVE_DELAY_MS = 5_000;
const RETRY_MS = 5_000;

function storageKey(id: number | null): string {
  return `midad:article-draft:${id ?? 'new'}`;
}

/** The copy of unsaved work kept in this browser for this article, if any. */
export function readLocalCopy<Draft>(id: number | null): LocalCopy<Draft> | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy<Draft>;
    return parsed && typeof parsed.version === 'number' && parsed.draft ? parsed : null;
  } catch {
    return null;
  }
}

const timeFormat = new Intl.DateTimeFormat('ar', { hour: 'numeric', minute: '2-digit', numberingSystem: 'latn' });

/**
 * Saves the draft about five seconds after the first unsaved change, on blur and on demand. Every
 * unsaved state is also kept in localStorage, so a refused save (an expired session, a conflict, the
 * network) loses nothing: after signing in again in another tab the save is retried, and on the
 * next visit a newer local copy comes back.
 */
export function createAutosave<Draft>(options: AutosaveOptions<Draft>) {
  let articleId = options.articleId;
  let version = options.version;
  let savedJson = JSON.stringify(options.read());
  let inFlight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setInterval> | undefined;
  let blocked: 'conflict' | 'auth' | null = null;

  const isDirty = () => JSON.stringify(options.read()) !== savedJson;

  const keepLocally = () => {
    try {
      const copy: LocalCopy<Draft> = { draft: options.read(), version, savedAt: Date.now() };
      localStorage.setItem(storageKey(articleId), JSON.stringify(copy));
    } catch {
      // A full or disabled storage: the draft is still in the page, and the warning before leaving stays.
    }
  };
  const dropLocalCopy = () => {
    try {
      localStorage.removeItem(storageKey(articleId));
    } catch {
      // Nothing kept, nothing to drop.
    }
  };

  const showAlert = (content: string | (string | Node)[]) => {
    options.alert.replaceChildren(...(typeof content === 'string' ? [content] : content));
    options.alert.hidden = false;
  };
  const clearAlert = () => {
    options.alert.replaceChildren();
    options.alert.hidden = true;
  };

  const stopRetrying = () => {
    clearInterval(retryTimer);
    retryTimer = undefined;
  };
  const retrySoon = () => {
    retryTimer ??= setInterval(() => void retry(), RETRY_MS);
  };
  const retry = async () => {
    if (inFlight) return;
    if (blocked === 'auth' && !(await refreshCsrfToken())) return;
    blocked = null;
    await save(options.automatic ? 'autosave' : 'save');
  };

  const signedOut = () => {
    blocked = 'auth';
    keepLocally();
    const link = document.createElement('a');
    link.href = '/newsroom/login';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'سجّل الدخول في نافذة جديدة';
    showAlert([
      'انتهت جلستك فلم يُحفظ آخر ما كتبت على الخادم، لكنه محفوظ في هذا المتصفح ولن يضيع. ',
      link,
      '، ثم عد إلى هذه الصفحة: سيُحفظ تلقائياً.',
    ]);
    options.status.textContent = 'لم يُحفظ: انتهت الجلسة.';
    retrySoon();
  };

  const failed = (error: ApiError, status: number) => {
    if (status === 401 || error.code === 'AUTH_REQUIRED') return signedOut();
    keepLocally();
    if (error.code === 'ARTICLE_VERSION_CONFLICT') {
      blocked = 'conflict';
      stopRetrying();
      showAlert(arabicMessage(error));
      options.status.textContent = 'لم يُحفظ: تعارض مع تعديل آخر.';
      return;
    }
    if (error.code === 'VALIDATION_FAILED' && error.fields) {
      options.onFieldErrors(error.fields);
      options.status.textContent = `لم يُحفظ: ${Object.values(error.fields).join(' ')}`;
      return;
    }
    if (status === 0 || status >= 500 || error.code === 'RATE_LIMITED') retrySoon();
    options.status.textContent = `لم يُحفظ: ${arabicMessage(error)}`;
  };

  async function attempt(reason: 'save' | 'autosave'): Promise<boolean> {
    const draft = options.read();
    const json = JSON.stringify(draft);
    if (articleId !== null && json === savedJson) return true;
    if (articleId === null && !options.canCreate(draft)) {
      if (reason === 'save') options.status.textContent = 'اكتب العنوان أولاً ثم احفظ.';
      return false;
    }
    options.status.textContent = 'جارٍ الحفظ…';
    const created = articleId === null;
    const result = created
      ? await apiRequest<{ article: SavedArticle }>('POST', '/newsroom/api/articles', { draft })
      : await apiRequest<{ article: SavedArticle }>('PUT', `/newsroom/api/articles/${articleId}`, { draft, version, reason });
    if (!result.ok && result.error.code === 'CSRF_INVALID' && (await refreshCsrfToken())) return attempt(reason);
    if (!result.ok) {
      failed(result.error, result.status);
      return false;
    }
    const wasNew = articleId === null;
    if (wasNew) dropLocalCopy();
    articleId = result.data.article.id;
    version = result.data.article.version;
    savedJson = json;
    stopRetrying();
    clearAlert();
    options.onFieldErrors({});
    const time = timeFormat.format(new Date());
    options.status.textContent = reason === 'autosave' ? `حُفظ تلقائياً الساعة ${time}` : `حُفظ الساعة ${time}`;
    if (isDirty()) {
      keepLocally();
      if (options.automatic) schedule();
    } else dropLocalCopy();
    options.onSaved(result.data.article, created);
    return true;
  }

  /** Saves now unless a save is running (then after it); resolves false when the server refused. */
  async function save(reason: 'save' | 'autosave'): Promise<boolean> {
    clearTimeout(timer);
    timer = undefined;
    if (blocked === 'conflict') return false;
    if (blocked === 'auth' && reason === 'autosave') return false;
    while (inFlight) await inFlight;
    inFlight = attempt(reason);
    try {
      return await inFlight;
    } finally {
      inFlight = null;
    }
  }

  function schedule() {
    timer ??= setTimeout(() => {
      timer = undefined;
      void save('autosave');
    }, AUTOSAVE_DELAY_MS);
  }

  // Back from signing in in another tab: retry at once rather than at the next tick.
  window.addEventListener('focus', () => {
    if (blocked === 'auth') void retry();
  });

  return {
    /** Call after every edit. */
    changed() {
      if (!isDirty()) return;
      keepLocally();
      if (!options.automatic) options.status.textContent = 'تعديلات لم تُحفظ: تظهر للقراء بعد الحفظ.';
      else if (blocked === null) schedule();
    },
    save,
    /** Saves if anything changed (blur). */
    flush() {
      if (options.automatic && isDirty() && blocked === null) void save('autosave');
    },
    /** Unsaved work or a save still running: leaving would lose something. */
    hasUnsavedWork: () => inFlight !== null || isDirty(),
    get articleId() {
      return articleId;
    },
    get version() {
      return version;
    },
    /** After an action (publish…) changed the version on the server. */
    setVersion(next: number) {
      version = next;
    },
    /** The form now holds exactly what the server has. */
    markSaved() {
      savedJson = JSON.stringify(options.read());
      dropLocalCopy();
    },
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
