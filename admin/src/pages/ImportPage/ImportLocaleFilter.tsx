import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { languageName } from '../../utils/language-name';

interface ImportLocaleFilterProps {
  /** The configured locales, the default one first. */
  locales: string[];
  value: string | null;
  onChange(locale: string | null): void;
}

/** Localized articles (SPEC 12): shows the preview's documents of one locale, as the Newsroom page's Locale filter. */
export const ImportLocaleFilter = ({ locales, value, onChange }: ImportLocaleFilterProps) => {
  const { formatMessage, locale } = useIntl();
  return (
    <Box maxWidth="240px">
      <SingleSelect
        aria-label={formatMessage({ id: getTranslation('import.preview.filters.locale'), defaultMessage: 'Locale' })}
        placeholder={formatMessage({ id: getTranslation('import.preview.filters.allLocales'), defaultMessage: 'All locales' })}
        value={value}
        onChange={(next) => onChange(String(next))}
        onClear={value ? () => onChange(null) : undefined}
        clearLabel={formatMessage({ id: getTranslation('import.preview.filters.clearLocale'), defaultMessage: 'Show all locales' })}
        size="S"
      >
        {locales.map((code) => (
          <SingleSelectOption key={code} value={code}>
            {languageName(code, locale)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};
