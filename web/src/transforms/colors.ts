// Colour-blind-safe palettes: viridis for quantities, greys under map markers, Okabe-Ito for categories, one
// colour per star rating.

/** Viridis, 9 stops: perceptually uniform and readable with every common colour-vision deficiency. */
export const viridis = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** Okabe-Ito: eight categorical colours distinguishable with colour-blindness. */
export const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

/** The map's choropleth: light to dark grey (ColorBrewer Greys, never black), so coloured markers stand out on any area. */
export const choroplethGreys = ['#f7f7f7', '#d9d9d9', '#bdbdbd', '#969696', '#737373', '#525252'];

/** An area with no value: pale amber, outside the grey scale, with its own legend key. */
export const noDataColor = '#f6e8c3';

/** The marker colour of a star rating (1..5, ColorBrewer RdYlBu from red to blue); grey when not rated. */
export function ratingColor(rating: number | null): string {
  if (rating === null) return '#9e9e9e';
  return ['#d7191c', '#fdae61', '#ffffbf', '#abd9e9', '#2c7bb6'][Math.min(5, Math.max(1, rating)) - 1];
}
