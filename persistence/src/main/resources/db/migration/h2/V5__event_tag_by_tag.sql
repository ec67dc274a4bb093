-- The read journal's eventsByTag asks for one tag's events after an offset; event_tag's primary
-- key starts with event_id, so without this index each poll scans the whole table
-- (see postgres/V3, where the chat benchmark measured it).
CREATE INDEX "event_tag_tag_idx" ON "event_tag" ("tag", "event_id");
