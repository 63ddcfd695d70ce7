import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { GetSettings, UpdateSettings } from '../../api/types';
import { useAdminGet } from '../../hooks/useAdminGet';
import { PERMISSIONS } from '../../permissions';
import { errorMessage, fieldErrors } from '../../utils/api-error';
import { getTranslation } from '../../utils/getTranslation';
import { RevalidationSection } from './revalidation/RevalidationSection';
import { SettingsForm } from './SettingsForm';
import {
  FIELDS_CHECKED_ON_LEAVE,
  SETTING_KEYS,
  invalidFields,
  sameValues,
  toFormValues,
  toSettings,
  type SettingKey,
  type SettingsFormValues,
} from './settings-form';

type FieldFlags = Partial<Record<SettingKey, boolean>>;

const flags = (fields: Partial<Record<string, string>>): FieldFlags =>
  Object.fromEntries(Object.keys(fields).map((key) => [key, true])) as FieldFlags;

const ALL_FIELDS: FieldFlags = Object.fromEntries(SETTING_KEYS.map((key) => [key, true]));

/** Settings → Newsroom: the effective settings, saved to the plugin store and used from the next request on. */
const SettingsView = ({ initial }: { initial: GetSettings.Response['data'] }) => {
  const { formatMessage } = useIntl();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: checkingPermissions } = useRBAC(PERMISSIONS.settingsUpdate);
  const [saved, setSaved] = React.useState(() => toFormValues(initial));
  const [values, setValues] = React.useState(saved);
  // A field's problem shows once the editor has left it (or pressed Save), and hides while it is edited again.
  const [checked, setChecked] = React.useState<FieldFlags>({});
  const [rejected, setRejected] = React.useState<FieldFlags>({});
  const [saving, setSaving] = React.useState(false);
  const canUpdate = !checkingPermissions && allowedActions.canUpdate;

  const invalid = React.useMemo(() => invalidFields(values), [values]);
  const errors: FieldFlags = Object.fromEntries(
    SETTING_KEYS.map((key) => [key, Boolean(checked[key] && invalid[key] !== undefined) || Boolean(rejected[key])])
  );

  const onChange = <K extends SettingKey>(key: K, value: SettingsFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setChecked((previous) => ({ ...previous, [key]: false }));
    setRejected((previous) => ({ ...previous, [key]: false }));
  };

  const onLeave = (key: SettingKey) => {
    setChecked((previous) => ({ ...previous, ...Object.fromEntries(FIELDS_CHECKED_ON_LEAVE[key].map((field) => [field, true])) }));
  };

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(ALL_FIELDS);
    const firstInvalid = SETTING_KEYS.find((key) => invalid[key] !== undefined);
    if (firstInvalid !== undefined) {
      // The message is at the field: take the editor there.
      event.currentTarget.querySelector<HTMLInputElement>(`input[name="${firstInvalid}"]`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const { data } = await put<UpdateSettings.Response>('/newsroom/settings', toSettings(values) satisfies UpdateSettings.Request);
      const next = toFormValues(data.data);
      setSaved(next);
      setValues(next);
      setChecked({});
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('settings.saved'), defaultMessage: 'Settings saved. They apply from the next request on.' }),
      });
    } catch (error) {
      setRejected(flags(fieldErrors(error)));
      toggleNotification({
        type: 'danger',
        message: errorMessage(error, formatMessage({ id: getTranslation('settings.saveFailed'), defaultMessage: 'The settings could not be saved.' })),
      });
    } finally {
      setSaving(false);
    }
  };

  const title = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' });
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: getTranslation('settings.pageTitle'), defaultMessage: 'Settings - Newsroom' })}</Page.Title>
      <form onSubmit={onSubmit} noValidate>
        <Layouts.Header
          title={title}
          subtitle={formatMessage({
            id: getTranslation('settings.subtitle'),
            defaultMessage: 'Excerpts, languages, import dates and caching of the snippet endpoint',
          })}
          primaryAction={
            <Button type="submit" startIcon={<Check />} size="S" loading={saving} disabled={!canUpdate || sameValues(values, saved)}>
              {formatMessage({ id: 'global.save', defaultMessage: 'Save' })}
            </Button>
          }
        />
        <Layouts.Content>
          <SettingsForm values={values} errors={errors} disabled={!canUpdate} onChange={onChange} onLeave={onLeave} />
        </Layouts.Content>
      </form>
      <Layouts.Content>
        <RevalidationSection initial={initial.revalidation} canUpdate={canUpdate} />
      </Layouts.Content>
    </Page.Main>
  );
};

const SettingsLoader = () => {
  const { formatMessage } = useIntl();
  const settings = useAdminGet<GetSettings.Response>('/newsroom/settings');
  if (settings.status === 'error') {
    return <Page.Error content={errorMessage(settings.error, formatMessage({ id: getTranslation('settings.loadFailed'), defaultMessage: 'The settings could not be loaded.' }))} />;
  }
  if (settings.status === 'loading') return <Page.Loading />;
  return <SettingsView initial={settings.data.data} />;
};

const ProtectedSettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.settingsRead}>
    <SettingsLoader />
  </Page.Protect>
);

export default ProtectedSettingsPage;
