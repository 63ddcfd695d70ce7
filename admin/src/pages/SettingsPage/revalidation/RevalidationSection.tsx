import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Dialog,
  EmptyStateLayout,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, PaperPlane, Pencil, Plus, Trash, WarningCircle } from '@strapi/icons';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ListDeliveries, RevalidationTargetView, SendTestDelivery, UpdateSettings } from '../../../api/types';
import { useAdminGet } from '../../../hooks/useAdminGet';
import { errorMessage } from '../../../utils/api-error';
import { getTranslation } from '../../../utils/getTranslation';
import { DeliveryTable } from './DeliveryTable';
import { TargetModal } from './TargetModal';
import { fieldsOfIssues, targetsToSave, type TargetField, type TargetFormValues } from './target-form';

/** While a delivery is pending, the list is read again this often. */
const REFRESH_MS = 3000;

type Editing = { original: RevalidationTargetView | null } | null;

/** The paths of a ValidationError (`revalidation[1].url`). */
const rejectedKeys = (error: unknown): string[] => {
  if (!isFetchError(error)) return [];
  const details = error.response?.data.error.details as { errors?: Array<{ path?: unknown[] }> } | undefined;
  return (details?.errors ?? []).map((detail) => String(detail.path?.[0] ?? ''));
};

/**
 * Settings → Newsroom → Frontend revalidation (SPEC 11): the frontends told of every change,
 * each savable on its own, a test for each, and the latest deliveries. Targets of the config
 * file are shown but not editable; secrets are never shown, only their last characters.
 */
