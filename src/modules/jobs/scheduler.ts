import os from 'node:os';
import { recordJobRun } from '../../observability/metrics';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../common/logger';
import { shanghaiDate } from '../../common/time';
import { JobInterrupted, runEscalation, type JobEnv } from './escalation.service';
import { DailyJob, JobRun, JobRunStatus, type JobTrigger } from './jobs.entities';
import { runPrune } from './prune.service';
import { runSnapshot, snapshotDayOf } from './snapshot.service';

/** Session-level advisory lock key held by whichever instance runs the daily jobs (the leader). */
export const DAILY_JOBS_LOCK = 1796083200180;

export interface SchedulerOptions {
  /** Asia/Shanghai time of day the daily run is due, HH:MM (DAILY_JOBS_AT). */
  at: string;
  /** Effects written per transaction (DAILY_JOBS_BATCH_SIZE). */
  batchSize: number;
  /** How often an instance checks whether the run is due, ms. */
  pollMs: number;
  /** Days published outbox events and delivered webhook deliveries are kept (OUTBOX_RETENTION_DAYS; 0 = always). */
  retentionDays?: number;
  /** Days a read notification is kept (NOTIFICATION_RETENTION_DAYS; 0 = always). */
  notificationRetentionDays?: number;
}

export type Trigger = `${JobTrigger}`;

export interface RunOutcome {
  day: string;
  /** False when another instance holds the lock (it runs the day) or, scheduled, the day is already done. */
  ran: boolean;
  reason: 'RAN' | 'BUSY' | 'ALREADY_DONE' | 'INTERRUPTED' | 'FAILED';
  runs: JobRun[];
}

const JOBS: DailyJob[] = [DailyJob.ESCALATION, DailyJob.SNAPSHOT, DailyJob.PRUNE];

/** Asia/Shanghai HH:MM of an instant. */
export function shanghaiTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(11, 16);
}

/**
 * The daily jobs with one leader across instances. A run takes a PostgreSQL session advisory lock
 * on its own connection (released by PostgreSQL when the process dies), so only one instance runs
 * at a time; each job's state for the day is a `job_run` row keyed by (job, day). A scheduled run
 * skips a job already DONE for the day; a RUNNING, INTERRUPTED or FAILED one (a crashed, stopped or
 * failed run) is resumed: the effects are unique per item and day, so nothing is written twice.
 */
export class DailyJobs {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopped = false;
  private readonly owner = `${os.hostname()}:${process.pid}`;

  constructor(
    private readonly ds: DataSource,
    private readonly log: Logger,
    private readonly now: () => Date,
    readonly options: SchedulerOptions,
  ) {}

