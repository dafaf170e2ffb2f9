import { vi } from 'vitest';

/**
 * For tests: spies on V8's sentence segmenter and measures its work as V8 does it, each segment it yields costing the
 * length of the text it was given. Segmenting a whole text of n sentences costs n × length; splitting it in windows
 * keeps the work proportional to the length. Undo with `vi.restoreAllMocks()`.
 * @returns the work done so far
 */
export function measureSegmenterWork(): () => number {
  const segment = Intl.Segmenter.prototype.segment;
  let work = 0;
  vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
    const segments = segment.call(this, input);
    const counted = {
      containing: (index?: number) => segments.containing(index),
      *[Symbol.iterator]() {
        for (const data of segments) {
          work += input.length;
          yield data;
        }
      },
    };
    return counted as unknown as Intl.Segments;
  });
  return () => work;
}
