import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request facts that code far from the resolver needs (the TypeORM logger counting SQL
 * statements, log lines). Bound once per HTTP request.
 */
export interface RequestStore {
  requestId: string;
  sqlStatements: number;
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

export function currentRequest(): RequestStore | undefined {
  return requestStore.getStore();
}
