-- The chat of a recorded message event, so `@bot 导入` finds the file the same person just sent to the
-- same chat through a column (src/storage/repositories/transport/recent-events.ts) instead of matching the
-- chat id inside the payload JSON. Rows recorded before this migration keep NULL; the inbox keeps a row
-- for about a day, so they age out on their own.
ALTER TABLE lark_inbound_events ADD COLUMN chat_id TEXT;
