module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'playground-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'playground-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'playground-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'playground-encryption-key') },
  flags: { nps: false, promoteEE: false },
  autoOpen: false,
  // Tests that only talk to the API start Strapi without the admin build.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  watchIgnoreFiles: ['**/.tmp/**'],
});
