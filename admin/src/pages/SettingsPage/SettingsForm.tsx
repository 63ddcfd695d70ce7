import type * as React from 'react';
import { Box, Field, Flex, Grid, NumberInput, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import type { SettingKey, SettingsFormValues } from './settings-form';
import { TimeZoneCombobox } from './TimeZoneCombobox';

interface SettingsFormProps {
  values: SettingsFormValues;
  errors: Partial<Record<SettingKey, boolean>>;
  disabled: boolean;
  onChange<K extends SettingKey>(key: K, value: SettingsFormValues[K]): void;
  /** The editor left the field: time to check it. */
  onLeave(key: SettingKey): void;
}

/** Labels, hints and the message shown when the value breaks the rule, per setting (SPEC 5). */
const TEXTS: Record<SettingKey, { label: string; hint: string; invalid: string }> = {
  excerptLength: {
    label: 'Excerpt length',
    hint: 'Characters in a generated excerpt, from 80 to 1000. Generated excerpts follow a change.',
    invalid: 'Enter a whole number from 80 to 1000.',
  },
  defaultLanguage: {
    label: 'Default language',
    hint: 'The language code of articles that name none, such as en.',
    invalid: 'Enter a language code such as en or de; when languages are listed, it must be one of them.',
  },
  languages: {
    label: 'Languages',
    hint: 'Language codes articles may use, separated by commas. Empty allows every language.',
    invalid: 'Enter language codes such as en, de or en-gb, separated by commas.',
  },
  importTimeZone: {
    label: 'Import time zone',
    hint: 'The time zone of imported dates that carry no offset.',
    invalid: 'Choose an IANA time zone such as UTC or Europe/Berlin.',
  },
  cacheMaxAge: {
    label: 'Cache max age',
    hint: 'Seconds frontends and proxies may cache snippet answers, from 0 to 86400.',
    invalid: 'Enter a whole number of seconds from 0 to 86400.',
  },
  siteUrl: {
    label: 'Site URL',
    hint: 'The address of your frontend, such as https://www.example.com. Feeds and sitemaps answer only once it is set.',
    invalid: 'Enter an absolute http(s) address without a query, such as https://www.example.com.',
  },
  articleUrl: {
    label: 'Article URL',
    hint: "Where an article lives on the frontend. Placeholders: '{siteUrl}' (at the start), '{slug}', '{documentId}', '{language}', '{category}', '{yyyy}', '{mm}', '{dd}'.",
    invalid: "Use known placeholders only, include '{slug}' or '{documentId}', and start with '{siteUrl}' or https://.",
  },
  feedTitle: {
    label: 'Feed title',
    hint: 'The title of the RSS, Atom and JSON feeds, 1 to 200 characters.',
    invalid: 'Enter a title of 1 to 200 characters.',
  },
  publicationName: {
    label: 'Publication name',
    hint: 'Your publication as Google News knows it. Empty uses the feed title.',
    invalid: 'Enter a name of 1 to 200 characters, or leave it empty.',
  },
};

/** Settings that may be left empty: languages (any), siteUrl (feeds off) and publicationName (the feed title). */
const OPTIONAL: ReadonlySet<SettingKey> = new Set(['languages', 'siteUrl', 'publicationName']);

/** Every setting of SPEC 5, each with its hint and, when invalid, the rule it breaks. */
export const SettingsForm = ({ values, errors, disabled, onChange, onLeave }: SettingsFormProps) => {
  const { formatMessage } = useIntl();
  const text = (key: SettingKey, part: 'label' | 'hint' | 'invalid') =>
    formatMessage({ id: getTranslation(`settings.${key}.${part}`), defaultMessage: TEXTS[key][part] });

  const field = (key: SettingKey, input: React.ReactNode) => (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch" key={key}>
      <Field.Root
        name={key}
        hint={text(key, 'hint')}
        error={errors[key] ? text(key, 'invalid') : undefined}
        required={!OPTIONAL.has(key)}
        // React's blur bubbles: leaving the input, or the time-zone list, of this field.
        onBlur={() => onLeave(key)}
      >
        <Field.Label>{text(key, 'label')}</Field.Label>
        {input}
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  const textField = (key: 'siteUrl' | 'articleUrl' | 'feedTitle' | 'publicationName', placeholder?: string) =>
    field(key, <TextInput value={values[key]} onChange={(event) => onChange(key, event.target.value)} disabled={disabled} placeholder={placeholder} />);

  return (
    <>
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Grid.Root gap={6}>
        {field(
          'excerptLength',
          <NumberInput value={values.excerptLength} onValueChange={(value) => onChange('excerptLength', value)} disabled={disabled} step={10} />
        )}
        {field(
          'cacheMaxAge',
          <NumberInput value={values.cacheMaxAge} onValueChange={(value) => onChange('cacheMaxAge', value)} disabled={disabled} step={10} />
        )}
        {field(
          'defaultLanguage',
          <TextInput value={values.defaultLanguage} onChange={(event) => onChange('defaultLanguage', event.target.value)} disabled={disabled} />
        )}
        {field(
          'languages',
          <TextInput
            value={values.languages}
            onChange={(event) => onChange('languages', event.target.value)}
            disabled={disabled}
            placeholder={formatMessage({ id: getTranslation('settings.languages.placeholder'), defaultMessage: 'Any language' })}
          />
        )}
        {field(
          'importTimeZone',
          <TimeZoneCombobox
            value={values.importTimeZone}
            onChange={(value) => onChange('importTimeZone', value)}
            disabled={disabled}
            hasError={Boolean(errors.importTimeZone)}
          />
        )}
      </Grid.Root>
    </Box>
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius marginTop={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation('settings.feeds.title'), defaultMessage: 'Feeds and sitemaps' })}
        </Typography>
        <Grid.Root gap={6}>
          {textField('siteUrl', 'https://www.example.com')}
          {textField('articleUrl')}
          {textField('feedTitle')}
          {textField('publicationName', values.feedTitle)}
        </Grid.Root>
      </Flex>
    </Box>
    </>
  );
};
