-- The search index gains an indexed owner column: one token per tenant and user ('u' and the hex of
-- "tenant<US>user"), so a search intersects the words with that user's rows inside the index instead of
-- ranking every row that holds a word and dropping other users' afterwards (a frequent word in a million
-- messages took 170 ms that way). Ranking gives the owner column no weight, so ranks are as before.
DROP TRIGGER chat_messages_search_insert;
DROP TRIGGER chat_messages_search_update;
DROP TRIGGER chat_messages_search_delete;
DROP TRIGGER chat_sessions_search_insert;
DROP TRIGGER chat_sessions_search_update;
DROP TRIGGER chat_sessions_search_delete;
DROP TABLE chat_search;

CREATE VIRTUAL TABLE chat_search USING fts5(
    tenant_id UNINDEXED, user_id UNINDEXED, session_id UNINDEXED, message_id UNINDEXED,
    sequence_number UNINDEXED, text, owner,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER chat_messages_search_insert AFTER INSERT ON chat_messages
BEGIN
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text, owner)
    SELECT new.rowid, new.tenant_id, s.user_id, new.session_id, new.id, new.sequence_number, new.content,
           'u' || lower(hex(new.tenant_id || char(31) || s.user_id))
    FROM chat_sessions s WHERE s.tenant_id = new.tenant_id AND s.id = new.session_id;
END;

CREATE TRIGGER chat_messages_search_update AFTER UPDATE OF content ON chat_messages
BEGIN
    DELETE FROM chat_search WHERE rowid = old.rowid;
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text, owner)
    SELECT new.rowid, new.tenant_id, s.user_id, new.session_id, new.id, new.sequence_number, new.content,
           'u' || lower(hex(new.tenant_id || char(31) || s.user_id))
    FROM chat_sessions s WHERE s.tenant_id = new.tenant_id AND s.id = new.session_id;
END;

CREATE TRIGGER chat_messages_search_delete AFTER DELETE ON chat_messages
BEGIN
    DELETE FROM chat_search WHERE rowid = old.rowid;
END;

CREATE TRIGGER chat_sessions_search_insert AFTER INSERT ON chat_sessions
BEGIN
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text, owner)
    VALUES (-new.rowid, new.tenant_id, new.user_id, new.id, NULL, NULL,
            new.title || char(10) || coalesce(new.description, ''),
            'u' || lower(hex(new.tenant_id || char(31) || new.user_id)));
END;

CREATE TRIGGER chat_sessions_search_update AFTER UPDATE OF title, description ON chat_sessions
BEGIN
    DELETE FROM chat_search WHERE rowid = -old.rowid;
    INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text, owner)
    VALUES (-new.rowid, new.tenant_id, new.user_id, new.id, NULL, NULL,
            new.title || char(10) || coalesce(new.description, ''),
            'u' || lower(hex(new.tenant_id || char(31) || new.user_id)));
END;

CREATE TRIGGER chat_sessions_search_delete AFTER DELETE ON chat_sessions
BEGIN
    DELETE FROM chat_search WHERE rowid = -old.rowid;
END;

INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text, owner)
SELECT -rowid, tenant_id, user_id, id, NULL, NULL, title || char(10) || coalesce(description, ''),
       'u' || lower(hex(tenant_id || char(31) || user_id))
FROM chat_sessions;
INSERT INTO chat_search (rowid, tenant_id, user_id, session_id, message_id, sequence_number, text, owner)
SELECT m.rowid, m.tenant_id, s.user_id, m.session_id, m.id, m.sequence_number, m.content,
       'u' || lower(hex(m.tenant_id || char(31) || s.user_id))
FROM chat_messages m JOIN chat_sessions s ON s.tenant_id = m.tenant_id AND s.id = m.session_id;
