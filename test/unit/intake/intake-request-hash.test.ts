/** What makes two intake requests "the same request" for idempotency. */
import { idempotencyRecordId, intakeRequestHash } from '../../../shared/store/idempotency-record';
import { sampleIntake } from '../../integration/ticket-service/support/sample-intake';

describe('the intake request hash', () => {
  it('is the same for the same fields in any order, and with blank optional fields left out', () => {
    const intake = sampleIntake();
    const reordered = Object.fromEntries(Object.entries(intake).reverse());
    expect(intakeRequestHash(sampleIntake({ whatWasTried: '' }))).toBe(intakeRequestHash(intake));
    expect(intakeRequestHash(sampleIntake(reordered))).toBe(intakeRequestHash(intake));
  });

  it('differs when any field differs', () => {
    const base = intakeRequestHash(sampleIntake());
    expect(intakeRequestHash(sampleIntake({ severity: 'C' }))).not.toBe(base);
    expect(intakeRequestHash(sampleIntake({ title: 'Conditional Access blocks the finance team!' }))).not.toBe(base);
  });
});

describe('the idempotency record id', () => {
  it('is a hex digest of the key, never the key itself', () => {
    const id = idempotencyRecordId('customer-key/with?odd#characters');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyRecordId('customer-key/with?odd#characters')).toBe(id);
    expect(idempotencyRecordId('another key')).not.toBe(id);
  });
});
