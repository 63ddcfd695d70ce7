/** Snippet routes (SPEC 4.2, 4.3). */
export default [] as Array<Record<string, unknown>>;
