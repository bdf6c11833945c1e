import { apiRequest } from './newsroom-api.ts';

/** Tags are typed separated by commas (Arabic or Latin) or chosen from suggestions. */
const SEPARATOR = /[,،؛;\n]/;
const TAG_MAX = 60;
const TAGS_MAX = 20;

/** Splits the comma-separated text of the plain field into tag names. */
export function splitTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SEPARATOR)) {
    const name = raw.replace(/\s+/g, ' ').trim().slice(0, TAG_MAX);
    if (name && !out.includes(name)) out.push(name);
  }
  return out.slice(0, TAGS_MAX);
}

/**
 * Turns the plain "tags" text field into chips with an autocomplete combobox (the ARIA 1.2
 * combobox pattern): suggestions come from existing tags (GET /newsroom/api/tags?q=), and a name
 * that is not among them is created when the article is saved.
 */
export function enhanceTagInput(input: HTMLInputElement, onChange: () => void) {
  const tags = splitTags(input.value);
  const wrapper = document.createElement('div');
  wrapper.className = 'tag-editor';
  const chips = document.createElement('ul');
  chips.className = 'tag-chips';
  chips.setAttribute('aria-label', 'وسوم المقال');
  const listbox = document.createElement('ul');
  listbox.className = 'tag-suggestions';
  listbox.id = `${input.id}-suggestions`;
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', 'وسوم مقترحة');
  listbox.hidden = true;
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');

  input.value = '';
  input.name = '';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.autocomplete = 'off';
  input.placeholder = 'اكتب وسماً ثم Enter أو فاصلة';
  input.before(wrapper);
  wrapper.append(chips, input, listbox, live);

  let active = -1;
  let suggestions: string[] = [];

  const renderChips = () => {
    chips.replaceChildren(
      ...tags.map((name) => {
        const li = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = name;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'tag-remove';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `أزل الوسم ${name}`);
        remove.addEventListener('click', () => {
          tags.splice(tags.indexOf(name), 1);
          renderChips();
          live.textContent = `أزيل الوسم ${name}`;
          input.focus();
          onChange();
        });
        li.append(label, remove);
        return li;
      }),
    );
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const add = (raw: string) => {
    for (const name of splitTags(raw)) {
      if (tags.includes(name) || tags.length >= TAGS_MAX) continue;
      tags.push(name);
      live.textContent = `أضيف الوسم ${name}`;
    }
    input.value = '';
    close();
    renderChips();
    onChange();
  };

  const highlight = (index: number) => {
    active = index;
    listbox.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listbox.id}-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  let ticket = 0;
  const suggest = async () => {
    const q = input.value.trim();
    const mine = ++ticket;
    if (!q) return close();
    const result = await apiRequest<{ tags: { name: string }[] }>('GET', `/newsroom/api/tags?q=${encodeURIComponent(q)}`);
    if (mine !== ticket || !result.ok) return;
    suggestions = result.data.tags.map((t) => t.name).filter((name) => !tags.includes(name));
    if (!suggestions.includes(q) && !tags.includes(q)) suggestions.push(q);
    listbox.replaceChildren(
      ...suggestions.map((name, i) => {
        const option = document.createElement('li');
        option.id = `${listbox.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = result.data.tags.some((t) => t.name === name) ? name : `وسم جديد: ${name}`;
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          add(name);
        });
        return option;
      }),
    );
    listbox.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!listbox.hidden));
    active = -1;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    if (SEPARATOR.test(input.value)) {
      add(input.value);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && suggestions.length && !listbox.hidden) {
      event.preventDefault();
      highlight((active + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length && !listbox.hidden) {
      event.preventDefault();
      highlight((active - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter') {
      if (active >= 0 && suggestions[active]) add(suggestions[active]!);
      else if (input.value.trim()) add(input.value);
      else return;
      event.preventDefault();
    } else if (event.key === 'Escape' && !listbox.hidden) {
      event.preventDefault();
      close();
    } else if (event.key === 'Backspace' && input.value === '' && tags.length) {
      const removed = tags.pop();
      renderChips();
      live.textContent = `أزيل الوسم ${removed}`;
      onChange();
    }
  });
  input.addEventListener('blur', () => {
    if (input.value.trim()) add(input.value);
    close();
  });

  renderChips();
  return {
    /** The tags in order. */
    value: (): string[] => [...tags],
    set(next: readonly string[]) {
      tags.splice(0, tags.length, ...next);
      renderChips();
    },
  };
}
