export interface IpLocationReportsTable {
  id: string;
  account_id: string;
  ip: string;
  country: string;
  region: string | null;
  city: string | null;
  note: string | null;
  /** JSON of what the lookup said when the report was made (for the reviewer). */
  located_as: string;
  status: 'pending' | 'accepted' | 'rejected';
  created_at: number;
  decided_at: number | null;
  /** Operator id. */
  decided_by: string | null;
  decision_reason: string | null;
  override_id: string | null;
}

export interface IpLocationOverridesTable {
  id: string;
  /** A single address or a prefix in CIDR notation. */
  cidr: string;
  country: string;
  region: string | null;
  city: string | null;
  report_id: string | null;
  /** Operator id. */
  created_by: string;
  reason: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface GeoReportTables {
  ip_location_reports: IpLocationReportsTable;
  ip_location_overrides: IpLocationOverridesTable;
}
