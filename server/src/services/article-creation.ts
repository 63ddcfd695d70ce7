import type { Core } from '@strapi/strapi';
import { deriveArticleFields, publishErrors } from '../core/article-fields';
import { pendingOwner } from '../repositories/claims';
import { fieldValidationError } from '../utils/validation-error';
import type { ArticleSlugsService } from './article-slugs';
import type { SettingsService } from './settings';

export interface PreparedArticle {
  /** The data to store: the caller's fields with the derived ones (slug, excerpt, language, counts). */
  data: Record<string, unknown>;
  /** Owner of the slug claim until the documentId exists: `settle` or `abandon` it. */
  placeholder: string;
}

/** The slug an editor typed, if any. */
export const typedSlug = (data: Record<string, unknown>) =>
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

  /** The caller's fields with the derived ones (excerpt, language, counts); no slug yet. */
  async function derive(input: Record<string, unknown>, options: { publish: boolean }): Promise<Record<string, unknown>> {
    const derived = deriveArticleFields({ data: input, previous: null, settings: await settings().get(), now: new Date() });
    if (!derived.ok) throw fieldValidationError(derived.errors);
    const data = { ...input, ...derived.changes };
    if (options.publish) {
      const errors = publishErrors({ title: data.title as string, body: (data.body as string) ?? null });
      if (errors.length > 0) throw fieldValidationError(errors);
    }
    return data;
  }

  async function claimSlug(data: Record<string, unknown>, options: { publish: boolean }): Promise<PreparedArticle> {
    const placeholder = pendingOwner();
    const slug = await slugs().forCreate({
      title: data.title as string,
      typedSlug: typedSlug(data),
      owner: placeholder,
      publish: options.publish,
    });
    return { data: { ...data, slug }, placeholder };
  }

  return {
    derive,

    async prepare(input: Record<string, unknown>, options: { publish: boolean }): Promise<PreparedArticle> {
      return claimSlug(await derive(input, options), options);
    },

    /**
     * Slugs for many derived articles without typed slugs (the importer's): the plain
     * slugs that are free in one go, the others one by one as `prepare` does.
     */
    async claimSlugs(items: Array<Record<string, unknown>>, options: { publish: boolean }): Promise<PreparedArticle[]> {
      const owners = items.map(() => pendingOwner());
      const plain = await slugs().forCreateMany(
        items.map((data, i) => ({ title: data.title as string, owner: owners[i] })),
        options
      );
      const prepared: PreparedArticle[] = [];
      try {
        for (const [i, data] of items.entries()) {
          const slug = plain[i];
          prepared.push(slug !== null ? { data: { ...data, slug }, placeholder: owners[i] } : await claimSlug(data, options));
        }
      } catch (error) {
        for (const owner of new Set([...owners, ...prepared.map((item) => item.placeholder)])) await slugs().releasePlaceholder(owner);
        throw error;
      }
      return prepared;
    },

    /** `settle` for many articles at once. */
    settleMany: (moves: Array<{ placeholder: string; documentId: string }>) =>
      slugs().adoptMany(moves.map(({ placeholder, documentId }) => ({ from: placeholder, to: documentId }))),

    /** The article exists: its slug claim now belongs to it. */
    settle: (placeholder: string, documentId: string) => slugs().adopt(placeholder, documentId),

    /** The create failed: the slug is free again. */
    abandon: (placeholder: string) => slugs().releasePlaceholder(placeholder),
  };
};

export type ArticleCreation = ReturnType<typeof createArticleCreation>;
