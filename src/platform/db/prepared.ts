/**
 * Hot-path queries compiled once. Building and compiling a Kysely query costs more than running
 * a primary-key lookup on SQLite, and the queries on every authenticated request have a fixed
 * shape; only their parameters change. The compiled SQL depends on the dialect alone, so it is
 * cached per dialect adapter class and shared by the database and its transactions.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.js';

export function preparedQuery<Row, Params extends unknown[]>(build: (db: Db) => Compilable<Row>) {
  const compiled = new Map<unknown, CompiledQuery<Row>>();
  return async (db: Db, ...params: Params): Promise<Row[]> => {
    const dialect = db.getExecutor().adapter.constructor;
    let query = compiled.get(dialect);
    if (!query) {
      query = build(db).compile();
      compiled.set(dialect, query);
    }
    const result = await db.executeQuery<Row>({ ...query, parameters: params });
    return result.rows;
  };
}
