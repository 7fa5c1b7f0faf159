package office

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the memory the programs keep within: the issue asks for
// at most 1 GB with a city's period in memory (about 600 MB of it alive
// once computed), and the rest of the process (the program, SQLite's page
// caches, the window) takes the last hundred megabytes.
const MemoryLimit = 900 << 20

// LimitMemory sets the Go runtime's soft memory limit to MemoryLimit,
// unless GOMEMLIMIT sets one: without it the heap grows to twice what is
// alive before a collection, well past 1 GB while a city's period is
// computed; with it the collector runs more often as the heap nears the
// limit instead. The programs call it first thing.
func LimitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
