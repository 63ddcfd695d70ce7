import { useIntl } from 'react-intl';
import { ARTICLE_UID } from '../api/types';
import { getTranslation } from '../utils/getTranslation';
import { SnippetPreview } from './SnippetPreview';

/** What the Content Manager passes to an edit-view side panel (content-manager's `PanelComponentProps`). */
interface PanelProps {
  model: string;
  documentId?: string;
  /** `locale`: localized articles only (SPEC 12), the locale being edited. */
  document?: { updatedAt?: string | null; publishedAt?: string | null; locale?: string | null };
  /** The other version of the document (the published one, seen from the draft), if any. */
  meta?: { availableStatus?: Array<{ updatedAt?: string | null; publishedAt?: string | null }> };
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
}

/**
 * The snippet preview beside the article editor (SPEC 7). A Content Manager "description
 * component": it may use hooks and returns `{ title, content }`, or null to stay away
 * from other content types and from articles not saved yet.
 */
export const SnippetPreviewPanel = ({ model, documentId, document, meta }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== ARTICLE_UID || documentId === undefined) return null;
  // Saving changes the document's updatedAt, publishing its available statuses: either reloads the preview.
  const version = [document, ...(meta?.availableStatus ?? [])]
    .map((entry) => `${entry?.updatedAt ?? ''}/${entry?.publishedAt ?? ''}`)
    .join('|');
  return {
    title: formatMessage({ id: getTranslation('preview.title'), defaultMessage: 'Snippet preview' }),
    content: <SnippetPreview documentId={documentId} locale={document?.locale ?? null} version={version} />,
  };
};
