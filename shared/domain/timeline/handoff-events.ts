/**
 * Follow-the-sun on the record: the ticket moving to the next region's engineer with its brief,
 * and that engineer confirming they have picked it up.
 */
import { RegionSchema } from '../primitives';
import { HandoffBriefSchema } from '../handoff/handoff-brief';
import { EngineerRefSchema } from '../ticket/engineer-ref';
import { eventSchema } from './event-base';

export const HandedOffSchema = eventSchema('handed-off', {
  fromEngineer: EngineerRefSchema,
  toEngineer: EngineerRefSchema,
  fromRegion: RegionSchema,
  toRegion: RegionSchema,
  brief: HandoffBriefSchema,
});

export const HandoffAcknowledgedSchema = eventSchema('handoff-acknowledged', {});
