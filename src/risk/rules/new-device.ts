export interface NewDeviceDetails {
  deviceId: string;
  deviceLabel: string | null;
  /** How many distinct devices the account had signed in with before. */
  knownDevices: number;
}

export interface NewDeviceSignal {
  rule: 'new-device';
  details: NewDeviceDetails;
}

export interface NewDeviceInput {
  /** Caller-derived fingerprint (see device.ts); null when the user agent said nothing. */
  deviceId: string | null;
  deviceLabel?: string | null;
  /** Device ids of previous successful sign-ins (nulls ignored). */
  previousDeviceIds: ReadonlyArray<string | null>;
}

/**
 * A device not seen in previous sign-ins. Silent for an account with no device
 * history: on the first sign-in every device is new, and saying so is noise.
 */
export function newDeviceRule(input: NewDeviceInput): NewDeviceSignal | null {
  const { deviceId } = input;
  if (!deviceId) return null;
  const known = new Set<string>();
  for (const id of input.previousDeviceIds) if (id) known.add(id);
  if (known.size === 0 || known.has(deviceId)) return null;
  return { rule: 'new-device', details: { deviceId, deviceLabel: input.deviceLabel ?? null, knownDevices: known.size } };
}
