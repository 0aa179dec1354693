import { Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { isLocalDate } from './time';

/** Not empty and not only whitespace; services store the trimmed value (see `clean`). */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}

/** Trimmed text, or null for blank/absent. */
export function clean(v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** A calendar date YYYY-MM-DD that exists (not 2026-02-31); the error names the field. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isLocalDate', validator: { validate: (v) => isLocalDate(v) } }, { message: '$property must be a date YYYY-MM-DD', ...options });
}
