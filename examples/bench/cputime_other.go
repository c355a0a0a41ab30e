//go:build !unix

package main

import (
	"runtime/metrics"
	"time"
)

// cpuTime returns the runtime's estimate of the CPU time the process has
// used, where there is no getrusage: all its CPU time but idle time.
func cpuTime() time.Duration {
	sample := []metrics.Sample{{Name: "/cpu/classes/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}}
	metrics.Read(sample)
	return time.Duration((sample[0].Value.Float64() - sample[1].Value.Float64()) * float64(time.Second))
}
