import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription received: results, an error, completion. */
export interface Sub {
  results: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] }[];
  error: unknown;
  completed: boolean;
  dispose: () => void;
}

/** A graphql-ws client to ws://host/graphql with the token in the connection payload. */
export function liveClient(url: string, connectionParams: Record<string, unknown> | null, opts: { onClosed?: (code: number, reason: string) => void } = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: connectionParams ?? undefined,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (e) => opts.onClosed?.((e as { code: number }).code, String((e as { reason?: string }).reason ?? '')) },
  });
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Sub {
  const sub: Sub = { results: [], error: null, completed: false, dispose: () => undefined };
  sub.dispose = client.subscribe(
    { query, variables },
    {
      next: (r) => void sub.results.push(r as Sub['results'][number]),
      error: (e) => void (sub.error = e),
      complete: () => void (sub.completed = true),
    },
  );
  return sub;
}

/** Resolves once the server has acknowledged the connection (so subscriptions are registered). */
export async function connected(client: Client): Promise<void> {
  // A trivial query over the socket: answered only after connection_ack and any earlier subscribe.
  await new Promise<void>((resolve, reject) => {
    const unsub = client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: () => { unsub(); resolve(); } });
  });
}
