/**
 * Run `work` over items with at most `concurrency` at once; results keep the items' order. A fault in
 * one item's work becomes that item's result through `fault` (default: the pool fails, once the
 * others have finished), so with a `fault` one item can never stop the others.
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  fault: (error: unknown, item: T, index: number) => Promise<R> = (error) => Promise.reject(error),
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      try {
        results[index] = await work(item, index);
      } catch (error) {
        results[index] = await fault(error, item, index);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
