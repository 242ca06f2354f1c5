export { evaluateSignIn, type PreviousSignIn, type RiskAssessment, type SignInRiskInput } from './evaluate.js';
export { usualCities, DEFAULT_USUAL_CITY_CONFIG, type CityObservation, type UsualCityConfig } from './usual-cities.js';
export { describeDevice, type DeviceInfo } from './device.js';
export type { RiskSignal, RiskRuleName } from './signals.js';
export { newCityRule, type NewCitySignal, type NewCityDetails, type NewCityInput } from './rules/new-city.js';
export { impossibleTravelRule, type ImpossibleTravelSignal, type ImpossibleTravelDetails, type ImpossibleTravelInput, type TravelPoint } from './rules/impossible-travel.js';
export { newDeviceRule, type NewDeviceSignal, type NewDeviceDetails, type NewDeviceInput } from './rules/new-device.js';
export { longIntervalRule, type LongIntervalSignal, type LongIntervalDetails, type LongIntervalInput } from './rules/long-interval.js';
export * from './constants.js';
