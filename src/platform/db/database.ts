/**
 * The Kysely factory: SQLite (better-sqlite3) by default, PostgreSQL when GATEHOUSE_DB is a
 * postgres:// URL. Dialect differences live here and in `dialect.ts`, nowhere else.
 *
 * Times are epoch milliseconds in BIGINT columns and IDs are made by the application, so the
 * schema and every query are the same on both engines.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { DatabaseUrl } from '../../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** Functions that must run inside a transaction (they lock rows or must commit with others) ask for this. */
export type Trx = Transaction<Database>;

export interface OpenedDatabase {
  db: Db;
  kind: DatabaseUrl['kind'];
  close(): Promise<void>;
}

const PG_INT8_OID = 20;

export function openDatabase(url: DatabaseUrl, opts: { poolSize?: number } = {}): OpenedDatabase {
  if (url.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url.url,
      max: opts.poolSize ?? 10,
      // BIGINT holds epoch milliseconds and counts, all far below 2^53: read them as numbers.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === PG_INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (url.path !== ':memory:') mkdirSync(dirname(resolve(url.path)), { recursive: true });
  const sqlite = new SqliteDatabase(url.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 1_000;

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, and preparing
 * costs as much as running a small query. Queries are built from a fixed set of shapes, so a
 * bounded map from SQL text to statement removes that cost from every request. Safe because
 * Kysely's SQLite driver runs one statement at a time to completion (all/run, never a
 * half-read iterator shared between callers).
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        stmt = sqlite.prepare(sqlText);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
