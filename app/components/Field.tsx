import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Text } from '../../core/i18n/index.ts';
import { MsgText } from '../i18n/MsgText.tsx';

export interface FieldProps {
  label: ReactNode;
  /** The validation message, if the value is wrong: English text or a catalog message (`Msg`). */
  error?: Text | undefined;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the ids it must carry. */
  children: (a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/**
 * A field's error line, in the page's language (an English string or a catalog message); nothing
 * when there is no error. `role` "alert" where the error arrives on its own (not while typing).
 */
export function FieldError({ msg, id, role }: { msg: Text | undefined | null; id?: string; role?: 'alert' }) {
  if (!msg) return null;
  return (
    <p className="field-error" {...(id ? { id } : {})} {...(role ? { role } : {})}>
      <MsgText msg={msg} />
    </p>
  );
}

/** A labelled control with its hint and inline error, wired with aria-describedby / aria-invalid. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [error ? errId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      <FieldError msg={error} id={errId} />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled text input: Field with an `<input>` whose text goes to `onChange`. */
export function TextField({
  label,
  error,
  hint,
  fieldClass,
  value,
  onChange,
  ...input
}: Omit<FieldProps, 'children' | 'className'> & {
  /** The class of the field around the input (`className` is the input's). */
  fieldClass?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> & {
    value: string;
    onChange: (text: string) => void;
  }) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClass}>
      {(a) => <input {...a} {...input} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/**
 * A number typed as text (the lab reads and checks it, so a wrong one stays as typed and is
 * explained): TextField with the numeric keyboard, in monospace.
 */
export function NumberField(props: Parameters<typeof TextField>[0]) {
  return <TextField inputMode="numeric" className="mono" {...props} />;
}

/** A form whose inputs act as they change: never submitted, checked by the lab (noValidate). */
export function LiveForm({
  className,
  label,
  children,
}: {
  className: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <form className={className} aria-label={label} onSubmit={(e) => e.preventDefault()} noValidate>
      {children}
    </form>
  );
}
