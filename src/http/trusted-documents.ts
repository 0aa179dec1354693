import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type express from 'express';
import { Kind, parse } from 'graphql';
import { graphqlErrors, graphqlRequests, operationLabel } from '../observability/metrics';

/**
 * Trusted documents (受信任的查询文档): with TRUSTED_DOCUMENTS set to a manifest file, /graphql runs
 * only documents registered in it (by `npm run documents:register`), identified by the SHA-256 of
 * the document text. A client may send
 *   - the hash alone: `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}}` (what
 *     Apollo Client's persisted-queries link sends) or `{"documentId":"sha256:<hex>"}`;
 *   - or the full text, which is run only when its hash is registered.
 * An unknown hash is refused with PERSISTED_QUERY_NOT_FOUND, an unregistered text with
 * DOCUMENT_NOT_TRUSTED, before anything is parsed or validated (so no schema detail leaks).
 * Automatic persisted queries cannot register anything in this mode.
 */

export const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  /** The exact document text; its SHA-256 (hex) is the key. */
  document: string;
  operationNames: string[];
  /** Where it was registered from (file name), for the operator. */
  source: string;
  registeredAt: string;
}

export interface Manifest {
  version: number;
  documents: Record<string, ManifestEntry>;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The named operations of a document (anonymous ones are not named). */
export function operationNames(document: string): string[] {
  return parse(document).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
}

export class TrustedDocumentsError extends Error {}

export function readManifest(file: string): Manifest {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new TrustedDocumentsError(`cannot read the trusted documents manifest ${file}: ${(e as Error).message}`);
  }
  let m: Manifest;
  try {
    m = JSON.parse(raw) as Manifest;
  } catch {
    throw new TrustedDocumentsError(`the trusted documents manifest ${file} is not JSON`);
  }
  if (m?.version !== MANIFEST_VERSION || typeof m.documents !== 'object' || m.documents === null) {
    throw new TrustedDocumentsError(`the trusted documents manifest ${file} is not a version ${MANIFEST_VERSION} manifest`);
  }
  for (const [hash, entry] of Object.entries(m.documents)) {
    if (typeof entry?.document !== 'string' || sha256Hex(entry.document) !== hash) {
      throw new TrustedDocumentsError(`the trusted documents manifest ${file} has an entry whose text does not hash to its key ${hash}`);
    }
  }
  return m;
}

/** The documents a process accepts: hash → text, and the operation names they declare. */
export class TrustedDocuments {
  readonly byHash: ReadonlyMap<string, string>;
  readonly names: ReadonlySet<string>;

  constructor(manifest: Manifest) {
    this.byHash = new Map(Object.entries(manifest.documents).map(([h, e]) => [h, e.document]));
    this.names = new Set(Object.values(manifest.documents).flatMap((e) => e.operationNames ?? []));
  }

  static load(file: string): TrustedDocuments {
    return new TrustedDocuments(readManifest(file));
  }
}

interface Refusal {
  status: number;
  code: 'PERSISTED_QUERY_NOT_FOUND' | 'DOCUMENT_NOT_TRUSTED' | 'BAD_REQUEST';
  message: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Fills in or checks one operation of a request (HTTP, or a WebSocket subscribe message); returns a refusal or null. */
export function admit(op: Record<string, unknown>, trusted: TrustedDocuments): Refusal | null {
  const ext = op.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const documentId = typeof op.documentId === 'string' ? op.documentId.replace(/^sha256:/, '') : undefined;
  const hash = documentId ?? (typeof ext?.persistedQuery?.sha256Hash === 'string' ? ext.persistedQuery.sha256Hash : undefined);
  if (typeof op.query === 'string' && op.query !== '') {
    const own = sha256Hex(op.query);
    if (hash !== undefined && hash !== own) return { status: 400, code: 'BAD_REQUEST', message: 'The document does not match its hash (文档与哈希不符)' };
    if (!trusted.byHash.has(own)) {
      return { status: 400, code: 'DOCUMENT_NOT_TRUSTED', message: 'Only registered documents are accepted here; register it with npm run documents:register (仅接受已登记的查询文档)' };
    }
  } else if (hash !== undefined) {
    const text = HEX64.test(hash) ? trusted.byHash.get(hash) : undefined;
    if (text === undefined) return { status: 400, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'No registered document has this hash (未找到已登记的查询文档)' };
    op.query = text;
  } else {
    return null; // no document at all: Apollo answers it as a bad request
  }
  delete op.documentId;
  if (ext?.persistedQuery) {
    const { persistedQuery: _p, ...rest } = ext;
    op.extensions = rest;
  }
  return null;
}

/** Express middleware for /graphql in trusted-documents mode (after body parsing and uploads). */
export function trustedDocumentsGate(trusted: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    let refusal: Refusal | null = null;
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://x');
      const op: Record<string, unknown> = { query: url.searchParams.get('query') ?? undefined, documentId: url.searchParams.get('documentId') ?? undefined };
      const rawExt = url.searchParams.get('extensions');
      if (rawExt) {
        try {
          op.extensions = JSON.parse(rawExt);
        } catch {
          return next(); // Apollo refuses malformed extensions itself
        }
      }
      refusal = admit(op, trusted);
      if (!refusal) {
        if (op.query !== undefined) url.searchParams.set('query', op.query as string);
        url.searchParams.delete('documentId');
        if (op.extensions) url.searchParams.set('extensions', JSON.stringify(op.extensions));
        req.url = url.pathname + url.search;
      }
    } else if (req.body && typeof req.body === 'object') {
      const ops = Array.isArray(req.body) ? req.body : [req.body];
      for (const op of ops) {
        if (op && typeof op === 'object') refusal ??= admit(op as Record<string, unknown>, trusted);
      }
    }
    if (!refusal) return next();
    const name = req.method === 'GET' ? new URL(req.url, 'http://x').searchParams.get('operationName') : (req.body as { operationName?: unknown })?.operationName;
    graphqlRequests.inc({ operation: operationLabel(typeof name === 'string' ? name : null), outcome: 'error' });
    graphqlErrors.inc({ code: refusal.code });
    res
      .status(refusal.status)
      .set('Cache-Control', 'private, no-cache, must-revalidate')
      .json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  };
}
