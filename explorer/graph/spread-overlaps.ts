/** Positions by node id, as layouts return them. */
export type PositionMap = Record<string, { x: number; y: number }>;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Spreads nodes that a layout put on (nearly) the same spot onto a small sunflower spiral around
 * that spot. fcose's draft quality is a spectral layout only, and a spectral layout gives
 * structurally equal nodes (the hundreds of leaves around a municipality, say) identical
 * coordinates; without this they would be drawn as one.
 *
 * @param cell nodes closer than this (in model pixels) count as one spot
 * @param spacing distance between neighbours on a spiral
 */
export function spreadOverlaps(positions: PositionMap, cell = 6, spacing = 36): PositionMap {
  // Each spot is anchored at its first node; a node joins a spot anchored within `cell` of it,
  // looked up in the grid cells around its own, so spots never straddle a cell border.
  const spots: { anchor: { x: number; y: number }; ids: string[] }[] = [];
  const grid = new Map<string, number[]>();
  for (const [id, point] of Object.entries(positions)) {
    const cx = Math.floor(point.x / cell);
    const cy = Math.floor(point.y / cell);
    let joined: number | undefined;
    for (let dx = -1; dx <= 1 && joined === undefined; dx++) {
      for (let dy = -1; dy <= 1 && joined === undefined; dy++) {
        joined = grid
          .get(`${cx + dx}:${cy + dy}`)
          ?.find(
            (s) => Math.hypot(spots[s]!.anchor.x - point.x, spots[s]!.anchor.y - point.y) < cell,
          );
      }
    }
    if (joined !== undefined) {
      spots[joined]!.ids.push(id);
      continue;
    }
    spots.push({ anchor: point, ids: [id] });
    const key = `${cx}:${cy}`;
    grid.set(key, [...(grid.get(key) ?? []), spots.length - 1]);
  }
  const spread: PositionMap = {};
  for (const { anchor: first, ids } of spots) {
    if (ids.length === 1) {
      spread[ids[0]!] = first;
      continue;
    }
    // Sorted so the same graph always spreads the same way.
    [...ids].sort().forEach((id, k) => {
      const radius = spacing * Math.sqrt(k);
      const angle = k * GOLDEN_ANGLE;
      spread[id] = {
        x: Math.round((first.x + radius * Math.cos(angle)) * 10) / 10,
        y: Math.round((first.y + radius * Math.sin(angle)) * 10) / 10,
      };
    });
  }
  return spread;
}
