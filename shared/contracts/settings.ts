/**
 * Settings → Newsroom (SPEC 5): the settings object and the admin routes that read
 * and change it. The admin panel and the server both import this file.
 */
import type { RevalidationTargetInput, RevalidationTargetView } from './revalidation';

export interface NewsroomSettings {
  excerptLength: number;
  defaultLanguage: string;
  languages: string[];
  importTimeZone: string;
  cacheMaxAge: number;
  /** Feeds and sitemaps (SPEC 10): the frontend's absolute http(s) URL; null until set. */
  siteUrl: string | null;
  /** Template of an article's public URL, e.g. `{siteUrl}/news/{slug}` (shared/validation/url-template.ts). */
  articleUrl: string;
  feedTitle: string;
  /** Google News publication name; null means the feed title. */
  publicationName: string | null;
}

/** The keys in the order forms and messages list them. */
export const SETTING_KEYS = [
  'excerptLength',
  'defaultLanguage',
  'languages',
  'importTimeZone',
  'cacheMaxAge',
  'siteUrl',
  'articleUrl',
  'feedTitle',
  'publicationName',
] as const satisfies ReadonlyArray<keyof NewsroomSettings>;

export type SettingKey = (typeof SETTING_KEYS)[number];

/** The settings as the admin routes answer them: revalidation targets (SPEC 11) with their secrets masked. */
export type SettingsAnswer = NewsroomSettings & { revalidation: RevalidationTargetView[] };

/** `GET /newsroom/settings`: the effective settings (config file, then what an admin saved). */
export declare namespace GetSettings {
  export interface Response {
    data: SettingsAnswer;
  }
}

/**
 * `PUT /newsroom/settings`: some of the keys; those left out keep their value. A bad value
 * is a 400 whose `error.details.errors[]` name the key in `path` (`['languages[1]']`).
 */
export declare namespace UpdateSettings {
  export type Request = Partial<NewsroomSettings> & { revalidation?: RevalidationTargetInput[] };
  export interface Response {
    data: SettingsAnswer;
  }
}
