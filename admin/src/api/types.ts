/**
 * Shapes of the plugin's admin API answers (server/src/controllers/admin-*.ts). They
 * are the server's own types, imported as types only: nothing of the server is bundled.
 */
export type { NewsroomSettings } from '../../../server/src/core/settings';
export type { Snippet, SnippetCategory, SnippetListBody as SnippetList } from '../../../server/src/core/snippet-response';
export type { ImportIssue, ImportResult, ImportDocumentResult as ImportResultItem } from '../../../server/src/core/import/result';
export type { ImportPreview, ImportPreviewDocument } from '../../../server/src/services/importer';
export type { ArticlePreview, SnippetFilterOptions } from '../../../server/src/controllers/admin-snippets';

export const ARTICLE_UID = 'plugin::newsroom.article';
