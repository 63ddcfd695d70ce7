/**
 * Every request example of the README runs, as written, against the playground in the
 * state `npm run demo` leaves it (first admin, an API token, the seed document imported
 * and published: scripts/lib/demo-session.js), in the README's order, and its answer is
 * compared with the one the README shows (tests/support/readme-examples.ts says how
 * examples and answers are found; example-answers.ts what is normalised).
 *
 * curl commands run in bash from the repository root, with STRAPI_API_TOKEN set and
 * http://localhost:1337 pointing at this server: what a reader copying them gets.
 * GraphQL queries are posted to /graphql with their variables and the same token.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { seedDemo } from '../../scripts/lib/demo-session';
import { comparableJson, headerDifferences, parseHttpAnswer, type Json } from '../support/example-answers';
import { findExamples, parseJson, type ExampleAnswer, type ReadmeExample } from '../support/readme-examples';
import { ROOT } from '../support/strapi-process';
import { useStrapi } from './helpers/strapi';

const README = path.join(ROOT, 'README.md');
const { examples, unclaimed } = findExamples(fs.readFileSync(README, 'utf8'));

/** curl quiet about progress but not about failures, as a reader would see it in a terminal. */
const PRELUDE = 'set -euo pipefail\ncurl() { command curl --silent --show-error "$@"; }\n';

function runShell(command: string, base: string, token: string): Promise<string> {
  const script = PRELUDE + command.replace(/http:\/\/localhost:1337/g, base);
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', script], { cwd: ROOT, env: { ...process.env, STRAPI_API_TOKEN: token }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the command failed (${error.message.split('\n')[0]}):\n${stderr}${stdout}`));
      else resolve(stdout);
    });
  });
}

async function runGraphql(query: string, variables: Record<string, unknown> | null, base: string, token: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.text();
}

function expectSameJson(answer: ExampleAnswer, text: string, real: string) {
  let actual: Json;
  try {
    actual = JSON.parse(real) as Json;
  } catch {
    throw new Error(`the answer shown at README line ${answer.line} is JSON, the real one is not:\n${real}`);
  }
  const compared = comparableJson(parseJson(text, answer.line) as Json, actual);
  expect(compared.actual).toEqual(compared.shown);
}

function expectSameHttp(answer: ExampleAnswer, real: string) {
  const shown = parseHttpAnswer(answer.text);
  const actual = parseHttpAnswer(real);
  expect(`${actual.status} ${actual.reason}`).toBe(`${shown.status} ${shown.reason}`);
  expect(headerDifferences(shown, actual)).toEqual([]);
  if (shown.body.trim() !== '') expectSameJson(answer, shown.body, actual.body);
}

const title = (example: ReadmeExample) => `README line ${example.request.line} (${example.heading})`;

describe('README examples', () => {
  const app = useStrapi();
  let base: string;
  let apiToken: string;

  beforeAll(async () => {
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ apiToken } = await seedDemo(base));
  });

  it('finds the examples: curl commands and GraphQL queries', () => {
    expect(examples.filter((e) => e.request.kind === 'shell').length).toBeGreaterThanOrEqual(5);
    expect(examples.filter((e) => e.request.kind === 'graphql').length).toBeGreaterThanOrEqual(1);
  });

  it('shows no answer that no example produces', () => {
    expect(unclaimed.map((answer) => `README line ${answer.line}: ${answer.text.slice(0, 60)}`)).toEqual([]);
  });

  it.each(examples.map((example) => [title(example), example] as const))('%s answers as shown', async (_title, example) => {
    const { request, answer } = example;
    if (!answer) throw new Error(`${title(example)} shows no answer: add the \`\`\`json (body) or \`\`\`http (curl -i) block it gives`);
    const real =
      request.kind === 'shell' ? await runShell(request.command, base, apiToken) : await runGraphql(request.query, request.variables, base, apiToken);
    if (answer.kind === 'http') expectSameHttp(answer, real);
    else expectSameJson(answer, answer.text, real);
  });
});
