// Command xml writes each schedule given (c3voc JSON or frab XML) in frab's
// XML form with talk/schedule, as NAME.xml in the directory given by -o,
// for check.sh to validate against schedule.xml.xsd.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/talkmeta/talkmeta/talk/schedule"
)

func main() {
	out := flag.String("o", ".", "output directory")
	flag.Parse()
	status := 0
	for _, src := range flag.Args() {
		if err := run(src, *out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
		}
	}
	os.Exit(status)
}

func run(src, out string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	s, err := schedule.Parse(data, src)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		return err
	}
	name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + ".xml"
	return os.WriteFile(filepath.Join(out, name), b.Bytes(), 0o644)
}
