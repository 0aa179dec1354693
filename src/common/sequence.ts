import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * Counters behind human codes such as LS-511102-20250314-0007. The increment is an upsert on the
 * (kind, district, day) row inside the caller's transaction: concurrent creators queue on that
 * row's lock, and a rolled-back transaction rolls its number back too, so numbers are unique and
 * gap-free per district and day.
 */
@Entity('code_counter')
export class CodeCounter {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind: string;

  @PrimaryColumn({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq: number;
}

export async function nextSequence(em: EntityManager, kind: string, districtCode: string, day: string): Promise<number> {
  const [row]: { last_seq: number }[] = await em.query(
    `INSERT INTO code_counter (kind, district_code, day, last_seq) VALUES ($1, $2, $3, 1)
     ON CONFLICT (kind, district_code, day) DO UPDATE SET last_seq = code_counter.last_seq + 1
     RETURNING last_seq`,
    [kind, districtCode, day],
  );
  return row.last_seq;
}
