import * as React from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { appendText, isAcceptedFile } from './read-files';

interface ImportSourceProps {
  text: string;
  onTextChange(text: string): void;
  error?: string;
}

/** Where the documents come from: pasted into the text area, or `.txt`/`.md` files dropped or chosen. */
export const ImportSource = ({ text, onTextChange, error }: ImportSourceProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const addFiles = async (files: File[]) => {
    const accepted = files.filter(isAcceptedFile);
    const rejected = files.filter((file) => !isAcceptedFile(file));
    if (rejected.length > 0) {
      toggleNotification({
        type: 'warning',
        message: formatMessage(
          { id: getTranslation('import.source.rejectedFiles'), defaultMessage: 'Only .txt and .md files can be imported; skipped: {names}' },
          { names: rejected.map((file) => file.name).join(', ') }
        ),
      });
    }
    let combined = text;
    for (const file of accepted) combined = appendText(combined, await file.text());
    if (accepted.length > 0) onTextChange(combined);
  };

  const onDrop = (event: React.DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root
        name="text"
        error={error}
        hint={formatMessage({
          id: getTranslation('import.source.hint'),
          defaultMessage: 'One or more snippet documents, each starting with a "## " title line. Line numbers in the preview count in this text.',
        })}
      >
        <Field.Label>{formatMessage({ id: getTranslation('import.source.label'), defaultMessage: 'Snippet documents' })}</Field.Label>
        <Textarea
          value={text}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onTextChange(event.target.value)}
          placeholder={'## Title\n\nDocument Date: Mon, Apr 27 2026 08:43:39 pm\nCategory: English, International\n\n---\n\nexample.org\n\nBody…'}
          minHeight="240px"
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Box
        padding={6}
        hasRadius
        borderStyle="dashed"
        borderWidth="1px"
        borderColor={dragging ? 'primary600' : 'neutral300'}
        background={dragging ? 'primary100' : 'neutral100'}
        onDragOver={(event: React.DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
      >
        <Flex direction="column" gap={3}>
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('import.source.drop'), defaultMessage: 'Drop .txt or .md files here, or' })}
          </Typography>
          <Button variant="secondary" startIcon={<Upload />} onClick={() => fileInput.current?.click()}>
            {formatMessage({ id: getTranslation('import.source.choose'), defaultMessage: 'Choose files' })}
          </Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            hidden
            aria-label={formatMessage({ id: getTranslation('import.source.choose'), defaultMessage: 'Choose files' })}
            onChange={(event) => {
              void addFiles(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </Flex>
      </Box>
    </Flex>
  );
};
