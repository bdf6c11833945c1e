import { mediaPreviewUrl, type ImageAttrs } from './image-node.ts';
import { apiRequest, arabicMessage } from './newsroom-api.ts';

/** One picture of the media library, as GET /newsroom/api/media lists it. */
interface MediaItem {
  id: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
  url: string;
}

export interface PickOptions {
  title: string;
  current: ImageAttrs | null;
  /** The body's images have a caption and credit; the featured image only alt text. */
  withCaption: boolean;
}

/**
 * The media library in a modal dialog: search and pick a picture, or upload one (the file with its
 * alt text, which the library requires), then confirm its alt text, caption and credit. Resolves
 * with the chosen picture, or null when the dialog is closed.
 */
export function pickMedia(options: PickOptions): Promise<ImageAttrs | null> {
  const dialog = document.createElement('dialog');
  dialog.className = 'media-picker';
  dialog.setAttribute('aria-labelledby', 'media-picker-title');
  dialog.innerHTML = `
    <div class="media-picker-head">
      <h2 id="media-picker-title"></h2>
      <button type="button" class="media-picker-close" aria-label="أغلق مكتبة الوسائط">إغلاق</button>
    </div>
    <form class="media-upload" novalidate>
      <fieldset>
        <legend>ارفع صورة جديدة</legend>
        <label for="media-upload-file">الملف (JPEG أو PNG أو WebP أو AVIF، حتى 20 ميغابايت)</label>
        <input id="media-upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required>
        <label for="media-upload-alt">النص البديل (وصف الصورة لمن لا يراها) <span aria-hidden="true">*</span></label>
        <input id="media-upload-alt" name="alt" type="text" required maxlength="300" autocomplete="off">
        <label for="media-upload-caption">التعليق</label>
        <input id="media-upload-caption" name="caption" type="text" maxlength="500" autocomplete="off">
        <label for="media-upload-credit">المصدر (الحقوق)</label>
        <input id="media-upload-credit" name="credit" type="text" maxlength="200" autocomplete="off">
        <p class="field-error" role="alert" data-upload-error></p>
        <button type="submit" class="button">ارفع الصورة</button>
      </fieldset>
    </form>
    <section class="media-library" aria-labelledby="media-library-title">
      <h3 id="media-library-title">أو اختر من المكتبة</h3>
      <div class="media-search">
        <label for="media-search-q">ابحث في المكتبة</label>
        <input id="media-search-q" type="search" autocomplete="off">
      </div>
      <p class="media-count" role="status" aria-live="polite"></p>
      <ul class="media-grid"></ul>
      <button type="button" class="button media-more" hidden>صور أخرى</button>
    </section>
    <form class="media-choice" novalidate>
      <fieldset disabled>
        <legend>الصورة المختارة</legend>
        <img class="media-choice-preview" alt="" hidden>
        <label for="media-choice-alt">النص البديل <span aria-hidden="true">*</span></label>
        <input id="media-choice-alt" name="alt" type="text" required maxlength="300" autocomplete="off">
        <div data-caption-fields>
          <label for="media-choice-caption">التعليق</label>
          <input id="media-choice-caption" name="caption" type="text" maxlength="500" autocomplete="off">
          <label for="media-choice-credit">المصدر (الحقوق)</label>
          <input id="media-choice-credit" name="credit" type="text" maxlength="200" autocomplete="off">
        </div>
        <p class="field-error" role="alert" data-choice-error></p>
        <button type="submit" class="button-primary">استخدم هذه الصورة</button>
      </fieldset>
    </form>`;
  document.body.append(dialog);
  const $ = <T extends Element>(selector: string) => dialog.querySelector<T>(selector)!;
  $('#media-picker-title').textContent = options.title;

  const grid = $<HTMLUListElement>('.media-grid');
  const count = $<HTMLElement>('.media-count');
  const more = $<HTMLButtonElement>('.media-more');
  const search = $<HTMLInputElement>('#media-search-q');
  const uploadForm = $<HTMLFormElement>('.media-upload');
  const uploadError = $<HTMLElement>('[data-upload-error]');
  const choiceForm = $<HTMLFormElement>('.media-choice');
  const choiceFields = $<HTMLFieldSetElement>('.media-choice fieldset');
  const choiceError = $<HTMLElement>('[data-choice-error]');
  const preview = $<HTMLImageElement>('.media-choice-preview');
  const altInput = $<HTMLInputElement>('#media-choice-alt');
  const captionInput = $<HTMLInputElement>('#media-choice-caption');
  const creditInput = $<HTMLInputElement>('#media-choice-credit');
  if (!options.withCaption) $<HTMLElement>('[data-caption-fields]').hidden = true;

  let chosenId: number | null = null;
  const choose = (item: Pick<MediaItem, 'id' | 'alt' | 'caption' | 'credit'>, focus: boolean) => {
    chosenId = item.id;
    choiceFields.disabled = false;
    preview.src = mediaPreviewUrl(item.id, 320);
    preview.hidden = false;
    altInput.value = item.alt;
    captionInput.value = item.caption ?? '';
    creditInput.value = item.credit ?? '';
    for (const button of grid.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.id === String(item.id)));
    if (focus) altInput.focus();
  };
  if (options.current) choose({ id: options.current.mediaId, alt: options.current.alt, caption: options.current.caption, credit: options.current.credit }, false);

  let offset = 0;
  let query = '';
  let loading = 0;
  const load = async (append: boolean) => {
    const ticket = ++loading;
    const params = new URLSearchParams({ q: query, offset: String(append ? offset : 0) });
    const result = await apiRequest<{ items: MediaItem[]; total: number }>('GET', `/newsroom/api/media?${params}`);
    if (ticket !== loading) return;
    if (!result.ok) {
      count.textContent = arabicMessage(result.error);
      return;
    }
    if (!append) {
      grid.replaceChildren();
      offset = 0;
    }
    for (const item of result.data.items) grid.append(mediaTile(item, chosenId, () => choose(item, true)));
    offset += result.data.items.length;
    count.textContent = result.data.total === 0 ? 'لا صور في المكتبة بعد.' : `${result.data.total} صورة في المكتبة`;
    more.hidden = offset >= result.data.total || result.data.items.length === 0;
  };
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      query = search.value.trim();
      void load(false);
    }, 250);
  });
  more.addEventListener('click', () => void load(true));

  uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(uploadForm);
    const file = data.get('file');
    const alt = String(data.get('alt') ?? '').trim();
    if (!(file instanceof File) || file.size === 0) {
      uploadError.textContent = 'اختر ملف صورة أولاً.';
      return;
    }
    if (!alt) {
      uploadError.textContent = 'النص البديل مطلوب: صف الصورة في جملة قصيرة.';
      $<HTMLInputElement>('#media-upload-alt').focus();
      return;
    }
    uploadError.textContent = 'جارٍ الرفع…';
    const submit = uploadForm.querySelector('button')!;
    submit.disabled = true;
    // The file goes last: the server reads the fields before the bytes of a large upload.
    const body = new FormData();
    body.append('alt', alt);
    body.append('caption', String(data.get('caption') ?? ''));
    body.append('credit', String(data.get('credit') ?? ''));
    body.append('file', file);
    const result = await apiRequest<{ item: MediaItem }>('POST', '/newsroom/api/media', body);
    submit.disabled = false;
    if (!result.ok) {
      uploadError.textContent = result.error.fields ? Object.values(result.error.fields).join(' ') : arabicMessage(result.error);
      return;
    }
    uploadError.textContent = 'رُفعت الصورة.';
    uploadForm.reset();
    grid.prepend(mediaTile(result.data.item, result.data.item.id, () => choose(result.data.item, true)));
    choose(result.data.item, true);
  });

  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: ImageAttrs | null) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    choiceForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const alt = altInput.value.trim();
      if (chosenId === null) return;
      if (!alt) {
        choiceError.textContent = 'النص البديل مطلوب.';
        altInput.focus();
        return;
      }
      finish({
        mediaId: chosenId,
        alt,
        caption: options.withCaption ? captionInput.value.trim() || null : null,
        credit: options.withCaption ? creditInput.value.trim() || null : null,
      });
    });
    $<HTMLButtonElement>('.media-picker-close').addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', () => finish(null));
    dialog.showModal();
    $<HTMLInputElement>('#media-upload-file').focus();
    void load(false);
  });
}

function mediaTile(item: MediaItem, chosenId: number | null, onChoose: () => void): HTMLLIElement {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'media-tile';
  button.dataset.id = String(item.id);
  button.setAttribute('aria-pressed', String(item.id === chosenId));
  const img = document.createElement('img');
  img.src = mediaPreviewUrl(item.id, 320);
  img.alt = '';
  img.width = 160;
  img.height = Math.max(1, Math.round((160 * item.height) / Math.max(1, item.width)));
  img.loading = 'lazy';
  const label = document.createElement('span');
  label.textContent = item.alt || `صورة ${item.id}`;
  button.append(img, label);
  button.addEventListener('click', onChoose);
  li.append(button);
  return li;
}
