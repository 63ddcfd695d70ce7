// STRAPI_LOG_LEVEL quiets the playground under test (error) and in the benchmark.
module.exports = ({ env }) => ({ level: env('STRAPI_LOG_LEVEL', 'info') });
