import { errors } from '@strapi/utils';
import type { FieldError } from '../core/article-fields';

/** A problem with one input field (`path`), or with the input as a whole (no path). */
export interface InputProblem {
  path?: string | null;
  message: string;
}

/**
 * Strapi's own ValidationError with the details Strapi's validators give
 * (`details.errors[]` of `{ path, message, name }`), so REST answers 400 and the
 * admin shows each message at its field. Every ValidationError naming fields is built here.
 */
export const validationError = (message: string, problems: InputProblem[]) =>
  new errors.ValidationError(message, {
    errors: problems.map((problem) => ({
      path: problem.path === undefined || problem.path === null ? [] : [problem.path],
      message: problem.message,
      name: 'ValidationError',
    })),
  });

/** The article and category rules' errors, one message for all of them. */
export const fieldValidationError = (fieldErrors: FieldError[]) =>
  validationError(fieldErrors.map((error) => error.message).join('; '), fieldErrors);
