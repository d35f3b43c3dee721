/**
 * The cargo an emission figure is for: a mass in tonnes, or a number of
 * containers (TEU or FEU) with the net tonnes each TEU carries. Containers
 * convert to tonnes with the given tonnes per TEU or the data set's stated
 * default (data/emission-factors.json `cargo`).
 */
import { DomainError } from '../errors.js';
import type { CargoDefaults } from './emission-schema.js';

export type CargoUnit = 'tonnes' | 'TEU' | 'FEU';

export interface CargoInput {
  tonnes?: number | undefined;
  teu?: number | undefined;
  feu?: number | undefined;
  /** Net cargo per TEU, t; only with teu or feu. */
  tonnesPerTeu?: number | undefined;
}

export interface Cargo {
  unit: CargoUnit;
  /** How many of the unit: tonnes, TEU or FEU as asked. */
  count: number;
  /** Net cargo mass the figures are for, t. */
  tonnes: number;
  /** Containers in TEU (FEU × teuPerFeu); null when the cargo was given in tonnes. */
  teu: number | null;
  /** Net t per TEU used; null for tonnes. */
  tonnesPerTeu: number | null;
  /** True when tonnesPerTeu is the data set's default, not the caller's. */
  defaultLoad: boolean;
}

const positive = (x: number | undefined): boolean => x === undefined || (Number.isFinite(x) && x > 0);

/** One of tonnes, teu, feu (none: `fallbackTonnes`); throws INVALID_CONSTRAINT for a mix or a bad number. */
export function resolveCargo(input: CargoInput, defaults: CargoDefaults, fallbackTonnes: number): Cargo {
  const given = (['tonnes', 'teu', 'feu'] as const).filter((k) => input[k] !== undefined);
  if (given.length > 1) {
    const fields = given.map((k) => ({ tonnes: 'cargoTonnes', teu: 'cargoTeu', feu: 'cargoFeu' })[k]);
    throw new DomainError('INVALID_CONSTRAINT', `give the cargo one way: ${fields.join(' and ')} were both given`, { field: fields[1], value: input[given[1]!] });
  }
  for (const [k, field] of [['tonnes', 'cargoTonnes'], ['teu', 'cargoTeu'], ['feu', 'cargoFeu'], ['tonnesPerTeu', 'tonnesPerTeu']] as const) {
    if (!positive(input[k])) throw new DomainError('INVALID_CONSTRAINT', `${field} must be a positive number, got ${input[k]}`, { field, value: input[k] });
  }
  if (input.tonnesPerTeu !== undefined && input.teu === undefined && input.feu === undefined) {
    throw new DomainError('INVALID_CONSTRAINT', 'tonnesPerTeu applies only with cargoTeu or cargoFeu', { field: 'tonnesPerTeu', value: input.tonnesPerTeu });
  }
  if (input.teu === undefined && input.feu === undefined) {
    const tonnes = input.tonnes ?? fallbackTonnes;
    if (!positive(tonnes)) throw new DomainError('INVALID_CONSTRAINT', `cargoTonnes must be a positive number, got ${tonnes}`, { field: 'cargoTonnes', value: tonnes });
    return { unit: 'tonnes', count: tonnes, tonnes, teu: null, tonnesPerTeu: null, defaultLoad: false };
  }
  const perTeu = input.tonnesPerTeu ?? defaults.defaultTonnesPerTeu;
  const unit: CargoUnit = input.teu !== undefined ? 'TEU' : 'FEU';
  const count = (input.teu ?? input.feu)!;
  const teu = unit === 'TEU' ? count : count * defaults.teuPerFeu;
  return { unit, count, tonnes: teu * perTeu, teu, tonnesPerTeu: perTeu, defaultLoad: input.tonnesPerTeu === undefined };
}

/** A cargo given in tonnes. */
export function tonnesCargo(tonnes: number): Cargo {
  return { unit: 'tonnes', count: tonnes, tonnes, teu: null, tonnesPerTeu: null, defaultLoad: false };
}
