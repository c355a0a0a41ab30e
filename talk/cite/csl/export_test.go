package csl

// RaceDetector lets the external tests skip, under -race, the long
// comparisons that .ci/csl/check.sh runs without it.
const RaceDetector = raceDetector
