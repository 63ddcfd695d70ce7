module.exports = {
  register() {},

  /**
   * In production the documentation plugin only reads its OpenAPI document, written at
   * the last boot outside production. The demo runs a fresh copy in production: with
   * NEWSROOM_WRITE_DOCUMENTATION=true the playground writes the document at startup, so
   * /documentation and the admin's Documentation page work there.
   */
  async bootstrap({ strapi }) {
    const documentation = strapi.plugin('documentation');
    if (!documentation || strapi.config.environment !== 'production') return;
    if (process.env.NEWSROOM_WRITE_DOCUMENTATION !== 'true') return;
    await documentation.service('documentation').generateFullDoc();
  },
};
