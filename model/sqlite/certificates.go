package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"xingji/model"
)

// IssueCertificateNumbers gives each claim of the period its certificate
// number, in one transaction: the number issued for the same subject and
// honour before, else a new one, number(seq) for seq from next upwards,
// skipping any number already issued (to any period). It returns the
// numbers in the order of the claims and the sequence number to start
// from next time.
func (s *Store) IssueCertificateNumbers(ctx context.Context, periodID int64, claims []model.CertificateClaim,
	next int, number func(seq int) string) ([]string, int, error) {
	out := make([]string, len(claims))
	err := s.write(ctx, func(tx *sql.Tx) error {
		now := s.opts.Now().Format(time.RFC3339Nano)
		for i, c := range claims {
			err := tx.QueryRowContext(ctx, `SELECT number FROM certificate_numbers
				WHERE period_id = ? AND subject = ? AND honour = ?`, periodID, c.Subject, c.Honour).Scan(&out[i])
			if err == nil {
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return wrap(err, "读取证书编号失败")
			}
			for {
				n := number(next)
				next++
				var taken int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM certificate_numbers WHERE number = ?`, n).Scan(&taken); err != nil {
					return wrap(err, "读取证书编号失败")
				}
				if taken > 0 {
					continue
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO certificate_numbers (number, period_id, subject, honour, issued_at)
					VALUES (?, ?, ?, ?, ?)`, n, periodID, c.Subject, c.Honour, now); err != nil {
					return wrap(err, "保存证书编号失败")
				}
				out[i] = n
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return out, next, nil
}

// IssuedCertificates lists the certificate numbers issued for a period, in
// the order they were given.
func (s *Store) IssuedCertificates(ctx context.Context, periodID int64) ([]model.IssuedCertificate, error) {
	var out []model.IssuedCertificate
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT number, period_id, subject, honour, issued_at
			FROM certificate_numbers WHERE period_id = ? ORDER BY issued_at, rowid`, periodID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c model.IssuedCertificate
			var at string
			if err := rows.Scan(&c.Number, &c.PeriodID, &c.Subject, &c.Honour, &at); err != nil {
				return err
			}
			c.IssuedAt, _ = time.Parse(time.RFC3339Nano, at)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, wrap(err, "读取证书编号失败")
}
