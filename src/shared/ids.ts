/** Branded identifiers: a plain string at run time, a distinct type at compile time. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An item's id: only `itemIdFor` makes one, so an id can never be taken from the wrong string. */
export type ItemId = Brand<string, 'ItemId'>;

/**
 * Item ids are derived from (source, externalId) so that re-delivery updates the same item.
 * Percent-encoding keeps the id reversible and free of the separator.
 */
export function itemIdFor(source: string, externalId: string): ItemId {
  return `${encodeURIComponent(source)}/${encodeURIComponent(externalId)}` as ItemId;
}
