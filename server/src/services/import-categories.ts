import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CATEGORY_UID } from '../constants';
import { validateCategoryName } from '../core/category-fields';
import { PENDING_OWNER, type Claim, type ClaimsRepository } from '../repositories/claims';
import { poll } from '../utils/poll';

/**
 * Categories named in an import, found or created by name without regard to case,
 * once per batch. The category middleware claims each name (scope `category-name`,
 * owner the category's documentId), so the claims are the index to look names up
 * in and the arbiter when two imports create the same category at once.
 */
const SCOPE = 'category-name';
const WAIT_FOR_OTHER_MS = 30 * 1000;

export type CategoryLookup = { ok: true; documentId: string } | { ok: false; message: string };

export const createImportCategories = (strapi: Core.Strapi) => {
  const claims = () => strapi.plugin('newsroom').service('claims') as ClaimsRepository;

  async function existingIds(documentIds: string[]): Promise<Set<string>> {
    if (documentIds.length === 0) return new Set();
    const rows = (await strapi.db.query(CATEGORY_UID).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    return new Set(rows.map((row) => row.documentId));
  }

  /** The category holding a name claim once its create is done; undefined while pending. */
  async function settled(key: string): Promise<{ documentId: string | null } | undefined> {
    const claim = await claims().find(SCOPE, key);
    if (!claim) return { documentId: null };
    if (claim.owner.startsWith(PENDING_OWNER)) return undefined;
    return (await existingIds([claim.owner])).has(claim.owner) ? { documentId: claim.owner } : { documentId: null };
  }

  async function create(name: string, key: string, stale: Claim | undefined): Promise<CategoryLookup> {
    // A claim left by a category deleted outside the Document Service would block the name forever.
    if (stale) await claims().release(SCOPE, key, stale.owner);
    try {
      const category = (await strapi.documents(CATEGORY_UID).create({ data: { name } })) as { documentId: string };
      return { ok: true, documentId: category.documentId };
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) {
        strapi.log.error(`newsroom import: could not create category "${name}"`, error);
        return { ok: false, message: `category "${name}" could not be created (server error, see the server log)` };
      }
      // Most likely another request created it a moment ago: use that one.
      const other = await poll(() => settled(key), { timeoutMs: WAIT_FOR_OTHER_MS });
      if (other?.documentId) return { ok: true, documentId: other.documentId };
      return { ok: false, message: `category "${name}": ${error.message}` };
    }
  }

  async function wait(name: string, key: string): Promise<CategoryLookup> {
    const other = await poll(() => settled(key), { timeoutMs: WAIT_FOR_OTHER_MS });
    if (other === undefined) return { ok: false, message: `category "${name}" is being created by another request; import again` };
    return other.documentId ? { ok: true, documentId: other.documentId } : create(name, key, undefined);
  }

  const invalidName = (name: string, message: string): CategoryLookup => ({ ok: false, message: `category "${name}": ${message}` });

  return {
    /**
     * Finds or creates every category named, in a few queries for the batch;
     * gives back a lookup from a name (any case) to its category.
     */
    async resolve(names: string[]): Promise<(name: string) => CategoryLookup> {
      const wanted = new Map<string, string>(); // key → first spelling
      for (const name of names) {
        const checked = validateCategoryName(name);
        if (checked.ok && !wanted.has(checked.key)) wanted.set(checked.key, checked.name);
      }
      const found = new Map<string, CategoryLookup>();
      if (wanted.size > 0) {
        const held = new Map((await claims().findMany(SCOPE, [...wanted.keys()])).map((claim) => [claim.key, claim]));
        const present = await existingIds([...held.values()].map((claim) => claim.owner));
        for (const [key, name] of wanted) {
          const claim = held.get(key);
          if (claim && present.has(claim.owner)) found.set(key, { ok: true, documentId: claim.owner });
          else if (claim?.owner.startsWith(PENDING_OWNER)) found.set(key, await wait(name, key));
          else found.set(key, await create(name, key, claim));
        }
      }
      return (name) => {
        const checked = validateCategoryName(name);
        if (!checked.ok) return invalidName(name, checked.error.message);
        return found.get(checked.key) ?? invalidName(name, 'was not looked up');
      };
    },
  };
};

export type ImportCategories = ReturnType<typeof createImportCategories>;
