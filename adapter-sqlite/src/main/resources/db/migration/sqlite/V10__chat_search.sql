-- Full-text search over chat: one index row per message (rowid = the message's rowid) and per session's
-- title and description (rowid = minus the session's rowid), kept in step by triggers in the writing
-- transaction. Words as SearchWords cuts them: letters and digits, case and accents folded.
CREATE VIRTUAL TABLE chat_search USING fts5(
    tenant_id UNINDEXED, user_id UNINDEXED, session_id UNINDEXED, message_id UNINDEXED,
    sequence_number UNINDEXED, text,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER chat_messages_search_insert AFTER INSERT ON chat_messages
BEGIN
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text)
    SELECT new.rowid, new.tenant_id, s.user_id, new.session_id, new.id, new.sequence_number, new.content
    FROM chat_sessions s WHERE s.tenant_id = new.tenant_id AND s.id = new.session_id;
END;

CREATE TRIGGER chat_messages_search_update AFTER UPDATE OF content ON chat_messages
BEGIN
    DELETE FROM chat_search WHERE rowid = old.rowid;
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text)
    SELECT new.rowid, new.tenant_id, s.user_id, new.session_id, new.id, new.sequence_number, new.content
    FROM chat_sessions s WHERE s.tenant_id = new.tenant_id AND s.id = new.session_id;
END;

CREATE TRIGGER chat_messages_search_delete AFTER DELETE ON chat_messages
BEGIN
    DELETE FROM chat_search WHERE rowid = old.rowid;
END;

CREATE TRIGGER chat_sessions_search_insert AFTER INSERT ON chat_sessions
BEGIN
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text)
    VALUES (-new.rowid, new.tenant_id, new.user_id, new.id, NULL, NULL,
            new.title || char(10) || coalesce(new.description, ''));
END;

CREATE TRIGGER chat_sessions_search_update AFTER UPDATE OF title, description ON chat_sessions
BEGIN
    DELETE FROM chat_search WHERE rowid = -old.rowid;
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text)
    VALUES (-new.rowid, new.tenant_id, new.user_id, new.id, NULL, NULL,
            new.title || char(10) || coalesce(new.description, ''));
END;

CREATE TRIGGER chat_sessions_search_delete AFTER DELETE ON chat_sessions
BEGIN
    DELETE FROM chat_search WHERE rowid = -old.rowid;
END;

-- What V9 stored before the index existed.
INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text)
SELECT -rowid, tenant_id, user_id, id, NULL, NULL, title || char(10) || coalesce(description, '')
FROM chat_sessions;
INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text)
SELECT m.rowid, m.tenant_id, s.user_id, m.session_id, m.id, m.sequence_number, m.content
FROM chat_messages m JOIN chat_sessions s ON s.tenant_id = m.tenant_id AND s.id = m.session_id;
