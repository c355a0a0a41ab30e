// Package cite turns talks into citations.
package cite
