/**
 * Localized snippets (SPEC 12): the locale of each snippet's row and the published
 * translations of its article, one query for a whole page. Only used when articles
 * are localized; plain SQL like repositories/snippets.ts.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import type { SnippetLocalization } from '../../../shared/contracts/snippets';
import { chunks } from '../core/chunks';

interface ModelColumns {
  table: string;
  id: string;
  documentId: string;
  locale: string;
  slug: string;
  publishedAt: string;
}

/** The article table and the columns read here, from Strapi's metadata. */
export function localeColumns(strapi: Core.Strapi): ModelColumns {
  const meta = strapi.db.metadata.get(ARTICLE_UID);
  const column = (name: string) => (meta.attributes[name] as { columnName?: string } | undefined)?.columnName ?? name;
  return {
    table: meta.tableName,
    id: column('id'),
    documentId: column('documentId'),
    locale: column('locale'),
    slug: column('slug'),
    publishedAt: column('publishedAt'),
  };
}

export interface RowLocalization {
  locale: string;
  localizations: SnippetLocalization[];
}

/** For each row (by id): its locale and its article's other published locales, sorted by locale. */
export async function localizationsOf(strapi: Core.Strapi, rows: Array<{ id: unknown; documentId: unknown }>): Promise<Map<string, RowLocalization>> {
  const c = localeColumns(strapi);
  const found: Array<{ id: unknown; documentId: string; locale: string; slug: string }> = [];
  for (const ids of chunks([...new Set(rows.map((row) => String(row.documentId)))])) {
    found.push(
      ...((await strapi.db
        .connection(c.table)
        .whereIn(c.documentId, ids)
        .whereNotNull(c.publishedAt)
        .select(`${c.id} as id`, `${c.documentId} as documentId`, `${c.locale} as locale`, `${c.slug} as slug`)) as typeof found)
    );
  }
  const result = new Map<string, RowLocalization>();
  for (const row of rows) {
    const own = found.find((other) => String(other.id) === String(row.id));
    const localizations = found
      .filter((other) => other.documentId === String(row.documentId) && String(other.id) !== String(row.id))
      .map((other) => ({ locale: other.locale, slug: other.slug }))
      .sort((a, b) => a.locale.localeCompare(b.locale));
    result.set(String(row.id), { locale: own?.locale ?? '', localizations });
  }
  return result;
}
