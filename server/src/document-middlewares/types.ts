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
