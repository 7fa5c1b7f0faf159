package demo

import "testing"

// "One unit sending a corrected second version, one file with mistakes, a
// copy of a file already sent, two units missing": of nine village forms.
func TestUnitReturn(t *testing.T) {
	want := map[int]Return{0: {Copy: true}, 1: {Corrected: true}, 6: {Mistakes: true}, 7: {Missing: true}, 8: {Missing: true}}
	for i := 0; i < 9; i++ {
		if got := UnitReturn(i, 9); got != want[i] {
			t.Errorf("UnitReturn(%d, 9) = %+v, want %+v", i, got, want[i])
		}
	}
}
