import type { Core } from '@strapi/strapi';
import { CATEGORY_UID } from '../constants';
import { validateCategoryName } from '../core/category-fields';
import { fallbackSlug, normalizeSlug, slugFromText } from '../core/slug';
import { createCategoryRepository } from '../repositories/categories';
import type { ClaimScope } from '../services/claims';
import { documentIdOf } from '../utils/document-id';
import { getService } from '../utils/get-service';
import { fieldValidationError } from '../utils/validation-error';
import type { DocumentContext, DocumentMiddleware, Next } from './types';

type CategoryScope = Extract<ClaimScope, 'category-name' | 'category-slug'>;

/** Category rules (SPEC 2) as a Document Service middleware; uniqueness through the claims protocol (services/claims.ts). */
export const categoryMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const claims = () => getService(strapi, 'claims');
  const categories = createCategoryRepository(strapi);

  /** A name claim's holder is gone when no category has its documentId (deleted without the Document Service). */
  const categoryGone = async (holder: string) => (await categories.findByDocumentId(holder)) === null;

  const claimName = async (value: unknown, owner: string) => {
    const name = validateCategoryName(value);
    if (!name.ok) throw fieldValidationError([name.error]);
    if (await claims().claimOrTakeOver('category-name', name.key, owner, categoryGone)) return name;
    throw fieldValidationError([{ path: 'name', message: `a category named "${name.name}" already exists` }]);
  };

  const create = async (ctx: DocumentContext, next: Next) => {
    const data = { ...(ctx.params.data ?? {}) };
    const owner = claims().placeholder();
    const giveBack = () => claims().releaseOwner(owner);
    try {
      const name = await claimName(data.name, owner);
      const typed = typeof data.slug === 'string' ? normalizeSlug(data.slug) : '';
      const base = typed || slugFromText(name.name) || fallbackSlug(owner, 'category');
      ctx.params.data = { ...data, name: name.name, slug: await claims().claimSlug('category-slug', base, owner) };
    } catch (error) {
      await giveBack();
      throw error;
    }
    return claims().withinWrite(next, {
      settle: async (result) => {
        const documentId = documentIdOf(result);
        if (documentId) await claims().handOver([{ from: owner, to: documentId }]);
      },
      abandon: giveBack,
    });
  };

  const update = async (ctx: DocumentContext, next: Next) => {
    const documentId = ctx.params.documentId;
    const current = documentId ? await categories.findByDocumentId(documentId) : null;
    if (!documentId || !current) return next();
    const data = { ...(ctx.params.data ?? {}) };
    const toRelease: Array<[CategoryScope, string]> = [];
    const claimed: Array<[CategoryScope, string]> = [];
    const giveBack = async () => {
      for (const [scope, key] of claimed) await claims().release(scope, key, documentId);
    };
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
        data.slug = await claims().claimSlug('category-slug', typed, documentId);
        claimed.push(['category-slug', data.slug as string]);
        if (current.slug) toRelease.push(['category-slug', current.slug]);
      } else {
        data.slug = current.slug; // kept when the name changes
      }
    } catch (error) {
      await giveBack();
      throw error;
    }
    ctx.params.data = data;
    return claims().withinWrite(next, {
      settle: async () => {
        for (const [scope, key] of toRelease) await claims().release(scope, key, documentId);
      },
      abandon: giveBack,
    });
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
