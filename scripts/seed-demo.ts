/**
 * Fills the database with synthetic, DOMAIN.md-consistent demo data:
 *
 *   npm run seed:demo -- --scale small|city|province [--seed N] [--today YYYY-MM-DD] [--force]
 *
 * Scales: tiny (quick checks), small (laptop demo, seconds: 300 businesses, 1,000 sites, 2,000
 * inspections, 5,000 items), city (5,000 / 20,000 / 60,000 / 200,000), province (10× city).
 *
 * Deterministic: the same --seed, --scale and --today give byte-identical rows, UUIDs and
 * timestamps included (foreign keys to reference rows — teams, departments — carry that
 * database's ids). --today defaults to the current Asia/Shanghai date, so pass it explicitly to
 * reproduce a data set on another day. All activity lies in the two years before --today.
 *
 * Refuses when the registry, inspection or remediation tables hold any row; --force first
 * TRUNCATEs them (printing what it deletes). Reference data, users and audit_event are kept.
 * Uses DATABASE_URL, or the embedded database under DATA_DIR (connecting to the running
 * service's server if there is one).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createLogger } from '../src/common/logger';
import { shanghaiDate } from '../src/common/time';
import { loadConfigOrExit } from '../src/config';
import { cliDatabase } from '../src/database/embedded';
import { DemoRefusedError, seedDemo } from '../src/modules/demo/demo.load';
import { SCALES, type DemoScale } from '../src/modules/demo/demo.types';

const USAGE = 'usage: npm run seed:demo -- --scale tiny|small|city|province [--seed N] [--today YYYY-MM-DD] [--force]';

/** A progress bar on a terminal; plain lines (each phase at 0/25/50/75/100 %) otherwise. */
function reporter(): { progress: (phase: string, done: number, total: number) => void; stop: () => void } {
  const tty = !!process.stdout.isTTY;
  let bar: SingleBar | null = null;
  let current = '';
  let lastQuarter = -1;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    stop,
    progress(phase, done, total) {
      const group = phase.startsWith('load') ? 'load' : phase;
      if (tty) {
        if (group !== current) {
          stop();
          current = group;
          bar = new SingleBar({ format: `${group.padEnd(18)} [{bar}] {percentage}% | {detail}`, hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
          bar.start(total, 0, { detail: '' });
        }
        bar!.setTotal(total);
        bar!.update(done, { detail: group === 'load' ? `${phase.slice(5) || 'done'} ${(done / 1048576).toFixed(0)}/${(total / 1048576).toFixed(0)} MB` : `${done}/${total}` });
        if (done >= total && group !== 'load') stop();
        return;
      }
      if (group !== current) {
        current = group;
        lastQuarter = -1;
      }
      const q = total ? Math.floor((4 * done) / total) : 4;
      if (q !== lastQuarter) {
        lastQuarter = q;
        console.log(`${group}: ${q * 25}%${group === 'load' ? ` (${phase.slice(5) || 'done'})` : ` (${done}/${total})`}`);
      }
    },
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale as DemoScale;
  if (!scale || !(scale in SCALES)) {
    console.error(USAGE);
    return 2;
  }
  if (!/^\d{1,10}$/.test(values.seed!) || Number(values.seed) > 0xffffffff) {
    console.error('--seed must be an integer between 0 and 4294967295');
    return 2;
  }
  const today = values.today ?? shanghaiDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    console.error('--today must be a date YYYY-MM-DD');
    return 2;
  }
  const config = loadConfigOrExit();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = await cliDatabase(config, log);
  const url = db.url;
  const rep = reporter();
  try {
    console.log(`seed:demo scale=${scale} seed=${values.seed} today=${today}${values.force ? ' --force' : ''}`);
    const res = await seedDemo(url, {
      scale,
      seed: Number(values.seed),
      today,
      force: !!values.force,
      log,
      progress: rep.progress,
      say: (line) => {
        rep.stop();
        console.log(line);
      },
    });
    rep.stop();
    const t = res.timings;
    console.log(`rows: ${Object.entries(res.stats.tables).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`remediation items by status: ${Object.entries(res.stats.statuses).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`time: prepare ${t.prepareMs} ms, generate ${t.generateMs} ms, load ${t.loadMs} ms, analyze ${t.analyzeMs} ms, total ${t.totalMs} ms`);
    console.log(`load per table (ms${res.fastLoad ? '; FK triggers skipped during COPY, then every FK checked' : ''}): ${Object.entries(t.tableMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return 0;
  } catch (e) {
    rep.stop();
    if (e instanceof DemoRefusedError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`seed:demo failed: ${(e as Error).stack ?? (e as Error).message}`);
    process.exit(1);
  },
);
