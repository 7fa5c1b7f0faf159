-- 0005_settings: the office's own settings that travel with its data file
-- (and its backups): the 公示 notice's contact lines, the certificates'
-- number pattern and printer offsets, and the like. One row per key, the
-- value as JSON; the program that writes a key reads it.

CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      BLOB NOT NULL,
	updated_at TEXT NOT NULL
);
