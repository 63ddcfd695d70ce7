import { Badge, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { ImportPreviewDocument, ImportTranslationTarget } from '../../api/types';
import { CategoryBadges } from '../../components/CategoryBadges';
import { WrappingText } from '../../components/WrappingText';
import { getTranslation } from '../../utils/getTranslation';
import { articleEditPath } from '../../utils/links';
import { IssueList } from './IssueList';

const COLUMNS = [
  { key: 'status', defaultMessage: 'Status' },
  { key: 'title', defaultMessage: 'Title' },
  { key: 'language', defaultMessage: 'Language' },
  { key: 'categories', defaultMessage: 'Categories' },
  { key: 'documentDate', defaultMessage: 'Document date' },
  { key: 'sourcePublishedDate', defaultMessage: 'Published on' },
  { key: 'source', defaultMessage: 'Source' },
  { key: 'problems', defaultMessage: 'Problems' },
] as const;

const STATUS_BADGE = {
  new: { variant: 'success', defaultMessage: 'Ready' },
  duplicate: { variant: 'warning', defaultMessage: 'Already imported' },
  invalid: { variant: 'danger', defaultMessage: 'Invalid' },
} as const;

const Dash = () => <Typography textColor="neutral500">–</Typography>;

const Text = ({ children }: { children: string | null | undefined }) =>
  children ? <Typography textColor="neutral800">{children}</Typography> : <Dash />;

/** A `Translation of:` document (SPEC 12): the article it becomes a translation of. */
const TranslationNote = ({ target }: { target: ImportTranslationTarget }) => {
  const { formatMessage } = useIntl();
  const name = target.title ?? target.reference;
  if (target.documentId === null) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          { id: getTranslation('import.preview.translationOfNew'), defaultMessage: 'Translation of “{title}” (a new article of this import)' },
          { title: name }
        )}
      </Typography>
    );
  }
  return (
    <Typography variant="pi" textColor="neutral600">
      {formatMessage({ id: getTranslation('import.preview.translationOf'), defaultMessage: 'Translation of' })}{' '}
      <Link tag={NavLink} to={articleEditPath(target.documentId)}>
        {name}
      </Link>
    </Typography>
  );
};

/**
 * Every parsed document before anything is saved: what will be imported, and what is wrong.
 * Localized articles (SPEC 12): the locale each document goes to, in place of the language (they are one).
 */
export const ImportPreviewTable = ({ documents, localized }: { documents: ImportPreviewDocument[]; localized: boolean }) => {
  const { formatMessage, formatDate } = useIntl();
  const columns = COLUMNS.map((column) => (localized && column.key === 'language' ? { key: 'locale', defaultMessage: 'Locale' } : column));

  return (
    <Table colCount={columns.length} rowCount={documents.length + 1}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.key}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({ id: getTranslation(`import.preview.column.${column.key}`), defaultMessage: column.defaultMessage })}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {documents.map((document) => {
          const { article } = document;
          const badge = STATUS_BADGE[document.status];
          return (
            <Tr key={document.index}>
              <Td>
                <Badge variant={badge.variant}>
                  {formatMessage({ id: getTranslation(`import.preview.status.${document.status}`), defaultMessage: badge.defaultMessage })}
                </Badge>
              </Td>
              <Td maxWidth="320px">
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  {document.title ? (
                    <WrappingText textColor="neutral800">{document.title}</WrappingText>
                  ) : (
                    <Typography textColor="neutral500">
                      {formatMessage({ id: getTranslation('import.preview.untitled'), defaultMessage: 'Untitled' })}
                    </Typography>
                  )}
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({ id: getTranslation('import.preview.fromLine'), defaultMessage: 'From line {line}' }, { line: document.startLine })}
                  </Typography>
                  {document.translationOf ? <TranslationNote target={document.translationOf} /> : null}
                  {document.status === 'duplicate' && document.documentId ? (
                    <Link tag={NavLink} to={articleEditPath(document.documentId, document.locale ?? undefined)}>
                      {formatMessage({ id: getTranslation('import.preview.openExisting'), defaultMessage: 'Open the existing article' })}
                    </Link>
                  ) : null}
                </Flex>
              </Td>
              <Td>
                <Text>{localized ? document.locale : article?.language}</Text>
              </Td>
              <Td>{article ? <CategoryBadges names={article.categories} /> : <Dash />}</Td>
              <Td>
                <Text>{article?.documentDate ? formatDate(article.documentDate, { dateStyle: 'medium', timeStyle: 'short' }) : null}</Text>
              </Td>
              <Td>
                {/* A date without a time: shown as that day wherever the editor is. */}
                <Text>{article?.sourcePublishedDate ? formatDate(article.sourcePublishedDate, { dateStyle: 'medium', timeZone: 'UTC' }) : null}</Text>
              </Td>
              <Td>
                <Text>{article?.source}</Text>
              </Td>
              <Td maxWidth="360px">
                <IssueList errors={document.errors} warnings={document.warnings} />
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
