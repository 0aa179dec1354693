import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { Express } from 'express';
import { usccOuterCheckDigit } from '../src/modules/registry/registry.identifiers';
import type { TestApp } from './support/app';

export const START = `mutation($input: StartImportInput!) { startImport(input: $input) { import { id status } userErrors { code message field } } }`;
export const JOB = `query($id: ID!, $after: String, $only: Boolean) { import(id: $id) {
  id status fileFormat encoding headerRow totalRows processedRows progress validRows rejectedRows createdCount updatedCount unchangedCount ignoredColumns validRowsOnly
  error { code message messageEn }
  report(first: 100, after: $after, onlyProblems: $only) { nodes { rowNumber action targetId problems { column field code message messageEn } } endCursor hasNextPage } } }`;
export const COMMIT = `mutation($input: CommitImportInput!) { commitImport(input: $input) { import { id status } userErrors { code field message messageEn } } }`;

/** A valid Leshan USCC built from a serial (check digit per GB 32100, DOMAIN.md §8.1). */
export function uscc(serial: number, division = '511102'): string {
  const body = `92${division}${String(serial).padStart(9, '0')}`;
  return body + usccOuterCheckDigit(body);
}

/** Multipart upload as the GraphQL multipart request spec describes it. */
export function upload(app: Express, token: string | null, name: string, body: Buffer, opts: { preflight?: boolean; kind?: string } = {}) {
  let req = request(app).post('/graphql');
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (opts.preflight !== false) req = req.set('Apollo-Require-Preflight', 'true');
  return req
    .field('operations', JSON.stringify({ query: START, variables: { input: { kind: opts.kind ?? 'BUSINESSES', file: null } } }))
    .field('map', JSON.stringify({ '0': ['variables.input.file'] }))
    .attach('0', body, name);
}

export function csv(rows: (string | number | null)[][], bom = true): Buffer {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from((bom ? '\uFEFF' : '') + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

export async function xlsx(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A ZIP whose one part inflates to `size` zero bytes (a zip bomb in miniature). */
export function zipBomb(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = zlib.deflateRawSync(Buffer.alloc(size));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22); // a lying declared size
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/**
 * One kind of import driven through GraphQL as its caller would: `dryRun` uploads a file and waits
 * for the dry run, `commit` commits and waits, `job` reads a job with the first page of its report.
 * The app and the default caller are read when called (a test file sets them in beforeAll).
 */
export function importDriver(app: () => TestApp, kind: string, caller: () => string) {
  const job = async (id: string, token = caller()) => {
    const r = await app().gql(JOB, { id }, token);
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.import;
  };
  const settle = async (id: string, token = caller()) => {
    for (let i = 0; i < 600; i++) {
      const j = await job(id, token);
      if (!['PENDING', 'VALIDATING', 'COMMITTING'].includes(j.status)) return j;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not settle');
  };
  const dryRun = async (name: string, body: Buffer, token = caller(), as = kind) => {
    const res = await upload(app().app, token, name, body, { kind: as });
    expect(res.status).toBe(200);
    expect(res.body.data.startImport.userErrors).toEqual([]);
    return settle(res.body.data.startImport.import.id, token);
  };
  const commit = async (id: string, validRowsOnly = false, token = caller()) => {
    const r = await app().gql(COMMIT, { input: { id, validRowsOnly } }, token);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.commitImport.userErrors).toEqual([]);
    return settle(id, token);
  };
  return { job, dryRun, commit };
}
