package office

import (
	"reflect"
	"testing"

	"xingji/model/sqlite"
)

// The store is held as a field, not embedded: an embedded *sqlite.Store
// would make every method of the store part of Office's API (STYLE.md,
// "a service that embeds the whole store").
func TestOfficeDoesNotEmbedTheStore(t *testing.T) {
	storeType := reflect.TypeOf((*sqlite.Store)(nil))
	typ := reflect.TypeOf(Office{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.Anonymous {
			t.Errorf("Office embeds %s (field %s); hold it as a named field and expose the jobs", f.Type, f.Name)
		}
		if f.Type == storeType && f.IsExported() {
			t.Errorf("Office exports its store as field %s", f.Name)
		}
	}
	// Nothing of the store's that Office does not forward by name shows:
	// AcceptedValues, Close and the like are listed in this package; the
	// store's own helpers for the jobs (SaveSubmissions, SubmissionSHAs,
	// PeriodLeaders, Stats …) are not.
	office := reflect.TypeOf(&Office{})
	for _, name := range []string{"SaveSubmissions", "SaveSubmission", "SubmissionSHAs", "PeriodLeaders", "Stats", "Submission", "Submissions", "Unit", "Period", "Store"} {
		if _, ok := office.MethodByName(name); ok {
			t.Errorf("Office exposes the store's %s", name)
		}
	}
}
