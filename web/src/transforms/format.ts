// Numbers for people: thousands separators, sensible precision, units.

/** "5,421", "3.24", "0.0123"; an em dash for missing values. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(digits)).toString();
}

/** A share 0..1 as "12.3%". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** A value with its unit: "12.3%" for "%", "$1,032" for USD, "4.1 per 100k", "3.2 stars". */
export function formatWithUnit(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === '%') return `${value.toFixed(1)}%`;
  if (unit === 'USD') return `$${formatNumber(value)}`;
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A p-value: "< 1e-300" when it underflowed, else two significant digits. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  if (p < 1e-300) return '< 1e-300';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
