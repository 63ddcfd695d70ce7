/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification). Built with xmlbuilder2, which
 * escapes text and attributes; the model's text is already free of characters XML forbids.
 * Item language and last change have no RSS element of their own: Dublin Core's
 * `dc:language` and `dcterms:modified` carry them, as feed readers know them.
 */
import { create } from 'xmlbuilder2';
import { rfc3339, rfc822 } from './dates';
import { xmlValue as x } from '../xml-text';
import type { FeedDocument } from './model';

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
};

export function writeRss(feed: FeedDocument): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const channel = doc
    .ele('rss', { version: '2.0', 'xmlns:atom': NS.atom, 'xmlns:dc': NS.dc, 'xmlns:dcterms': NS.dcterms })
    .ele('channel');
  channel.ele('title').txt(x(feed.title));
  channel.ele('link').txt(x(feed.homeUrl));
  channel.ele('description').txt(x(feed.description));
  channel.ele('atom:link', { href: x(feed.selfUrl), rel: 'self', type: 'application/rss+xml' });
  if (feed.language !== null) channel.ele('language').txt(x(feed.language));
  if (feed.updated !== null) channel.ele('lastBuildDate').txt(rfc822(feed.updated));
  channel.ele('generator').txt('strapi-plugin-newsroom');
  channel.ele('docs').txt('https://www.rssboard.org/rss-specification');

  for (const item of feed.items) {
    const entry = channel.ele('item');
    entry.ele('title').txt(x(item.title));
    entry.ele('link').txt(x(item.link));
    entry.ele('guid', { isPermaLink: 'false' }).txt(x(item.id));
    entry.ele('pubDate').txt(rfc822(item.published));
    if (item.summary !== null) entry.ele('description').txt(x(item.summary));
    for (const category of item.categories) entry.ele('category').txt(x(category.name));
    if (item.language !== null) entry.ele('dc:language').txt(x(item.language));
    entry.ele('dcterms:modified').txt(rfc3339(item.updated));
  }
  return doc.end({ prettyPrint: false });
}
