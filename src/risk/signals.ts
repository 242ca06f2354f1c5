import type { ImpossibleTravelSignal } from './rules/impossible-travel.js';
import type { LongIntervalSignal } from './rules/long-interval.js';
import type { NewCitySignal } from './rules/new-city.js';
import type { NewDeviceSignal } from './rules/new-device.js';

/** Every signal is a plain JSON value: it is stored with the sign-in and shown to the user as-is. */
export type RiskSignal = NewCitySignal | ImpossibleTravelSignal | NewDeviceSignal | LongIntervalSignal;

export type RiskRuleName = RiskSignal['rule'];
