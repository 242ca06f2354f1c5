import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../api/types';

export interface MeValue {
  me: Me;
  reload: () => Promise<void>;
  unread: number;
  refreshUnread: () => void;
}

/** Dispatched on window when messages were marked read, so the header badge refreshes. */
export const MESSAGES_CHANGED = 'gatehouse:messages-changed';

const MeContext = createContext<MeValue | null>(null);

export function MeProvider({ value, children }: { value: MeValue; children: ReactNode }) {
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** The signed-in account, available inside the Account Centre layout. */
export function useMe(): MeValue {
  const ctx = useContext(MeContext);
  if (!ctx) throw new Error('useMe outside the Account Centre layout');
  return ctx;
}
