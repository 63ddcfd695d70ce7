import * as React from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

/** The browser's IANA zones, UTC first; the current value is kept even when the browser does not list it. */
const zoneOptions = (current: string): string[] => {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
  return current !== '' && !all.includes(current) ? [current, ...all] : all;
};

interface TimeZoneComboboxProps {
  value: string;
  onChange(value: string): void;
  disabled: boolean;
  hasError: boolean;
}

export const TimeZoneCombobox = ({ value, onChange, disabled, hasError }: TimeZoneComboboxProps) => {
  const { formatMessage } = useIntl();
  const options = React.useMemo(() => zoneOptions(value), [value]);
  return (
    <Combobox
      value={value}
      // Without it the input stays empty until an option is chosen.
      defaultTextValue={value}
      onChange={(next) => onChange(next ?? '')}
      disabled={disabled}
      hasError={hasError}
      autocomplete={{ type: 'list', filter: 'contains' }}
      noOptionsMessage={() => formatMessage({ id: getTranslation('settings.importTimeZone.none'), defaultMessage: 'No time zone matches' })}
    >
      {options.map((zone) => (
        <ComboboxOption key={zone} value={zone}>
          {zone}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
