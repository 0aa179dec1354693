/**
 * Registers a client's GraphQL documents as trusted documents (受信任的查询文档):
 *
 *   npm run documents:register -- [--manifest FILE] [--dry-run] <file> [<file> ...]
 *
 * Inputs:
 *   - `*.graphql` / `*.gql`: the file's text is one document, registered exactly as written (the
 *     client must send this exact text, or its SHA-256);
 *   - `*.json` from GraphQL Code Generator's client preset with `persistedDocuments: { hashAlgorithm:
 *     'sha256' }` (`persisted-documents.json`: `{ "<sha256>": "<document>" }`), or an Apollo
 *     persisted query manifest (`{ "format": "apollo-persisted-query-manifest", "operations": [...] }`).
 * Every document is parsed and validated against this service's schema; if any fails, nothing is
 * written and the command exits 1 naming the file and the problem. The manifest (default: the
 * TRUSTED_DOCUMENTS path, else ./trusted-documents.json) keeps earlier registrations; it is written
 * atomically. A running service reads it at start: restart it after registering.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { loadConfig } from '../src/config';
import { MANIFEST_VERSION, operationNames, readManifest, sha256Hex, type Manifest } from '../src/http/trusted-documents';
import { buildAppSchema } from '../src/schema';

interface Candidate {
  document: string;
  source: string;
  /** The hash the input claims (JSON manifests), checked against the text. */
  claimed?: string;
}

function usage(): never {
  console.error('usage: npm run documents:register -- [--manifest FILE] [--dry-run] <file.graphql | persisted-documents.json> ...');
  process.exit(2);
}

function candidatesOf(file: string): Candidate[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = path.basename(file);
  if (/\.(graphql|gql)$/i.test(file)) return [{ document: text, source }];
  if (/\.json$/i.test(file)) {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object' && (json as { format?: unknown }).format === 'apollo-persisted-query-manifest') {
      const ops = (json as { operations?: { id: string; body: string }[] }).operations ?? [];
      return ops.map((o) => ({ document: o.body, source, claimed: o.id }));
    }
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      return Object.entries(json as Record<string, unknown>).map(([hash, doc]) => {
        if (typeof doc !== 'string') throw new Error(`${file}: the value under ${hash} is not a document text`);
        return { document: doc, source, claimed: hash.replace(/^sha256:/, '') };
      });
    }
    throw new Error(`${file}: expected { "<hash>": "<document>" } or an Apollo persisted query manifest`);
  }
  throw new Error(`${file}: only .graphql, .gql and .json files can be registered`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let manifestFile: string | null = null;
  let dryRun = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--manifest') manifestFile = args[++i] ?? usage();
    else if (args[i] === '--dry-run') dryRun = true;
    else if (args[i].startsWith('--')) usage();
    else files.push(args[i]);
  }
  if (!files.length) usage();
  const target = path.resolve(manifestFile ?? loadConfig().trustedDocuments ?? 'trusted-documents.json');

  const schema = await buildAppSchema();
  const problems: string[] = [];
  const found: (Candidate & { hash: string })[] = [];
  for (const file of files) {
    let candidates: Candidate[];
    try {
      candidates = candidatesOf(file);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    for (const c of candidates) {
      const hash = sha256Hex(c.document);
      if (c.claimed !== undefined && c.claimed !== hash) {
        problems.push(
          `${file}: the document under ${c.claimed} does not hash to it with SHA-256` +
            (/^[0-9a-f]{40}$/.test(c.claimed) ? ' (a SHA-1 hash: set persistedDocuments.hashAlgorithm to "sha256" in the codegen config)' : ''),
        );
        continue;
      }
      try {
        const errors = validate(schema, parse(c.document));
        if (errors.length) {
          problems.push(`${file}: ${errors.map((e) => e.message).join('; ')}`);
          continue;
        }
      } catch (e) {
        problems.push(`${file}: ${(e as Error).message}`);
        continue;
      }
      found.push({ ...c, hash });
    }
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`nothing registered: ${problems.length} problem(s)`);
    process.exit(1);
  }

  const manifest: Manifest = fs.existsSync(target) ? readManifest(target) : { version: MANIFEST_VERSION, documents: {} };
  let added = 0;
  const now = new Date().toISOString();
  for (const c of found) {
    if (manifest.documents[c.hash]) continue;
    manifest.documents[c.hash] = { document: c.document, operationNames: operationNames(c.document), source: c.source, registeredAt: now };
    added++;
  }
  const sorted: Manifest = { version: MANIFEST_VERSION, documents: Object.fromEntries(Object.entries(manifest.documents).sort(([a], [b]) => a.localeCompare(b))) };
  if (!dryRun) {
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(sorted, null, 2)}\n`);
    fs.renameSync(tmp, target);
  }
  console.log(`${dryRun ? 'would register' : 'registered'} ${added} new document(s), ${found.length - added} already present; ${Object.keys(sorted.documents).length} in ${target}`);
  for (const c of found) console.log(`  ${c.hash}  ${operationNames(c.document).join(', ') || '(anonymous)'}  ${c.source}`);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
