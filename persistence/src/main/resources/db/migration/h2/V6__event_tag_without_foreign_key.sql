-- The foreign key from event_tag to event_journal checked what JournalWriter already guarantees
-- (a tag row is written with its journal row, in one transaction) at the cost of a lookup per tag
-- row; see postgres/V4, where the chat benchmark measured it. Retention deletes tag rows itself.
ALTER TABLE "event_tag" DROP CONSTRAINT "fk_event_journal";
