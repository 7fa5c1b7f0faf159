package sqlite

import (
	"fmt"
	"reflect"
	"testing"

	"xingji/model"
)

func qh(seq int) string { return fmt.Sprintf("QH〔2026〕%03d", seq) }

// TestCertificateNumbersAreNeverReused: the same recipients get the same
// numbers when a period is printed again, a new recipient the next free
// number, and a number already issued (here by another period, with a
// stale "next") is skipped, never given twice.
func TestCertificateNumbersAreNeverReused(t *testing.T) {
	s := openStore(t)
	b := addUnit(t, s, 0, "证书测试党委", "C", model.LevelCommittee)
	u := addUnit(t, s, b.ID, "堃琮村党支部", "C-1", model.LevelBranch)
	p1 := addPeriod(t, s, "2026年度", u.ID)
	p2 := addPeriod(t, s, "2027年度", u.ID)
	first := []model.CertificateClaim{{Subject: "u:1", Honour: "四星级党支部"}, {Subject: "m:7", Honour: "四星级党员"}}
	got, next, err := s.IssueCertificateNumbers(ctx, p1.ID, first, 1, qh)
	if err != nil || !reflect.DeepEqual(got, []string{qh(1), qh(2)}) || next != 3 {
		t.Fatalf("first batch: %v, next %d, %v", got, next, err)
	}
	again := append([]model.CertificateClaim{{Subject: "m:9", Honour: "四星级党员"}}, first...)
	got, next, err = s.IssueCertificateNumbers(ctx, p1.ID, again, next, qh)
	if err != nil || !reflect.DeepEqual(got, []string{qh(3), qh(1), qh(2)}) || next != 4 {
		t.Fatalf("printed again: %v, next %d, %v", got, next, err)
	}
	// Another period, told to start from 1 again: 001–003 are taken.
	got, next, err = s.IssueCertificateNumbers(ctx, p2.ID, first, 1, qh)
	if err != nil || !reflect.DeepEqual(got, []string{qh(4), qh(5)}) || next != 6 {
		t.Fatalf("second period: %v, next %d, %v", got, next, err)
	}
	list, err := s.IssuedCertificates(ctx, p1.ID)
	if err != nil || len(list) != 3 || list[2].Number != qh(3) || list[2].Subject != "m:9" || list[0].IssuedAt.IsZero() {
		t.Fatalf("issued: %+v, %v", list, err)
	}
}
