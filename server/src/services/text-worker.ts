import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { Piscina } from 'piscina';
import type { ParsedDocument } from '../core/document-parser';
import { importDocuments } from '../core/import/batch';
import type { ImportSource } from '../core/import/request';
import { computeTextFacts, forgetTextFacts, MIN_HANDED_OVER_LENGTH, rememberTextFacts, type TextFacts } from '../core/text-facts';
import { collectInSlices } from '../utils/time-slices';
import type { ParsedImport, TextTask } from '../workers/text-worker';

/** Threads for text work: one core is left to the event loop. */
const MAX_THREADS = Math.max(1, Math.min(2, (os.availableParallelism?.() ?? os.cpus().length) - 1));
/** An idle thread ends after this long; the next import starts one again (tens of milliseconds). */
const IDLE_TIMEOUT_MS = 30_000;
/** Handed-over text facts are kept this long: the import writes its articles meanwhile. */
const FACTS_KEPT_MS = 5 * 60_000;

/**
 * The built worker, next to the server bundle (dist/server → dist/text-worker).
 * Run from the sources (unit tests) or as an ES module there is none: the work
 * is then done on the main thread, in slices.
 */
function builtWorkerFile(): string | null {
  if (typeof __dirname !== 'string') return null;
  const file = path.resolve(__dirname, '../text-worker/index.js');
  return fs.existsSync(file) ? file : null;
}

/**
 * Long work on user text off the main thread (SPEC 9: no request blocks the event
 * loop for long): parsing an import and reading its large bodies run in a
 * worker thread (piscina) while the server answers other requests. The text facts
 * of large bodies (plain text, word count) come back with the documents and are
 * remembered, so deriving the articles' fields on the main thread reads them
 * instead of working them out again.
 */
const textWorker = ({ strapi }: { strapi: Core.Strapi }) => {
  let pool: Piscina | null = null;
  let noWorker = false;

  function workerPool(): Piscina | null {
    if (pool || noWorker) return pool;
    const filename = builtWorkerFile();
    if (filename === null) {
      noWorker = true;
      return null;
    }
    pool = new Piscina({ filename, minThreads: 0, maxThreads: MAX_THREADS, idleTimeout: IDLE_TIMEOUT_MS });
    return pool;
  }

  /** The same work on the main thread, a document at a time between turns of the event loop. */
  async function parseHere(source: ImportSource, timeZone: string): Promise<ParsedImport> {
    const documents = await collectInSlices(importDocuments(source, { timeZone }));
    const facts: Array<[number, TextFacts]> = [];
    for (const document of documents) {
      if (document.ok && document.article.body.length >= MIN_HANDED_OVER_LENGTH) {
        facts.push([document.index, computeTextFacts(document.article.body)]);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return { documents, facts };
  }

  async function run<T>(task: TextTask, here: () => Promise<T>): Promise<T> {
    const threads = workerPool();
    if (threads === null) return here();
    try {
      return (await threads.run(task)) as T;
    } catch (error) {
      // A worker that cannot start (or died) must not fail the import: the work is done here.
      strapi.log.warn(`newsroom: the text worker failed (${String(error)}); working on the main thread`);
      return here();
    }
  }

  return {
    /** The documents of an import source (core/import/batch.ts), parsed off the main thread. */
    async parseImport(source: ImportSource, timeZone: string): Promise<ParsedDocument[]> {
      const parsed = await run<ParsedImport>({ kind: 'parse-import', source, timeZone }, () => parseHere(source, timeZone));
      const bodies: string[] = [];
      for (const [index, facts] of parsed.facts) {
        const document = parsed.documents[index];
        if (!document?.ok) continue;
        rememberTextFacts(document.article.body, facts);
        bodies.push(document.article.body);
      }
      // Not kept for ever: a later write of the same body computes them again if needed.
      if (bodies.length > 0) setTimeout(() => forgetTextFacts(bodies), FACTS_KEPT_MS).unref();
      return parsed.documents;
    },

    /** Ends the threads (plugin destroy). */
    async destroy(): Promise<void> {
      const ending = pool;
      pool = null;
      noWorker = true;
      await ending?.destroy();
    },
  };
};

export default textWorker;
export type TextWorkerService = ReturnType<typeof textWorker>;