export const RevalidationSection = ({ initial, canUpdate }: { initial: RevalidationTargetView[]; canUpdate: boolean }) => {
  const { formatMessage } = useIntl();
  const { put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [targets, setTargets] = React.useState(initial);
  const [editing, setEditing] = React.useState<Editing>(null);
  const [removing, setRemoving] = React.useState<RevalidationTargetView | null>(null);
  const [rejected, setRejected] = React.useState<Partial<Record<TargetField, true>>>({});
  const [saving, setSaving] = React.useState(false);
  const [testing, setTesting] = React.useState<string | null>(null);
  const deliveries = useAdminGet<ListDeliveries.Response>('/newsroom/revalidation/deliveries');
  const { reload } = deliveries;
  const anyPending = deliveries.data?.data.some((delivery) => delivery.status === 'pending') ?? false;

  React.useEffect(() => {
    if (!anyPending) return undefined;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [anyPending, reload]);

  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`revalidation.${id}`), defaultMessage }, values);

  const save = async (values: TargetFormValues | null, original: RevalidationTargetView | null, without?: RevalidationTargetView) => {
    const list = targetsToSave(without ? targets.filter((target) => target !== without) : targets, values, original);
    setSaving(true);
    try {
      const { data } = await put<UpdateSettings.Response>('/newsroom/settings', { revalidation: list } satisfies UpdateSettings.Request);
      setTargets(data.data.revalidation);
      setEditing(null);
      setRemoving(null);
      setRejected({});
      toggleNotification({ type: 'success', message: t('saved', 'Frontends saved. Changes from now on are sent to them.') });
    } catch (error) {
      const own = targets.filter((target) => target.source === 'settings');
      const index = original ? own.findIndex((target) => target.name === original.name) : own.length;
      setRejected(fieldsOfIssues(rejectedKeys(error), index));
      toggleNotification({ type: 'danger', message: errorMessage(error, t('saveFailed', 'The frontends could not be saved.')) });
    } finally {
      setSaving(false);
    }
  };

  const sendTest = async (target: RevalidationTargetView) => {
    setTesting(target.name);
    try {
      const { data } = await post<SendTestDelivery.Response>('/newsroom/revalidation/test', { target: target.name } satisfies SendTestDelivery.Request);
      const delivery = data.data;
      toggleNotification(
        delivery.status === 'delivered'
          ? { type: 'success', message: t('test.delivered', '{name} answered {status}.', { name: target.name, status: `HTTP ${delivery.lastStatus}` }) }
          : { type: 'danger', message: t('test.failed', 'The test to {name} failed: {reason}.', { name: target.name, reason: delivery.lastError ?? '–' }) }
      );
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, t('test.error', 'The test could not be sent.')) });
    } finally {
      setTesting(null);
      reload();
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} paddingTop={6} paddingBottom={10}>
      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4} paddingBottom={4}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="delta" tag="h2">
              {t('title', 'Frontend revalidation')}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t(
                'description',
                'Each change that alters what frontends show is sent to these frontends as a signed POST, with the paths and tags to revalidate.'
              )}
            </Typography>
          </Flex>
          <Button startIcon={<Plus />} variant="secondary" size="S" disabled={!canUpdate} onClick={() => setEditing({ original: null })}>
            {t('add', 'Add a frontend')}
          </Button>
        </Flex>
        {targets.length === 0 ? (
          <EmptyStateLayout icon={<WarningCircle width="6.4rem" height="6.4rem" />} content={t('empty', 'No frontend is told of changes yet.')} />
        ) : (
          <Table colCount={5} rowCount={targets.length + 1}>
            <Thead>
              <Tr>
                {[
                  ['name', 'Name'],
                  ['url', 'URL'],
                  ['paths', 'Paths'],
                  ['secret', 'Secret'],
                  ['actions', 'Actions'],
                ].map(([key, label]) => (
                  <Th key={key}>
                    <Typography variant="sigma" textColor="neutral600">
                      {t(`targets.${key}`, label)}
                    </Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {targets.map((target) => (
                <Tr key={target.name}>
                  <Td>
                    <Flex gap={2}>
                      <Typography textColor="neutral800" fontWeight="bold">
                        {target.name}
                      </Typography>
                      {target.source === 'config' ? <Badge>{t('targets.fromConfig', 'config file')}</Badge> : null}
                    </Flex>
                  </Td>
                  <Td maxWidth="320px">
                    <Typography textColor="neutral800" ellipsis>
                      {target.url}
                    </Typography>
                  </Td>
                  <Td maxWidth="280px">
                    <Typography textColor="neutral800" ellipsis title={target.paths.join('\n')}>
                      {target.paths.length === 0 ? '–' : target.paths.join(', ')}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">{target.secretHint}</Typography>
                  </Td>
                  <Td>
                    <Flex gap={1}>
                      <IconButton
                        label={t('test.send', 'Send a test to {name}', { name: target.name })}
                        disabled={!canUpdate || testing !== null}
                        onClick={() => void sendTest(target)}
                      >
                        <PaperPlane />
                      </IconButton>
                      {target.source === 'settings' ? (
                        <>
                          <IconButton label={t('edit', 'Edit {name}', { name: target.name })} disabled={!canUpdate} onClick={() => setEditing({ original: target })}>
                            <Pencil />
                          </IconButton>
                          <IconButton label={t('remove', 'Remove {name}', { name: target.name })} disabled={!canUpdate} onClick={() => setRemoving(target)}>
                            <Trash />
                          </IconButton>
                        </>
                      ) : null}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>

      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
        <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
          <Typography variant="delta" tag="h2">
            {t('deliveries.title', 'Recent deliveries')}
          </Typography>
          <IconButton label={t('deliveries.reload', 'Reload the deliveries')} onClick={reload}>
            <ArrowClockwise />
          </IconButton>
        </Flex>
        {deliveries.status === 'error' ? (
          <Typography textColor="danger600">{errorMessage(deliveries.error, t('deliveries.loadFailed', 'The deliveries could not be loaded.'))}</Typography>
        ) : deliveries.data && deliveries.data.data.length > 0 ? (
          <DeliveryTable deliveries={deliveries.data.data} />
        ) : deliveries.data ? (
          <Typography textColor="neutral600">{t('deliveries.empty', 'Nothing was sent yet.')}</Typography>
        ) : null}
      </Box>

      {editing ? (
        <TargetModal
          original={editing.original}
          targets={targets}
          rejected={rejected}
          saving={saving}
          onSave={(values) => void save(values, editing.original)}
          onClose={() => {
            setEditing(null);
            setRejected({});
          }}
        />
      ) : null}

      <Dialog.Root open={removing !== null} onOpenChange={(open) => !open && setRemoving(null)}>
        <Dialog.Content>
          <Dialog.Header>{t('removeDialog.title', 'Remove this frontend?')}</Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="danger600" />}>
            {t('removeDialog.body', '{name} will not be told of changes any more; deliveries still pending to it fail.', { name: removing?.name ?? '' })}
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary">
                {formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth variant="danger-light" loading={saving} onClick={() => removing && void save(null, null, removing)}>
              {t('removeDialog.confirm', 'Remove')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
};
