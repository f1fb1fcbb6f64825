// Colour-blind-safe palettes: viridis for quantities, Okabe-Ito for categories, one colour per star rating.

/** Viridis, 9 stops: perceptually uniform and readable with every common colour-vision deficiency. */
export const viridis = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** Okabe-Ito: eight categorical colours distinguishable with colour-blindness. */
export const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

/** The marker colour of a star rating (1..5, viridis from dark to bright); grey when not rated. */
export function ratingColor(rating: number | null): string {
  if (rating === null) return '#9e9e9e';
  return ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'][Math.min(5, Math.max(1, rating)) - 1];
}
