import { errors } from '@strapi/utils';
import type { FieldError } from '../core/article-fields';

/** Strapi's own ValidationError, so REST answers 400 and the admin shows each message at its field. */
export const fieldValidationError = (fieldErrors: FieldError[]) =>
  new errors.ValidationError(fieldErrors.map((error) => error.message).join('; '), {
    errors: fieldErrors.map((error) => ({ path: [error.path], message: error.message, name: 'ValidationError' })),
  });
