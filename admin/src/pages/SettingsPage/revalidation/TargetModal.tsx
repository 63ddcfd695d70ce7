import * as React from 'react';
import { Button, Field, Flex, Modal, TextInput, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RevalidationTargetView } from '../../../api/types';
import { getTranslation } from '../../../utils/getTranslation';
import { EMPTY_TARGET, TARGET_FIELDS, invalidTargetFields, toFormValues, type TargetField, type TargetFormValues } from './target-form';

interface TargetModalProps {
  /** The target being edited, or null to add one. */
  original: RevalidationTargetView | null;
  targets: RevalidationTargetView[];
  /** Fields the server refused at the last save. */
  rejected: Partial<Record<TargetField, true>>;
  saving: boolean;
  onSave(values: TargetFormValues): void;
  onClose(): void;
}

const TEXTS: Record<TargetField, { label: string; hint: string; invalid: string }> = {
  name: { label: 'Name', hint: 'How deliveries name this frontend, such as Website.', invalid: 'Enter a name of 1 to 100 characters that no other target has.' },
  url: {
    label: 'URL',
    hint: 'Where the signed POST goes, such as https://www.example.com/api/revalidate.',
    invalid: 'Enter an absolute http or https URL.',
  },
  secret: {
    label: 'Secret',
    hint: 'At least 16 characters; the frontend checks each signature with it.',
    invalid: 'Enter a secret of 16 to 1024 characters.',
  },
  paths: {
    label: 'Paths',
    // Quoted: in ICU messages braces are arguments.
    hint: "One a line: plain paths such as /news, or templates such as '/news/{slug}'. Placeholders: '{slug}, {documentId}, {language}, {category}, {yyyy}, {mm}, {dd}'; '{siteUrl}' at the start gives absolute URLs.",
    // Shown instead of the hint: it names the placeholders again.
    invalid: "Start every path with / and use only the placeholders '{slug}, {documentId}, {language}, {category}, {yyyy}, {mm}, {dd}'.",
  },
};

/** Adds or edits one revalidation target; the secret is typed only to set or change it. */
export const TargetModal = ({ original, targets, rejected, saving, onSave, onClose }: TargetModalProps) => {
  const { formatMessage } = useIntl();
  const [values, setValues] = React.useState<TargetFormValues>(() => (original ? toFormValues(original) : EMPTY_TARGET));
  const [checked, setChecked] = React.useState<Partial<Record<TargetField, boolean>>>({});
  const [edited, setEdited] = React.useState<Partial<Record<TargetField, boolean>>>({});
  const invalid = React.useMemo(() => invalidTargetFields(targets, values, original), [targets, values, original]);
  const text = (field: TargetField, part: 'label' | 'hint' | 'invalid') =>
    formatMessage({ id: getTranslation(`revalidation.field.${field}.${part}`), defaultMessage: TEXTS[field][part] });
  const hasError = (field: TargetField) => Boolean((checked[field] && invalid[field]) || (rejected[field] && !edited[field]));

  const change = (field: TargetField, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setChecked((previous) => ({ ...previous, [field]: false }));
    setEdited((previous) => ({ ...previous, [field]: true }));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(Object.fromEntries(TARGET_FIELDS.map((field) => [field, true])));
    setEdited({});
    if (Object.keys(invalid).length === 0) onSave(values);
  };

  const field = (name: TargetField, input: React.ReactNode, hint?: string) => (
    <Field.Root
      name={name}
      hint={hint ?? text(name, 'hint')}
      error={hasError(name) ? text(name, 'invalid') : undefined}
      required={name !== 'paths' && !(name === 'secret' && original)}
      onBlur={() => setChecked((previous) => ({ ...previous, [name]: true }))}
    >
      <Field.Label>{text(name, 'label')}</Field.Label>
      {input}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={formatMessage({ id: getTranslation('revalidation.modal.close'), defaultMessage: 'Close' })}>
            <Modal.Title>
              {original
                ? formatMessage({ id: getTranslation('revalidation.modal.editTitle'), defaultMessage: 'Edit {name}' }, { name: original.name })
                : formatMessage({ id: getTranslation('revalidation.modal.addTitle'), defaultMessage: 'Add a frontend' })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={5}>
              {field('name', <TextInput value={values.name} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change('name', event.target.value)} />)}
              {field(
                'url',
                <TextInput
                  type="url"
                  value={values.url}
                  placeholder="https://www.example.com/api/revalidate"
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => change('url', event.target.value)}
                />
              )}
              {field(
                'secret',
                <TextInput
                  type="password"
                  autoComplete="new-password"
                  value={values.secret}
                  placeholder={
                    original
                      ? formatMessage(
                          { id: getTranslation('revalidation.field.secret.keep'), defaultMessage: 'Saved secret {hint}: leave empty to keep it' },
                          { hint: original.secretHint }
                        )
                      : undefined
                  }
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => change('secret', event.target.value)}
                />
              )}
              {field(
                'paths',
                <Textarea
                  value={values.paths}
                  placeholder={'/news\n/news/{slug}'}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => change('paths', event.target.value)}
                />
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" type="button">
                {formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
              </Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              {formatMessage({ id: 'global.save', defaultMessage: 'Save' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
