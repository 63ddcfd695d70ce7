import * as React from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { matchZones, zoneOptions } from './time-zones';

interface TimeZoneComboboxProps {
  value: string;
  onChange(value: string): void;
  disabled: boolean;
  hasError: boolean;
}

/** A key that writes into the text box, or deletes from it. */
const editsText = (event: React.KeyboardEvent) =>
  !event.ctrlKey && !event.metaKey && !event.altKey && (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete');

/**
 * Pick an IANA zone by typing part of its name. The box shows the chosen zone; the first
 * key typed after focusing it (or after choosing) replaces that text instead of adding to
 * it, so typing "Berl" searches for "Berl" (Europe/Berlin), not "UTCBerl". The list shows
 * every zone until something is typed. Only a listed zone can be chosen: leaving the box
 * with text that names none keeps the previous zone.
 */
export const TimeZoneCombobox = ({ value, onChange, disabled, hasError }: TimeZoneComboboxProps) => {
  const { formatMessage } = useIntl();
  const [focused, setFocused] = React.useState(false);
  const [text, setText] = React.useState(value);
  const [query, setQuery] = React.useState('');
  // The text still is the chosen zone, untouched: the next key replaces it.
  const untouched = React.useRef(true);
  // The zone just chosen, before the parent's new value arrives (focus comes back at once).
  const current = React.useRef(value);
  current.current = value;
  const zones = React.useMemo(() => zoneOptions(value), [value]);
  const matches = React.useMemo(() => matchZones(zones, query), [zones, query]);

  const choose = (zone: string) => {
    current.current = zone;
    untouched.current = true;
    onChange(zone);
    setText(zone);
    setQuery('');
  };

  return (
    <Combobox
      value={value}
      textValue={focused ? text : value}
      onTextValueChange={(next) => setText(next ?? '')}
      onInputChange={(event) => {
        untouched.current = false;
        setQuery(event.target.value);
      }}
      // The combobox clears its value when it is left with text that names no zone, or on Escape: keep the zone.
      onChange={(next) => (next ? choose(next) : undefined)}
      onFocus={() => {
        setFocused(true);
        setText(current.current);
        setQuery('');
        untouched.current = true;
      }}
      // The list keeps its matches: a click on one of them may blur the box first.
      onBlur={() => setFocused(false)}
      onKeyDown={(event) => {
        if (untouched.current && editsText(event)) event.currentTarget.select();
        // Enter picks the only zone left, so "Berl" + Enter is enough.
        if (event.key === 'Enter' && query !== '' && matches.length === 1) choose(matches[0]);
      }}
      placeholder={formatMessage({ id: getTranslation('settings.importTimeZone.placeholder'), defaultMessage: 'Type part of a name, such as Berlin' })}
      disabled={disabled}
      hasError={hasError}
      // Filtering is ours (matchZones): the combobox's own would filter by the text it shows.
      autocomplete="none"
      aria-autocomplete="list"
      noOptionsMessage={() => formatMessage({ id: getTranslation('settings.importTimeZone.none'), defaultMessage: 'No time zone matches' })}
    >
      {matches.map((zone) => (
        <ComboboxOption key={zone} value={zone}>
          {zone}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
