import { Flex, Typography } from '@strapi/design-system';
import { WrappingText } from '../../components/WrappingText';
import { useIntl } from 'react-intl';
import type { ImportIssue } from '../../api/types';
import { getTranslation } from '../../utils/getTranslation';

interface IssueListProps {
  errors?: ImportIssue[] | null;
  warnings?: ImportIssue[] | null;
}

/** "Line 3: …" for each problem of a document: errors first, then warnings. */
export const IssueList = ({ errors: errorList, warnings: warningList }: IssueListProps) => {
  const errors = errorList ?? [];
  const warnings = warningList ?? [];
  const { formatMessage } = useIntl();
  if (errors.length === 0 && warnings.length === 0) {
    return <Typography textColor="neutral500">–</Typography>;
  }
  const line = (issue: ImportIssue) =>
    formatMessage(
      { id: getTranslation('import.issue.line'), defaultMessage: 'Line {line}: {message}' },
      { line: issue.line, message: issue.message }
    );
  return (
    <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
      {errors.map((issue) => (
        <WrappingText key={`e${issue.line}${issue.message}`} tag="li" variant="pi" textColor="danger600">
          {line(issue)}
        </WrappingText>
      ))}
      {warnings.map((issue) => (
        <WrappingText key={`w${issue.line}${issue.message}`} tag="li" variant="pi" textColor="warning600">
          {line(issue)}
        </WrappingText>
      ))}
    </Flex>
  );
};
