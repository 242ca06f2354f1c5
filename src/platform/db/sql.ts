/** Small SQL fragments that must read the same on SQLite and PostgreSQL. */
import { sql, type RawBuilder } from 'kysely';

/** A bound epoch-ms parameter typed as BIGINT so PostgreSQL never has to guess its type. */
export function ms(value: number): RawBuilder<number> {
  return sql<number>`cast(${value} as bigint)`;
}
