import * as React from 'react';
import { Badge, Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { ArticleTranslation, GetArticlePreview } from '../api/types';
import { useAdminGet } from '../hooks/useAdminGet';
import { errorMessage, errorStatus } from '../utils/api-error';
import { getTranslation } from '../utils/getTranslation';
import { languageName } from '../utils/language-name';
import { articleEditPath } from '../utils/links';
import { CategoryBadges } from './CategoryBadges';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {children}
  </Flex>
);

const TRANSLATION_STATUS = {
  published: { variant: 'success', defaultMessage: 'Published' },
  modified: { variant: 'secondary', defaultMessage: 'Published, draft changed' },
  draft: { variant: 'warning', defaultMessage: 'Draft' },
} as const;

/** Localized articles (SPEC 12): the article's other locales, each opening that locale in the editor. */
const TranslationList = ({ documentId, translations }: { documentId: string; translations: ArticleTranslation[] }) => {
  const { formatMessage, locale } = useIntl();
  if (translations.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: getTranslation('preview.noTranslations'), defaultMessage: 'No other locale yet' })}
      </Typography>
    );
  }
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} width="100%" data-testid="newsroom-snippet-translations">
      {translations.map((translation) => {
        const badge = TRANSLATION_STATUS[translation.status];
        return (
          <Flex tag="li" key={translation.locale} direction="column" alignItems="flex-start" gap={1}>
            <Flex gap={2} wrap="wrap">
              <Link tag={NavLink} to={articleEditPath(documentId, translation.locale)}>
                {languageName(translation.locale, locale)}
              </Link>
              <Badge variant={badge.variant}>
                {formatMessage({ id: getTranslation(`preview.translationStatus.${translation.status}`), defaultMessage: badge.defaultMessage })}
              </Badge>
            </Flex>
            {translation.title !== null ? <Typography textColor="neutral800">{translation.title}</Typography> : null}
            {translation.slug !== null ? (
              <Typography variant="pi" textColor="neutral600" style={{ wordBreak: 'break-all' }}>
                {translation.slug}
              </Typography>
            ) : null}
          </Flex>
        );
      })}
    </Flex>
  );
};

/** The article as the snippet endpoint serves it (or will, once published); of `locale` when articles are localized. */
export const SnippetPreview = ({ documentId, locale, version }: { documentId: string; locale: string | null; version: string }) => {
  const { formatMessage } = useIntl();
  const query = React.useMemo(() => (locale ? new URLSearchParams({ locale }) : undefined), [locale]);
  const preview = useAdminGet<GetArticlePreview.Response>(`/newsroom/articles/${encodeURIComponent(documentId)}/preview`, query, version);
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
      {meta.translations ? (
        <Row label={t('translations', 'Translations')}>
          <TranslationList documentId={documentId} translations={meta.translations} />
        </Row>
      ) : null}
    </Flex>
  );
};
