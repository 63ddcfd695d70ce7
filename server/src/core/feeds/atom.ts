/**
 * Atom 1.0 (RFC 4287). Every required element is there: the feed's id, title, updated and
 * author, and each entry's id, title, updated; the entry's language is its `xml:lang`.
 */
import { create } from 'xmlbuilder2';
import { rfc3339 } from './dates';
import { xmlValue as x } from '../xml-text';
import type { FeedDocument } from './model';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export function writeAtom(feed: FeedDocument): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('feed', {
    xmlns: 'http://www.w3.org/2005/Atom',
    ...(feed.language !== null ? { 'xml:lang': x(feed.language) } : {}),
  });
  root.ele('id').txt(x(feed.id));
  root.ele('title', { type: 'text' }).txt(x(feed.title));
  root.ele('subtitle', { type: 'text' }).txt(x(feed.description));
  // An empty feed has no newest entry: the epoch keeps the document the same for the same data.
  root.ele('updated').txt(rfc3339(feed.updated ?? new Date(0)));
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: x(feed.selfUrl) });
  root.ele('link', { rel: 'alternate', type: 'text/html', href: x(feed.homeUrl) });
  root.ele('author').ele('name').txt(x(feed.author));
  root.ele('generator').txt('strapi-plugin-newsroom');

  for (const item of feed.items) {
    const entry = root.ele('entry', item.language !== null ? { 'xml:lang': x(item.language) } : {});
    entry.ele('id').txt(x(item.id));
    entry.ele('title', { type: 'text' }).txt(x(item.title));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: x(item.link) });
    entry.ele('published').txt(rfc3339(item.published));
    entry.ele('updated').txt(rfc3339(item.updated));
    if (item.summary !== null) entry.ele('summary', { type: 'text' }).txt(x(item.summary));
    for (const category of item.categories) entry.ele('category', { term: x(category.slug), label: x(category.name) });
  }
  return doc.end({ prettyPrint: false });
}
