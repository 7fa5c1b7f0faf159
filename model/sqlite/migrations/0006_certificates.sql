-- 0006_certificates: the numbers of the certificates (荣誉证书) issued, so
-- that a number is never given twice: one row per certificate number, the
-- period, the subject ("u:12", "m:34") and the honour it was issued for.
-- Printing the same period again finds the same numbers for the same
-- recipients; a new recipient gets the next free one.

CREATE TABLE certificate_numbers (
	number    TEXT    PRIMARY KEY,
	period_id INTEGER NOT NULL REFERENCES periods(id),
	subject   TEXT    NOT NULL,
	honour    TEXT    NOT NULL,
	issued_at TEXT    NOT NULL,
	UNIQUE (period_id, subject, honour)
);
