import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request facts that code far from the resolver needs (the TypeORM logger counting SQL
 * statements, log lines). Bound once per HTTP request.
 */
export interface RequestStore {
  requestId: string;
  /** Every SQL statement of the request, authentication included. */
  sqlStatements: number;
  /** The count when GraphQL work began (after authentication): the N+1 tests and the benchmark read the difference. */
  sqlAtOperationStart: number;
  /** Codes of the userErrors the request's mutations returned (metrics: outcome and counts by code). */
  userErrorCodes?: string[];
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

export function currentRequest(): RequestStore | undefined {
  return requestStore.getStore();
}
