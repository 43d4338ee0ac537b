import {
  BUSINESS_TYPES,
  CONTRACT_CRITICALITIES,
  CONTRACT_TYPES,
  DATA_TYPE_NAMES,
  EXTENSION_OPTIONS,
  INTERFACE_TECHNOLOGIES,
  PROCUREMENT_STRATEGIES,
  PURCHASE_FORMS,
  RELATION_FREQUENCIES,
} from '../../model/kitos-options.ts';
import { normalizeName } from '../aliases.ts';

/**
 * The option values Kitos seeds (shared/reference/kitos.md §3.2) for the option fields Overblik
 * keeps as text. A value outside these lists is still imported as text, with a warning: an
 * organisation may have added local options, or the value may be a typo worth fixing in Kitos.
 */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  businessType: BUSINESS_TYPES,
  // Kitos's interface types include one the demo does not draw, and its data types the
  // misspelling "Klassikfikation" that real exports carry.
  interfaceType: [...INTERFACE_TECHNOLOGIES, 'User interface'],
  dataType: [...DATA_TYPE_NAMES, 'Klassikfikation'],
  relationFrequency: RELATION_FREQUENCIES,
  contractType: CONTRACT_TYPES,
  purchaseType: PURCHASE_FORMS,
  procurementStrategy: PROCUREMENT_STRATEGIES,
  criticality: CONTRACT_CRITICALITIES,
  extensionOptions: EXTENSION_OPTIONS,
};

const LOOKUP = new Map(
  Object.entries(KNOWN).map(([field, values]) => [field, new Set(values.map(optionKey))]),
);

/** Compared without case, spacing and the " (STORM)" suffix some catalogues carry. */
function optionKey(value: string): string {
  return normalizeName(value.replace(/\s*\(STORM\)\s*$/i, ''));
}

/** Whether `value` is one of the seeded options of a Kitos option field. */
export function isKnownKitosOption(field: string, value: string): boolean {
  return LOOKUP.get(field)?.has(optionKey(value)) ?? true;
}
