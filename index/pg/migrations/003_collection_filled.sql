-- Whether the collection's first import has finished: a server that finds it unfinished (cut short by a kill or a lost
-- connection) finishes it, as imports skip what is there already.
ALTER TABLE seogi_collection ADD COLUMN filled boolean NOT NULL DEFAULT false;
