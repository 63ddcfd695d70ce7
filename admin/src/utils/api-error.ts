import { isFetchError } from '@strapi/strapi/admin';

interface ErrorDetail {
  path?: ReadonlyArray<string | number>;
  message?: string;
}

/** The server's message for a failed admin request, or `fallback`. */
export const errorMessage = (error: unknown, fallback: string): string => {
  if (isFetchError(error)) return error.response?.data.error.message ?? error.message ?? fallback;
  return error instanceof Error && error.message !== '' ? error.message : fallback;
};

export const errorStatus = (error: unknown): number | undefined => (isFetchError(error) ? error.status : undefined);

/**
 * Field errors of a Strapi ValidationError (`details.errors[].path`), keyed by the
 * first path segment: `languages[1]` and `languages` both land on the field `languages`.
 */
export const fieldErrors = (error: unknown): Record<string, string> => {
  if (!isFetchError(error)) return {};
  const details = error.response?.data.error.details as { errors?: ErrorDetail[] } | undefined;
  const result: Record<string, string> = {};
  for (const detail of details?.errors ?? []) {
    const [first] = detail.path ?? [];
    const field = typeof first === 'string' ? first.split('[')[0] : undefined;
    if (field && detail.message && result[field] === undefined) result[field] = detail.message;
  }
  return result;
};
