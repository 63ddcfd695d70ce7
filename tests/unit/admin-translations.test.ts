import fs from 'node:fs';
import path from 'node:path';

const ADMIN = path.resolve(__dirname, '../../admin/src');
const read = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(ADMIN, 'translations', `${locale}.json`), 'utf8')) as Record<string, string>;

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });

/** `{count, plural, …}` and `{name}` arguments of an ICU message. */
const argumentsOf = (message: string) => [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]).sort();

describe('admin translations', () => {
  const en = read('en');
  const de = read('de');

  it('has a German message for every English one, and no other', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('leaves no message empty', () => {
    for (const [key, message] of [...Object.entries(en), ...Object.entries(de)]) expect([key, message.trim()]).not.toEqual([key, '']);
  });

  it('uses the same arguments in both languages', () => {
    for (const key of Object.keys(en)) expect([key, argumentsOf(de[key] ?? '')]).toEqual([key, argumentsOf(en[key])]);
  });

  it('has a message for every literal key the admin code asks for', () => {
    const used = sourceFiles(ADMIN).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/getTranslation\('([^']+)'\)/g)].map((match) => match[1])
    );
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((key) => !(key in en))).toEqual([]);
  });
});
