import { AsyncResource } from 'node:async_hooks';
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * The GraphQL multipart request convention (github.com/jaydenseric/graphql-multipart-request-spec):
 * fields `operations` (the JSON body with null where files go), `map` ({ "0": ["variables.file"] })
 * and the file parts. graphql-upload itself is ESM-only and cannot load in this CommonJS service's
 * tests, so the few rules are implemented here over busboy. One file per request, held in memory
 * up to the import size limit.
 */

export class ReceivedFile {
  constructor(
    readonly filename: string,
    readonly mimetype: string,
    readonly buffer: Buffer,
  ) {}
}

/** Also raised by the cost-limit plugin's own variable coercion, so it carries its code and status. */
const NOT_A_FILE = { code: 'BAD_USER_INPUT', http: { status: 400 } };

export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  description: 'A file sent as a part of a GraphQL multipart request (上传文件); only usable as a variable.',
  parseValue(value) {
    // Only the multipart middleware creates these: a JSON object in a plain request is not a file.
    if (value instanceof ReceivedFile) return value;
    throw new GraphQLError('Upload must be sent as a file part of a multipart request (请以 multipart 方式上传文件)', { extensions: NOT_A_FILE });
  },
  parseLiteral() {
    throw new GraphQLError('Upload must be sent as a file part of a multipart request, not written in the query (请以 multipart 方式上传文件)', { extensions: NOT_A_FILE });
  },
  serialize() {
    throw new GraphQLError('Upload is an input type only');
  },
});

const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight";

function reply(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ data: null, errors: [{ message, extensions: { code } }] });
}

function setPath(target: unknown, path: string, value: unknown): boolean {
  const parts = path.split('.');
  let node = target as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node?.[parts[i]];
    if (next === null || typeof next !== 'object') return false;
    node = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (!node || !(last in node) || node[last] !== null) return false;
  node[last] = value;
  return true;
}

export function graphqlMultipart(opts: { maxFileBytes: number }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.is('multipart/form-data')) return next();
    // Apollo's CSRF rule, checked before the body is read: a browser form cannot set these headers.
    if (!req.get('apollo-require-preflight') && !req.get('x-apollo-operation-name')) return reply(res, 400, 'BAD_REQUEST', CSRF_MESSAGE);
    if (!req.principal) return reply(res, 401, 'UNAUTHENTICATED', 'Authentication required (请先登录)');
    const resume = AsyncResource.bind(next);
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 3, fieldSize: 1024 * 1024, fileSize: opts.maxFileBytes } });
    } catch {
      return reply(res, 400, 'BAD_REQUEST', 'Malformed multipart request (multipart 请求格式错误)');
    }
    const fields: Record<string, string> = {};
    let file: ReceivedFile | null = null;
    let fileField: string | null = null;
    let tooLarge = false;
    let failed: string | null = null;
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on('close', () => {
        if (!tooLarge) file = new ReceivedFile(info.filename ?? 'upload', info.mimeType, Buffer.concat(chunks));
        fileField = name;
      });
    });
    bb.on('filesLimit', () => (failed = 'Only one file per request (每次只能上传一个文件)'));
    bb.on('error', () => (failed = 'Malformed multipart request (multipart 请求格式错误)'));
    bb.on('close', () => {
      if (tooLarge) {
        const mb = Math.round((opts.maxFileBytes / 1048576) * 10) / 10;
        return reply(res, 413, 'PAYLOAD_TOO_LARGE', `文件超过 ${mb} MiB 的上限 (the file is larger than the ${mb} MiB limit)`);
      }
      if (failed) return reply(res, 400, 'BAD_REQUEST', failed);
      let operations: unknown;
      let map: Record<string, string[]>;
      try {
        operations = JSON.parse(fields.operations ?? '');
        map = JSON.parse(fields.map ?? '{}');
      } catch {
        return reply(res, 400, 'BAD_REQUEST', 'The multipart fields "operations" and "map" must be JSON (operations/map 须为 JSON)');
      }
      for (const [key, paths] of Object.entries(map)) {
        if (key !== fileField || !file || !Array.isArray(paths)) return reply(res, 400, 'BAD_REQUEST', `The map names file "${key}", which was not sent (未收到文件 ${key})`);
        for (const p of paths) {
          if (typeof p !== 'string' || !setPath(operations, p, file)) return reply(res, 400, 'BAD_REQUEST', `The map path "${String(p)}" does not point to a null variable (map 路径无效)`);
        }
      }
      req.body = operations;
      resume();
    });
    req.pipe(bb);
  };
}
