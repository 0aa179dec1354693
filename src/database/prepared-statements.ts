import { createHash } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';

/**
 * Named prepared statements for reads (DB_PREPARED_STATEMENTS, default 200; 0 turns them off).
 *
 * TypeORM sends every statement unnamed, so PostgreSQL parses and plans it on every request; for the
 * short list reads of this service that was a third of the database's time (the partner list at
 * city scale: 1.6 ms of parse and plan against 3.3 ms of execution per request). A SELECT with
 * parameters is sent instead as a statement named after a hash of its text: each pooled connection
 * parses it once, and PostgreSQL may keep a generic plan for it (plan_cache_mode `auto`: only when
 * that plan costs no more than the custom plans it has seen). The SQL text and its parameters are
 * unchanged, so answers are too.
 *
 * Bounds: at most `limit` distinct texts per process are named (later ones run unnamed), so a
 * connection holds at most that many statements. Not named: writes (`WITH … UPDATE` and the like
 * start with WITH, not SELECT) and `*` selections, whose result type a migration could change under
 * a running instance ("cached plan must not change result type"). Turn off (0) behind a pooler in
 * transaction mode, where a connection's statements do not follow the client.
 */
export function preparingClient(limit: number): typeof Client | undefined {
  if (limit <= 0) return undefined;
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < limit && /^\s*SELECT\b/i.test(text) && !/(^|[\s,.(])\*(\s|,|$)/.test(text.replace(/count\(\*\)/gi, 'count(1)'))) {
      name = `ebk_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  class PreparingClient extends Client {
    // pg's overloads: (text, values?, callback?) or (config, callback?); only the first form with values is named.
    override query(...args: unknown[]): never {
      const [text, values, callback] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = nameOf(text);
        if (name) return (super.query as (...a: unknown[]) => never)({ name, text, values } satisfies QueryConfig, callback);
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  return PreparingClient;
}
