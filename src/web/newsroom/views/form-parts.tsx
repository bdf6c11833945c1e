import type { ComponentChildren } from 'preact';

/** A refused form's problems: one message for the form, and one per field (field name → Arabic text). */
export interface FormProblems {
  /** The error code (kept on the element for scripts and tests). */
  code?: string;
  message: string;
  fields?: Record<string, string>;
}

/** The hidden CSRF field every newsroom form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FieldProps {
  /** Element id; the label points at it and the error summary links to it. */
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  error?: string | undefined;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  /** Addresses are left to right whatever the page's direction. */
  dir?: 'ltr' | 'rtl' | 'auto';
}

/** The ids of a field's hint and error, for its aria-describedby. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's frame: its label, hint and error above the control, marked invalid when there is an error. */
export function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ id, name, label, type = 'text', value, error, hint, autocomplete, required, maxLength, minLength, dir }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        // preact types each input type separately; the union is fine at runtime.
        type={type as 'text'}
        value={value}
        autocomplete={autocomplete}
        required={required}
        maxLength={maxLength}
        minLength={minLength}
        dir={dir}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/**
 * What went wrong with a form, at its top: announced at once (role=alert), each field's problem a
 * link to that field. `fieldIds` maps field names to element ids.
 */
export function ErrorSummary({ problems, fieldIds }: { problems: FormProblems | null | undefined; fieldIds?: Record<string, string> }) {
  if (!problems) return null;
  const fields = Object.entries(problems.fields ?? {});
  return (
    <div class="form-errors" role="alert" data-error-code={problems.code}>
      <p class="form-errors-title">{problems.message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([name, message]) => (
            <li key={name}>{fieldIds?.[name] ? <a href={`#${fieldIds[name]}`}>{message}</a> : message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A confirmation after a change (role=status: read out without moving the focus). */
export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}

/** A labelled select with its hint and error tied to it, like Field. */
export function ChoiceField({
  id,
  name,
  label,
  choices,
  selected,
  error,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  choices: readonly { value: string; label: string }[];
  selected: string;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={choice.value === selected}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A labelled multi-line text field with its hint and error, like Field. */
export function TextAreaField({
  id,
  name,
  label,
  value,
  error,
  hint,
  rows,
  required,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  rows: number;
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={name} rows={rows} required={required} maxLength={maxLength} dir="auto" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {value}
      </textarea>
    </FieldFrame>
  );
}
