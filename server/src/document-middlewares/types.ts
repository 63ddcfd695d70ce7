/** The slice of Strapi's Document Service middleware context this plugin reads. */
export interface DocumentContext {
  uid: string;
  action: string;
  params: {
    documentId?: string;
    status?: string;
    locale?: string;
    data?: Record<string, unknown>;
    [key: string]: unknown;
  };
}

export type Next = () => Promise<unknown>;
export type DocumentMiddleware = (ctx: DocumentContext, next: Next) => Promise<unknown>;

export const documentIdOf = (result: unknown): string | null => {
  if (result && typeof result === 'object' && 'documentId' in result) {
    const id = (result as { documentId: unknown }).documentId;
    return typeof id === 'string' ? id : null;
  }
  return null;
};
