import type { Core } from '@strapi/strapi';
import { createClaimsRepository } from '../repositories/claims';

export default ({ strapi }: { strapi: Core.Strapi }) => createClaimsRepository(strapi);
