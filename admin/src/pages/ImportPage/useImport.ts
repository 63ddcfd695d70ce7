import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ImportPreview, ImportResult, PreviewImport, RunImport } from '../../api/types';

export type ImportStep =
  | { name: 'edit' }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'result'; result: ImportResult };

/**
 * The import view's state: the text, then its preview (nothing saved), then the result.
 * Editing the text drops a preview, so what gets imported is always what was previewed.
 * The text goes as one string of the JSON form, so line numbers count in the text area.
 */
export function useImport() {
  const { post } = useFetchClient();
  const [text, setText] = React.useState('');
  const [step, setStep] = React.useState<ImportStep>({ name: 'edit' });
  const [busy, setBusy] = React.useState<'preview' | 'drafts' | 'publish' | null>(null);

  const changeText = React.useCallback((next: string) => {
    setText(next);
    setStep({ name: 'edit' });
  }, []);

  const preview = React.useCallback(async () => {
    setBusy('preview');
    try {
      const { data } = await post<PreviewImport.Response>('/newsroom/import/preview', { documents: [text] } satisfies PreviewImport.Request);
      setStep({ name: 'preview', preview: data });
    } finally {
      setBusy(null);
    }
  }, [post, text]);

  const run = React.useCallback(
    async (publish: boolean) => {
      setBusy(publish ? 'publish' : 'drafts');
      try {
        const { data } = await post<RunImport.Response>('/newsroom/import', { documents: [text], publish } satisfies RunImport.Request);
        setStep({ name: 'result', result: data });
      } finally {
        setBusy(null);
      }
    },
    [post, text]
  );

  const reset = React.useCallback(() => changeText(''), [changeText]);

  return { text, changeText, step, busy, preview, run, reset };
}
