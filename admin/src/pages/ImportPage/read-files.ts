/** Which dropped files the import takes, and how their texts join the pasted text. */
export { MAX_IMPORT_BYTES } from '../../../../shared/contracts/import';

const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown'];

export const isAcceptedFile = (file: Pick<File, 'name'>) =>
  ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension));

/**
 * Appends a file's text to what is already there, a blank line between them, so every
 * document still starts on a line of its own and the preview's line numbers count in
 * the text the editor sees.
 */
export const appendText = (current: string, added: string) => {
  if (current.trim() === '') return added;
  return `${current.trimEnd()}\n\n${added}`;
};

export const byteLength = (text: string) => new TextEncoder().encode(text).length;
