// Downloads built in the browser from the public list endpoints: CSV (RFC 4180) and GeoJSON.

import type { HospitalFields } from '../types';

/** The columns of the CSV export, in order. */
export const csvColumns: (keyof HospitalFields)[] = [
  'id', 'name', 'address', 'city', 'state', 'zip', 'county', 'phone', 'type', 'ownership',
  'emergency_services', 'birthing_friendly', 'rating', 'latitude', 'longitude', 'beds',
];

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text (RFC 4180): the header row, then one line per row, CRLF line ends. */
export function rowsToCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Hospitals as CSV text: a header row, then one line per hospital. */
export function hospitalsToCsv(hospitals: HospitalFields[]): string {
  return rowsToCsv(csvColumns, hospitals.map((h) => csvColumns.map((c) => h[c])));
}

/** Hospitals with coordinates as a GeoJSON FeatureCollection of points (the others are counted apart). */
export function hospitalsToGeoJson(hospitals: HospitalFields[]): { type: 'FeatureCollection'; features: unknown[]; ungeocoded: number } {
  const located = hospitals.filter((h) => h.latitude !== null && h.longitude !== null);
  return {
    type: 'FeatureCollection',
    features: located.map((h) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [h.longitude, h.latitude] },
      properties: Object.fromEntries(csvColumns.filter((c) => c !== 'latitude' && c !== 'longitude').map((c) => [c, h[c] ?? null])),
    })),
    ungeocoded: hospitals.length - located.length,
  };
}

/** Starts a download of `text` named `filename`. */
export function download(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Starts a download of `blob` named `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
