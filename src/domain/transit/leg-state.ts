/** The state a route is in after a leg: rail of a gauge, or another mode (the transit model's unit of change at a place). */
export type LegState = 'rail-1520' | 'rail-1435' | 'rail-1676' | 'ferry' | 'sea' | 'road';
