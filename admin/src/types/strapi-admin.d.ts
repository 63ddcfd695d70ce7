/**
 * `@strapi/strapi/admin` is only reachable through its package `exports`, which the
 * repository's `moduleResolution: node` (kept for the CommonJS server build) ignores.
 * This points the type checker at the same declarations; the bundlers resolve the
 * real module through `exports` as usual.
 */
declare module '@strapi/strapi/admin' {
  export * from '@strapi/admin/dist/admin/src/index';
}

declare module '@strapi/icons/symbols' {
  export * from '@strapi/icons/dist/symbols-index';
}
