import { z } from 'zod';
import { importJsonBodySchema, importQuerySchema } from '../core/import/request';
import { importResultSchema } from '../core/import/result';

/**
 * Import route (SPEC 4.4). A content-API route with its own permission
 * (`plugin::newsroom.import.create`), given to no role by default. Its body may
 * reach 5 MB: see middlewares/import-body.ts for how it escapes Strapi's default
 * body limits. The schemas feed the OpenAPI document; validation happens in the controller.
 */
export default [
  {
    method: 'POST',
    path: '/import',
    handler: 'import.create',
    request: {
      query: importQuerySchema.shape,
      body: {
        'text/plain': z.string().describe('One or more snippet documents, each starting with "## <title>"'),
        'application/json': importJsonBodySchema,
      },
    },
    response: importResultSchema,
  },
];
