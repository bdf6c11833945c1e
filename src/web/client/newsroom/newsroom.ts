// The newsroom's browser script: progressive enhancement of the newsroom pages (the editor, autosave,
// the media picker). Each page's behaviour starts from the elements it finds.
import { initArticleEditor } from './editor-page.ts';
import { initWireDesk } from './wire-desk.ts';

const articleForm = document.querySelector<HTMLFormElement>('form#article-form');
if (articleForm) initArticleEditor(articleForm);

const wireForm = document.querySelector<HTMLFormElement>('form#wire-form');
if (wireForm) initWireDesk(wireForm);
