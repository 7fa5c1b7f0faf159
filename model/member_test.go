package model

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckPhone(t *testing.T) {
	good := []string{
		"", "13912345678", "139 1234 5678", "１３９１２３４５６７８", "+86 13912345678",
		"0931-8123456", "０９３１－８１２３４５６", "（0931）8123456", "010-12345678", "8123456",
		"81234567", "0931-8123456-801", "0931-8123456转801", "09318123456",
	}
	for _, p := range good {
		if err := CheckPhone(p); err != nil {
			t.Errorf("CheckPhone(%q) = %v, want nil", p, err)
		}
	}
	bad := []string{
		"abc", "139123456789", "1391234567", "123", "0931-123", "0931-8123456-8012345",
		"12-8123456", "电话13912345678", "13912345678/13812345678", "0931--",
	}
	for _, p := range bad {
		err := CheckPhone(p)
		if err == nil {
			t.Errorf("CheckPhone(%q) = nil, want an error", p)
			continue
		}
		if msg := ErrorMessage(err); !strings.Contains(msg, "位") && !strings.Contains(msg, "电话") {
			t.Errorf("CheckPhone(%q) message %q does not say what a phone looks like", p, msg)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"１３９１２３４５６７８":      "13912345678",
		" 139 1234 5678 ":  "13912345678",
		"（0931）8123456":    "0931-8123456",
		"０９３１－８１２３４５６":     "0931-8123456",
		"0931-8123456转801": "0931-8123456-801",
	} {
		if got := NormalizePhone(in); got != want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
}

// A 正式党员 cannot have joined after today; the model takes today as an
// argument instead of reading a clock.
func TestMemberValidateEntryRefusesFutureJoinForFullMember(t *testing.T) {
	today := D(2026, 12, 2)
	m := Member{UnitID: 1, Name: "王五", Gender: Female, Birth: D(1990, 1, 1), Joined: D(2027, 1, 1),
		Status: StatusFull, Category: CategoryActive}
	var e *Error
	if err := m.ValidateEntry(today); !errors.As(err, &e) || e.Field != "Joined" || !strings.Contains(e.Message, "入党时间") {
		t.Fatalf("future join date of a 正式党员: got %v, want an error on Joined naming 入党时间", err)
	}
	if err := m.Validate(); err != nil {
		t.Errorf("Validate has no clock and must not judge the date: %v", err)
	}
	for _, joined := range []Date{today, {Year: 2026, Month: 12}, {Year: 2026}, D(2026, 12, 1)} {
		m.Joined = joined
		if err := m.ValidateEntry(today); err != nil {
			t.Errorf("joined %v (not after today) refused: %v", joined, err)
		}
	}
	m.Joined = Date{Year: 2027}
	if m.ValidateEntry(today) == nil {
		t.Error("joined in 2027 (year precision) accepted on 2026-12-02")
	}
	m.Status = StatusCandidate
	if err := m.ValidateEntry(today); err != nil {
		t.Errorf("the rule is for 正式党员 only: %v", err)
	}
}

// The member form and the store require the gender; a roster file may leave
// it blank (many have no 性别 column).
func TestMemberValidateEntryRequiresGender(t *testing.T) {
	m := Member{UnitID: 1, Name: "赵六", Status: StatusFull, Category: CategoryActive}
	if err := m.Validate(); err != nil {
		t.Fatalf("Validate (roster rows) must accept a blank gender: %v", err)
	}
	var e *Error
	if err := m.ValidateEntry(D(2026, 1, 1)); !errors.As(err, &e) || e.Field != "Gender" || !strings.Contains(e.Message, "性别") {
		t.Fatalf("ValidateEntry without gender: got %v, want an error on Gender naming 性别", err)
	}
	m.Gender = Female
	if err := m.ValidateEntry(D(2026, 1, 1)); err != nil {
		t.Errorf("with a gender: %v", err)
	}
}
