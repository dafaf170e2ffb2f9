-- Finding a document by its cleaned text, so the same text is refused under a second id (DUPLICATE_CONTENT) by the
-- database itself, whichever server the two adds come through.
CREATE INDEX seogi_documents_text_md5 ON seogi_documents (md5(text));
