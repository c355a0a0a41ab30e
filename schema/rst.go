package schema

// rst checks that the text at ptr parses as reStructuredText.
// TODO(lead): wire talk/rst's diagnostics here once it lands.
func (c *checker) rst(ptr, text string) {}
