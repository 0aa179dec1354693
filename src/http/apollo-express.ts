import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Context } from '../common/context';

/**
 * Apollo Server on Express 5: what `@as-integrations/express5` does, minus two costs per request
 * that a GraphQL answer does not need — an ETag (a SHA-1 of every response body, computed by
 * `res.send`; POST answers are never revalidated) and the legacy `url.parse` of the request URL.
 * The body is written with `res.end`, which sets Content-Length. Errors go to Express's error handler.
 */
export function apolloHandler(apollo: ApolloServer<Context>, context: (req: Request) => Promise<Context> | Context): RequestHandler {
  apollo.assertStarted('apolloHandler()');
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!('body' in req)) throw new Error('req.body is not set: the JSON body parser must run before Apollo');
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const q = req.url.indexOf('?');
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: q < 0 ? '' : req.url.slice(q), body: req.body },
        context: async () => context(req),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      next(err);
    }
  };
}
