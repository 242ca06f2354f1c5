/**
 * The registry of sensitive operations and the verification each needs. With operation
 * protection on, every one of them asks for a second factor first (403 `verification_required`);
 * those marked `always` ask even when it is off — the ones that would let a thief who holds a
 * session strip the account's defences. `strength: 'mfa'` means: when the account has an MFA
 * device, only MFA proves it (a stolen phone's SMS cannot remove the authenticator app).
 *
 * Other modules protect a route with `config: { operation: '<name>' }` or
 * `await s.protection.require(request, '<name>')`.
 */
export interface OperationRule {
  /** Ask even when the account's operation protection is off. */
  always: boolean;
  strength: 'any' | 'mfa';
  /** For the console and the audit log. */
  label: string;
}

export const OPERATIONS = {
  'password.change': { always: false, strength: 'any', label: 'Change password' },
  'contact.phone_change': { always: false, strength: 'any', label: 'Bind or change the mobile number' },
  'contact.email_change': { always: false, strength: 'any', label: 'Change the account email' },
  'contact.security_email_change': { always: false, strength: 'any', label: 'Change the security email' },
  'mfa.bind': { always: false, strength: 'any', label: 'Bind an MFA device' },
  'mfa.unbind': { always: true, strength: 'mfa', label: 'Remove an MFA device' },
  'mfa.recovery_codes': { always: false, strength: 'mfa', label: 'Regenerate recovery codes' },
  'security.change': { always: false, strength: 'any', label: 'Turn on a protection' },
  'security.disable': { always: true, strength: 'mfa', label: 'Turn off a protection or change its methods' },
  'sessions.revoke_all': { always: false, strength: 'any', label: 'Sign out of all sessions' },
  'api_key.create': { always: false, strength: 'any', label: 'Create an API key' },
  'account.delete': { always: true, strength: 'mfa', label: 'Delete the account' },
  'realname.change': { always: false, strength: 'any', label: 'Change real-name information' },
  'subaccount.manage': { always: false, strength: 'any', label: 'Create or change sub-users' },
} as const satisfies Record<string, OperationRule>;

export type OperationName = keyof typeof OPERATIONS;

export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
