import type { Core } from '@strapi/strapi';
import { CATEGORY_UID } from '../constants';
import { validateCategoryName } from '../core/category-fields';
import { fallbackSlug, normalizeSlug, slugFromText } from '../core/slug';
import { pendingOwner, type ClaimsRepository } from '../repositories/claims';
import { createSlugClaimer } from '../services/article-slugs';
import { fieldValidationError } from '../utils/validation-error';
import { documentIdOf, type DocumentContext, type DocumentMiddleware, type Next } from './types';

const STALE_PENDING_MS = 2 * 60 * 1000;

/** Category rules (SPEC 2) as a Document Service middleware; uniqueness through claims. */
export const categoryMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const claims = () => strapi.plugin('newsroom').service('claims') as ClaimsRepository;
  const slugClaimer = () => createSlugClaimer(claims(), 'category-slug');

  /**
   * A name claim whose holder is gone: a create that died mid-way (placeholder older than
   * STALE_PENDING_MS) or a category deleted without the Document Service.
   */
  const isAbandoned = async (holder: string) => {
    const pending = /^pending:(\d+):/.exec(holder);
    if (pending) return Date.now() - Number(pending[1]) > STALE_PENDING_MS;
    return !(await strapi.db.query(CATEGORY_UID).findOne({ where: { documentId: holder }, select: ['id'] }));
  };

  const claimName = async (value: unknown, owner: string) => {
    const name = validateCategoryName(value);
    if (!name.ok) throw fieldValidationError([name.error]);
    if (await claims().tryClaim('category-name', name.key, owner)) return name;
    const holder = (await claims().find('category-name', name.key))?.owner;
    if (holder && (await isAbandoned(holder)) && (await claims().takeOver('category-name', name.key, holder, owner))) return name;
    throw fieldValidationError([{ path: 'name', message: `a category named "${name.name}" already exists` }]);
  };

  const create = async (ctx: DocumentContext, next: Next) => {
    const data = { ...(ctx.params.data ?? {}) };
    const owner = pendingOwner();
    try {
      const name = await claimName(data.name, owner);
      const typed = typeof data.slug === 'string' ? normalizeSlug(data.slug) : '';
      const base = typed || slugFromText(name.name) || `category-${fallbackSlug(owner).slice('article-'.length)}`;
      ctx.params.data = { ...data, name: name.name, slug: await slugClaimer().claim(base, owner) };
      const result = await next();
      const documentId = documentIdOf(result);
      if (documentId) await claims().transferOwner(owner, documentId);
      return result;
    } catch (error) {
      await claims().releaseOwner(owner);
      throw error;
    }
  };

  const update = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    const current = documentId
      ? ((await strapi.db.query(CATEGORY_UID).findOne({ where: { documentId }, select: ['name', 'slug'] })) as {
          name: string;
          slug: string | null;
        } | null)
      : null;
    if (!documentId || !current) return next();
    const data = { ...(ctx.params.data ?? {}) };
    const toRelease: Array<['category-name' | 'category-slug', string]> = [];
    const claimed: Array<['category-name' | 'category-slug', string]> = [];
    try {
      if (data.name !== undefined) {
        const name = validateCategoryName(data.name);
        const currentKey = validateCategoryName(current.name);
        if (name.ok && currentKey.ok && name.key === currentKey.key) data.name = name.name;
        else {
          const claimedName = await claimName(data.name, documentId);
          data.name = claimedName.name;
          claimed.push(['category-name', claimedName.key]);
          if (currentKey.ok) toRelease.push(['category-name', currentKey.key]);
        }
      }
      const typed = typeof data.slug === 'string' ? normalizeSlug(data.slug) : '';
      if (typed !== '' && typed !== current.slug) {
        data.slug = await slugClaimer().claim(typed, documentId);
        claimed.push(['category-slug', data.slug as string]);
        if (current.slug) toRelease.push(['category-slug', current.slug]);
      } else {
        data.slug = current.slug; // kept when the name changes
      }
      ctx.params.data = data;
      const result = await next();
      for (const [scope, key] of toRelease) await claims().release(scope, key, documentId);
      return result;
    } catch (error) {
      for (const [scope, key] of claimed) await claims().release(scope, key, documentId);
      throw error;
    }
  };

  const remove = async (ctx: DocumentContext, next: Next) => {
    const result = await next();
    if (ctx.params.documentId) await claims().releaseOwner(ctx.params.documentId);
    return result;
  };

  return async (ctx, next) => {
    if (ctx.uid !== CATEGORY_UID) return next();
    switch (ctx.action) {
      case 'create':
        return create(ctx, next);
      case 'update':
        return update(ctx, next);
      case 'delete':
        return remove(ctx, next);
      default:
        return next();
    }
  };
};
