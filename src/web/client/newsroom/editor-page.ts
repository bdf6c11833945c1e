import type { JSONContent } from '@tiptap/core';
import { slugify } from '../../../arabic/slug.ts';
import { createAutosave, readLocalCopy, type Autosave } from './autosave.ts';
import { mountBodyEditor, type BodyEditor } from './editor.ts';
import { mediaPreviewUrl } from './image-node.ts';
import { pickMedia } from './media-picker.ts';
import { apiRequest, arabicMessage } from './newsroom-api.ts';
import { enhanceTagInput } from './tag-input.ts';

/** The draft as the editor sends it: ArticleDraft of article-desk.ts, keys always in this order. */
interface Draft {
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: string;
  sectionId: number;
  tags: string[];
  slug: string | null;
  body: JSONContent;
  featuredMediaId: number | null;
  featuredAlt: string | null;
}

const SLUG_MAX = 100;
type Action = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'return-to-draft';

/** The article editor page: fields, the body editor, autosave, preview and the workflow buttons. */
export function initArticleEditor(form: HTMLFormElement): void {
  if (form.dataset.readonly === 'true') {
    initReadOnly(form);
    return;
  }
  const initial = JSON.parse(form.dataset.draft ?? '{}') as Draft;
  const field = <T extends HTMLElement>(id: string) => form.querySelector<T>(`#${id}`)!;
  const headline = field<HTMLTextAreaElement | HTMLInputElement>('headline');
  const dek = field<HTMLTextAreaElement>('dek');
  const section = field<HTMLSelectElement>('sectionId');
  const byline = field<HTMLInputElement>('byline');
  const sourceKind = field<HTMLSelectElement>('sourceKind');
  const slug = field<HTMLInputElement>('slug');
  const featuredId = field<HTMLInputElement>('featuredMediaId');
  const featuredAlt = field<HTMLInputElement>('featuredAlt');
  const featuredBox = form.querySelector<HTMLElement>('.featured-preview');
  const status = document.getElementById('save-status')!;
  const alert = document.getElementById('editor-alert')!;
  const notice = document.getElementById('editor-notice');

  let slugAuto = form.dataset.slugAuto === 'true';
  let autosave: Autosave | undefined;
  const changed = () => autosave?.changed();

  const tags = enhanceTagInput(field<HTMLInputElement>('tags'), changed);
  const body: BodyEditor = mountBodyEditor(form.querySelector<HTMLElement>('#body-editor')!, initial.body, {
    onChange: changed,
    onBlur: () => autosave?.flush(),
    pickImage: (current) => pickMedia({ title: 'صورة في نص المقال', current, withCaption: true }),
  });

  const read = (): Draft => ({
    headline: headline.value.trim(),
    dek: dek.value.trim() || null,
    byline: byline.value.trim() || null,
    sourceKind: sourceKind.value,
    sectionId: Number(section.value),
    tags: tags.value(),
    slug: slugAuto ? null : slug.value.trim() || null,
    body: body.document(),
    featuredMediaId: featuredId.value ? Number(featuredId.value) : null,
    featuredAlt: featuredId.value ? featuredAlt.value.trim() || null : null,
  });

  const showFeatured = () => {
    const id = Number(featuredId.value);
    if (featuredBox) {
      let img = featuredBox.querySelector('img');
      if (id && !img) {
        img = document.createElement('img');
        img.width = 320;
        featuredBox.append(img);
      }
      if (img && !id) img.remove();
      else if (img) {
        img.src = mediaPreviewUrl(id, 320);
        img.alt = featuredAlt.value;
      }
    }
    form.querySelector<HTMLButtonElement>('[data-remove-featured]')!.hidden = !id;
  };

  const apply = (draft: Draft) => {
    headline.value = draft.headline;
    dek.value = draft.dek ?? '';
    byline.value = draft.byline ?? '';
    sourceKind.value = draft.sourceKind;
    if ([...section.options].some((o) => o.value === String(draft.sectionId))) section.value = String(draft.sectionId);
    tags.set(draft.tags);
    slugAuto = draft.slug === null;
    slug.value = draft.slug ?? slugify(draft.headline, SLUG_MAX);
    featuredId.value = draft.featuredMediaId ? String(draft.featuredMediaId) : '';
    featuredAlt.value = draft.featuredAlt ?? '';
    showFeatured();
    body.setDocument(draft.body);
  };

  const articleId = form.dataset.articleId ? Number(form.dataset.articleId) : null;
  const version = Number(form.dataset.version ?? '0');

  autosave = createAutosave<Draft>({
    articleId,
    version,
    read,
    canCreate: (draft) => draft.headline !== '',
    status,
    alert,
    automatic: form.dataset.status !== 'published',
    onSaved(article, created) {
      if (created) {
        form.dataset.articleId = String(article.id);
        history.replaceState(null, '', `/newsroom/articles/${article.id}`);
        document.querySelectorAll<HTMLElement>('[data-needs-id]').forEach((el) => (el.hidden = false));
      }
    },
    onFieldErrors(fields) {
      form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((el) => {
        const message = fields[el.dataset.errorFor ?? ''] ?? '';
        el.textContent = message;
        form.querySelector(`#${el.dataset.errorFor}`)?.toggleAttribute('aria-invalid', message !== '');
      });
    },
  });

  // Work kept in this browser when a save was refused (or the tab closed first) comes back.
  const local = readLocalCopy<Draft>(articleId);
  if (local && JSON.stringify(local.draft) !== JSON.stringify(read())) {
    if (local.version >= version) {
      apply(local.draft);
      say(notice, 'استُعيدت تغييرات لم تُحفظ من هذا المتصفح؛ ستُحفظ تلقائياً.');
      autosave.changed();
    } else {
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'button';
      restore.textContent = 'استعد نسختي';
      restore.addEventListener('click', () => {
        apply(local.draft);
        autosave?.changed();
        say(notice, 'استُعيدت نسختك المحلية؛ ستُحفظ فوق النسخة الأحدث على الخادم.');
      });
      say(notice, ['في هذا المتصفح نسخة غير محفوظة أقدم من آخر نسخة على الخادم. ', restore]);
    }
  }

  headline.addEventListener('input', () => {
    if (slugAuto) slug.value = slugify(headline.value, SLUG_MAX);
    changed();
  });
  slug.addEventListener('input', () => {
    slugAuto = slug.value.trim() === '' || slug.value === slugify(headline.value, SLUG_MAX);
    changed();
  });
  slug.addEventListener('blur', () => {
    if (slug.value.trim() === '') slug.value = slugify(headline.value, SLUG_MAX);
  });
  for (const input of [dek, byline, featuredAlt]) input.addEventListener('input', changed);
  for (const select of [section, sourceKind]) select.addEventListener('change', changed);
  form.addEventListener('change', () => autosave?.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') autosave?.flush();
  });

  form.querySelector('[data-pick-featured]')?.addEventListener('click', async () => {
    const current = featuredId.value
      ? { mediaId: Number(featuredId.value), alt: featuredAlt.value, caption: null, credit: null }
      : null;
    const picked = await pickMedia({ title: 'الصورة الرئيسية', current, withCaption: false });
    if (picked) {
      featuredId.value = String(picked.mediaId);
      featuredAlt.value = picked.alt;
      showFeatured();
      changed();
    }
    form.querySelector<HTMLButtonElement>('[data-pick-featured]')?.focus();
  });
  form.querySelector('[data-remove-featured]')?.addEventListener('click', () => {
    featuredId.value = '';
    featuredAlt.value = '';
    showFeatured();
    changed();
    form.querySelector<HTMLButtonElement>('[data-pick-featured]')?.focus();
  });
  showFeatured();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void autosave?.save('save');
  });

  form.querySelector('[data-action="preview"]')?.addEventListener('click', async () => {
    // Opened before the save, inside the click, so that no popup blocker stops it.
    const preview = window.open('about:blank', '_blank');
    const saved = await autosave!.save('save');
    const id = autosave!.articleId;
    if (!saved || id === null) {
      preview?.close();
      return;
    }
    const url = `/newsroom/articles/${id}/preview`;
    if (preview) preview.location.href = url;
    else window.location.assign(url);
  });

  for (const button of form.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    const action = button.dataset.action as Action | 'preview' | 'save';
    if (action === 'preview' || action === 'save') continue;
    button.addEventListener('click', () => void runAction(action, button));
  }

  async function runAction(action: Action, button: HTMLButtonElement) {
    const body: { version: number; at?: string } = { version: 0 };
    if (action === 'schedule') {
      const at = form.querySelector<HTMLInputElement>('#schedule-at')?.value ?? '';
      const when = at ? new Date(at) : null;
      if (!when || Number.isNaN(when.getTime())) {
        say(alert, 'اختر موعد النشر (التاريخ والساعة) أولاً.');
        form.querySelector<HTMLInputElement>('#schedule-at')?.focus();
        return;
      }
      body.at = when.toISOString();
    }
    button.disabled = true;
    try {
      if (!(await autosave!.save('save'))) return;
      body.version = autosave!.version;
      const result = await apiRequest<{ article: { id: number; version: number } }>(
        'POST',
        `/newsroom/api/articles/${autosave!.articleId}/${action}`,
        body,
      );
      if (!result.ok) {
        say(alert, result.error.fields ? Object.values(result.error.fields).join(' ') : arabicMessage(result.error));
        return;
      }
      autosave!.markSaved();
      window.location.assign(`/newsroom/articles/${result.data.article.id}?done=${action}`);
    } finally {
      button.disabled = false;
    }
  }

  const noteForm = document.querySelector<HTMLFormElement>('form[data-note-form]');
  noteForm?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(noteForm);
    const result = await apiRequest('POST', `/newsroom/api/articles/${autosave!.articleId}/notes`, {
      kind: data.get('kind'),
      text: String(data.get('text') ?? ''),
    });
    if (!result.ok) {
      say(noteForm.querySelector('[role="alert"]'), result.error.fields ? Object.values(result.error.fields).join(' ') : arabicMessage(result.error));
      return;
    }
    window.location.assign(`/newsroom/articles/${autosave!.articleId}?done=notes`);
  });

  window.addEventListener('beforeunload', (event) => {
    if (autosave?.hasUnsavedWork()) {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    }
  });

  form.classList.add('is-enhanced');
}

/**
 * An article this person may look at but not edit (a writer's story once it went to review): the
 * server-rendered body stays as it is; only the preview and the workflow buttons they have work.
 */
function initReadOnly(form: HTMLFormElement): void {
  const id = form.dataset.articleId;
  const alert = document.getElementById('editor-alert');
  form.addEventListener('submit', (event) => event.preventDefault());
  form.querySelector('[data-action="preview"]')?.addEventListener('click', () => {
    window.open(`/newsroom/articles/${id}/preview`, '_blank');
  });
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    const action = button.dataset.action;
    if (action === 'preview' || action === 'save' || action === 'schedule') continue;
    button.addEventListener('click', async () => {
      button.disabled = true;
      const result = await apiRequest('POST', `/newsroom/api/articles/${id}/${action}`, { version: Number(form.dataset.version) });
      button.disabled = false;
      if (result.ok) window.location.assign(`/newsroom/articles/${id}?done=${action}`);
      else say(alert, arabicMessage(result.error));
    });
  }
  form.classList.add('is-enhanced');
}

function say(region: Element | null, content: string | (string | Node)[]): void {
  if (!region) return;
  region.replaceChildren(...(typeof content === 'string' ? [content] : content));
  (region as HTMLElement).hidden = false;
}
