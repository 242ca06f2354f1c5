/**
 * Extension point for the real-name (KYC/KYB) issue: the seed requires that "the applicant
 * information must match the information entered for real name verification". Until real-name
 * records exist every account answers `no_record`, and the reviewer decides on the documents.
 * The real-name module will provide a matcher comparing names, ID numbers and company IDs.
 */
export interface UnbindApplicant {
  kind: 'personal' | 'enterprise';
  /** Personal: the account holder's name; enterprise: the applicant's name. */
  name: string;
  idNumber: string;
  phone: string;
  companyName?: string;
  companyId?: string;
}

export type RealNameCheck =
  | { status: 'no_record' }
  | { status: 'match' }
  /** `fields` names what differs (never the values), e.g. ["name", "idNumber"]. */
  | { status: 'mismatch'; fields: string[] };

export interface RealNameMatcher {
  match(accountId: string, applicant: UnbindApplicant): Promise<RealNameCheck>;
}

export const noRealNameRecords: RealNameMatcher = {
  async match() {
    return { status: 'no_record' };
  },
};
