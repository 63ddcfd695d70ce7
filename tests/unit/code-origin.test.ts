import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callerPackage, packageOfFile } from '../../server/src/utils/code-origin';

describe('the package a piece of code belongs to', () => {
  let root: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-origin-'));
    const write = (file: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    };
    write('node_modules/audit-plugin/package.json', JSON.stringify({ name: 'audit-plugin' }));
    // A marker file of a dual build, with no name: not the package.
    write('node_modules/audit-plugin/dist/esm/package.json', JSON.stringify({ type: 'module' }));
    write('node_modules/audit-plugin/dist/esm/index.js', '');
    write('loose/index.js', '');
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is the nearest package.json with a name above the file', () => {
    expect(packageOfFile(path.join(root, 'node_modules/audit-plugin/dist/esm/index.js'))).toEqual({
      name: 'audit-plugin',
      root: path.join(root, 'node_modules/audit-plugin'),
    });
  });

  it('has no name when no named package.json is above the file', () => {
    expect(packageOfFile(path.join(root, 'loose/index.js'))).toEqual({ name: null, root: path.join(root, 'loose') });
  });

  it('of a caller is the package of the calling file: this repository for this test', () => {
    const registerSomething = () => callerPackage(registerSomething);
    expect(registerSomething()).toEqual({ name: 'strapi-plugin-newsroom', root: path.resolve(__dirname, '../..') });
  });
});
