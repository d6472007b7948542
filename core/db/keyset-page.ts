// One page of a keyset-paged list: the rows were read with `take: limit + 1`, so a row beyond the limit
// means there is a next page, which continues after the last row shown (its id is the cursor).
export function keysetPage<T extends { id: number }>(rows: T[], limit: number): { items: T[]; nextCursor: number | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
