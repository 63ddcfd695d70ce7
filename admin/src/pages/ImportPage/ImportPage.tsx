import * as React from 'react';
import { Box, Button, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { Check, Eye, Plus } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PERMISSIONS } from '../../permissions';
import { errorMessage, errorStatus } from '../../utils/api-error';
import { getTranslation } from '../../utils/getTranslation';
import { reveal } from '../../utils/reveal';
import { ImportLocaleFilter } from './ImportLocaleFilter';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportResults } from './ImportResults';
import { ImportSource } from './ImportSource';
import { MAX_IMPORT_BYTES, byteLength } from './read-files';
import { useImport } from './useImport';

/** Import view: paste or drop snippet documents, preview them, import as drafts or published. */
const ImportView = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { text, changeText, step, busy, preview, run, reset } = useImport();
  const { allowedActions } = useRBAC(PERMISSIONS.articles);

  const tooLarge = byteLength(text) > MAX_IMPORT_BYTES;
  const sizeError = tooLarge
    ? formatMessage({ id: getTranslation('import.source.tooLarge'), defaultMessage: 'The text is larger than 5 MB; import it in parts.' })
    : undefined;

  /** A failed request is told in a notification; 413 and 400 carry the server's reason. */
  const attempt = (action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (error) {
      const fallback =
        errorStatus(error) === 413
          ? formatMessage({ id: getTranslation('import.source.tooLarge'), defaultMessage: 'The text is larger than 5 MB; import it in parts.' })
          : formatMessage({ id: getTranslation('import.failed'), defaultMessage: 'The import failed. Try again.' });
      toggleNotification({ type: 'danger', message: errorMessage(error, fallback) });
    }
  };

  const documents = step.name === 'preview' ? step.preview.data : [];
  // Localized articles (SPEC 12): the preview may show one locale's documents; a new preview shows all again.
  const locales = step.name === 'preview' ? step.preview.meta.locales : undefined;
  const [locale, setLocale] = React.useState<string | null>(null);
  React.useEffect(() => setLocale(null), [step]);
  const shown = locale === null ? documents : documents.filter((document) => document.locale === locale);
  const newCount = documents.filter((document) => document.status === 'new').length;
  const previewTitle = formatMessage(
    {
      id: getTranslation('import.preview.title'),
      defaultMessage: 'Preview: {ready} of {total, plural, one {# document} other {# documents}} ready to import',
    },
    { ready: newCount, total: documents.length }
  );

  // The preview (below the text) and the result (in its place) appear without a page change:
  // show them, move focus there, and say it in the live region below.
  const previewHeading = React.useRef<HTMLHeadingElement>(null);
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (step.name === 'preview') reveal(previewHeading.current);
    if (step.name === 'result') reveal(resultHeading.current);
  }, [step]);
  const announcement =
    step.name === 'preview'
      ? previewTitle
      : step.name === 'result'
        ? formatMessage(
            {
              id: getTranslation('import.result.announcement'),
              defaultMessage:
                'Import finished: {created} created, {duplicates, plural, one {# duplicate} other {# duplicates}}, {invalid} invalid',
            },
            { ...step.result.meta }
          )
        : '';

  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: getTranslation('import.title'), defaultMessage: 'Import documents' })}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={formatMessage({ id: getTranslation('import.title'), defaultMessage: 'Import documents' })}
        subtitle={formatMessage({
          id: getTranslation('import.subtitle'),
          defaultMessage: 'Snippet documents become articles. Check the preview before anything is saved.',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {step.name === 'result' ? (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2" ref={resultHeading} tabIndex={-1}>
                  {formatMessage({ id: getTranslation('import.result.title'), defaultMessage: 'Import result' })}
                </Typography>
                <ImportResults result={step.result} />
                <Flex gap={2}>
                  <Button variant="secondary" startIcon={<Plus />} onClick={reset}>
                    {formatMessage({ id: getTranslation('import.result.again'), defaultMessage: 'Import more documents' })}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          ) : (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <ImportSource text={text} onTextChange={changeText} error={sizeError} />
                <Flex gap={2}>
                  <Button
                    startIcon={<Eye />}
                    variant={step.name === 'preview' ? 'secondary' : 'default'}
                    disabled={text.trim() === '' || tooLarge}
                    loading={busy === 'preview'}
                    onClick={attempt(preview)}
                  >
                    {formatMessage({ id: getTranslation('import.previewButton'), defaultMessage: 'Preview' })}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          )}
          {step.name === 'preview' ? (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2" ref={previewHeading} tabIndex={-1} data-testid="import-preview-heading">
                  {previewTitle}
                </Typography>
                {documents.length === 0 ? (
                  <Typography textColor="neutral600">
                    {formatMessage({ id: getTranslation('import.preview.none'), defaultMessage: 'The text holds no documents.' })}
                  </Typography>
                ) : (
                  <>
                    {locales ? <ImportLocaleFilter locales={locales} value={locale} onChange={setLocale} /> : null}
                    {shown.length === 0 ? (
                      <Typography textColor="neutral600">
                        {formatMessage({ id: getTranslation('import.preview.noneInLocale'), defaultMessage: 'No document goes to this locale.' })}
                      </Typography>
                    ) : (
                      <ImportPreviewTable documents={shown} localized={locales !== undefined} />
                    )}
                  </>
                )}
                {newCount < documents.length ? (
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({
                      id: getTranslation('import.preview.skipped'),
                      defaultMessage: 'Invalid documents and documents already imported are skipped; fix the text and preview again to include them.',
                    })}
                  </Typography>
                ) : null}
                {!allowedActions.canCreate || !allowedActions.canPublish ? (
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({
                      id: getTranslation('import.missingPermission'),
                      defaultMessage: 'Importing needs your permission to create articles, and publishing it to publish them, in the Content Manager.',
                    })}
                  </Typography>
                ) : null}
                <Flex gap={2}>
                  <Button
                    variant="secondary"
                    disabled={newCount === 0 || busy !== null || !allowedActions.canCreate}
                    loading={busy === 'drafts'}
                    onClick={attempt(() => run(false))}
                  >
                    {formatMessage({ id: getTranslation('import.asDrafts'), defaultMessage: 'Import as drafts' })}
                  </Button>
                  <Button
                    startIcon={<Check />}
                    disabled={newCount === 0 || busy !== null || !allowedActions.canCreate || !allowedActions.canPublish}
                    loading={busy === 'publish'}
                    onClick={attempt(() => run(true))}
                  >
                    {formatMessage({ id: getTranslation('import.andPublish'), defaultMessage: 'Import and publish' })}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          ) : null}
        </Flex>
        <VisuallyHidden aria-live="polite" role="status" data-testid="import-announcement">
          {announcement}
        </VisuallyHidden>
      </Layouts.Content>
    </Page.Main>
  );
};

export const ImportPage = () => (
  <Page.Protect permissions={PERMISSIONS.import}>
    <ImportView />
  </Page.Protect>
);
