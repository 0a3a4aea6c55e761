/** Branded identifiers: a plain string at run time, a distinct type at compile time. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ItemId = Brand<string, 'ItemId'>;
export type SourceId = Brand<string, 'SourceId'>;
export type IanaZone = Brand<string, 'IanaZone'>;

/**
 * Item ids are derived from (source, externalId) so that re-delivery updates the same item.
 * Percent-encoding keeps the id reversible and free of the separator.
 */
export function itemIdFor(source: string, externalId: string): ItemId {
  return `${encodeURIComponent(source)}/${encodeURIComponent(externalId)}` as ItemId;
}
