import { Editor, type JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { MediaImage, type ImageAttrs } from './image-node.ts';
import { LINK_SCHEME, normalizeLink } from './link-address.ts';
import { ParagraphDirectionExtension, withDirections } from './paragraph-direction.ts';
import { storedDocument } from './stored-document.ts';


/** What the body editor asks of the page around it. */
export interface BodyEditorHooks {
  onChange(): void;
  onBlur(): void;
  /** Opens the media library; resolves with the chosen picture, or null when cancelled. */
  pickImage(current: ImageAttrs | null): Promise<ImageAttrs | null>;
}

/** The article body: TipTap limited to what the stored document holds, right to left. */
export interface BodyEditor {
  editor: Editor;
  /** The body as it would be stored. */
  document(): JSONContent;
  /** Replaces the body (a restored local copy). */
  setDocument(doc: JSONContent): void;
}

/** Mounts the editor in `host` (replacing the server-rendered read-only body) with its toolbar. */
export function mountBodyEditor(host: HTMLElement, initial: JSONContent, hooks: BodyEditorHooks): BodyEditor {
  host.replaceChildren();
  const toolbar = document.createElement('div');
  const surface = document.createElement('div');
  surface.className = 'body-editor-surface';
  host.append(toolbar, surface);

  const editor = new Editor({
    element: surface,
    // TipTap would add a <style> element, which the Content-Security-Policy refuses; newsroom.css has the rules.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: ['mailto'],
          isAllowedUri: (url) => LINK_SCHEME.test(url.trim()),
          shouldAutoLink: (url) => LINK_SCHEME.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url),
          HTMLAttributes: { rel: 'noopener nofollow ugc', target: null },
        },
      }),
      MediaImage,
      ParagraphDirectionExtension,
    ],
    content: withDirections(initial),
    editorProps: {
      attributes: {
        dir: 'rtl',
        lang: 'ar',
        class: 'body-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'نص المقال',
        id: 'body-editor-content',
      },
    },
    onUpdate: () => hooks.onChange(),
    onBlur: () => hooks.onBlur(),
  });

  buildToolbar(toolbar, editor, hooks);

  return {
    editor,
    document: () => storedDocument(editor.getJSON()),
    setDocument: (doc) => {
      editor.commands.setContent(withDirections(doc), { emitUpdate: true });
    },
  };
}

interface ToolbarButton {
  label: string;
  /** Visible text; the accessible name (aria-label) starts with it. */
  text: string;
  shortcut?: string;
  run(editor: Editor): void | Promise<void>;
  /** For toggles: whether the format is on at the selection (aria-pressed). */
  active?(editor: Editor): boolean;
}

