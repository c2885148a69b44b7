import { describeOrgConfigChange, diffOrgConfig } from '../../../../shared/domain/org/org-config-diff';
import { OrgConfigSchema, type OrgConfig } from '../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';

const sample: OrgConfig = OrgConfigSchema.parse(sampleOrgConfig);

function lines(before: OrgConfig | undefined, after: OrgConfig): string[] {
  return diffOrgConfig(before, after).map(describeOrgConfigChange);
}

describe('what an organisation configuration import changes', () => {
  it('finds nothing between a configuration and itself', () => {
    expect(diffOrgConfig(sample, OrgConfigSchema.parse(sampleOrgConfig))).toEqual([]);
  });

  it('lists every entity as added when nothing is stored yet', () => {
    const added = diffOrgConfig(undefined, sample);
    expect(added.every((change) => change.kind === 'added')).toBe(true);
    expect(added.filter((change) => change.path === 'roster.engineers').map((change) => change.id)).toEqual(sample.roster.engineers.map((engineer) => engineer.id));
    expect(added.filter((change) => change.path === 'contracts')).toHaveLength(sample.contracts.length);
  });

  it('names added, changed and removed engineers by id, and the fields that changed', () => {
    const [first, second, ...rest] = sample.roster.engineers;
    if (first === undefined || second === undefined) throw new Error('the sample has engineers');
    const next: OrgConfig = {
      ...sample,
      roster: {
        ...sample.roster,
        engineers: [{ ...first, capacity: first.capacity + 2, skills: [...first.skills, 'intune'] }, ...rest, { ...second, id: 'ana-silva', name: 'Ana Silva' }],
      },
    };
    expect(lines(sample, next)).toEqual([`~ roster.engineers ${first.id}: skills, capacity`, '+ roster.engineers ana-silva', `- roster.engineers ${second.id}`]);
  });

  it('lists every setting of a section, not the section whole, when nothing is stored yet', () => {
    const added = lines(undefined, sample);
    expect(added.slice(0, 3)).toEqual(['+ supportDesk.name', '+ supportDesk.email', '+ supportDesk.brandColor']);
    expect(added).toContain('+ roster.handoffOrder');
    expect(added.filter((line) => line.startsWith('+ lifecycle.'))).toEqual([
      '+ lifecycle.reopenWindowDays',
      '+ lifecycle.autoCloseAfterDays',
      '+ lifecycle.resolutionReminderAfterDays',
      '+ lifecycle.handoffStallThreshold',
      '+ lifecycle.vendorFollowUpHours.A',
      '+ lifecycle.vendorFollowUpHours.B',
      '+ lifecycle.vendorFollowUpHours.C',
      '+ lifecycle.clearDescriptionMinWords',
    ]);
    expect(added).not.toContain('+ supportDesk');
  });

  it('reports a setting that appears or disappears as added or removed', () => {
    const { brandColor: _colour, ...plainDesk } = sample.supportDesk;
    const plain: OrgConfig = { ...sample, supportDesk: plainDesk };
    expect(lines(plain, sample)).toEqual(['+ supportDesk.brandColor']);
    expect(lines(sample, plain)).toEqual(['- supportDesk.brandColor']);
  });

  it('reports a list of names (the handoff order) as one setting, changed, added or removed', () => {
    const { handoffOrder, ...unordered } = sample.roster;
    if (handoffOrder === undefined) throw new Error('the sample states its handoff order');
    const reversed: OrgConfig = { ...sample, roster: { ...sample.roster, handoffOrder: [...handoffOrder].reverse() } };
    const withoutOrder: OrgConfig = { ...sample, roster: unordered };
    expect(lines(sample, reversed)).toEqual(['~ roster.handoffOrder']);
    expect(lines(withoutOrder, sample)).toEqual(['+ roster.handoffOrder']);
    expect(lines(sample, withoutOrder)).toEqual(['- roster.handoffOrder']);
  });

  it('reports a changed setting by its path', () => {
    const next: OrgConfig = { ...sample, supportDesk: { ...sample.supportDesk, email: 'desk@fabrikam.example' } };
    expect(lines(sample, next)).toEqual(['~ supportDesk.email']);
  });
});
