import distributionRoutes from './distribution';
import importRoutes from './import';
import snippetRoutes from './snippet';

/** Content-API routes of the plugin: each appears under Newsroom in Users & Permissions and API tokens. */
export default [...snippetRoutes, ...importRoutes, ...distributionRoutes];
