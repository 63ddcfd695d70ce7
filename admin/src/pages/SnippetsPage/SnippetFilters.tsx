import * as React from 'react';
import { Box, Button, Flex, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SnippetFilterOptions } from '../../api/types';
import { useDebounce } from '../../hooks/useDebounce';
import { getTranslation } from '../../utils/getTranslation';
import { languageName } from '../../utils/language-name';
import type { SnippetFilterName, SnippetUrlQuery } from './useSnippetQuery';

interface SnippetFiltersProps {
  query: SnippetUrlQuery;
  options: SnippetFilterOptions | undefined;
  hasFilters: boolean;
  onChange(name: SnippetFilterName, value: string): void;
  onClear(): void;
}

const SEARCH_DELAY_MS = 400;

/** Text, category and language filters of the Newsroom page. */
export const SnippetFilters = ({ query, options, hasFilters, onChange, onClear }: SnippetFiltersProps) => {
  const { formatMessage, locale } = useIntl();
  const [text, setText] = React.useState(query._q ?? '');
  const debounced = useDebounce(text, SEARCH_DELAY_MS);

  // The URL is the source of truth: follow it when it changes from outside (clear, back button).
  React.useEffect(() => setText(query._q ?? ''), [query._q]);
  React.useEffect(() => {
    if (debounced.trim() !== (query._q ?? '')) onChange('_q', debounced.trim());
    // Only a settled edit should navigate, not a change of the URL itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <Flex gap={2} wrap="wrap" alignItems="flex-end">
      <Box minWidth="240px">
        <Searchbar
          name="q"
          size="S"
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.target.value)}
          onClear={() => setText('')}
          clearLabel={formatMessage({ id: getTranslation('snippets.filters.clearSearch'), defaultMessage: 'Clear the search' })}
          placeholder={formatMessage({ id: getTranslation('snippets.filters.search'), defaultMessage: 'Search titles and excerpts' })}
        >
          {formatMessage({ id: getTranslation('snippets.filters.search'), defaultMessage: 'Search titles and excerpts' })}
        </Searchbar>
      </Box>
      <Box minWidth="200px">
        <SingleSelect
          aria-label={formatMessage({ id: getTranslation('snippets.filters.category'), defaultMessage: 'Category' })}
          placeholder={formatMessage({ id: getTranslation('snippets.filters.allCategories'), defaultMessage: 'All categories' })}
          value={query.category ?? null}
          onChange={(value) => onChange('category', String(value))}
          onClear={query.category ? () => onChange('category', '') : undefined}
          clearLabel={formatMessage({ id: getTranslation('snippets.filters.clearCategory'), defaultMessage: 'Show all categories' })}
          size="S"
        >
          {(options?.categories ?? []).map((category) => (
            <SingleSelectOption key={category.slug} value={category.slug}>
              {category.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      {options?.locales ? (
        // Localized articles (SPEC 12): an article's language is its locale, so the locale is the filter.
        <Box minWidth="160px">
          <SingleSelect
            aria-label={formatMessage({ id: getTranslation('snippets.filters.locale'), defaultMessage: 'Locale' })}
            placeholder={formatMessage({ id: getTranslation('snippets.filters.allLocales'), defaultMessage: 'All locales' })}
            value={query.locale ?? null}
            onChange={(value) => onChange('locale', String(value))}
            onClear={query.locale ? () => onChange('locale', '') : undefined}
            clearLabel={formatMessage({ id: getTranslation('snippets.filters.clearLocale'), defaultMessage: 'Show all locales' })}
            size="S"
          >
            {options.locales.map((code) => (
              <SingleSelectOption key={code} value={code}>
                {languageName(code, locale)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
      ) : (
        <Box minWidth="160px">
          <SingleSelect
            aria-label={formatMessage({ id: getTranslation('snippets.filters.language'), defaultMessage: 'Language' })}
            placeholder={formatMessage({ id: getTranslation('snippets.filters.allLanguages'), defaultMessage: 'All languages' })}
            value={query.language ?? null}
            onChange={(value) => onChange('language', String(value))}
            onClear={query.language ? () => onChange('language', '') : undefined}
            clearLabel={formatMessage({ id: getTranslation('snippets.filters.clearLanguage'), defaultMessage: 'Show all languages' })}
            size="S"
          >
            {(options?.languages ?? []).map((code) => (
              <SingleSelectOption key={code} value={code}>
                {languageName(code, locale)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
      )}
      {hasFilters ? (
        <Button variant="tertiary" size="S" onClick={onClear}>
          {formatMessage({ id: getTranslation('snippets.filters.reset'), defaultMessage: 'Reset filters' })}
        </Button>
      ) : null}
    </Flex>
  );
};
