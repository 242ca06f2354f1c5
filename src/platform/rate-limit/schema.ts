export interface RateLimitsTable {
  key: string;
  window_started_at: number;
  count: number;
}

export interface RateLimitTables {
  rate_limits: RateLimitsTable;
}
