/**
 * Finds the request examples of a Markdown file (the README) and the answers shown for them,
 * so that a test can run each request and compare. The conventions, in reading order:
 *
 * - A request is a ```bash block that calls `curl`, a ```graphql block holding a query
 *   (`query …` or `{ … }`; type definitions are not requests), or an HTML comment
 *   `<!-- example: <shell command> -->` placed before an answer that illustrates a case
 *   (an error shape) without a visible request.
 * - A ```json block right after a line `Variables:` holds the variables of the GraphQL query before it.
 * - The answer of a request is the first ```json (a body) or ```http (status line and
 *   headers, as `curl -i` prints them) block after it, before the next request.
 * - Any other ```json or ```http block is unclaimed: it shows an answer nobody checks.
 */

export type ExampleRequest =
  | { kind: 'shell'; command: string; line: number }
  | { kind: 'graphql'; query: string; variables: Record<string, unknown> | null; line: number };

export interface ExampleAnswer {
  kind: 'json' | 'http';
  text: string;
  line: number;
}

export interface ReadmeExample {
  /** The nearest heading above the request, to name the example. */
  heading: string;
  request: ExampleRequest;
  answer: ExampleAnswer | null;
}

export interface ReadmeExamples {
  examples: ReadmeExample[];
  /** Answer-like blocks (json, http) that belong to no request. */
  unclaimed: ExampleAnswer[];
}

interface Block {
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest non-blank line above the fence. */
  before: string;
  heading: string;
}

interface Marker {
  command: string;
  line: number;
  heading: string;
}

type Item = { type: 'block'; block: Block } | { type: 'marker'; marker: Marker };

const FENCE = /^(\s*)(`{3,})\s*([\w-]*)\s*$/;
const HEADING = /^#{1,6}\s+(.*)$/;
const MARKER_START = /^\s*<!--\s*example:\s*/;

/** Fenced blocks and example markers, in order. Indented fences (inside list items) count too. */
function scan(markdown: string): Item[] {
  const lines = markdown.split(/\r?\n/);
  const items: Item[] = [];
  let heading = '';
  let before = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent, ticks, lang] = fence;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j += 1) {
        const close = FENCE.exec(lines[j]);
        if (close && close[2].length >= ticks.length && close[3] === '') break;
        body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
      }
      items.push({ type: 'block', block: { lang: lang.toLowerCase(), text: body.join('\n'), line: i + 1, before, heading } });
      i = j;
      before = '';
      continue;
    }
    if (MARKER_START.test(line)) {
      const start = i;
      let text = line.replace(MARKER_START, '');
      while (!text.includes('-->') && i + 1 < lines.length) {
        i += 1;
        text += `\n${lines[i]}`;
      }
      if (!text.includes('-->')) throw new Error(`line ${start + 1}: an example marker is never closed with -->`);
      items.push({ type: 'marker', marker: { command: text.slice(0, text.indexOf('-->')).trim(), line: start + 1, heading } });
      before = '';
      continue;
    }
    const title = HEADING.exec(line);
    if (title) heading = title[1].trim();
    if (line.trim() !== '') before = line.trim();
  }
  return items;
}

const callsCurl = (text: string) => /(^|[\s;&|(])curl\s/m.test(text);
const isGraphqlQuery = (text: string) => /^\s*(query\b|\{)/.test(text.replace(/^\s*#.*$/gm, ''));
const isVariablesLabel = (text: string) => /^variables:?$/i.test(text);

export function findExamples(markdown: string): ReadmeExamples {
  const examples: ReadmeExample[] = [];
  const unclaimed: ExampleAnswer[] = [];
  let open: ReadmeExample | null = null;

  for (const item of scan(markdown)) {
    if (item.type === 'marker') {
      if (!callsCurl(item.marker.command)) throw new Error(`line ${item.marker.line}: an example marker must hold a curl command`);
      open = { heading: item.marker.heading, request: { kind: 'shell', command: item.marker.command, line: item.marker.line }, answer: null };
      examples.push(open);
      continue;
    }
    const { block } = item;
    if (block.lang === 'bash' || block.lang === 'sh' || block.lang === 'shell') {
      if (!callsCurl(block.text)) continue;
      open = { heading: block.heading, request: { kind: 'shell', command: block.text, line: block.line }, answer: null };
      examples.push(open);
    } else if (block.lang === 'graphql') {
      if (!isGraphqlQuery(block.text)) continue;
      open = { heading: block.heading, request: { kind: 'graphql', query: block.text, variables: null, line: block.line }, answer: null };
      examples.push(open);
    } else if (block.lang === 'json' || block.lang === 'http') {
      const answer: ExampleAnswer = { kind: block.lang, text: block.text, line: block.line };
      if (block.lang === 'json' && isVariablesLabel(block.before) && open?.request.kind === 'graphql' && open.answer === null) {
        open.request.variables = parseJson(block.text, block.line) as Record<string, unknown>;
      } else if (open && open.answer === null) {
        open.answer = answer;
      } else {
        unclaimed.push(answer);
      }
    }
  }
  return { examples, unclaimed };
}

export function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`line ${line}: the JSON block does not parse: ${(error as Error).message}`);
  }
}
