import { complementSpans, mergeSpans, spanLength, subtractSpans } from '../../../../shared/domain/calendar/time-span';

/** The span arithmetic under every deadline: its outputs are sorted, disjoint and never empty. */
describe('time spans', () => {
  it('merges overlapping and touching spans into one, whatever their order', () => {
    expect(mergeSpans([{ start: 30, end: 40 }, { start: 0, end: 10 }, { start: 10, end: 20 }, { start: 35, end: 50 }])).toEqual([
      { start: 0, end: 20 },
      { start: 30, end: 50 },
    ]);
  });

  it('keeps a span swallowed by an earlier one inside it', () => {
    expect(mergeSpans([{ start: 0, end: 100 }, { start: 20, end: 30 }])).toEqual([{ start: 0, end: 100 }]);
  });

  it('drops empty and reversed spans', () => {
    expect(mergeSpans([{ start: 5, end: 5 }, { start: 9, end: 7 }, { start: 20, end: 30 }])).toEqual([{ start: 20, end: 30 }]);
  });

  it('keeps spans apart when a gap separates them', () => {
    expect(mergeSpans([{ start: 0, end: 10 }, { start: 11, end: 20 }])).toEqual([
      { start: 0, end: 10 },
      { start: 11, end: 20 },
    ]);
  });

  it('subtracts holes, leaving only non-empty pieces', () => {
    const holes = mergeSpans([{ start: -10, end: 0 }, { start: 10, end: 20 }, { start: 20, end: 25 }, { start: 90, end: 100 }, { start: 120, end: 130 }]);
    expect(subtractSpans({ start: 0, end: 100 }, holes)).toEqual([
      { start: 0, end: 10 },
      { start: 25, end: 90 },
    ]);
  });

  it('leaves nothing of a span a hole covers, and the whole span when the holes lie outside it', () => {
    expect(subtractSpans({ start: 10, end: 20 }, [{ start: 0, end: 30 }])).toEqual([]);
    expect(subtractSpans({ start: 10, end: 20 }, [{ start: 0, end: 5 }, { start: 25, end: 30 }])).toEqual([{ start: 10, end: 20 }]);
  });

  it('leaves no empty piece where a hole begins at the span\'s start or ends at its end', () => {
    expect(subtractSpans({ start: 0, end: 100 }, [{ start: 0, end: 10 }])).toEqual([{ start: 10, end: 100 }]);
    expect(subtractSpans({ start: 0, end: 100 }, [{ start: 90, end: 100 }])).toEqual([{ start: 0, end: 90 }]);
  });

  it('gives the open stretches left between covered spans', () => {
    expect(complementSpans([{ start: 10, end: 20 }], { start: 0, end: 30 })).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
  });

  it('adds up the length of spans', () => {
    expect(spanLength([{ start: 0, end: 10 }, { start: 20, end: 25 }])).toBe(15);
    expect(spanLength([])).toBe(0);
  });
});
