/** Mean Earth radius (IUGG), km. The sphere is off by <0.5% vs the ellipsoid; irrelevant at GeoIP precision. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const RAD_PER_DEG = Math.PI / 180;

/** Great-circle distance in km between two WGS84 points (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD_PER_DEG;
  const dLon = (lon2 - lon1) * RAD_PER_DEG;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD_PER_DEG) * Math.cos(lat2 * RAD_PER_DEG) * Math.sin(dLon / 2) ** 2;
  // min() guards against a rounding excursion above 1 for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
