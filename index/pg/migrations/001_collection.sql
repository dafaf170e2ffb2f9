-- One collection: its settings, its documents with their chunks and vectors, the built-in model's files, and the
-- log of changes every server applies in order.

CREATE TABLE seogi_collection (
  -- A single row: the settings the collection was built with (model, chunking, analyzer), as IndexMeta records them.
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seogi_changes (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('add', 'delete')),
  doc_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seogi_documents (
  doc_id text PRIMARY KEY,
  -- The change that added this version of the document; an earlier add of the same id is superseded.
  added_seq bigint NOT NULL REFERENCES seogi_changes (seq),
  title text NOT NULL,
  text text NOT NULL,
  -- The document's other fields (source, date, format, pages…), as the index stores them.
  fields jsonb NOT NULL,
  -- sha256 of the raw file, as in the index manifest.
  hash text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seogi_chunks (
  doc_id text NOT NULL REFERENCES seogi_documents (doc_id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  -- float32 values, little-endian, of the model named in seogi_collection.
  vector bytea NOT NULL,
  PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE seogi_model_files (
  model_id text NOT NULL,
  name text NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (model_id, name)
);
