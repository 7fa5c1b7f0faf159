package scoring

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPureDependencies: the engine is pure — no GUI, no SQL, no database
// driver anywhere in its dependencies (nor in the model and built-ins).
func TestPureDependencies(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	for _, pkg := range []string{"xingji/scoring", "xingji/scoring/builtin", "xingji/model"} {
		out, err := exec.Command(goTool, "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, "fyne.io") || dep == "database/sql" || strings.HasPrefix(dep, "modernc.org") ||
				strings.HasPrefix(dep, "net/http") || dep == "os/exec" {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
