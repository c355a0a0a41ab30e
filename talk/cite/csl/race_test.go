//go:build race

package csl

// raceDetector is true when the tests run with -race, which slows the
// engine tenfold: the conformance tests then leave the comparison to the
// run without it (.ci/csl/check.sh), since they start no goroutines.
const raceDetector = true
