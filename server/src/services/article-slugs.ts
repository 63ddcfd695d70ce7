/**
 * The article's slug rules (SPEC 3.1) on top of the claims protocol
 * (services/claims.ts): which slug a create or an update gets, and which claim
 * it gives up. When claims are handed over, released or locked is the article
 * write's business (writes/article-writes.ts).
 *
 * `locale` is the article version's locale when articles are localized (SPEC 12),
 * null otherwise: slugs are unique per locale, their claims keyed `<locale>/<slug>`,
 * and each locale's slug is frozen after that locale's first publication.
 */
import type { Core } from '@strapi/strapi';
import { slugKeyPrefix } from '../core/localization';
import { fallbackSlug, isFallbackSlug, nextFreeSlug, normalizeSlug, slugFromText, suffixOf } from '../core/slug';
import { getService } from '../utils/get-service';

const SCOPE = 'article-slug';

export interface SlugDecision {
  /** The slug to store, or null to leave the stored one alone. */
  slug: string | null;
  /** The slug claim to give up once the write succeeded. */
  release: string | null;
}

/** The slug an editor typed, if any. */
export const typedSlug = (data: Record<string, unknown>) =>
  typeof data.slug === 'string' && data.slug.trim() !== '' ? data.slug : null;

const baseFor = (title: string, seed: string) => slugFromText(title) || fallbackSlug(seed, 'article');

/** An editor typed it when it is not simply the title's slug (or a numbered variant of it). */
const isTyped = (slug: string, title: string) => {
  const fromTitle = slugFromText(title);
  return fromTitle === '' ? !isFallbackSlug(slug, 'article') : suffixOf(fromTitle, slug) === null;
};

const articleSlugsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const claims = () => getService(strapi, 'claims');

  return {
    /** On create (and clone): `owner` is a placeholder until the documentId exists. */
    async forCreate(input: { title: string; typedSlug: string | null; owner: string; publish: boolean; locale: string | null }): Promise<string> {
      const typed = input.typedSlug ? normalizeSlug(input.typedSlug) : '';
      const base = typed || baseFor(input.title, input.owner);
      const locked = input.publish || (typed !== '' && isTyped(typed, input.title));
      return claims().claimSlug(SCOPE, base, input.owner, locked, slugKeyPrefix(input.locale));
    },

    /**
     * `forCreate` for many new articles without typed slugs, in two statements: each
     * title's plain slug, where it is free. Gives the slug won, in order, or null where
     * the caller must use `forCreate` (slug taken, title repeated in the batch, or a
     * title that transliterates to nothing).
     */
    async forCreateMany(
      items: Array<{ title: string; owner: string; locale: string | null }>,
      options: { publish: boolean }
    ): Promise<Array<string | null>> {
      const seen = new Set<string>();
      const plain = items.map(({ title }) => {
        const base = slugFromText(title);
        if (base === '' || seen.has(base)) return null;
        seen.add(base);
        return nextFreeSlug(base, []);
      });
      const wanted = items.flatMap((item, i) => {
        const key = plain[i];
        return key === null ? [] : [{ key: slugKeyPrefix(item.locale) + key, owner: item.owner, locked: options.publish }];
      });
      const won = await claims().claimMany(SCOPE, wanted);
      return plain.map((key, i) => (key !== null && won.has(slugKeyPrefix(items[i].locale) + key) ? key : null));
    },

    async forUpdate(input: {
      documentId: string;
      current: string | null;
      title: string;
      titleChanged: boolean;
      typedSlug: string | null;
      locale: string | null;
    }): Promise<SlugDecision> {
      const { documentId, current } = input;
      const prefix = slugKeyPrefix(input.locale);
      const held = (await claims().findByOwner(SCOPE, documentId)).filter((claim) => claim.key.startsWith(prefix));
      const locked = held.some((claim) => claim.locked);
      const typed = input.typedSlug ? normalizeSlug(input.typedSlug) : '';

      if (typed !== '' && typed !== current) {
        const slug = await claims().claimSlug(SCOPE, typed, documentId, locked || isTyped(typed, input.title), prefix);
        return { slug, release: current };
      }
      if (current && (locked || !input.titleChanged)) return { slug: null, release: null };

      const base = baseFor(input.title, documentId);
      if (current && suffixOf(base, current) !== null) return { slug: null, release: null };
      const slug = await claims().claimSlug(SCOPE, base, documentId, false, prefix);
      return { slug, release: current };
    },

    /** The slug claim gone with a write that failed, or the old one after a write that succeeded. */
    release: (slug: string, documentId: string, locale: string | null) => claims().release(SCOPE, slugKeyPrefix(locale) + slug, documentId),

    /** After the first publication (of this locale) the slug no longer follows the title. */
    lock: (documentId: string, locale: string | null) => claims().lock(SCOPE, documentId, slugKeyPrefix(locale)),

    /** Every slug claim of one locale of a document (that locale deleted). */
    async releaseLocale(documentId: string, locale: string): Promise<void> {
      const prefix = slugKeyPrefix(locale);
      for (const claim of await claims().findByOwner(SCOPE, documentId)) {
        if (claim.key.startsWith(prefix)) await claims().release(SCOPE, claim.key, documentId);
      }
    },
  };
};

export default articleSlugsService;
export type ArticleSlugsService = ReturnType<typeof articleSlugsService>;
