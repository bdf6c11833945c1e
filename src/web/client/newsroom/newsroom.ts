// The newsroom's browser script: progressive enhancement of the newsroom pages (the editor, autosave,
// the media picker). Each page's behaviour starts from the elements it finds.
export {};
