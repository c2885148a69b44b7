import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { followTheSun } from './support/roster-fixtures';

const issuesOf = (input: unknown): string[] => RosterSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('roster schema', () => {
  it('needs no handoff order: the shifts give it', () => {
    expect(followTheSun.handoffOrder).toBeUndefined();
    expect(issuesOf({ ...followTheSun, handoffOrder: ['APAC', 'EMEA', 'AMER'] })).toEqual([]);
    expect(issuesOf({ ...followTheSun, handoffOrder: ['EMEA', 'AMER', 'APAC'] })).toEqual([]);
  });

  it('rejects a handoff order that contradicts the shifts, under its own path and with the order the shifts follow', () => {
    const result = RosterSchema.safeParse({ ...followTheSun, handoffOrder: ['AMER', 'EMEA', 'APAC'] });
    expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['handoffOrder'], message: 'the handoff order AMER → EMEA → APAC contradicts the shifts, which follow each other AMER → APAC → EMEA around the clock' },
    ]);
  });

  it('rejects a handoff order that the shifts cannot confirm', () => {
    // APAC works only on Saturdays, at the same UTC hours as EMEA: AMER hands over to EMEA on weekdays and to APAC on Saturdays.
    const regions = followTheSun.regions.map((region) => (region.id === 'APAC' ? { ...region, timeZone: 'Europe/London', shifts: { sat: [{ start: '08:00', end: '17:00' }] } } : region));
    const [issue] = issuesOf({ ...followTheSun, regions, handoffOrder: ['APAC', 'EMEA', 'AMER'] });
    expect(issue).toMatch(/^the handoff order APAC → EMEA → AMER cannot be checked: the shifts follow no single order around the clock \(.+\)$/);
  });

  it('names each duplicate and a handoff order that repeats or leaves out a region, under its path', () => {
    const [amer] = followTheSun.regions;
    const [ana] = followTheSun.engineers;
    const problemsOf = (input: unknown) => RosterSchema.safeParse(input).error?.issues.map(({ path, message }) => `${path.join('.')}: ${message}`) ?? [];
    expect(problemsOf({ ...followTheSun, regions: [...followTheSun.regions, amer] })).toContain('regions: each region appears once');
    expect(problemsOf({ ...followTheSun, engineers: [...followTheSun.engineers, ana] })).toContain('engineers: engineer ids are unique');
    expect(problemsOf({ ...followTheSun, engineers: [...followTheSun.engineers, { ...ana, id: 'ana-two', directoryId: 'ana' }] })).toEqual([
      'engineers: each engineer signs in as a different identity (directoryId, else id)',
    ]);
    expect(problemsOf({ ...followTheSun, handoffOrder: ['APAC', 'APAC', 'EMEA'] })).toEqual(['handoffOrder: the handoff order names every rostered region once']);
    expect(problemsOf({ ...followTheSun, handoffOrder: ['APAC', 'EMEA'] })).toEqual(['handoffOrder: the handoff order names every rostered region once']);
  });

  it('rejects duplicate regions and engineers, and engineers of a region without a roster', () => {
    const [amer] = followTheSun.regions;
    const [ana] = followTheSun.engineers;
    expect(issuesOf({ ...followTheSun, regions: [...followTheSun.regions, amer] })).toContain('each region appears once');
    expect(issuesOf({ ...followTheSun, engineers: [...followTheSun.engineers, ana] })).toContain('engineer ids are unique');
    expect(issuesOf({ ...followTheSun, regions: followTheSun.regions.filter((region) => region.id !== 'APAC') })).toContain('region APAC has no roster');
  });

  it('rejects two engineers who would sign in as the same identity', () => {
    const [ana, second] = followTheSun.engineers;
    if (ana === undefined || second === undefined) throw new Error('the fixture roster has two engineers');
    const sameDirectoryId = followTheSun.engineers.map((engineer) => (engineer.id === second.id ? { ...engineer, directoryId: ana.id } : engineer));
    expect(issuesOf({ ...followTheSun, engineers: sameDirectoryId })).toContain('each engineer signs in as a different identity (directoryId, else id)');
  });

  it('rejects a handoff order that leaves out a rostered region or repeats one', () => {
    expect(issuesOf({ ...followTheSun, handoffOrder: ['AMER', 'EMEA'] })).toContain('the handoff order names every rostered region once');
    expect(issuesOf({ ...followTheSun, handoffOrder: ['AMER', 'EMEA', 'APAC', 'AMER'] })).toContain('the handoff order names every rostered region once');
    expect(issuesOf({ ...followTheSun, regions: followTheSun.regions.filter((region) => region.id !== 'APAC'), engineers: [], handoffOrder: ['AMER', 'EMEA', 'APAC'] })).toContain(
      'the handoff order names every rostered region once',
    );
  });

  it('accepts a shift across midnight or up to 24:00, and rejects one that ends when it starts', () => {
    const withShift = (start: string, end: string) => ({ ...followTheSun, regions: followTheSun.regions.map((region) => ({ ...region, shifts: { mon: [{ start, end }] } })) });
    expect(issuesOf(withShift('22:00', '06:00'))).toEqual([]);
    expect(issuesOf(withShift('00:00', '24:00'))).toEqual([]);
    expect(issuesOf(withShift('08:00', '08:00'))).toContain('a shift must not end when it starts');
    expect(issuesOf(withShift('24:00', '06:00'))).toContain('a shift cannot start at 24:00');
  });

  it('rejects an engineer without a valid email or with a negative capacity', () => {
    const [ana] = followTheSun.engineers;
    expect(issuesOf({ ...followTheSun, engineers: [{ ...ana, email: 'ana' }] }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...followTheSun, engineers: [{ ...ana, capacity: -1 }] }).length).toBeGreaterThan(0);
  });

  it('rejects on-call cover that names someone off the roster or from another region, twice, or with no hours', () => {
    const withEmeaOnCall = (onCall: unknown) => ({ ...followTheSun, regions: followTheSun.regions.map((region) => (region.id === 'EMEA' ? { ...region, onCall: [onCall] } : region)) });
    const evenings = { mon: [{ start: '17:00', end: '20:00' }] };
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['eva', 'emil'], weekly: evenings }))).toEqual([]);
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['eva'], weekly: {}, onHolidays: [{ start: '22:00', end: '06:00' }] }))).toEqual([]);
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['nobody'], weekly: evenings }))).toEqual(['on-call engineer nobody is not on the roster']);
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['ana'], weekly: evenings }))).toEqual(['on-call engineer ana works in AMER, not EMEA']);
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['eva', 'eva'], weekly: evenings }))).toEqual(['each on-call engineer is listed once']);
    expect(issuesOf(withEmeaOnCall({ engineerIds: [], weekly: evenings })).length).toBeGreaterThan(0);
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['eva'], weekly: {} }))).toEqual(['on-call cover needs hours, weekly or on holidays']);
    expect(issuesOf(withEmeaOnCall({ engineerIds: ['eva'], weekly: { sat: [{ start: '09:00', end: '09:00' }] } }))).toEqual(['a shift must not end when it starts']);
  });

  it('rejects a handoff order naming a region that has no roster, even with the right number of regions', () => {
    const twoRegions = { ...followTheSun, regions: followTheSun.regions.filter((region) => region.id !== 'APAC'), engineers: [] };
    expect(issuesOf({ ...twoRegions, handoffOrder: ['AMER', 'APAC'] })).toEqual(['the handoff order names every rostered region once']);
  });

  it('shows the order the shifts follow from the region the configured order starts with', () => {
    expect(issuesOf({ ...followTheSun, handoffOrder: ['EMEA', 'APAC', 'AMER'] })).toEqual([
      'the handoff order EMEA → APAC → AMER contradicts the shifts, which follow each other EMEA → AMER → APAC around the clock',
    ]);
  });

  it('points at each engineer whose region has no roster', () => {
    const result = RosterSchema.safeParse({ ...followTheSun, regions: followTheSun.regions.filter((region) => region.id !== 'APAC') });
    const apacEngineers = followTheSun.engineers.flatMap((engineer, index) => (engineer.region === 'APAC' ? [['engineers', index, 'region']] : []));
    expect(result.error?.issues.filter((issue) => issue.message === 'region APAC has no roster').map((issue) => issue.path)).toEqual(apacEngineers);
  });
});