function buildToolbar(toolbar: HTMLElement, editor: Editor, hooks: BodyEditorHooks): void {
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'تنسيق نص المقال');
  toolbar.setAttribute('aria-controls', 'body-editor-content');

  const buttons: ToolbarButton[] = [
    { text: 'غامق', label: 'غامق (عريض)', shortcut: 'Ctrl+B', run: (e) => void e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { text: 'مائل', label: 'مائل', shortcut: 'Ctrl+I', run: (e) => void e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { text: 'عنوان', label: 'عنوان فرعي', run: (e) => void e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
    { text: 'عنوان صغير', label: 'عنوان صغير', run: (e) => void e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
    { text: 'اقتباس', label: 'اقتباس', run: (e) => void e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
    { text: 'نقاط', label: 'نقاط (قائمة غير مرقمة)', run: (e) => void e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { text: 'ترقيم', label: 'ترقيم (قائمة مرقمة)', run: (e) => void e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { text: 'رابط', label: 'رابط', shortcut: 'Ctrl+K', run: (e) => editLink(e), active: (e) => e.isActive('link') },
    { text: 'صورة', label: 'صورة من مكتبة الوسائط', run: (e) => insertOrEditImage(e, hooks) },
    {
      text: 'LTR',
      label: 'LTR: الفقرة من اليسار إلى اليمين',
      run: (e) => {
        const ltr = currentDirection(e) === 'ltr';
        e.chain().focus().setParagraphDirection(ltr ? 'rtl' : 'ltr').run();
      },
      active: (e) => currentDirection(e) === 'ltr',
    },
    { text: 'تراجع', label: 'تراجع', shortcut: 'Ctrl+Z', run: (e) => void e.chain().focus().undo().run() },
    { text: 'إعادة', label: 'إعادة', shortcut: 'Ctrl+Shift+Z', run: (e) => void e.chain().focus().redo().run() },
  ];

  const elements = buttons.map((spec, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'toolbar-button';
    button.textContent = spec.text;
    button.setAttribute('aria-label', spec.label);
    if (spec.shortcut) button.setAttribute('aria-keyshortcuts', spec.shortcut.replace('Ctrl', 'Control'));
    button.title = spec.shortcut ? `${spec.label} (${spec.shortcut})` : spec.label;
    // One tab stop for the whole toolbar; the arrow keys move inside it (the ARIA toolbar pattern).
    button.tabIndex = index === 0 ? 0 : -1;
    button.addEventListener('click', () => void spec.run(editor));
    toolbar.append(button);
    return button;
  });

  toolbar.addEventListener('keydown', (event) => {
    const index = elements.indexOf(document.activeElement as HTMLButtonElement);
    if (index === -1) return;
    // The toolbar runs right to left: ArrowLeft goes to the next button.
    const step = { ArrowLeft: 1, ArrowRight: -1, Home: -index, End: elements.length - 1 - index }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = elements[(index + step + elements.length) % elements.length];
    if (!next) return;
    for (const el of elements) el.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });

  const refresh = () => {
    buttons.forEach((spec, index) => {
      if (spec.active) elements[index]?.setAttribute('aria-pressed', String(spec.active(editor)));
    });
  };
  editor.on('transaction', refresh);
  refresh();

  editor.setOptions({
    editorProps: {
      ...editor.options.editorProps,
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          void editLink(editor);
          return true;
        }
        return false;
      },
    },
  });
}

function currentDirection(editor: Editor): 'rtl' | 'ltr' {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth >= 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'paragraph' || node.type.name === 'heading') return node.attrs.dir === 'ltr' ? 'ltr' : 'rtl';
  }
  return 'rtl';
}

async function insertOrEditImage(editor: Editor, hooks: BodyEditorHooks): Promise<void> {
  const { selection } = editor.state;
  const selected = selection instanceof NodeSelection && selection.node.type.name === 'image' ? (selection.node.attrs as ImageAttrs) : null;
  const picked = await hooks.pickImage(selected);
  if (!picked) {
    editor.commands.focus();
    return;
  }
  if (selected) editor.chain().focus().updateMediaImage(picked).run();
  else editor.chain().focus().insertMediaImage(picked).run();
}

/** A small dialog for the link at the selection: add, change or remove it. */
async function editLink(editor: Editor): Promise<void> {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const dialog = document.createElement('dialog');
  dialog.className = 'link-dialog';
  dialog.setAttribute('aria-labelledby', 'link-dialog-title');
  dialog.innerHTML = `
    <form method="dialog">
      <h2 id="link-dialog-title">رابط</h2>
      <label for="link-dialog-url">العنوان (يبدأ بـ https:// أو mailto:)</label>
      <input id="link-dialog-url" name="url" type="text" dir="ltr" inputmode="url" autocomplete="off">
      <p class="field-error" id="link-dialog-error" role="alert"></p>
      <div class="dialog-actions">
        <button value="save" class="button-primary">احفظ الرابط</button>
        <button value="remove" type="submit">أزل الرابط</button>
        <button value="cancel" type="submit" formnovalidate>إلغاء</button>
      </div>
    </form>`;
  document.body.append(dialog);
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  const error = dialog.querySelector<HTMLElement>('#link-dialog-error')!;
  input.value = current;
  input.setAttribute('aria-describedby', 'link-dialog-error');
  const form = dialog.querySelector('form')!;
  const result = await new Promise<string>((resolve) => {
    form.addEventListener('submit', (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.value === 'save' && normalizeLink(input.value) === null) {
        event.preventDefault();
        error.textContent = 'الرابط غير صالح: اكتب عنواناً يبدأ بـ https:// أو http:// أو mailto:.';
        input.focus();
        return;
      }
      resolve(submitter?.value ?? 'cancel');
    });
    dialog.addEventListener('cancel', () => resolve('cancel'));
    dialog.showModal();
    input.focus();
  });
  const href = normalizeLink(input.value);
  dialog.close();
  dialog.remove();
  const chain = editor.chain().focus().extendMarkRange('link');
  if (result === 'remove' || (result === 'save' && href === null)) chain.unsetLink().run();
  else if (result === 'save' && href && editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected: the address itself becomes the linked text.
    chain.insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] }).run();
  } else if (result === 'save' && href) chain.setLink({ href }).run();
  else editor.commands.focus();
}
