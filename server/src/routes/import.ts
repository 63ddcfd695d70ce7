/** Import route (SPEC 4.4). */
export default [] as Array<Record<string, unknown>>;
