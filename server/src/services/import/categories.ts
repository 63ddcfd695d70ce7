import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CATEGORY_UID } from '../../constants';
import { validateCategoryName } from '../../core/category-fields';
import { createCategoryRepository } from '../../repositories/categories';
import { getService } from '../../utils/get-service';
import { poll } from '../../utils/poll';
import { isPendingPlaceholder } from '../claims';
import { withCreator, type ImportActor } from './actor';

/**
 * Categories named in an import, found or created by name without regard to case,
 * once per batch. The category middleware claims each name (scope `category-name`,
 * owner the category's documentId; services/claims.ts), so the claims are the index
 * to look names up in and the arbiter when two imports create the same category at
 * once. A claim whose category is gone, or whose writer stopped (a stale placeholder),
 * is the middleware's to take over when the category is created again.
 *
 * Creating one is a write of its own: it needs the actor's category create
 * permission (services/import/actor.ts), and one request creates at most
 * MAX_NEW_CATEGORIES, so a request cannot fill the category list (and the
 * admin's filter menu) with thousands of names. A document naming a category it
 * may not create is `invalid`, with the reason; the others go on.
 */
const SCOPE = 'category-name';
const WAIT_FOR_OTHER_MS = 30 * 1000;

/** New categories one import request may create; documents naming more are `invalid`. */
export const MAX_NEW_CATEGORIES = 100;

export type CategoryLookup = { ok: true; documentId: string } | { ok: false; message: string };
/** What a preview knows: the category exists, will be created, or may not be. */
export type CategoryPlan = { ok: true } | { ok: false; message: string };

/** A name, cleaned, and whether a category holds it now. */
interface Wanted {
  name: string;
  key: string;
  /** The category holding the name; `pending` while another request creates it; `absent`. */
  state: { kind: 'existing'; documentId: string } | { kind: 'pending' } | { kind: 'absent' };
}

const invalidName = (name: string, message: string) => ({ ok: false as const, message: `category "${name}": ${message}` });

/**
 * Admits new categories in the order the request names them: refused outright
 * without the permission, refused beyond the cap. Null when the category may be created.
 */
function newCategoryGate(actor: ImportActor) {
  let admitted = 0;
  return (name: string): string | null => {
    if (actor.categoryRefusal) return `category "${name}" does not exist, and ${actor.categoryRefusal}`;
    if (admitted >= MAX_NEW_CATEGORIES) {
      return `category "${name}" does not exist, and one import request creates at most ${MAX_NEW_CATEGORIES} new categories: import this document in another request`;
    }
    admitted += 1;
    return null;
  };
}

export const createImportCategories = (strapi: Core.Strapi) => {
  const claims = () => getService(strapi, 'claims');
  const categories = createCategoryRepository(strapi);

  /** The category holding a name claim once its create is done; undefined while pending. */
  async function settled(key: string): Promise<{ documentId: string | null } | undefined> {
    const claim = await claims().find(SCOPE, key);
    if (!claim) return { documentId: null };
    if (isPendingPlaceholder(claim.owner)) return undefined;
    return (await categories.existing([claim.owner])).has(claim.owner) ? { documentId: claim.owner } : { documentId: null };
  }

  /** The valid names, once each (first spelling), in order, with what holds them now: a few queries for the batch. */
  async function lookUp(names: string[]): Promise<Wanted[]> {
    const wanted = new Map<string, string>(); // key → first spelling
    for (const name of names) {
      const checked = validateCategoryName(name);
      if (checked.ok && !wanted.has(checked.key)) wanted.set(checked.key, checked.name);
    }
    if (wanted.size === 0) return [];
    const held = new Map((await claims().findMany(SCOPE, [...wanted.keys()])).map((claim) => [claim.key, claim]));
    const present = await categories.existing([...held.values()].map((claim) => claim.owner));
    return [...wanted].map(([key, name]): Wanted => {
      const claim = held.get(key);
      if (claim && present.has(claim.owner)) return { name, key, state: { kind: 'existing', documentId: claim.owner } };
      if (claim && isPendingPlaceholder(claim.owner)) return { name, key, state: { kind: 'pending' } };
      return { name, key, state: { kind: 'absent' } };
    });
  }

  /** Creates the category through the Document Service: the middleware claims its name (taking over a claim left behind). */
  async function create(name: string, key: string, actor: ImportActor): Promise<CategoryLookup> {
    try {
      const category = (await strapi.documents(CATEGORY_UID).create({ data: withCreator(actor, { name }) })) as { documentId: string };
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

  /** A name another request is creating: its category once done, or null when that create failed. */
  async function waitFor(name: string, key: string): Promise<CategoryLookup | null> {
    const other = await poll(() => settled(key), { timeoutMs: WAIT_FOR_OTHER_MS });
    if (other === undefined) return { ok: false, message: `category "${name}" is being created by another request; import again` };
    return other.documentId ? { ok: true, documentId: other.documentId } : null;
  }

  /** A lookup from a name (any case) to what was found for its key. */
  const byName =
    <T>(found: Map<string, T>) =>
    (name: string): T | { ok: false; message: string } => {
      const checked = validateCategoryName(name);
      if (!checked.ok) return invalidName(name, checked.error.message);
      return found.get(checked.key) ?? invalidName(name, 'was not looked up');
    };

  return {
    /**
     * Finds or creates every category named, in a few queries for the batch;
     * gives back a lookup from a name (any case) to its category.
     */
    async resolve(names: string[], actor: ImportActor): Promise<(name: string) => CategoryLookup> {
      const admit = newCategoryGate(actor);
      const found = new Map<string, CategoryLookup>();
      for (const { name, key, state } of await lookUp(names)) {
        if (state.kind === 'existing') {
          found.set(key, { ok: true, documentId: state.documentId });
          continue;
        }
        const other = state.kind === 'pending' ? await waitFor(name, key) : null;
        if (other) {
          found.set(key, other);
          continue;
        }
        const refusal = admit(name);
        found.set(key, refusal ? { ok: false, message: refusal } : await create(name, key, actor));
      }
      return byName(found);
    },

    /** What `resolve` would do, without creating or waiting for anything (the admin's preview). */
    async plan(names: string[], actor: ImportActor): Promise<(name: string) => CategoryPlan> {
      const admit = newCategoryGate(actor);
      const found = new Map<string, CategoryPlan>();
      for (const { name, key, state } of await lookUp(names)) {
        const refusal = state.kind === 'absent' ? admit(name) : null;
        found.set(key, refusal ? { ok: false, message: refusal } : { ok: true });
      }
      return byName(found);
    },
  };
};

export type ImportCategories = ReturnType<typeof createImportCategories>;
