//go:build !race

package csl

const raceDetector = false
