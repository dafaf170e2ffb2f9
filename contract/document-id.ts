/**
 * The id the service gives a new document, which is also the file name it is stored under in DOCS_DIR: letters (any
 * script), digits, `_`, `-`, `.`, not starting with a dot; at most 100 characters. The server names new documents by
 * it and the API validates ids sent for new documents with it (its source is the OpenAPI `pattern`).
 */
export const DOCUMENT_ID = /^(?!\.)[\p{L}\p{N}_.-]{1,100}$/u;
