import { Box, EmptyStateLayout, Flex, LinkButton, Loader } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, Pagination, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { GetSnippetFilters, GetSnippets } from '../../api/types';
import { useAdminGet } from '../../hooks/useAdminGet';
import { PERMISSIONS } from '../../permissions';
import { errorMessage } from '../../utils/api-error';
import { getTranslation } from '../../utils/getTranslation';
import { SnippetFilters } from './SnippetFilters';
import { SnippetTable } from './SnippetTable';
import { DEFAULT_PAGE_SIZE, useSnippetQuery } from './useSnippetQuery';

/** The latest published snippets, as frontends get them from the snippet endpoint. */
export const SnippetsPage = () => {
  const { formatMessage } = useIntl();
  const { query, setFilter, clearFilters, apiQuery, hasFilters } = useSnippetQuery();
  const snippets = useAdminGet<GetSnippets.Response>('/newsroom/snippets', apiQuery);
  const filters = useAdminGet<GetSnippetFilters.Response>('/newsroom/filters');
  const { allowedActions } = useRBAC(PERMISSIONS.import);

  const title = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' });
  const pagination = snippets.data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('snippets.subtitle'),
          defaultMessage: 'The latest published snippets, as the snippet endpoint serves them',
        })}
        primaryAction={
          allowedActions.canImport ? (
            <LinkButton tag={NavLink} to="import" startIcon={<Upload />} size="S">
              {formatMessage({ id: getTranslation('snippets.importButton'), defaultMessage: 'Import documents' })}
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <SnippetFilters
            query={query}
            options={filters.data?.data}
            hasFilters={hasFilters}
            onChange={setFilter}
            onClear={clearFilters}
          />
        }
      />
      <Layouts.Content>
        {snippets.status === 'error' ? (
          <Page.Error
            content={errorMessage(
              snippets.error,
              formatMessage({ id: getTranslation('snippets.error'), defaultMessage: 'The snippets could not be loaded.' })
            )}
          />
        ) : snippets.data === undefined ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{formatMessage({ id: getTranslation('snippets.loading'), defaultMessage: 'Loading snippets…' })}</Loader>
          </Flex>
        ) : snippets.data.data.length === 0 ? (
          <EmptyStateLayout
            icon={<EmptyDocuments width="160px" />}
            content={
              hasFilters
                ? formatMessage({ id: getTranslation('snippets.emptyFiltered'), defaultMessage: 'No published snippet matches these filters.' })
                : formatMessage({ id: getTranslation('snippets.empty'), defaultMessage: 'No published snippets yet. Import documents or publish an article.' })
            }
            action={
              allowedActions.canImport && !hasFilters ? (
                <LinkButton tag={NavLink} to="import" variant="secondary" startIcon={<Upload />}>
                  {formatMessage({ id: getTranslation('snippets.importButton'), defaultMessage: 'Import documents' })}
                </LinkButton>
              ) : undefined
            }
          />
        ) : (
          <Box>
            <SnippetTable snippets={snippets.data.data} localized={filters.data?.data.locales !== undefined} />
            <Pagination.Root pageCount={pagination?.pageCount} total={pagination?.total} defaultPageSize={Number(DEFAULT_PAGE_SIZE)}>
              <Pagination.PageSize />
              <Pagination.Links />
            </Pagination.Root>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
