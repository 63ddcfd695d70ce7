import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { deriveArticleFields, publishErrors } from '../core/article-fields';
import { fieldValidationError } from '../utils/validation-error';
import type { ArticleSlugsService } from './article-slugs';
import type { SettingsService } from './settings';

export interface PreparedArticle {
  /** The data to store: the caller's fields with the derived ones (slug, excerpt, language, counts). */
  data: Record<string, unknown>;
  /** Owner of the slug claim until the documentId exists: `settle` or `abandon` it. */
  placeholder: string;
}

const typedSlug = (data: Record<string, unknown>) =>
  typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : null;

/**
 * The SPEC 3 rules of a new article, shared by the article middleware (every
 * Document Service create) and the importer's bulk writer: derive the fields,
 * check what publishing needs, claim a unique slug. Throws Strapi's
 * ValidationError naming the field.
 */
export const createArticleCreation = (strapi: Core.Strapi) => {
  const settings = () => strapi.plugin('newsroom').service('settings') as SettingsService;
  const slugs = () => strapi.plugin('newsroom').service('article-slugs') as ArticleSlugsService;

  return {
    async prepare(input: Record<string, unknown>, options: { publish: boolean }): Promise<PreparedArticle> {
      const derived = deriveArticleFields({ data: input, previous: null, settings: await settings().get(), now: new Date() });
      if (!derived.ok) throw fieldValidationError(derived.errors);
      const data = { ...input, ...derived.changes };
      if (options.publish) {
        const errors = publishErrors({ title: data.title as string, body: (data.body as string) ?? null });
        if (errors.length > 0) throw fieldValidationError(errors);
      }
      const placeholder = `pending:${Date.now()}:${randomUUID()}`;
      data.slug = await slugs().forCreate({
        title: data.title as string,
        typedSlug: typedSlug(data),
        owner: placeholder,
        publish: options.publish,
      });
      return { data, placeholder };
    },

    /** The article exists: its slug claim now belongs to it. */
    settle: (placeholder: string, documentId: string) => slugs().adopt(placeholder, documentId),

    /** The create failed: the slug is free again. */
    abandon: (placeholder: string) => slugs().releasePlaceholder(placeholder),
  };
};

export type ArticleCreation = ReturnType<typeof createArticleCreation>;
