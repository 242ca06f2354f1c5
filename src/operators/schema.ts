export type OperatorRole = 'admin' | 'reviewer';

export interface OperatorsTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: OperatorRole;
  created_at: number;
  disabled_at: number | null;
}

export interface OperatorsTables {
  operators: OperatorsTable;
}
