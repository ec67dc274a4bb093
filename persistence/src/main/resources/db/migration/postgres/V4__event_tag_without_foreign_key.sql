-- event_tag's rows are written only by JournalWriter, in the transaction that writes their journal
-- rows, so the foreign key to event_journal checked what could not be otherwise. The check cost a
-- lookup and a row lock (a WAL record) on the journal row for every tag row: measured with the chat
-- benchmark at 900 messages/s, 0.022 ms per tag insert with it, 0.010 without (pg_stat_statements).
-- Its ON DELETE CASCADE is now done by hand where Hearth deletes journal rows (the archive's
-- retention, ArchiveRepository.deleteExpired); tag rows left by any other delete would join no
-- journal row, so eventsByTag would skip them. Kept in step with h2/V6.
ALTER TABLE event_tag DROP CONSTRAINT fk_event_journal;
