/**
 * The OpenAPI document @strapi/plugin-documentation writes at boot. Each test boot
 * gets its own documentation version (NEWSROOM_DOCUMENTATION_VERSION, see
 * playground/config/plugins.js), so it reads a file no other run writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from './strapi';

export interface OpenApiDocument {
  info: { version: string };
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export interface OpenApiOperation {
  tags: string[];
  summary?: string;
  parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: OpenApiSchema }>;
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: OpenApiSchema }> }>;
}

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: string[];
  pattern?: string;
  nullable?: boolean;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  anyOf?: OpenApiSchema[];
  [keyword: string]: unknown;
}

/** A version no other boot uses, in the x.y.z form the documentation routes accept. */
export const uniqueDocumentationVersion = () => `0.${process.pid}.${Date.now() % 1_000_000}`;

const versionDirectory = (app: TestApp, version: string) =>
  path.join(app.strapi.dirs.app.extensions, 'documentation', 'documentation', version);

export function readGeneratedDocument(app: TestApp, version: string): OpenApiDocument {
  return JSON.parse(fs.readFileSync(path.join(versionDirectory(app, version), 'full_documentation.json'), 'utf8')) as OpenApiDocument;
}

export function removeGeneratedDocument(app: TestApp, version: string): void {
  fs.rmSync(versionDirectory(app, version), { recursive: true, force: true });
}

/** Follows a `#/components/schemas/Name` reference. */
export function resolve(document: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (!schema?.$ref) return schema ?? {};
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolved reference ${schema.$ref}`);
  return target;
}
