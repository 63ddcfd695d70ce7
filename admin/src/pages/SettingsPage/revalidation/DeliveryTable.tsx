import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RevalidationDelivery } from '../../../api/types';
import { getTranslation } from '../../../utils/getTranslation';

const COLUMNS = [
  { key: 'status', defaultMessage: 'Status' },
  { key: 'target', defaultMessage: 'Frontend' },
  { key: 'event', defaultMessage: 'Change' },
  { key: 'content', defaultMessage: 'Articles · paths' },
  { key: 'attempts', defaultMessage: 'Attempts' },
  { key: 'lastAnswer', defaultMessage: 'Last answer' },
  { key: 'createdAt', defaultMessage: 'Recorded' },
] as const;

const STATUS = {
  delivered: { variant: 'success', defaultMessage: 'Delivered' },
  pending: { variant: 'warning', defaultMessage: 'Pending' },
  failed: { variant: 'danger', defaultMessage: 'Failed' },
} as const;

/** The latest deliveries, newest first: what each frontend was told, and what it answered. */
export const DeliveryTable = ({ deliveries }: { deliveries: RevalidationDelivery[] }) => {
  const { formatMessage, formatDate } = useIntl();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <Table colCount={COLUMNS.length} rowCount={deliveries.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => (
            <Th key={column.key}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({ id: getTranslation(`revalidation.deliveries.${column.key}`), defaultMessage: column.defaultMessage })}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {deliveries.map((delivery) => (
          <Tr key={delivery.id}>
            <Td>
              <Badge variant={STATUS[delivery.status].variant}>
                {formatMessage({ id: getTranslation(`revalidation.status.${delivery.status}`), defaultMessage: STATUS[delivery.status].defaultMessage })}
              </Badge>
            </Td>
            <Td>
              <Typography textColor="neutral800">{delivery.target}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800" title={delivery.id}>
                {delivery.event}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {delivery.articleCount} · {delivery.pathCount}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{delivery.attempts}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">
                {delivery.lastError ?? (delivery.lastStatus === null ? '–' : `HTTP ${delivery.lastStatus}`)}
              </Typography>
              {delivery.status === 'pending' && delivery.nextAttemptAt ? (
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('revalidation.deliveries.nextAttempt'), defaultMessage: 'next attempt {time}' },
                    { time: when(delivery.nextAttemptAt) }
                  )}
                </Typography>
              ) : null}
            </Td>
            <Td>
              <Typography textColor="neutral800">{when(delivery.createdAt)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
