import type { Principal } from '../../common/auth';
import type { ReportCache } from '../reports/reports.cache';

/** Tables a user principal is read from (access.authenticate.ts); a committed change to either drops every entry. */
export const PRINCIPAL_TABLES: ReadonlySet<string> = new Set(['app_user', 'task_team_stage']);

export interface PrincipalCacheOptions {
  /** Access tokens kept (oldest dropped first); 0 turns the cache off. */
  entries: number;
  /** Longest an entry is served without reading the user again, even when no change was signalled. */
  ttlMs: number;
}

interface Entry {
  principal: Principal;
  /** The token's own expiry (`exp`), checked on every hit. */
  expiresAtMs: number;
  generation: number;
  at: number;
}

/**
 * The caller of an access token, per process, keyed by the token itself: a hit skips both the
 * HMAC verification of the token (the same string verified before, under the same secret) and
 * the principal's SQL lookup. Only user access tokens are kept; API keys are looked up every time.
 *
 * Invalidation is the report cache's: the triggers of migration PrincipalChangeNotifications make
 * every committed change to `app_user` (password change or reset, sign-out everywhere, role,
 * scope, department or active flag — all of which write the row, most bump `token_version`) and to
 * `task_team_stage` signal `report_data_changed` with the table's name; the report cache's LISTEN
 * connection hands it here and every entry is dropped. A mutation of this process clears it at
 * commit (src/common/mutation.ts), so the instance that ended a session refuses its token at once;
 * another instance refuses it when the notification arrives (a loopback round trip after the
 * commit). A lookup that raced a change is stored under the generation read before it started, so
 * it is never served after that change's notification. While the LISTEN connection is down the
 * cache is off and every request reads PostgreSQL, as without it.
 */
export class PrincipalCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();
  /** Counters for tests and the benchmark. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly opts: PrincipalCacheOptions,
    private readonly feed: ReportCache,
  ) {
    if (opts.entries > 0) feed.onChange((table) => (table === null || PRINCIPAL_TABLES.has(table)) && this.invalidate());
  }

  get active(): boolean {
    return this.opts.entries > 0 && this.feed.listeningForChanges;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The generation to pass to `store` for a lookup starting now. */
  get currentGeneration(): number {
    return this.generation;
  }

  lookup(token: string, nowMs: number): Principal | undefined {
    if (!this.active) return undefined;
    const e = this.entries.get(token);
    if (e && e.generation === this.generation && nowMs < e.expiresAtMs && nowMs - e.at < this.opts.ttlMs) {
      this.stats.hits++;
      return e.principal;
    }
    if (e) this.entries.delete(token);
    this.stats.misses++;
    return undefined;
  }

  store(token: string, principal: Principal, expiresAtMs: number, generation: number, nowMs: number): void {
    if (!this.active || generation !== this.generation) return;
    this.entries.set(token, { principal, expiresAtMs, generation, at: nowMs });
    while (this.entries.size > this.opts.entries) this.entries.delete(this.entries.keys().next().value!);
  }
}
