package model

import "time"

// CertificateClaim asks for the number of a certificate (荣誉证书): the
// subject ("u:12", "m:34") and the honour it is given for.
type CertificateClaim struct {
	Subject string
	Honour  string
}

// IssuedCertificate is a certificate number given out: never given again.
type IssuedCertificate struct {
	Number   string
	PeriodID int64
	Subject  string
	Honour   string
	IssuedAt time.Time
}
