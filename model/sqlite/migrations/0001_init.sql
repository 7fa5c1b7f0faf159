-- 0001_init: the organization tree, the roster and its history, the import log.
-- Dates are stored as model.Date.String() text ("", "2011", "2011-03",
-- "2011-03-05"); such texts compare like model.Date.Compare.

CREATE TABLE units (
	id         INTEGER PRIMARY KEY,
	parent_id  INTEGER REFERENCES units(id),
	name       TEXT    NOT NULL,
	code       TEXT    NOT NULL UNIQUE,
	level      INTEGER NOT NULL,
	kind       TEXT    NOT NULL,
	secretary  TEXT    NOT NULL DEFAULT '',
	sort_order INTEGER NOT NULL DEFAULT 0,
	founded    TEXT    NOT NULL DEFAULT '',
	dissolved  TEXT    NOT NULL DEFAULT '',
	-- ids from the root down, e.g. '/1/5/23/': a subtree is a path prefix.
	path       TEXT    NOT NULL DEFAULT '',
	-- position in a pre-order walk of the tree (siblings by sort_order, id),
	-- kept by the store; a subtree is a contiguous range of it.
	tree_order INTEGER NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_path ON units(path);
-- Unique so that SQLite knows a walk of units by tree_order followed by
-- members by (sort_order, id) is already in list order: no sort needed.
CREATE UNIQUE INDEX units_tree_order ON units(tree_order);

CREATE TABLE members (
	id         INTEGER PRIMARY KEY,
	unit_id    INTEGER NOT NULL REFERENCES units(id),
	name       TEXT    NOT NULL,
	initials   TEXT    NOT NULL DEFAULT '',
	gender     TEXT    NOT NULL DEFAULT '',
	birth      TEXT    NOT NULL DEFAULT '',
	joined     TEXT    NOT NULL DEFAULT '',
	status     TEXT    NOT NULL,
	category   TEXT    NOT NULL,
	position   TEXT    NOT NULL DEFAULT '',
	phone      TEXT    NOT NULL DEFAULT '',
	id_number  TEXT    NOT NULL DEFAULT '',
	sort_order INTEGER NOT NULL DEFAULT 0
);
-- List order within a unit, carrying the columns that filters and searches
-- test, so a page or a count reads this index alone and fetches table rows
-- only for the rows it returns.
CREATE INDEX members_list ON members(unit_id, sort_order, id, status, category, gender, initials, name, phone);

CREATE TABLE memberships (
	id        INTEGER PRIMARY KEY,
	member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
	unit_id   INTEGER NOT NULL REFERENCES units(id),
	from_date TEXT    NOT NULL DEFAULT '',
	to_date   TEXT    NOT NULL DEFAULT '',
	note      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX memberships_member ON memberships(member_id, from_date);
CREATE INDEX memberships_unit ON memberships(unit_id, from_date);

CREATE TABLE import_log (
	id              INTEGER PRIMARY KEY,
	source          TEXT    NOT NULL DEFAULT '',
	imported_at     TEXT    NOT NULL,
	units_created   INTEGER NOT NULL DEFAULT 0,
	members_added   INTEGER NOT NULL DEFAULT 0,
	members_updated INTEGER NOT NULL DEFAULT 0,
	transfers       INTEGER NOT NULL DEFAULT 0,
	backup_path     TEXT    NOT NULL DEFAULT ''
);
