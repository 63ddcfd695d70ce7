import { Badge, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { ImportResult, ImportResultItem } from '../../api/types';
import { WrappingText } from '../../components/WrappingText';
import { getTranslation } from '../../utils/getTranslation';
import { articleEditPath } from '../../utils/links';
import { IssueList } from './IssueList';

const STATUS_BADGE = {
  created: { variant: 'success', defaultMessage: 'Created' },
  duplicate: { variant: 'warning', defaultMessage: 'Duplicate' },
  invalid: { variant: 'danger', defaultMessage: 'Invalid' },
} as const;

const COLUMNS = [
  { key: 'index', defaultMessage: 'Document' },
  { key: 'status', defaultMessage: 'Result' },
  { key: 'title', defaultMessage: 'Article' },
  { key: 'notes', defaultMessage: 'Problems and notes' },
] as const;

/**
 * Why a document was not imported, and the warnings of every document, created ones
 * included: lines the parser ignored (`unknown header line "Author: …"`) were left out of the article.
 */
const Notes = ({ item }: { item: ImportResultItem }) => {
  const { formatMessage } = useIntl();
  if (item.status !== 'duplicate') return <IssueList errors={item.errors} warnings={item.warnings} />;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <WrappingText variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTranslation('import.result.duplicateReason'),
          defaultMessage: 'An article with the same source, title and document date already exists; nothing was changed.',
        })}
      </WrappingText>
      {item.warnings.length > 0 ? <IssueList warnings={item.warnings} /> : null}
    </Flex>
  );
};

/** What the import did with each document, with links to the articles. */
export const ImportResults = ({ result }: { result: ImportResult }) => {
  const { formatMessage } = useIntl();
  const { created, duplicates, invalid } = result.meta;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="omega" textColor="neutral800">
        {formatMessage(
          {
            id: getTranslation('import.result.summary'),
            defaultMessage:
              '{created, plural, one {# article created} other {# articles created}}, {duplicates, plural, one {# duplicate} other {# duplicates}}, {invalid} invalid.',
          },
          { created, duplicates, invalid }
        )}
      </Typography>
      <Table colCount={COLUMNS.length} rowCount={result.data.length + 1}>
        <Thead>
          <Tr>
            {COLUMNS.map((column) => (
              <Th key={column.key}>
                <Typography variant="sigma" textColor="neutral600">
                  {formatMessage({ id: getTranslation(`import.result.column.${column.key}`), defaultMessage: column.defaultMessage })}
                </Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {result.data.map((item) => {
            const badge = STATUS_BADGE[item.status];
            return (
              <Tr key={item.index}>
                <Td>
                  <Typography textColor="neutral800">{item.index + 1}</Typography>
                </Td>
                <Td>
                  <Badge variant={badge.variant}>
                    {formatMessage({ id: getTranslation(`import.result.${item.status}`), defaultMessage: badge.defaultMessage })}
                  </Badge>
                </Td>
                <Td maxWidth="400px">
                  {item.documentId ? (
                    <WrappingText>
                      <Link tag={NavLink} to={articleEditPath(item.documentId)}>
                        {item.title ?? item.slug ?? item.documentId}
                      </Link>
                    </WrappingText>
                  ) : (
                    <WrappingText textColor="neutral800">{item.title ?? '–'}</WrappingText>
                  )}
                </Td>
                <Td maxWidth="480px">
                  <Notes item={item} />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </Flex>
  );
};
