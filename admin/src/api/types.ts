/**
 * Shapes of the plugin's admin API, from the contracts the server uses too
 * (shared/contracts). Types only: the admin never imports server code.
 */
export type { GetSettings, NewsroomSettings, UpdateSettings } from '../../../shared/contracts/settings';
export type {
  ListDeliveries,
  RevalidationDelivery,
  RevalidationTargetView,
  SendTestDelivery,
} from '../../../shared/contracts/revalidation';
export type {
  ArticlePreview,
  ArticleTranslation,
  GetArticlePreview,
  GetSnippetFilters,
  GetSnippets,
  Snippet,
  SnippetCategory,
  SnippetFilterOptions,
  SnippetListBody as SnippetList,
} from '../../../shared/contracts/snippets';
export type {
  ImportDocumentResult as ImportResultItem,
  ImportIssue,
  ImportPreview,
  ImportPreviewDocument,
  ImportResult,
  ImportTranslationTarget,
  PreviewImport,
  RunImport,
} from '../../../shared/contracts/import';

export const ARTICLE_UID = 'plugin::newsroom.article';
