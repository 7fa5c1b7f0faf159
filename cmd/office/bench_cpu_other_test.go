//go:build !unix

package office

import "time"

// processCPU is not measured here: the cpu-s metrics are left out.
func processCPU() time.Duration { return 0 }

// maxRSS is not measured here: the MB-maxrss metric is left out.
func maxRSS() uint64 { return 0 }
