/**
 * Fresh databases for storage-facing tests: a temporary SQLite file, or a new PostgreSQL
 * database on 127.0.0.1:5432 (trust auth, user postgres) created for the run and dropped after.
 * Under CI (CI=true) an unreachable PostgreSQL fails the test; elsewhere it is skipped.
 * GATEHOUSE_TEST_DBS=sqlite (or postgres) narrows the matrix while iterating locally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseUrl } from '../../src/config.js';

export type DbKind = 'sqlite' | 'postgres';

export const PG_ADMIN_URL = process.env.GATEHOUSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DB_KINDS: DbKind[] = (process.env.GATEHOUSE_TEST_DBS?.split(',') as DbKind[] | undefined) ?? ['sqlite', 'postgres'];

export interface FreshDatabase {
  url: DatabaseUrl;
  /** The raw connection string, for a second process. */
  raw: string;
  drop(): Promise<void>;
}

let pgReachable: Promise<boolean> | null = null;

export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgReachable;
}

/** Why a PostgreSQL test cannot run here, or null when it can. Throws under CI. */
export async function postgresSkipReason(): Promise<string | null> {
  if (await postgresReachable()) return null;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}, and CI requires it`);
  return `PostgreSQL not reachable at ${PG_ADMIN_URL}`;
}

export async function freshDatabase(kind: DbKind): Promise<FreshDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
    const path = join(dir, 'gatehouse.db');
    return { url: { kind: 'sqlite', path }, raw: `sqlite:${path}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `gatehouse_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: { kind: 'postgres', url: url.toString() },
    raw: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // pg's Pool.end() resolves before its sockets are closed; a forced drop that overtakes a
      // closing connection makes pg emit an uncaught "terminating connection" error in the
      // test process. Give the closing backends a moment to go first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
