import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { DOC_PAGES, splitTerm } from '../scripts/docs';
import { buildAppSchema } from '../src/schema';

const ROOT = path.resolve(__dirname, '..');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

describe('generated docs', () => {
  it.each(Object.entries(DOC_PAGES))('docs/%s.md is what `npm run docs:%s` prints from the code', (name, page) => {
    const committed = fs.existsSync(page.file) ? fs.readFileSync(page.file, 'utf8') : '';
    // On failure: run `npm run docs:<name>` and commit the page (roles or enums changed).
    expect({ page: `docs/${name}.md`, upToDate: committed === page.render(schema) }).toEqual({ page: `docs/${name}.md`, upToDate: true });
  });

  it('splits "English (中文)" descriptions into their two terms', () => {
    expect(splitTerm('Closed, the loop is complete (销号/闭环)')).toEqual({ en: 'Closed, the loop is complete', zh: '销号/闭环' });
    expect(splitTerm('Written off as a false report (误报核销); terminal')).toEqual({ en: 'Written off as a false report; terminal', zh: '误报核销' });
    expect(splitTerm('Hazard level (隐患等级) per X; major (重大火灾隐患) apart')).toEqual({ en: 'Hazard level per X; major (重大火灾隐患) apart', zh: '隐患等级' });
    expect(splitTerm('No Chinese here.')).toEqual({ en: 'No Chinese here', zh: '' });
  });
});

describe('README and docs/ are self-contained', () => {
  const pages = ['README.md', 'bench/README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].filter((p) => fs.existsSync(path.join(ROOT, p)));

  it.each(pages)('%s links only to files inside the repository, and they exist', (page) => {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared\b|\/work\/shared/);
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|mailto:|#)/.test(t));
    for (const target of targets) {
      const file = path.resolve(path.dirname(path.join(ROOT, page)), target.split('#')[0]);
      expect({ page, target, inRepo: file.startsWith(ROOT + path.sep), exists: fs.existsSync(file) }).toEqual({ page, target, inRepo: true, exists: true });
    }
  });
});
