/** Scales of the demo data set (DOMAIN-consistent synthetic data for demos and load tests). */
export type DemoScale = 'tiny' | 'small' | 'city' | 'province';

export interface ScaleSpec {
  businesses: number;
  sites: number;
  inspections: number;
  items: number;
}

export const SCALES: Record<DemoScale, ScaleSpec> = {
  /** For quick checks; too small to have every business type in every district. */
  tiny: { businesses: 120, sites: 200, inspections: 300, items: 600 },
  small: { businesses: 300, sites: 1_000, inspections: 2_000, items: 5_000 },
  city: { businesses: 5_000, sites: 20_000, inspections: 60_000, items: 200_000 },
  province: { businesses: 50_000, sites: 200_000, inspections: 600_000, items: 2_000_000 },
};

export interface DemoOptions {
  scale: DemoScale;
  seed: number;
  /** Asia/Shanghai date YYYY-MM-DD the data is anchored to: everything happens before its midnight. */
  today: string;
}

/** The least a pg Client/PoolClient offers that the demo code uses. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
