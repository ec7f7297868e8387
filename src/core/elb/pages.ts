/** ELBv2 Describe* calls page with `Marker` / `NextMarker`. */

/** Pages followed at most (400 items a page: far beyond any load balancer's listeners or a listener's rules). */
export const MAX_PAGES = 20;

/** Every item of a Marker-paged read; `page(marker)` makes one call. */
export async function allPages<T>(
  page: (marker: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const out = await page(marker);
    items.push(...(out.items ?? []));
    marker = out.next;
    if (marker === undefined || marker === '') break;
  }
  return items;
}
