import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../constants';
import { slugKeyPrefix } from '../core/localization';
import { slugFromText } from '../core/slug';
import { localeOfCall } from '../localization';
import type { ClaimScope } from '../services/claims';
import { getPluginService, getService } from '../utils/get-service';

interface GenerateArgs {
  contentTypeUID: string;
  field: string;
  data: Record<string, unknown>;
  locale?: string;
}

interface UidService {
  generateUIDField(args: GenerateArgs): Promise<string>;
}

const TARGETS: Record<string, { source: string; scope: ClaimScope }> = {
  [ARTICLE_UID]: { source: 'title', scope: 'article-slug' },
  [CATEGORY_UID]: { source: 'name', scope: 'category-slug' },
};

/**
 * The Content Manager proposes UIDs with its own slugifier (`Iran's` → `iran-s`) and
 * `-1` suffixes. For the plugin's slugs it proposes what the plugin would store, so an
 * editor who keeps the proposal is not taken to have typed a slug of their own.
 */
export const proposeSlugsInContentManager = (strapi: Core.Strapi) => {
  const uid = getPluginService<UidService>(strapi, 'content-manager', 'uid');
  if (!uid) return;
  const original = uid.generateUIDField.bind(uid);
  const claims = getService(strapi, 'claims');

  uid.generateUIDField = async (args) => {
    const target = TARGETS[args.contentTypeUID];
    if (!target || args.field !== 'slug') return original(args);
    const value = args.data?.[target.source];
    const base = typeof value === 'string' ? slugFromText(value) : '';
    // Nothing to propose: the plugin gives a fallback slug when the document is saved.
    if (base === '') return '';
    // Article slugs are unique per locale when localized (SPEC 12): the proposal is the edited locale's.
    const prefix = target.scope === 'article-slug' ? slugKeyPrefix(await localeOfCall(strapi, args.locale)) : '';
    return claims.proposeSlug(target.scope, base, prefix);
  };
};
