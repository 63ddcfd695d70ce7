/** The documentId of what a Document Service action gave back (an entry, or `{ documentId, entries }`), if any. */
export const documentIdOf = (result: unknown): string | null => {
  if (result && typeof result === 'object' && 'documentId' in result) {
    const id = (result as { documentId: unknown }).documentId;
    return typeof id === 'string' ? id : null;
  }
  return null;
};
