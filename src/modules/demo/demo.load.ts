/**
 * Loads the demo data set: migrations and reference data first, then every generated table with
 * COPY … FROM STDIN in one transaction, then the code counters so that codes created later
 * through the API continue each district's and day's sequence.
 *
 * Safety rule: the seed refuses to run when any registry, inspection or remediation row (or an
 * LS/JC code counter) exists. With `force` it first prints what it will delete, then TRUNCATEs
 * those tables (CASCADE, listing every table the cascade reaches) and deletes the LS/JC
 * counters, all inside the same transaction as the load. Reference tables, users, API keys and
 * the append-only audit_event are never touched.
 */
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Logger } from '../../common/logger';
import { createLogger } from '../../common/logger';
import { migrate } from '../../database/connect';
import { makeDataSource } from '../../database/data-source';
import { loadReferenceData } from '../../modules/reference/reference.loader';
import { REPORT_CHANNEL } from '../reports/reports.cache';
import { demoTables, generateDemo, TABLE_ORDER, type DemoTables, type GenerateStats } from './demo.generate';
import { readReference } from './demo.reference';
import type { DemoOptions, Queryable } from './demo.types';

/** Tables the demo fills (and, with force, empties). */
export const DEMO_TABLES: readonly string[] = TABLE_ORDER;
/** Tables that must never be emptied by the seed. */
const PROTECTED = new Set(['audit_event', 'app_user', 'api_key', 'login_throttle', 'district', 'department', 'task_team', 'task_team_department', 'task_team_stage', 'hazard_type', 'checklist_item', 'migrations']);

export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

export interface SeedOptions extends DemoOptions {
  force: boolean;
  /** Progress of a phase; `done === total` when it ends. */
  progress?: (phase: string, done: number, total: number) => void;
  /** Human-readable lines (what will be deleted, timings). */
  say?: (line: string) => void;
  log?: Logger;
  /** Skip FK triggers during COPY when superuser, then verify (default true). */
  fastLoad?: boolean;
}

export interface SeedResult {
  stats: GenerateStats;
  timings: { prepareMs: number; generateMs: number; loadMs: number; analyzeMs: number; totalMs: number; tableMs: Record<string, number> };
  /** Whether foreign-key triggers were skipped during COPY (superuser only) and checked afterwards. */
  fastLoad: boolean;
  deleted: Record<string, number>;
}

/** Rows that would block a seed: counts per demo table (and the LS/JC code counters). */
export async function existingRows(db: Queryable): Promise<Record<string, number>> {
  const parts = DEMO_TABLES.map((t) => `(SELECT count(*) FROM "${t}")::bigint AS "${t}"`).join(', ');
  const [row] = (await db.query(`SELECT ${parts}, (SELECT count(*) FROM code_counter WHERE kind IN ('LS', 'JC'))::bigint AS code_counter`)).rows;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(row as Record<string, string>)) if (Number(v) > 0) out[k] = Number(v);
  return out;
}

/** Every table a TRUNCATE … CASCADE of the demo tables reaches (foreign keys, transitively). */
async function cascadeTargets(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(
    `WITH RECURSIVE reach(tbl) AS (
       SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY($1)
       UNION
       SELECT con.conrelid FROM pg_constraint con JOIN reach r ON con.confrelid = r.tbl WHERE con.contype = 'f'
     )
     SELECT DISTINCT c.relname AS name FROM reach r JOIN pg_class c ON c.oid = r.tbl ORDER BY 1`,
    [DEMO_TABLES],
  );
  return rows.map((r: { name: string }) => r.name);
}

/**
 * Checks every foreign key declared on the demo tables against the loaded rows (one anti-join per
 * constraint); throws, so the transaction rolls back, if any row has no parent.
 */
async function checkForeignKeys(db: Queryable): Promise<void> {
  const { rows } = await db.query(
    `SELECT con.conname, c.relname AS child, p.relname AS parent,
            array_agg(a.attname::text ORDER BY k.i) AS child_cols, array_agg(pa.attname::text ORDER BY k.i) AS parent_cols
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_class p ON p.oid = con.confrelid
       CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(ck, pk, i)
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.ck
       JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.pk
      WHERE con.contype = 'f' AND c.relname = ANY($1)
      GROUP BY con.conname, c.relname, p.relname`,
    [DEMO_TABLES],
  );
  for (const r of rows as { conname: string; child: string; parent: string; child_cols: string[] | string; parent_cols: string[] | string }[]) {
    const cc = Array.isArray(r.child_cols) ? r.child_cols : r.child_cols.replace(/^\{|\}$/g, '').split(',');
    const pc = Array.isArray(r.parent_cols) ? r.parent_cols : r.parent_cols.replace(/^\{|\}$/g, '').split(',');
    const notNull = cc.map((c) => `c."${c}" IS NOT NULL`).join(' AND ');
    const join = cc.map((c, i) => `p."${pc[i]}" = c."${c}"`).join(' AND ');
    const { rows: bad } = await db.query(`SELECT count(*)::int AS n FROM "${r.child}" c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM "${r.parent}" p WHERE ${join})`);
    if (bad[0].n > 0) throw new Error(`demo: ${bad[0].n} row(s) of ${r.child} break foreign key ${r.conname} (→ ${r.parent})`);
  }
}

