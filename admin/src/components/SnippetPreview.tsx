import type * as React from 'react';
import { Badge, Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { GetArticlePreview } from '../api/types';
import { useAdminGet } from '../hooks/useAdminGet';
import { errorMessage, errorStatus } from '../utils/api-error';
import { getTranslation } from '../utils/getTranslation';
import { CategoryBadges } from './CategoryBadges';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {children}
  </Flex>
);

/** The article as the snippet endpoint serves it (or will, once published). */
export const SnippetPreview = ({ documentId, version }: { documentId: string; version: string }) => {
  const { formatMessage } = useIntl();
  const preview = useAdminGet<GetArticlePreview.Response>(`/newsroom/articles/${encodeURIComponent(documentId)}/preview`, undefined, version);
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`preview.${key}`), defaultMessage }, values);

  if (preview.status === 'error' && preview.data === undefined) {
    const message =
      errorStatus(preview.error) === 403
        ? t('forbidden', 'You are not allowed to see the snippet preview.')
        : errorMessage(preview.error, t('failed', 'The preview could not be loaded.'));
    return (
      <Typography variant="pi" textColor="neutral600">
        {message}
      </Typography>
    );
  }
  if (preview.data === undefined) return <Loader small>{t('loading', 'Loading the snippet preview…')}</Loader>;

  const { data: snippet, meta } = preview.data;
  // Fields the role may not read (Content Manager field permissions) are left out of the answer.
  const hidden = (
    <Typography variant="pi" textColor="neutral500">
      {t('hidden', 'Hidden by your role’s field permissions')}
    </Typography>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="newsroom-snippet-preview">
      {meta.published ? (
        <Box>
          <Badge variant="success">{t('served', 'Served')}</Badge>
          {meta.hasDraftChanges ? (
            <Typography tag="p" variant="pi" textColor="neutral600" paddingTop={1}>
              {t('draftChanges', 'The draft has changes that are not published yet; the endpoint serves the published version shown here.')}
            </Typography>
          ) : null}
        </Box>
      ) : (
        <Box>
          <Badge variant="warning">{t('notPublished', 'Not published')}</Badge>
          <Typography tag="p" variant="pi" textColor="neutral600" paddingTop={1}>
            {t('notPublishedNote', 'Computed from the draft. The snippet endpoint serves it once the article is published.')}
          </Typography>
        </Box>
      )}
      {snippet.title === undefined ? (
        hidden
      ) : (
        <Typography variant="delta" tag="p" textColor="neutral800">
          {snippet.title}
        </Typography>
      )}
      {snippet.excerpt === undefined ? (
        hidden
      ) : (
        <Typography variant="omega" textColor="neutral700" data-testid="newsroom-snippet-excerpt">
          {snippet.excerpt ?? '–'}
        </Typography>
      )}
      <Row label={t('language', 'Language')}>
        {snippet.language === undefined ? hidden : <Typography textColor="neutral800">{snippet.language ?? '–'}</Typography>}
      </Row>
      <Row label={t('categories', 'Categories')}>
        {snippet.categories === undefined ? hidden : <CategoryBadges names={snippet.categories.map((category) => category.name)} />}
      </Row>
      <Row label={t('slug', 'Slug')}>
        {/* A slug is one long word: let it wrap in the narrow panel. */}
        {snippet.slug === undefined ? (
          hidden
        ) : (
          <Typography textColor="neutral800" style={{ wordBreak: 'break-all' }}>
            {snippet.slug}
          </Typography>
        )}
      </Row>
      <Row label={t('readingTime', 'Reading time')}>
        {snippet.readingTime === undefined ? (
          hidden
        ) : (
          <Typography textColor="neutral800">
            {snippet.readingTime === null ? '–' : t('minutes', '{minutes} min', { minutes: snippet.readingTime })}
          </Typography>
        )}
      </Row>
    </Flex>
  );
};
