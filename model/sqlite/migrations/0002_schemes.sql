-- 0002_schemes: assessment schemes the office imported or edited. Built-in
-- schemes live in the program and are stored only once the office saves one.
-- json is the whole model.Scheme as written by encoding/json; a (code,
-- version) pair, once saved, never changes content: edits need a new version.

CREATE TABLE schemes (
	id         INTEGER PRIMARY KEY,
	code       TEXT    NOT NULL,
	version    TEXT    NOT NULL DEFAULT '',
	name       TEXT    NOT NULL,
	source     TEXT    NOT NULL DEFAULT '',
	json       TEXT    NOT NULL,
	created_at TEXT    NOT NULL,
	UNIQUE (code, version)
);