async function copyChunks(client: Client, sql: string, chunks: Buffer[], onBytes: (n: number) => void): Promise<void> {
  if (chunks.length === 0) return;
  const stream = client.query(copyFrom(sql));
  await new Promise<void>((resolve, reject) => {
    // Once the server has refused the COPY the stream is detached from the connection: stop
    // writing (a queued 'drain' would otherwise write into nothing) and report the server's error.
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    stream.on('error', fail);
    stream.on('finish', () => failed || resolve());
    let i = 0;
    const pump = () => {
      try {
        while (!failed && i < chunks.length) {
          const chunk = chunks[i++];
          onBytes(chunk.length);
          if (!stream.write(chunk)) {
            stream.once('drain', pump);
            return;
          }
        }
        if (!failed) stream.end();
      } catch (e) {
        fail(e);
      }
    };
    pump();
  });
}

/** Runs migrations, loads reference data, generates and loads the demo data set. */
export async function seedDemo(url: string, opts: SeedOptions): Promise<SeedResult> {
  const say = opts.say ?? (() => undefined);
  const progress = opts.progress ?? (() => undefined);
  const log = opts.log ?? createLogger('silent');
  const t0 = Date.now();

  const ds = makeDataSource({ url, log, poolSize: 2, applicationName: 'ebike-seed-demo' });
  await ds.initialize();
  try {
    await migrate(ds, log);
    await loadReferenceData(ds);
  } finally {
    await ds.destroy();
  }

  const client = new Client({ connectionString: url, application_name: 'ebike-seed-demo', statement_timeout: 0, options: '-c timezone=UTC' } as never);
  await client.connect();
  try {
    // Fast refusal before the (CPU-heavy) generation; checked again under lock below.
    const before = await existingRows(client);
    if (Object.keys(before).length && !opts.force) {
      throw new DemoRefusedError(
        `The database already has data (${Object.entries(before).map(([k, v]) => `${k}: ${v}`).join(', ')}). ` +
          'seed:demo only fills an empty registry; pass --force to TRUNCATE these tables first (reference data, users and the audit trail are kept).',
      );
    }
    const ref = await readReference(client);
    const prepareMs = Date.now() - t0;

    const l0 = Date.now();
    const deleted: Record<string, number> = {};
    const tableMs: Record<string, number> = {};
    let fastLoad = false;
    let generateMs = 0;
    let stats: GenerateStats | null = null;
    await client.query('BEGIN');
    try {
      await client.query(`LOCK TABLE ${DEMO_TABLES.map((t) => `"${t}"`).join(', ')}, code_counter IN SHARE ROW EXCLUSIVE MODE`);
      const existing = await existingRows(client);
      if (Object.keys(existing).length) {
        if (!opts.force) throw new DemoRefusedError(`The database got data meanwhile (${JSON.stringify(existing)}); nothing was changed.`);
        const targets = await cascadeTargets(client);
        const bad = targets.filter((t) => PROTECTED.has(t));
        if (bad.length) throw new DemoRefusedError(`--force would cascade into protected tables (${bad.join(', ')}); nothing was changed.`);
        say(`--force: deleting existing rows: ${Object.entries(existing).map(([k, v]) => `${k} ${v}`).join(', ')}`);
        const extra = targets.filter((t) => !DEMO_TABLES.includes(t));
        if (extra.length) say(`--force: the TRUNCATE cascades to ${extra.join(', ')} as well`);
        await client.query(`TRUNCATE ${DEMO_TABLES.map((t) => `"${t}"`).join(', ')} CASCADE`);
        await client.query(`DELETE FROM code_counter WHERE kind IN ('LS', 'JC', 'ZX', 'LH', 'RW')`);
        Object.assign(deleted, existing);
      }
      // Bulk-load practice, all inside the transaction (a failure restores everything): drop the
      // secondary indexes of the (now empty) demo tables and build them once after the COPY.
      const { rows: indexes } = await client.query(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = 'public' AND t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
          ORDER BY t.relname, i.relname`,
        [DEMO_TABLES],
      );
      for (const ix of indexes as { name: string }[]) await client.query(`DROP INDEX "${ix.name}"`);
      // As a superuser, skip the per-row foreign-key triggers during COPY (so tables can be
      // streamed in any order while they are generated) and check every foreign key afterwards.
      const superuser = (await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
      fastLoad = superuser && opts.fastLoad !== false;
      if (fastLoad) await client.query(`SET LOCAL session_replication_role = replica`);

      const tables = demoTables();
      let genDone = false;
      const g0 = Date.now();
      const gen = generateDemo(opts, ref, progress, tables).then(
        (r) => {
          generateMs = Date.now() - g0;
          stats = r.stats;
          genDone = true;
        },
        (e) => {
          genDone = true;
          throw e;
        },
      );
      gen.catch(() => undefined); // awaited below; this only avoids an unhandled rejection if the load fails first
      let copied = 0;
      const copy = async (k: keyof DemoTables, chunks: Buffer[]) => {
        const c0 = Date.now();
        await copyChunks(client, tables[k].copySql(), chunks, (n) => {
          copied += n;
          // While generating, the generator's progress is shown; the load's afterwards.
          if (genDone) progress(`load ${k}`, copied, Math.max(copied, totalBytes()));
        });
        tableMs[k] = (tableMs[k] ?? 0) + Date.now() - c0;
      };
      const totalBytes = () => TABLE_ORDER.reduce((s, k) => s + tables[k].bytes, 0);
      const pending = (k: keyof DemoTables) => tables[k].chunks.reduce((s, c) => s + c.length, 0);
      if (fastLoad) {
        // Stream whichever table has the most data waiting, while the generator goes on.
        for (;;) {
          const done = genDone;
          let best: keyof DemoTables | null = null;
          let bestBytes = 0;
          for (const k of TABLE_ORDER) {
            const p = pending(k);
            if (p > bestBytes) [best, bestBytes] = [k, p];
          }
          if (best && (bestBytes >= 4 << 20 || done)) await copy(best, tables[best].chunks.splice(0));
          else if (done) break;
          else await new Promise((r) => setTimeout(r, 5));
        }
        await gen;
      } else {
        await gen;
        for (const k of TABLE_ORDER) await copy(k, tables[k].chunks.splice(0));
      }
      progress('load', copied, copied);
      const i0 = Date.now();
      await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const ix of indexes as { def: string }[]) await client.query(ix.def);
      tableMs.create_indexes = Date.now() - i0;
      if (fastLoad) {
        await client.query(`SET LOCAL session_replication_role = origin`);
        const c0 = Date.now();
        await checkForeignKeys(client);
        tableMs.foreign_key_check = Date.now() - c0;
      }
      // Counters behind the human codes: the highest number used per kind, district and day.
      await client.query(
        `INSERT INTO code_counter (kind, district_code, day, last_seq)
         SELECT 'LS', district_code, discovered_on, max(split_part(code, '-', 4)::int) FROM remediation_item GROUP BY district_code, discovered_on
         UNION ALL
         SELECT 'JC', split_part(code, '-', 2), to_date(split_part(code, '-', 3), 'YYYYMMDD'), max(split_part(code, '-', 4)::int) FROM inspection GROUP BY 2, 3
         UNION ALL
         SELECT split_part(code, '-', 1), '511100', to_date(split_part(code, '-', 2), 'YYYYMMDD'), max(split_part(code, '-', 3)::int)
           FROM (SELECT code FROM campaign UNION ALL SELECT code FROM joint_operation UNION ALL SELECT code FROM task) x GROUP BY 1, 3
         ON CONFLICT (kind, district_code, day) DO UPDATE SET last_seq = GREATEST(code_counter.last_seq, EXCLUDED.last_seq)`,
      );
      // The COPY ran with triggers off (replica role), so the report triggers did not signal: tell a
      // running service's report cache (delivered at commit).
      await client.query(`NOTIFY ${REPORT_CHANNEL}, 'seed:demo'`);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    const loadMs = Date.now() - l0;
    const a0 = Date.now();
    // VACUUM as well as ANALYZE: it sets the visibility map, without which the planner cannot use
    // index-only scans (the partial open-item indexes) on freshly loaded tables.
    await client.query(`VACUUM (ANALYZE) ${DEMO_TABLES.map((t) => `"${t}"`).join(', ')}, code_counter`);
    const analyzeMs = Date.now() - a0;
    return { stats: stats!, deleted, fastLoad, timings: { prepareMs, generateMs, loadMs, analyzeMs, totalMs: Date.now() - t0, tableMs } };
  } finally {
    await client.end();
  }
}
