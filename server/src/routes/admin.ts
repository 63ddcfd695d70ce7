/** Admin routes (SPEC 7): admin authentication and RBAC policies. */
export default [] as Array<Record<string, unknown>>;
