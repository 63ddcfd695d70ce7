/**
 * The settings of feeds and sitemaps (SPEC 5, 10): `siteUrl`, `articleUrl`, `feedTitle`,
 * `publicationName`. Checked here, called from `validateSettings` (settings.ts), so the
 * admin form and the server apply the same rules.
 */
import { checkArticleUrl, checkSiteUrl, DEFAULT_ARTICLE_URL } from './url-template';
import { describeValue, type SettingsIssue } from './settings';

export const FEED_SETTING_DEFAULTS = {
  siteUrl: null as string | null,
  articleUrl: DEFAULT_ARTICLE_URL,
  feedTitle: 'Newsroom',
  /** null: the same as `feedTitle`. */
  publicationName: null as string | null,
};

export type FeedSettings = typeof FEED_SETTING_DEFAULTS;

export const MAX_FEED_TITLE_LENGTH = 200;

type Result = { ok: true; value: FeedSettings } | { ok: false; issues: SettingsIssue[] };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function title(key: 'feedTitle' | 'publicationName', value: unknown, issues: SettingsIssue[]): string | null {
  const accepted = `must be 1 to ${MAX_FEED_TITLE_LENGTH} characters of text on one line`;
  if (typeof value !== 'string') {
    issues.push({ key, message: `${accepted} (got ${describeValue(value)})` });
    return null;
  }
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < 1 || length > MAX_FEED_TITLE_LENGTH || CONTROL.test(trimmed)) {
    issues.push({ key, message: `${accepted} (got ${describeValue(value)})` });
    return null;
  }
  return trimmed;
}

/** Checks the four keys of `input` (a complete settings object); every problem names its key. */
export function checkFeedSettings(input: Record<string, unknown>): Result {
  const issues: SettingsIssue[] = [];

  let siteUrl: string | null = null;
  if (input.siteUrl !== null) {
    const check = typeof input.siteUrl === 'string' ? checkSiteUrl(input.siteUrl) : null;
    if (check?.ok) siteUrl = check.value;
    else {
      const message = check ? check.message : 'must be the absolute http(s) URL of the frontend, or null while there is none';
      issues.push({ key: 'siteUrl', message: `${message} (got ${describeValue(input.siteUrl)})` });
    }
  }

  let articleUrl = '';
  if (typeof input.articleUrl === 'string') {
    const check = checkArticleUrl(input.articleUrl, siteUrl);
    if (check.ok) articleUrl = check.value;
    else issues.push({ key: 'articleUrl', message: `${check.message} (got ${describeValue(input.articleUrl)})` });
  } else {
    issues.push({ key: 'articleUrl', message: `must be a URL template such as "${DEFAULT_ARTICLE_URL}" (got ${describeValue(input.articleUrl)})` });
  }

  const feedTitle = title('feedTitle', input.feedTitle, issues);
  const publicationName = input.publicationName === null ? null : title('publicationName', input.publicationName, issues);

  if (issues.length > 0 || feedTitle === null) return { ok: false, issues };
  return { ok: true, value: { siteUrl, articleUrl, feedTitle, publicationName } };
}
