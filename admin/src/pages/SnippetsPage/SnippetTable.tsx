import { Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { Snippet } from '../../api/types';
import { CategoryBadges } from '../../components/CategoryBadges';
import { WrappingText } from '../../components/WrappingText';
import { getTranslation } from '../../utils/getTranslation';
import { articleEditPath } from '../../utils/links';

const COLUMNS = [
  { key: 'title', defaultMessage: 'Title' },
  { key: 'categories', defaultMessage: 'Categories' },
  { key: 'language', defaultMessage: 'Language' },
  { key: 'documentDate', defaultMessage: 'Document date' },
  { key: 'source', defaultMessage: 'Source' },
  { key: 'readingTime', defaultMessage: 'Reading time' },
] as const;

/**
 * Published snippets, each title linking to its article in the Content Manager. Localized
 * (SPEC 12): a row per translation, with its locale in place of the language (they are one).
 */
export const SnippetTable = ({ snippets, localized = false }: { snippets: Snippet[]; localized?: boolean }) => {
  const { formatMessage, formatDate } = useIntl();
  const columns = COLUMNS.map((column) => (localized && column.key === 'language' ? { key: 'locale', defaultMessage: 'Locale' } : column));

  return (
    <Table colCount={columns.length} rowCount={snippets.length + 1}>
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.key}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({ id: getTranslation(`snippets.table.${column.key}`), defaultMessage: column.defaultMessage })}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {snippets.map((snippet) => (
          // Translations share a documentId: the key needs the locale, also before the page knows it is localized.
          <Tr key={`${snippet.documentId}:${snippet.locale ?? ''}`}>
            <Td maxWidth="480px">
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <WrappingText>
                  <Link tag={NavLink} to={articleEditPath(snippet.documentId, snippet.locale)}>
                    {snippet.title}
                    <VisuallyHidden>
                      {formatMessage({ id: getTranslation('snippets.table.openArticle'), defaultMessage: '(open the article)' })}
                    </VisuallyHidden>
                  </Link>
                </WrappingText>
                {snippet.excerpt ? (
                  <Typography tag="p" variant="pi" textColor="neutral600" ellipsis maxWidth="460px">
                    {snippet.excerpt}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <CategoryBadges names={snippet.categories.map((category) => category.name)} />
            </Td>
            <Td>
              <Typography textColor="neutral800">{(localized ? snippet.locale : snippet.language) ?? '–'}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {snippet.documentDate ? formatDate(snippet.documentDate, { dateStyle: 'medium', timeStyle: 'short' }) : '–'}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{snippet.source ?? '–'}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {snippet.readingTime === null
                  ? '–'
                  : formatMessage(
                      { id: getTranslation('snippets.table.minutes'), defaultMessage: '{minutes} min' },
                      { minutes: snippet.readingTime }
                    )}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
