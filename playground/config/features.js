// Strapi's feature flags. Tests turn on the experimental first-publication date
// (`firstPublishedAt`), which imports must record as the Content Manager does.
module.exports = ({ env }) => ({
  future: {
    experimental_firstPublishedAt: env.bool('NEWSROOM_TEST_FIRST_PUBLISHED_AT', false),
  },
});