  /** Starts checking every pollMs whether the day's run is due (and runs it when it is). */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /** Due when the Asia/Shanghai time is at or past `at` and a job of today is not DONE; then runs. */
  async tick(): Promise<RunOutcome | null> {
    if (this.stopped || this.current) return null;
    const now = this.now();
    if (shanghaiTime(now) < this.options.at) return null;
    try {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM job_run WHERE day = $1::date AND status = 'DONE' AND job = ANY($2)`, [shanghaiDate(now), JOBS]);
      if (n === JOBS.length) return null;
      return await this.run('SCHEDULE');
    } catch (err) {
      this.log.error({ err }, 'daily jobs: scheduled check failed');
      return null;
    }
  }

  /** Runs the day's jobs now if no other instance is running them (MANUAL re-runs DONE jobs too; effects are not doubled). */
  run(trigger: Trigger): Promise<RunOutcome> {
    const p = this.runLocked(trigger);
    this.current = p;
    return p.finally(() => {
      if (this.current === p) this.current = null;
    });
  }

  /** Stops the schedule; a run in progress stops after its current batch (committed or rolled back), marked INTERRUPTED. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  private async runLocked(trigger: Trigger): Promise<RunOutcome> {
    const day = shanghaiDate(this.now());
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }] = await qr.query(`SELECT pg_try_advisory_lock($1) AS locked`, [DAILY_JOBS_LOCK]);
      if (!locked) return { day, ran: false, reason: 'BUSY', runs: await this.runsOf(day) };
      try {
        let reason: RunOutcome['reason'] = 'ALREADY_DONE';
        for (const job of JOBS) {
          const existing = await this.ds.getRepository(JobRun).findOne({ where: { job, day } });
          if (existing?.status === JobRunStatus.DONE && trigger === 'SCHEDULE') continue;
          reason = 'RAN';
          const r = await this.runJob(job, day, trigger, existing);
          if (r !== 'RAN') {
            reason = r;
            break;
          }
        }
        return { day, ran: reason === 'RAN', reason, runs: await this.runsOf(day) };
      } finally {
        await qr.query(`SELECT pg_advisory_unlock($1)`, [DAILY_JOBS_LOCK]).catch(() => undefined);
      }
    } finally {
      await qr.release();
    }
  }

  private runsOf(day: string): Promise<JobRun[]> {
    return this.ds.getRepository(JobRun).find({ where: { day }, order: { job: 'ASC' } });
  }

  private async runJob(job: DailyJob, day: string, trigger: Trigger, existing: JobRun | null): Promise<'RAN' | 'INTERRUPTED' | 'FAILED'> {
    const started = Date.now();
    await this.ds.query(
      `INSERT INTO job_run (job, day, status, attempts, effects, owner, triggered_by, started_at)
       VALUES ($1, $2, 'RUNNING', 1, 0, $3, $4, $5)
       ON CONFLICT (job, day) DO UPDATE SET status = 'RUNNING', attempts = job_run.attempts + 1, owner = $3, triggered_by = $4, started_at = $5, finished_at = NULL, error = NULL`,
      [job, day, this.owner, trigger, this.now()],
    );
    if (existing && existing.status !== JobRunStatus.DONE) this.log.warn({ job, day, previous: existing.status, owner: existing.owner }, 'daily jobs: resuming an unfinished run');
    const env: JobEnv = {
      ds: this.ds,
      batchSize: this.options.batchSize,
      stopping: () => this.stopped,
      now: this.now,
      onBatch: async (em: EntityManager, effects: number) => {
        if (effects) await em.query(`UPDATE job_run SET effects = effects + $3 WHERE job = $1 AND day = $2`, [job, day, effects]);
      },
    };
    try {
      const effects =
        job === DailyJob.ESCALATION ? await runEscalation(env, day)
        : job === DailyJob.SNAPSHOT ? await runSnapshot(env, snapshotDayOf(day))
        : await runPrune(env, day, this.options.retentionDays ?? 30, this.options.notificationRetentionDays ?? 180);
      await this.ds.query(`UPDATE job_run SET status = 'DONE', finished_at = $3 WHERE job = $1 AND day = $2`, [job, day, this.now()]);
      this.log.info({ job, day, effects, ms: Date.now() - started }, 'daily job done');
      recordJobRun(job.toLowerCase(), 'success', (Date.now() - started) / 1000);
      return 'RAN';
    } catch (err) {
      const interrupted = err instanceof JobInterrupted;
      await this.ds
        .query(`UPDATE job_run SET status = $3, error = $4, finished_at = $5 WHERE job = $1 AND day = $2`, [job, day, interrupted ? 'INTERRUPTED' : 'FAILED', interrupted ? null : String((err as Error).message).slice(0, 2000), this.now()])
        .catch(() => undefined);
      if (interrupted) this.log.warn({ job, day }, 'daily job interrupted by shutdown; the next run resumes it');
      else this.log.error({ err, job, day }, 'daily job failed; the next run retries it');
      recordJobRun(job.toLowerCase(), interrupted ? 'interrupted' : 'failure', (Date.now() - started) / 1000);
      return interrupted ? 'INTERRUPTED' : 'FAILED';
    }
  }
}
